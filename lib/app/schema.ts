// zod/mini: StoredFinding and STATUSES reach the auditor content script through content-messages.ts.
import * as z from 'zod/mini';
import { lazySchema } from '../engine/lazy-schema';
import { Finding } from '../engine/model';
import { ReportSnapshot } from '../engine/snapshot';
import { LANGUAGE_SETTINGS } from './i18n';

/** Audit status of a finding, as auditors mark it. Keys are stable; labels are what users see. */
export const STATUSES = ['pending', 'confirmed', 'false_positive', 'fixed'] as const;
export const Status = lazySchema(() => z.enum(STATUSES));
export type Status = z.infer<typeof Status>;
export const STATUS_LABELS: Record<Status, { zh: string; en: string }> = {
  pending: { zh: '待核实', en: 'To verify' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
  false_positive: { zh: '误报', en: 'False positive' },
  fixed: { zh: '已整改', en: 'Fixed' },
};

export const StoredFinding = lazySchema(() => z.extend(Finding, { id: z.string().check(z.minLength(1)) }));
export type StoredFinding = z.infer<typeof StoredFinding>;

/** One audited report page, as stored: the engine's snapshot (never the page itself) plus the audit trail. */
export const ReportRecord = lazySchema(() =>
  z.extend(ReportSnapshot, {
    id: z.string().check(z.minLength(1)),
    firstAuditedAt: z.number(),
    auditedAt: z.number(),
    findings: z.array(StoredFinding),
    /** Findings of the previous audit that this one no longer shows. */
    gone: z.array(StoredFinding),
    /** Ids in `findings` that the previous audit did not show. */
    newIds: z.array(z.string()),
    note: z.string(),
    noteBy: z.string(),
    noteUpdatedAt: z.nullable(z.number()),
    /**
     * When an audit of its page no longer found this report there (a compilation now holding fewer reports,
     * or one report where there were several): the record and its notes are kept, marked. Cleared when it is back.
     */
    absentSince: z.optional(z.number()),
  }),
);
export type ReportRecord = z.infer<typeof ReportRecord>;

/** An auditor's note and status on one finding. Kept when the finding goes away, so history is not lost. */
export const FindingNote = lazySchema(() =>
  z.object({
    reportId: z.string().check(z.minLength(1)),
    findingId: z.string().check(z.minLength(1)),
    note: z.string(),
    status: Status,
    by: z.string(),
    updatedAt: z.number(),
  }),
);
export type FindingNote = z.infer<typeof FindingNote>;

export const Settings = lazySchema(() =>
  z.object({
    auditor: z.string(),
    disabledRules: z.array(z.string()),
    /** Sites the user added for the content script beyond *.gov.cn, as match patterns (`*://host/*`, see lib/sites.ts). */
    sites: z.array(z.string()),
    /** The UI language (lib/app/i18n.ts); absent, as in every value stored before the switch existed, it follows the browser. */
    language: z.optional(z.enum(LANGUAGE_SETTINGS)),
  }),
);
export type Settings = z.infer<typeof Settings>;
export const DEFAULT_SETTINGS: Settings = { auditor: '', disabledRules: [], sites: [] };

/** A finding's status and note at one moment; null before its first note. */
export const NoteFields = lazySchema(() => z.object({ status: Status, note: z.string() }));
export type NoteFields = z.infer<typeof NoteFields>;

/**
 * One change of a finding's status or note: who, when, before and after. Written by the background
 * with every note save; typing that goes on (saves a few seconds apart, by the same auditor, text only)
 * extends the last entry instead of adding one per pause.
 */
export const HistoryEntry = lazySchema(() =>
  z.object({
    /**
     * Unique across browsers, so an import can tell an entry it already has. No length limit: entries
     * made by the version 4 upgrade are named after their report's URL, and what was stored must import.
     */
    id: z.string().check(z.minLength(1)),
    reportId: z.string().check(z.minLength(1)),
    findingId: z.string().check(z.minLength(1)),
    by: z.string(),
    at: z.number(),
    before: z.nullable(NoteFields),
    after: NoteFields,
  }),
);
export type HistoryEntry = z.infer<typeof HistoryEntry>;
