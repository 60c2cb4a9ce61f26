/**
 * Every request to the background, as one typed map: a zod schema per request and per answer,
 * keyed by `type`. The content script's part lives in content-messages.ts (it bundles only that);
 * this adds what the extension's own pages may ask. Each side validates what it receives: a page
 * could forge messages to a content script's listener, and a stale tab may run an older script.
 */
import * as z from 'zod/mini';
import { BatchJob } from './batch/job';
import { ImportPart } from './export/import-parts';
import { FindingNote, HistoryEntry, ReportRecord, Settings, Status } from './schema';
import { ManualTarget } from '../engine/rules/manual-finding';
import { Severity } from '../engine/model';
import { ManualFlag } from './content-messages';
import { SettingsChange } from './settings';
import { CONTENT_REQUESTS } from './content-messages';
import { endpoint, requestMap, type AnswerOf, type Envelope, type RequestOf } from './request-map';

export { OverlayReport, TabMessage } from './content-messages';

const NoteText = z.string().check(z.maxLength(20000));
/**
 * Names one edit, the same on every retry of it: the background applies each id once, so a save
 * that landed before its answer was lost (a service-worker stop) is not applied again over a later one.
 */
const WriteId = z.optional(z.string().check(z.minLength(1), z.maxLength(100)));

/** What the background knows of one report: the record and the notes on its findings. For extension pages only. */
export const ReportState = z.object({ record: ReportRecord, notes: z.array(FindingNote), history: z.array(HistoryEntry) });
export type ReportState = z.infer<typeof ReportState>;

/** One report of a compilation a tab shows, for the side panel's choice of which to show. */
export const TabPart = z.object({ reportId: z.string(), part: z.int(), agency: z.string(), year: z.nullable(z.int()) });
export type TabPart = z.infer<typeof TabPart>;

/** How many stored reports and notes an import changed. */
export const ImportSummary = z.object({ reports: z.number(), notes: z.number() });
export type ImportSummary = z.infer<typeof ImportSummary>;

const PAGE_REQUESTS = requestMap(
  endpoint('report:get', 'page', { reportId: z.string() }, { state: z.nullable(ReportState) }),
  /** The report a tab shows, for the side panel. */
  endpoint('tab:report', 'page', { tabId: z.int() }, { state: z.nullable(ReportState) }),
  /** The reports of the compilation a tab shows, in page order (none for a page of one report). */
  endpoint('tab:parts', 'page', { tabId: z.int() }, { parts: z.array(TabPart) }),
  endpoint('note:set', 'page', { reportId: z.string(), findingId: z.string(), note: NoteText, status: Status, writeId: WriteId }, { state: ReportState }),
  endpoint('report-note:set', 'page', { reportId: z.string(), note: NoteText, writeId: WriteId }, { state: ReportState }),
  /** A finding the auditor flagged on the page (manual:flag), with the note and severity typed in the side panel. */
  endpoint(
    'manual:add',
    'page',
    { reportId: z.string(), target: ManualTarget, severity: Severity, note: NoteText, tabId: z.optional(z.int()) },
    { state: ReportState, findingId: z.string() },
  ),
  endpoint('manual:remove', 'page', { reportId: z.string(), findingId: z.string() }, { state: ReportState }),
  /** The place last flagged in a tab, waiting for its note in the side panel. */
  endpoint('manual:pending', 'page', { tabId: z.int() }, { flag: z.nullable(ManualFlag) }),
  endpoint('manual:dismiss', 'page', { tabId: z.int() }, {}),
  endpoint('settings:get', 'page', {}, { settings: Settings }),
  /** One change at a time, applied to the settings as stored: two quick edits cannot undo each other. */
  endpoint('settings:update', 'page', { change: SettingsChange }, { settings: Settings }),
  endpoint('audit:tab', 'page', { tabId: z.int() }, {}),
  /**
   * One part of a JSON export (checked whole by the records page first) to merge into the stored audits;
   * the background writes when the last part is in (lib/app/export/import-parts.ts), and only then answers `imported`.
   */
  endpoint('audits:import', 'page', ImportPart.shape, { imported: z.optional(ImportSummary) }),
  endpoint('job:get', 'page', { jobId: z.string() }, { job: z.nullable(BatchJob) }),
  /** Every stored batch job, most recently changed first. */
  endpoint('jobs:list', 'page', {}, { jobs: z.array(BatchJob) }),
  /** The batch page's progress, after every link. */
  endpoint('job:save', 'page', { job: BatchJob }, {}),
  endpoint('job:delete', 'page', { jobId: z.string() }, {}),
);

export const REQUESTS = { ...CONTENT_REQUESTS, ...PAGE_REQUESTS };
export type Requests = typeof REQUESTS;
export type RequestType = keyof Requests;
/** Any request, as sent: `{ type, ...payload }`. */
export type Request<T extends RequestType = RequestType> = RequestOf<Requests, T>;
export type Answer<T extends RequestType> = AnswerOf<Requests, T>;
/** An answer as it travels, for callers that send raw messages (tests). */
export type Response<T extends RequestType = RequestType> = Envelope<Answer<T>>;

/**
 * What the background broadcasts to the extension pages. Stored reports reach them through Dexie's
 * liveQuery; these say what the database cannot: a tab's report changed, a batch job moved, the
 * settings changed.
 */
export const PageMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('state:changed'), reportId: z.string(), tabId: z.optional(z.int()) }),
  z.object({ type: z.literal('jobs:changed'), jobId: z.string() }),
  z.object({ type: z.literal('settings:changed') }),
  // Not named like a request: pages also receive each other's requests, and one read as this would ask again.
  z.object({ type: z.literal('manual:flag-changed'), tabId: z.int() }),
]);
export type PageMessage = z.infer<typeof PageMessage>;
