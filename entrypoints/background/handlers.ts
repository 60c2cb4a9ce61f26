/** The background's answer to each request of lib/app/messages.ts: one handler per request type. */
import { browser, type Browser } from 'wxt/browser';
import { toOverlayReport } from '@/lib/app/content-messages';
import { ImportSessions } from '@/lib/app/export/import-parts';
import type { Answer, Request, RequestType } from '@/lib/app/messages';
import { pageKey, partKey, partOf, reportKey } from '@/lib/engine/finding-id';
import { deleteJob, listJobs, loadJob, saveJob } from '@/store/batch-jobs';
import { auditDb } from '@/store/db';
import { addManualFinding, getReportState, removeManualFinding, saveAudit, setFindingNote, setReportNote } from '@/store/reports';
import { loadSettings, updateSettings } from '@/store/settings';
import { importAudits } from '@/store/transfer';
import { auditTab } from './audit-tab';
import { openRulePage, startBatch } from './batch';
import { notifyPages, notifyTabs } from './notify';
import { openPanel, PANEL_NEEDS_CLICK } from './panel';
import { forgetFlag, pendingFlag, rememberFlag } from './manual-flags';
import { rememberTabPart, rememberTabReport, tabParts, tabReportId } from './tab-reports';
import { openViewer, viewableUrl } from './viewer';
import { t } from '@/lib/app/i18n';

export type Sender = Pick<Browser.runtime.MessageSender, 'tab' | 'url'>;

export interface Context {
  sender: Sender;
  /** Sent by one of the extension's own pages, not by a content script in a web page. */
  fromPage: boolean;
}

/** A request that cannot be done, in words for the user (not a storage error). */
export class Refusal extends Error {
  override name = 'Refusal';
}

type Handler<T extends RequestType> = (request: Request<T>, context: Context) => Promise<Answer<T>>;

/** Imports whose parts are still coming in; a service-worker stop loses them and the page says so. */
const imports = new ImportSessions();

const HTTP = /^https?:\/\//i;

/** The report a content script's frame shows, by the URL the browser reports for it: a page cannot name another. */
function senderReportId({ url }: Sender, part?: number): string | undefined {
  return url && HTTP.test(url) ? (part ? partKey(url, part) : pageKey(reportKey(url))) : undefined;
}

let notesChain: Promise<unknown> = Promise.resolve();

/**
 * Note writes run one after another, in the order they arrived: a page going away sends its last
 * edit while an earlier one may still be in flight, and the later must land last.
 */
function inArrivalOrder<T>(write: () => Promise<T>): Promise<T> {
  const done = notesChain.then(write);
  notesChain = done.catch(() => undefined);
  return done;
}

