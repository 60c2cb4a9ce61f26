/**
 * The two content scripts and the one signal between them. The first look runs on every page the
 * extension may read; the auditor only where the first look saw a report or a list of reports.
 */

/** Tiny; injected by the background into every frame it may read once the tab has loaded (background/first-look.ts). */
export const FIRST_LOOK_SCRIPT = 'first-look.js';

/** The full auditor (overlay, page reading, messaging), injected into one frame on demand (imported as a module where the browser can). */
export const AUDITOR_SCRIPT = 'content-scripts/content.js';

/**
 * A frame whose first look said "maybe a report" (or "a list of reports") and could not import the
 * auditor itself (Firefox, or a failed import) opens a port with this name; the background injects
 * the auditor into exactly that frame. A port, not a message: the
 * first look cannot afford zod, and the request map's handlers stay about requests with answers.
 */
export const MAYBE_REPORT_PORT = 'report-auditor:maybe-report';

/**
 * A frame inside a page with the first look has loaded (an iframe added late, a link opened in a named
 * frame): no tab load completes for it, so the first look asks the background to look into the tab's
 * frames again. Like the other port, it carries nothing but its name.
 */
export const FRAME_LOADED_PORT = 'report-auditor:frame-loaded';

/**
 * The auditor posts the page's tree (lib/engine/source/page-tree.ts) on a port of this name; the
 * background audits it and posts each report back (background/page-audit.ts). The page's URL is
 * the browser's, from the port's sender.
 */
export const PAGE_AUDIT_PORT = 'report-auditor:page-audit';

/**
 * The extension's own world in a frame (content scripts of one extension share it; the page never
 * sees it): the first look marks that it runs there, and leaves what it saw for the auditor it
 * brings, which then does not read the page a second time to decide the same thing; the auditor
 * keeps its lifetime there, for a newer copy to end.
 */
export interface LookingWorld {
  reportAuditorFirstLook?: true;
  reportAuditorSaw?: { look: 'report' | 'list'; url: string };
  /** The running auditor's lifetime (entrypoints/content/lifetime.ts): an older copy that finds another here ends. */
  reportAuditorLife?: object;
}
