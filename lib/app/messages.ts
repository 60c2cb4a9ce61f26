/**
 * Every message between the content script, the background and the extension pages. Each side
 * validates what it receives with these schemas: a page could forge messages to a content
 * script's listener, and a stale tab may run an older content script.
 */
import { z } from 'zod';
import { HttpUrl, MAX_LINKS } from './batch/job';
import { ImportPart } from './export/import-parts';
import { ReportSnapshot } from '../engine/snapshot';
import { FindingNote, ReportRecord, Settings, Status } from './schema';


/** Requests to the background. */
export const Request = z.discriminatedUnion('type', [
  z.object({ type: z.literal('audit:save'), report: ReportSnapshot }),
  z.object({ type: z.literal('report:get'), reportId: z.string() }),
  z.object({ type: z.literal('tab:report'), tabId: z.number().int() }),
  z.object({ type: z.literal('note:set'), reportId: z.string(), findingId: z.string(), note: z.string().max(20000), status: Status }),
  z.object({ type: z.literal('report-note:set'), reportId: z.string(), note: z.string().max(20000) }),
  z.object({ type: z.literal('settings:get') }),
  z.object({ type: z.literal('panel:open') }),
  z.object({ type: z.literal('audit:tab'), tabId: z.number().int() }),
  /**
   * One part of a JSON export (checked whole by the records page first) to merge into the stored
   * audits; the background writes when the last part is in (lib/app/export/import-parts.ts).
   */
  ImportPart.extend({ type: z.literal('audits:import') }),
  /** A list page's report links, to audit all at once in a batch page the background opens. */
  z.object({
    type: z.literal('batch:start'),
    listUrl: HttpUrl,
    title: z.string().max(500),
    links: z.array(z.object({ url: HttpUrl, title: z.string().max(500) })).min(1).max(MAX_LINKS),
    /** The list's next page, which the batch page reads for more links. */
    next: HttpUrl.nullable(),
  }),
  /** Opens the rule reference at one rule: content scripts cannot link to extension pages. */
  z.object({ type: z.literal('rules:open'), ruleId: z.string().regex(/^[a-z0-9-]{1,80}$/) }),
]);
export type Request = z.infer<typeof Request>;

/** What the background knows of one report: the record and the notes on its findings. */
export const ReportState = z.object({ record: ReportRecord, notes: z.array(FindingNote) });
export type ReportState = z.infer<typeof ReportState>;

/** How many stored reports and notes an import changed. */
export const ImportSummary = z.object({ reports: z.number().int(), notes: z.number().int() });
export type ImportSummary = z.infer<typeof ImportSummary>;

export const Response = z.union([
  z.object({
    ok: z.literal(true),
    state: ReportState.nullable().optional(),
    settings: Settings.optional(),
    imported: ImportSummary.optional(),
    /** The batch job batch:start created or continued. */
    jobId: z.string().optional(),
  }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type Response = z.infer<typeof Response>;

/** Messages the background or an extension page sends to a tab's content script. */
export const TabMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('finding:reveal'), findingId: z.string() }),
  z.object({ type: z.literal('state:changed'), reportId: z.string() }),
  z.object({ type: z.literal('audit:run') }),
  z.object({ type: z.literal('overlay:visible'), visible: z.boolean() }),
]);
export type TabMessage = z.infer<typeof TabMessage>;

/**
 * What the background broadcasts to the extension pages. Stored data reaches them through Dexie's
 * liveQuery; this tells the side panel that a tab's report changed, which the database cannot say.
 */
export const PageMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('state:changed'), reportId: z.string(), tabId: z.number().int().optional() }),
]);
export type PageMessage = z.infer<typeof PageMessage>;