export const HANDLERS: { [T in RequestType]: Handler<T> } = {
  async 'audit:save'({ report, part, parts }, { sender, fromPage }) {
    // A content script's own claim (location.href) is the page's to rewrite with history.replaceState:
    // the frame's URL comes from the browser. The batch page fetched the report itself and says where from.
    const page = fromPage ? report.url : sender.url;
    if (!page || !HTTP.test(page)) throw new Refusal(t('bg_noSenderUrl'));
    // Each report of a compilation is a record of its own, keyed by the page and the part; only a part names one.
    const url = part ? partKey(page, part) : pageKey(page);
    const state = await saveAudit(auditDb(), { ...report, url }, Date.now(), (await loadSettings()).disabledRules, parts);
    // A batch page's tab does not show the report it saved: the side panel must not follow it there.
    // A compilation's first report stands for its page in the side panel, which offers the others.
    const tabId = fromPage ? undefined : sender.tab?.id;
    if (tabId !== undefined && (part ?? 1) === 1) await rememberTabReport(tabId, state.record.id);
    if (tabId !== undefined && part) await rememberTabPart(tabId, state.record.id);
    notifyPages({ type: 'state:changed', reportId: state.record.id, tabId });
    return { state: toOverlayReport(state) };
  },
  async 'overlay:state'({ part }, { sender }) {
    const id = senderReportId(sender, part);
    const state = id ? await getReportState(auditDb(), id) : null;
    return { state: state && toOverlayReport(state) };
  },
  // Called before any await (see onMessage): the browser opens the panel only while the user's click still counts.
  'panel:open'(_, { sender }) {
    return openPanel(sender.tab?.id).then(
      () => ({}),
      () => {
        throw new Refusal(PANEL_NEEDS_CLICK());
      },
    );
  },
  // Like panel:open, the panel is opened before any await: the key press still counts as the user's.
  'manual:flag'({ target }, { sender }) {
    const tabId = sender.tab?.id;
    const reportId = senderReportId(sender);
    if (tabId !== undefined) openPanel(tabId).catch(() => undefined);
    if (tabId === undefined || !reportId) return Promise.reject(new Refusal(t('bg_noFlaggedPage')));
    return rememberFlag(tabId, reportId, target, Date.now()).then(() => ({}));
  },
  async 'manual:add'({ reportId, target, severity, note, tabId }) {
    const { state, findingId } = await addManualFinding(auditDb(), { reportId, target, severity, note }, Date.now());
    if (tabId !== undefined) await forgetFlag(tabId);
    await changed([reportId]);
    return { state, findingId };
  },
  async 'manual:remove'({ reportId, findingId }) {
    const state = await removeManualFinding(auditDb(), reportId, findingId);
    await changed([reportId]);
    return { state };
  },
  async 'manual:pending'({ tabId }) {
    return { flag: await pendingFlag(tabId) };
  },
  async 'manual:dismiss'({ tabId }) {
    await forgetFlag(tabId);
    return {};
  },
  async 'batch:start'(request, { sender }) {
    return { jobId: await startBatch(request, sender.tab) };
  },
  async 'rules:open'({ ruleId }, { sender }) {
    await openRulePage(ruleId, sender.tab);
    return {};
  },
  async 'report:get'({ reportId }) {
    return { state: await getReportState(auditDb(), reportId) };
  },
  async 'tab:report'({ tabId }) {
    return { state: await tabState(tabId) };
  },
  async 'tab:parts'({ tabId }) {
    const ids = await tabParts(tabId);
    const records = await auditDb().reports.bulkGet(ids);
    return { parts: records.flatMap((r) => (r ? [{ reportId: r.id, part: partOf(r.id), agency: r.agency, year: r.year }] : [])) };
  },
  'note:set'({ reportId, findingId, note, status, writeId }) {
    return inArrivalOrder(async () => {
      const { auditor } = await loadSettings();
      const state = await setFindingNote(auditDb(), { reportId, findingId, note, status }, auditor, Date.now(), writeId);
      await changed([reportId]);
      return { state };
    });
  },
  'report-note:set'({ reportId, note, writeId }) {
    return inArrivalOrder(async () => {
      const { auditor } = await loadSettings();
      const state = await setReportNote(auditDb(), reportId, note, auditor, Date.now(), writeId);
      await changed([reportId]);
      return { state };
    });
  },
  async 'settings:get'() {
    return { settings: await loadSettings() };
  },
  async 'settings:update'({ change }) {
    const settings = await updateSettings(change);
    notifyPages({ type: 'settings:changed' });
    return { settings };
  },
  async 'audit:tab'({ tabId }) {
    // auditTab's errors already say what to do; they are not storage errors.
    await auditTab(tabId).catch((e: Error) => {
      throw new Refusal(e.message);
    });
    return {};
  },
  async 'audits:import'({ type: _type, ...part }) {
    const received = imports.receive(part, Date.now());
    if ('error' in received) throw new Refusal(received.error);
    if (!received.done) return {};
    const { reportIds, ...imported } = await importAudits(auditDb(), received.reports, Date.now());
    await changed(reportIds);
    return { imported };
  },
  async 'viewer:open'({ url }, { sender }) {
    // The page names the file; only a web address is opened, and in the extension's own viewer.
    if (!viewableUrl(url)) throw new Refusal(t('bg_badAttachmentUrl', { url: url.slice(0, 200) }));
    await openViewer(url, sender.tab);
    return {};
  },
  async 'job:get'({ jobId }) {
    return { job: (await loadJob(jobId)) ?? null };
  },
  async 'jobs:list'() {
    return { jobs: await listJobs() };
  },
  async 'job:save'({ job }) {
    await saveJob(job);
    notifyPages({ type: 'jobs:changed', jobId: job.id });
    return {};
  },
  async 'job:delete'({ jobId }) {
    await deleteJob(jobId);
    notifyPages({ type: 'jobs:changed', jobId });
    return {};
  },
};

/** The report the tab's content script last saved; failing that, a stored audit of the tab's URL. */
async function tabState(tabId: number) {
  const saved = await tabReportId(tabId);
  if (saved) return getReportState(auditDb(), saved);
  // url is there only where the extension has host access (or activeTab) — the same pages it can audit.
  const url = (await browser.tabs.get(tabId).catch(() => undefined))?.url;
  return url ? getReportState(auditDb(), reportKey(url)) : null;
}

async function changed(reportIds: readonly string[]): Promise<void> {
  for (const reportId of reportIds) notifyPages({ type: 'state:changed', reportId });
  await notifyTabs(reportIds);
}
