import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onMessage } from '@/entrypoints/background/handle-request';
import { forgetIfNavigated, tabReportId } from '@/entrypoints/background/tab-reports';
import { reportKey } from '@/lib/engine/finding-id';
import { loadJob } from '@/store/batch-jobs';
import { auditDb } from '@/store/db';
import { audited, sumBroken, URL_A } from '../helpers/audits';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const NO_RECEIVER = new Error('Could not establish connection. Receiving end does not exist.');
const tabSend = vi.fn();
const pageSend = vi.fn();
const executeScript = vi.fn();
const sidePanelOpen = vi.fn();
const tabCreate = vi.fn();

beforeEach(async () => {
  fakeBrowser.reset();
  await auditDb().delete();
  await auditDb().open();
  for (const f of [tabSend, pageSend, executeScript, sidePanelOpen, tabCreate]) f.mockReset().mockResolvedValue(undefined);
  Object.assign(fakeBrowser.tabs, { sendMessage: tabSend, create: tabCreate });
  Object.assign(fakeBrowser.runtime, { sendMessage: pageSend });
  Object.assign(fakeBrowser.scripting, { executeScript });
  Object.assign(fakeBrowser.sidePanel, { open: sidePanelOpen });
});

const fromTab = (id: number) => ({ tab: { id } as never });

