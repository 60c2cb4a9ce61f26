/**
 * The two content scripts and the one signal between them. The first look runs on every page the
 * extension may read; the auditor only where the first look saw a report or a list of reports.
 */

/** Tiny, always injected (manifest for *.gov.cn, registered at run time for user-added sites). */
export const FIRST_LOOK_SCRIPT = 'first-look.js';

/** Where the first look runs without asking: the manifest's host permission. */
export const FIRST_LOOK_MATCHES = ['*://*.gov.cn/*'];

/** The full auditor (engine, overlay, messaging), injected into one frame on demand. */
export const AUDITOR_SCRIPT = 'content-scripts/content.js';

/**
 * A frame whose first look said "maybe a report" (or "a list of reports") opens a port with this
 * name; the background injects the auditor into exactly that frame. A port, not a message: the
 * first look cannot afford zod, and the request map's handlers stay about requests with answers.
 */
export const MAYBE_REPORT_PORT = 'report-auditor:maybe-report';
