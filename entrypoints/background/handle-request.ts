/** The background's answer to every Request of lib/messages.ts. */
import { browser, type Browser } from 'wxt/browser';
import { reportKey } from '@/lib/engine/finding-id';
import { ImportSessions } from '@/lib/app/export/import-parts';
import { Request, type Response } from '@/lib/app/messages';
import { auditDb } from '@/store/db';
import { storageErrorMessage } from '@/store/errors';
import { getReportState, saveAudit, setFindingNote, setReportNote } from '@/store/reports';
import { loadSettings } from '@/store/settings';
import { importAudits } from '@/store/transfer';
import { auditTab } from './audit-tab';
import { isExtensionPage, openRulePage, startBatch } from './batch';
import { notifyPages, notifyTabs } from './notify';
import { openPanel, PANEL_NEEDS_CLICK } from './panel';
import { rememberTabReport, tabReportId } from './tab-reports';

type Sender = Pick<Browser.runtime.MessageSender, 'tab' | 'url'>;

/** Imports whose parts are still coming in; a service-worker stop loses them and the page says so. */
const imports = new ImportSessions();

export function onMessage(message: unknown, sender: Sender): Promise<Response> {
  const parsed = Request.safeParse(message);
  if (!parsed.success)
    return Promise.resolve({ ok: false, error: '无法识别的请求：扩展可能刚更新过，请刷新页面后重试。' });
  // panel:open must reach openPanel before any await, while the user's click still counts.
  if (parsed.data.type === 'panel:open')
    return openPanel(sender.tab?.id).then(
      () => ({ ok: true }),
      () => ({ ok: false, error: PANEL_NEEDS_CLICK }),
    );
  return handle(parsed.data, sender).catch((e: unknown) => ({ ok: false, error: storageErrorMessage(e) }));
}

async function handle(req: Exclude<Request, { type: 'panel:open' }>, sender: Sender): Promise<Response> {
  const db = auditDb();
  switch (req.type) {
    case 'audit:save': {
      const state = await saveAudit(db, req.report, Date.now(), (await loadSettings()).disabledRules);
      // A batch page's tab does not show the report it saved: the side panel must not follow it there.
      const tabId = isExtensionPage(sender.url) ? undefined : sender.tab?.id;
      if (tabId !== undefined) await rememberTabReport(tabId, state.record.id);
      notifyPages({ type: 'state:changed', reportId: state.record.id, tabId });
      return { ok: true, state };
    }
    case 'report:get':
      return { ok: true, state: await getReportState(db, req.reportId) };
    case 'tab:report':
      return { ok: true, state: await tabState(req.tabId) };
    case 'note:set': {
      const { auditor } = await loadSettings();
      const { type: _type, ...input } = req;
      const state = await setFindingNote(db, input, auditor, Date.now());
      await changed([req.reportId]);
      return { ok: true, state };
    }
    case 'report-note:set': {
      const { auditor } = await loadSettings();
      const state = await setReportNote(db, req.reportId, req.note, auditor, Date.now());
      await changed([req.reportId]);
      return { ok: true, state };
    }
    case 'settings:get':
      return { ok: true, settings: await loadSettings() };
    case 'audit:tab':
      // auditTab's errors already say what to do; they are not storage errors.
      return auditTab(req.tabId).then(
        () => ({ ok: true }),
        (e: Error) => ({ ok: false, error: e.message }),
      );
    case 'batch:start':
      return { ok: true, jobId: await startBatch(req, sender.tab) };
    case 'rules:open':
      await openRulePage(req.ruleId, sender.tab);
      return { ok: true };
    case 'audits:import': {
      const { type: _type, ...part } = req;
      const received = imports.receive(part, Date.now());
      if ('error' in received) return { ok: false, error: received.error };
      if (!received.done) return { ok: true };
      const { reportIds, ...imported } = await importAudits(db, received.reports, Date.now());
      await changed(reportIds);
      return { ok: true, imported };
    }
  }
}

/** The report the tab's content script last saved; failing that, a stored audit of the tab's URL. */
async function tabState(tabId: number) {
  const db = auditDb();
  const saved = await tabReportId(tabId);
  if (saved) return getReportState(db, saved);
  // url is there only where the extension has host access (or activeTab) — the same pages it can audit.
  const url = (await browser.tabs.get(tabId).catch(() => undefined))?.url;
  return url ? getReportState(db, reportKey(url)) : null;
}

async function changed(reportIds: readonly string[]): Promise<void> {
  for (const reportId of reportIds) notifyPages({ type: 'state:changed', reportId });
  await notifyTabs(reportIds);
}