describe('background requests', () => {
  it('imports a file sent in parts only when the last part is in', async () => {
    const saved = await onMessage({ type: 'audit:save', report: audited([sumBroken]) }, fromTab(7));
    const record = saved.ok ? saved.state!.record : undefined;
    const reports = [
      { ...record!, id: 'https://a.gov.cn/1', url: 'https://a.gov.cn/1', notes: [] },
      { ...record!, id: 'https://a.gov.cn/2', url: 'https://a.gov.cn/2', notes: [] },
    ];
    const part = (n: number) => ({ type: 'audits:import', importId: 'i', part: n, parts: 2, reports: [reports[n]] });
    expect(await onMessage(part(0), {})).toEqual({ ok: true });
    expect(await auditDb().reports.count()).toBe(1);
    expect(await onMessage(part(1), {})).toEqual({ ok: true, imported: { reports: 2, notes: 0 } });
    expect(await auditDb().reports.count()).toBe(3);
  });

  it('rejects a message that is not a valid request', async () => {
    expect(await onMessage({ type: 'audit:save', report: { url: 1 } }, {})).toMatchObject({ ok: false });
    expect(await onMessage('hello', {})).toMatchObject({ ok: false });
  });

  it('saves an audit, remembers the tab, tells the pages, and answers tab:report for that tab', async () => {
    const saved = await onMessage({ type: 'audit:save', report: audited([sumBroken]) }, fromTab(7));
    expect(saved).toMatchObject({ ok: true, state: { record: { id: reportKey(URL_A) }, notes: [] } });
    expect(pageSend).toHaveBeenCalledWith({ type: 'state:changed', reportId: reportKey(URL_A), tabId: 7 });
    expect(await onMessage({ type: 'tab:report', tabId: 7 }, {})).toMatchObject({ ok: true, state: { record: { id: reportKey(URL_A) } } });
  });

  it('keeps a tab\'s report through reloads and late iframes, and forgets it once the tab shows another page', async () => {
    await onMessage({ type: 'audit:save', report: audited([sumBroken]) }, fromTab(7));
    await forgetIfNavigated(7, `${URL_A}#t3`);
    expect(await tabReportId(7)).toBe(reportKey(URL_A));
    await forgetIfNavigated(7, undefined);
    expect(await tabReportId(7)).toBeUndefined();
    await onMessage({ type: 'audit:save', report: audited([sumBroken]) }, fromTab(7));
    await forgetIfNavigated(7, 'https://www.example.gov.cn/other.html');
    expect(await tabReportId(7)).toBeUndefined();
  });

  it('signs a note with the auditor from settings and tells the tab showing the report', async () => {
    await fakeBrowser.storage.local.set({ settings: { auditor: '张三', disabledRules: ['x'], sites: [] } });
    const saved = await onMessage({ type: 'audit:save', report: audited([sumBroken]) }, fromTab(7));
    const record = saved.ok ? saved.state!.record : undefined;
    const answer = await onMessage(
      { type: 'note:set', reportId: record!.id, findingId: record!.findings[0]!.id, note: '已核实', status: 'confirmed' },
      {},
    );
    expect(answer).toMatchObject({ ok: true, state: { notes: [{ note: '已核实', status: 'confirmed', by: '张三' }] } });
    expect(tabSend).toHaveBeenCalledWith(7, { type: 'state:changed', reportId: record!.id });
    expect(await onMessage({ type: 'settings:get' }, {})).toEqual({ ok: true, settings: { auditor: '张三', disabledRules: ['x'], sites: [] } });
  });

  it('answers a note on an unknown report with a Chinese error', async () => {
    const answer = await onMessage({ type: 'note:set', reportId: 'nope', findingId: 'x', note: '', status: 'pending' }, {});
    expect(answer).toEqual({ ok: false, error: expect.stringMatching(/找不到这份报告/) });
  });

  it('injects the content script only into a tab that has none, then asks it to audit', async () => {
    expect(await onMessage({ type: 'audit:tab', tabId: 3 }, {})).toEqual({ ok: true });
    expect(executeScript).not.toHaveBeenCalled();

    tabSend.mockRejectedValueOnce(NO_RECEIVER);
    expect(await onMessage({ type: 'audit:tab', tabId: 3 }, {})).toEqual({ ok: true });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 3 }, files: ['/content-scripts/content.js'] });
    expect(tabSend).toHaveBeenLastCalledWith(3, { type: 'audit:run' });

    tabSend.mockRejectedValueOnce(NO_RECEIVER);
    executeScript.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    expect(await onMessage({ type: 'audit:tab', tabId: 3 }, {})).toEqual({ ok: false, error: expect.stringMatching(/^无法在此页面运行审计/) });
  });

  it('opens the side panel synchronously, while the user gesture still holds', async () => {
    const answer = onMessage({ type: 'panel:open' }, fromTab(5));
    expect(sidePanelOpen).toHaveBeenCalledWith({ tabId: 5 });
    expect(await answer).toEqual({ ok: true });
    sidePanelOpen.mockRejectedValueOnce(new Error('sidePanel.open() may only be called in response to a user gesture.'));
    expect(await onMessage({ type: 'panel:open' }, fromTab(5))).toMatchObject({ ok: false });
  });

  it('stores a batch job from a list page and opens its page next to the list; a second click continues the same job', async () => {
    const list = 'https://www.demo.gov.cn/portal/list.html';
    const links = [1, 2, 3].map((n) => ({ url: `https://www.demo.gov.cn/r${n}.html`, title: `示范市第${n}局2023年政府信息公开工作年度报告` }));
    const sender = { tab: { id: 4, index: 2, windowId: 1 } as never };
    const answer = await onMessage({ type: 'batch:start', listUrl: list, title: '年报', links, next: `${list}?page=2` }, sender);
    const jobId = answer.ok ? answer.jobId! : '';
    expect(jobId).not.toBe('');
    expect(tabCreate).toHaveBeenCalledWith({ url: `chrome-extension://${fakeBrowser.runtime.id}/batch.html?job=${jobId}`, openerTabId: 4, index: 3, windowId: 1 });
    expect((await loadJob(jobId))!.links.map((l) => l.status)).toEqual(['pending', 'pending', 'pending']);
    expect(await onMessage({ type: 'batch:start', listUrl: list, title: '年报', links, next: null }, sender)).toEqual({ ok: true, jobId });
    expect(await onMessage({ type: 'batch:start', listUrl: 'file:///list.html', title: '', links, next: null }, sender)).toMatchObject({ ok: false });
  });

  it('opens the rule reference for a content script, and refuses an odd rule id', async () => {
    expect(await onMessage({ type: 'rules:open', ruleId: 't3-balance' }, {})).toEqual({ ok: true });
    expect(tabCreate).toHaveBeenCalledWith({ url: `chrome-extension://${fakeBrowser.runtime.id}/rules.html#t3-balance` });
    expect(await onMessage({ type: 'rules:open', ruleId: '"><script>' }, {})).toMatchObject({ ok: false });
  });

  it('does not take the batch page for the tab showing the reports it saves', async () => {
    const batchPage = { tab: { id: 9 } as never, url: `chrome-extension://${fakeBrowser.runtime.id}/batch.html?job=x` };
    expect(await onMessage({ type: 'audit:save', report: audited([sumBroken]) }, batchPage)).toMatchObject({ ok: true });
    expect(await tabReportId(9)).toBeUndefined();
  });
});
