/**
 * What a content script may ask the background, and what the background or a page tells it.
 * Kept apart from the pages' requests (messages.ts) so the content script bundles only these
 * schemas. A content script runs inside a page the auditor does not control: nothing here carries
 * a note, a report note or the auditor's name, and a report is always the sender's own (the
 * background takes its URL from the browser, not from the request).
 */
import * as z from 'zod/mini';
import { lazySchema } from '../engine/lazy-schema';
import { MAX_LINKS, HttpUrl } from './batch/job';
import { ReportSnapshot } from '../engine/snapshot';
import { DetachedPart } from '../engine/audit-transfer';
import { isTreeNodes, type TreeNode } from '../engine/source/page-tree';
import { isManualFinding, manualFinding, ManualTarget } from '../engine/rules/manual-finding';
import { pick, t } from './i18n';
import { STATUSES, StoredFinding, type Status } from './schema';
import type { ReportState } from './messages';
import { endpoint, requestMap, type Envelope, type RequestOf, type AnswerOf } from './request-map';

const Title = lazySchema(() => z.string().check(z.maxLength(500)));

/** Most reports of one compilation page stored as records: the page's further reports are shown, not stored. */
export const MAX_PARTS = 500;
/**
 * Which report of a compilation page (from 1): the page chooses only the part, never the URL, which
 * the background takes from the browser.
 */
const Part = lazySchema(() => z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(MAX_PARTS))));

/**
 * A stored report as the overlay may know it: the findings to mark (the page's own plus those only
 * stored audits reveal, such as cross-year ones), which are new since the last audit, and the
 * status an auditor gave each (to dim 误报/已整改) — never the notes or who wrote them.
 */
export const OverlayReport = lazySchema(() =>
  z.object({
    reportId: z.string(),
    agency: z.string(),
    year: z.nullable(z.number()),
    findings: z.array(StoredFinding),
    newIds: z.array(z.string()),
    /** Only findings an auditor has marked; the rest are 待核实. */
    statuses: z.record(z.string(), z.enum(STATUSES)),
  }),
);
export type OverlayReport = z.infer<typeof OverlayReport>;

/** A place the auditor flagged in a tab, waiting in the background for its note from the side panel. */
export const ManualFlag = lazySchema(() => z.object({ reportId: z.string(), target: ManualTarget, at: z.number() }));
export type ManualFlag = z.infer<typeof ManualFlag>;

export const CONTENT_REQUESTS = requestMap(
  /**
   * The auditor flagged a cell or a sentence of this page (Alt+Shift+M or the context menu): the
   * background keeps the place for the side panel, where the note and severity are typed. The page
   * only ever says where; nothing it sends becomes a finding without the auditor's save in the panel.
   */
  endpoint('manual:flag', 'content', { target: ManualTarget }, {}),
  /**
   * Stores an audit: the batch page's (under the URL it fetched), or a content script's under the URL the browser
   * reports for the sending frame. The auditor itself saves through the page-audit port (background/page-audit.ts).
   * `parts`: how many reports the page holds now, when the sender knows (its other records are marked absent or present).
   */
  endpoint('audit:save', 'content', { report: ReportSnapshot, part: Part, parts: Part }, { state: OverlayReport }),
  /** The sender's own stored report (or its part's), after a state:changed. */
  endpoint('overlay:state', 'content', { part: Part }, { state: z.nullable(OverlayReport) }),
  endpoint('panel:open', 'content', {}, {}),
  /** A list page's report links, to audit all at once in a batch page the background opens. */
  endpoint(
    'batch:start',
    'content',
    {
      listUrl: HttpUrl,
      title: Title,
      links: z.array(z.object({ url: HttpUrl, title: Title })).check(z.minLength(1), z.maxLength(MAX_LINKS)),
      /** The list's next page, which the batch page reads for more links. */
      next: z.nullable(HttpUrl),
    },
    { jobId: z.string() },
  ),
  /** Opens the rule reference at one rule: content scripts cannot link to extension pages. */
  endpoint('rules:open', 'content', { ruleId: z.string().check(z.regex(/^[a-z0-9-]{1,80}$/)) }, {}),
  /**
   * Opens the viewer on a PDF/Word attachment the page links (the overlay's 「审核附件」). The page names
   * the file, so the background checks the URL is http(s) and opens viewer.html itself.
   */
  endpoint('viewer:open', 'content', { url: z.string().check(z.maxLength(4096)) }, {}),
);
export type ContentRequests = typeof CONTENT_REQUESTS;
export type ContentRequest = RequestOf<ContentRequests>;
export type ContentAnswer<T extends keyof ContentRequests> = AnswerOf<ContentRequests, T>;
export type ContentEnvelope = Envelope<ContentAnswer<keyof ContentRequests>>;

/** Messages the background or an extension page sends to a tab's content script. */
export const TabMessage = lazySchema(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('finding:reveal'), findingId: z.string() }),
    z.object({ type: z.literal('state:changed'), reportId: z.string() }),
    z.object({ type: z.literal('audit:run') }),
    z.object({ type: z.literal('overlay:visible'), visible: z.boolean() }),
    /** The context menu's 「标记为问题…」: flag the selection or the element right-clicked. */
    z.object({ type: z.literal('manual:pick') }),
  ]),
);
export type TabMessage = z.infer<typeof TabMessage>;

/** The overlay's view of a stored report: no note, report note or auditor name leaves the extension. */
export function toOverlayReport({ record, notes }: ReportState): OverlayReport {
  const statuses: Record<string, Status> = {};
  for (const n of notes) if (n.status !== 'pending') statuses[n.findingId] = n.status;
  // A manual finding's message is the note the auditor typed: the overlay gets only the rule's name.
  const findings = record.findings.map((f) => (isManualFinding(f) ? { ...f, message: t('overlay_manualFinding', { title: pick(manualFinding.title) }) } : f));
  return { reportId: record.id, agency: record.agency, year: record.year, findings, newIds: record.newIds, statuses };
}

/** A page's tree, as the auditor posts it on the PAGE_AUDIT_PORT: its nodes in chunks, then the end. */
export const PageTreeMessage = lazySchema(() =>
  z.discriminatedUnion('type', [
    z.object({
      type: z.literal('nodes'),
      nodes: z.custom<TreeNode[]>(isTreeNodes),
    }),
    /** `cut`: the writer stopped early, past what the engine reads (page-tree.ts). */
    z.object({ type: z.literal('end'), cut: z.nullable(z.enum(['chars', 'cells'])) }),
    /** The reports are drawn: store them (under the URL the browser reports for the frame). */
    z.object({ type: z.literal('save') }),
  ]),
);
export type PageTreeMessage = z.infer<typeof PageTreeMessage>;

/**
 * The background's answers on the same port: each report of the page, then `done` (with why it is
 * no report, when none was); after a save, the stored state of each report in page order.
 */
export const PageAuditMessage = lazySchema(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('part'), part: DetachedPart }),
    z.object({ type: z.literal('done'), reason: z.optional(z.string()) }),
    z.object({ type: z.literal('saved'), states: z.array(OverlayReport) }),
    z.object({ type: z.literal('error'), message: z.string() }),
  ]),
);
export type PageAuditMessage = z.infer<typeof PageAuditMessage>;
