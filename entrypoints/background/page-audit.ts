/**
 * The audit itself, off the page's main thread: the auditor posts the page's tree on a port
 * (PAGE_AUDIT_PORT), and the engine reads it here as a light DOM, as the CLI reads files. Each
 * report goes back on the port with its elements as numbers (lib/engine/audit-transfer.ts); once
 * the auditor has drawn them, it asks on the same port for them to be saved. The page's URL is the
 * browser's (the port's sender) and the rules switched off are read here: the page neither names
 * the report nor chooses the rules, and what is saved is what the engine found, not what the page sent back.
 */
import type { Browser } from 'wxt/browser';
import { PAGE_AUDIT_PORT } from '@/lib/app/content-scripts';
import { messageOf } from './audit-tab';
import { MAX_PARTS, PageTreeMessage, type OverlayReport, type PageAuditMessage } from '@/lib/app/content-messages';
import { t } from '@/lib/app/i18n';
import { auditPageSteps, type PageAudit, type ReportAudit } from '@/lib/engine/audit';
import { detachPart } from '@/lib/engine/audit-transfer';
import { reportSnapshot, type ReportSnapshot } from '@/lib/engine/snapshot';
import { lightDocumentFromTree } from '@/lib/engine/source/light-dom';
import type { TreeCut, TreeNode } from '@/lib/engine/source/page-tree';
import { runInSlices } from '@/lib/engine/steps';

/** Far beyond a compilation of a hundred reports (~200 000 nodes): more is refused, not held in memory. */
export const MAX_TREE_NODES = 1_000_000;

export interface PageAuditDeps {
  disabledRules(): Promise<readonly string[]>;
  /** Stores one report of the sender's page (`part` from 1 on a compilation, of `parts`), as the audit:save request does. */
  save(report: ReportSnapshot, part: number | undefined, parts: number, sender: Browser.runtime.MessageSender): Promise<OverlayReport>;
  /** Work per task while auditing, in ms (AUDIT_SLICE_MS). */
  sliceMs?: number;
}

/**
 * The audit runs in slices of this many ms with a task boundary between them: a compilation takes
 * the background about half a second, during which other tabs' requests (a note being saved) still get their turn.
 */
export const AUDIT_SLICE_MS = 50;

export function onPageAudit(port: Browser.runtime.Port, deps: PageAuditDeps): void {
  if (port.name !== PAGE_AUDIT_PORT) return;
  const sender = port.sender;
  const url = sender?.url;
  if (sender?.tab?.id === undefined || !url) return port.disconnect();
  // Read while the tree comes in: the answer then waits for nothing but the audit.
  const rules = deps.disabledRules();
  rules.catch(() => undefined);
  const chunks: TreeNode[][] = [];
  let count = 0;
  // The page went away (closed, navigated, a newer audit): an audit under way stops at its next slice.
  let gone = false;
  port.onDisconnect.addListener(() => (gone = true));
  let stage: 'reading' | 'auditing' | 'audited' | 'saving' = 'reading';
  let audit: PageAudit | undefined;
  // Nothing to answer a page that went away (posting on its closed port would throw).
  const post = (m: PageAuditMessage) => gone || port.postMessage(m);
  const fail = (message: string) => {
    post({ type: 'error', message });
    port.disconnect();
  };
  const failWith = (e: unknown) => fail(t('bg_auditFailed', { error: messageOf(e) }));
  port.onMessage.addListener((raw: unknown) => {
    const parsed = PageTreeMessage.safeParse(raw);
    if (!parsed.success) return fail(t('bg_pageTreeInvalid'));
    const m = parsed.data;
    if (m.type === 'nodes' && stage === 'reading') {
      count += m.nodes.length;
      if (count > MAX_TREE_NODES) return fail(t('bg_pageTreeTooLarge', { count: MAX_TREE_NODES }));
      chunks.push(m.nodes);
    } else if (m.type === 'end' && stage === 'reading') {
      stage = 'auditing';
      rules
        .then(async (disabled) => {
          const audited = await auditTree(chunks, m.cut, url, disabled, () => gone, deps.sliceMs);
          chunks.length = 0;
          if (!audited) return;
          const { result, messages } = audited;
          for (const answer of messages) post(answer);
          if (!result.detected) return port.disconnect();
          audit = result;
          stage = 'audited';
        })
        .catch(failWith);
    } else if (m.type === 'save' && stage === 'audited' && audit?.detected) {
      stage = 'saving';
      void saveParts(audit.parts, url, sender, deps)
        .then((states) => {
          post({ type: 'saved', states });
          port.disconnect();
        })
        .catch((e: unknown) => fail(t('content_saveFailed', { error: messageOf(e) })));
    } else fail(t('bg_pageTreeInvalid'));
  });
}

/** Each report as a record of its own on a compilation (page and part), one after another; none beyond MAX_PARTS. */
async function saveParts(parts: ReportAudit[], url: string, sender: Browser.runtime.MessageSender, deps: PageAuditDeps) {
  if (parts.length > MAX_PARTS) return [];
  const states: OverlayReport[] = [];
  for (const [i, p] of parts.entries())
    states.push(await deps.save(reportSnapshot(p.report, p.findings, url), parts.length > 1 ? i + 1 : undefined, parts.length, sender));
  return states;
}

/**
 * The audit of a tree, and the messages that answer it: each report, then done; undefined when
 * `gone()` says the page went away meanwhile. Throws on a tree that is not one.
 */
export async function auditTree(
  chunks: readonly TreeNode[][],
  cut: TreeCut,
  url: string,
  disabledRules: readonly string[],
  gone: () => boolean = () => false,
  sliceMs = AUDIT_SLICE_MS,
) {
  const { doc, elements } = lightDocumentFromTree(chunks);
  const numbers = new Map<unknown, number>(elements.map((el, i) => [el, i]));
  // As a document's URL in the browser: a frame of about:srcdoc or a data: page has none to store.
  const opts = { disabledRules, url: /^https?:|^file:/.test(url) ? url : undefined, cut };
  const result = await runInSlices((deadline) => auditPageSteps(doc, opts, deadline), gone, sliceMs);
  if (!result) return undefined;
  const messages: PageAuditMessage[] = result.detected
    ? [...result.parts.map((p): PageAuditMessage => ({ type: 'part', part: detachPart(p, (el) => numbers.get(el)) })), { type: 'done' }]
    : [{ type: 'done', reason: result.reason }];
  return { result, messages };
}
