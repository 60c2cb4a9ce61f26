import '../helpers/fake-browser';
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onMessage } from '@/entrypoints/background/handle-request';
import { HANDLERS } from '@/entrypoints/background/handlers';
import { tabReportId } from '@/entrypoints/background/tab-reports';
import { CONTENT_REQUESTS } from '@/lib/app/content-messages';
import { REQUESTS, type Request, type Response } from '@/lib/app/messages';
import { reportKey } from '@/lib/engine/finding-id';
import { loadJob } from '@/store/batch-jobs';
import { auditDb } from '@/store/db';
import { getReportState } from '@/store/reports';
import { audited, sectionMissing, sumBroken, URL_A } from '../helpers/audits';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const NO_RECEIVER = new Error('Could not establish connection. Receiving end does not exist.');
const tabSend = vi.fn();
const pageSend = vi.fn();
const executeScript = vi.fn();
const sidePanelOpen = vi.fn();
const tabCreate = vi.fn();
/** What each open tab shows, as tabs.get reports it (a content script's sender says so too: see fromTab). */
const tabUrls = new Map<number, string | undefined>();
const navigate = (tabId: number, url: string | undefined) => tabUrls.set(tabId, url);
const tabGet = async (tabId: number) => {
  if (!tabUrls.has(tabId)) throw new Error(`No tab with id: ${tabId}.`);
  return { id: tabId, url: tabUrls.get(tabId) };
};

beforeEach(async () => {
  fakeBrowser.reset();
  await auditDb().delete();
  await auditDb().open();
  for (const f of [tabSend, pageSend, executeScript, sidePanelOpen, tabCreate]) f.mockReset().mockResolvedValue(undefined);
  tabUrls.clear();
  Object.assign(fakeBrowser.tabs, { sendMessage: tabSend, create: tabCreate, get: tabGet });
  Object.assign(fakeBrowser.runtime, { sendMessage: pageSend });
  Object.assign(fakeBrowser.scripting, { executeScript });
  Object.assign(fakeBrowser.sidePanel, { open: sidePanelOpen });
});

type Sender = Parameters<typeof onMessage>[1];
/** A content script in a tab's frame: the browser says which URL the frame shows. */
const fromTab = (id: number, url = URL_A): Sender => {
  if (!tabUrls.has(id)) navigate(id, url);
  return { tab: { id, index: 0, windowId: 1 } as never, url };
};
/** One of the extension's own pages. */
const fromPage = (path = 'sidepanel.html'): Sender => ({ url: `chrome-extension://${fakeBrowser.runtime.id}/${path}` });

/** onMessage, typed by the request sent. */
const send = <M extends Request>(message: M, sender: Sender) => onMessage(message, sender) as Promise<Response<M['type']>>;
const okState = <T extends { ok: boolean }>(answer: T) => {
  if (!answer.ok) throw new Error(JSON.stringify(answer));
  return answer as Extract<T, { ok: true }>;
};

describe('the request map', () => {
  it('has a handler for every request type and nothing else', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual(Object.keys(REQUESTS).sort());
  });

  it('keys every endpoint by its own type', () => {
    for (const [type, endpoint] of Object.entries(REQUESTS)) expect(endpoint.type).toBe(type);
  });
});

describe('background requests', () => {
  it('imports a file sent in parts only when the last part is in', async () => {
    await onMessage({ type: 'audit:save', report: audited([sumBroken]) }, fromTab(7));
    const [record] = await auditDb().reports.toArray();
    const reports = [
      { ...record!, id: 'https://a.gov.cn/1', url: 'https://a.gov.cn/1', notes: [] },
      { ...record!, id: 'https://a.gov.cn/2', url: 'https://a.gov.cn/2', notes: [] },
    ];
    const part = (n: number) => ({ type: 'audits:import', importId: 'i', part: n, parts: 2, reports: [reports[n]] });
    expect(await onMessage(part(0), fromPage('records.html'))).toEqual({ ok: true });
    expect(await auditDb().reports.count()).toBe(1);
    expect(await onMessage(part(1), fromPage('records.html'))).toEqual({ ok: true, imported: { reports: 2, notes: 0 } });
    expect(await auditDb().reports.count()).toBe(3);
  });

  it('rejects a message that is not a valid request, saying what is wrong in Chinese', async () => {
    expect(await onMessage({ type: 'audit:save', report: { url: 1 } }, fromTab(1))).toEqual({
      ok: false,
      error: expect.stringMatching(/^请求「audit:save」的内容不合格（report\.url：无效输入：期望 string，实际接收 数字）/),
    });
    expect(await onMessage('hello', {})).toEqual({ ok: false, error: expect.stringMatching(/^无法识别的请求/) });
    expect(await onMessage({ type: 'nope' }, fromPage())).toEqual({ ok: false, error: expect.stringMatching(/^无法识别的请求/) });
    // Inherited names are not request types.
    expect(await onMessage({ type: 'toString' }, fromPage())).toEqual({ ok: false, error: expect.stringMatching(/^无法识别的请求/) });
    expect(await onMessage({ type: 'note:set', reportId: 'r', findingId: 'f', note: 'x'.repeat(20001), status: 'pending' }, fromPage())).toEqual({
      ok: false,
      error: expect.stringMatching(/^请求「note:set」的内容不合格（note：数值过大/),
    });
  });

  it('saves an audit, remembers the tab, tells the pages, and answers tab:report for that tab', async () => {
    const saved = okState(await send({ type: 'audit:save', report: audited([sumBroken]) }, fromTab(7)));
    expect(saved.state).toMatchObject({ reportId: reportKey(URL_A), findings: [{ rule: 't3-balance' }] });
    expect(pageSend).toHaveBeenCalledWith({ type: 'state:changed', reportId: reportKey(URL_A), tabId: 7 });
    expect(await send({ type: 'tab:report', tabId: 7 }, fromPage())).toMatchObject({ ok: true, state: { record: { id: reportKey(URL_A) }, notes: [] } });
  });

  it("keeps a tab's report through reloads and late iframes, and forgets it once the tab shows another page", async () => {
    await onMessage({ type: 'audit:save', report: audited([sumBroken]) }, fromTab(7));
    navigate(7, `${URL_A}#t3`);
    expect(await tabReportId(7)).toBe(reportKey(URL_A));
    // Navigated where activeTab no longer shows the URL: forgotten, and stays so when the tab comes back.
    navigate(7, undefined);
    expect(await tabReportId(7)).toBeUndefined();
    navigate(7, URL_A);
    expect(await tabReportId(7)).toBeUndefined();
    await onMessage({ type: 'audit:save', report: audited([sumBroken]) }, fromTab(7));
    navigate(7, 'https://www.example.gov.cn/other.html');
    expect(await tabReportId(7)).toBeUndefined();
    await onMessage({ type: 'audit:save', report: audited([sumBroken]) }, fromTab(7));
    tabUrls.delete(7);
    expect(await tabReportId(7)).toBeUndefined();
  });

  it('answers tab:parts with the reports of the compilation a tab saved, in page order, while the tab shows that page', async () => {
    const parts = async (tabId: number) => okState(await send({ type: 'tab:parts', tabId }, fromPage())).parts;
    const agencies = ['示范市甲局', '示范市乙局', '示范市丙局'];
    // The parts are saved all at once, in any order: none may be lost.
    await Promise.all([3, 1, 2].map((n) => send({ type: 'audit:save', report: audited([sumBroken], { agency: agencies[n - 1]! }), part: n }, fromTab(7))));
    expect(await parts(7)).toEqual(agencies.map((agency, i) => ({ reportId: `${reportKey(URL_A)}#part=${i + 1}`, part: i + 1, agency, year: 2023 })));
    // A note on the second report reaches the tab, whose overlay shows that report too.
    tabSend.mockClear();
    const second = okState(await send({ type: 'report:get', reportId: `${reportKey(URL_A)}#part=2` }, fromPage())).state!.record;
    okState(await send({ type: 'note:set', reportId: second.id, findingId: second.findings[0]!.id, note: '已核', status: 'confirmed' }, fromPage()));
    expect(tabSend).toHaveBeenCalledWith(7, { type: 'state:changed', reportId: `${reportKey(URL_A)}#part=2` });
    // A page of one report offers no choice; nor does a tab gone to another page.
    await send(
      { type: 'audit:save', report: audited([sumBroken], { url: 'https://www.example.gov.cn/one.html' }) },
      fromTab(8, 'https://www.example.gov.cn/one.html'),
    );
    expect(await parts(8)).toEqual([]);
    navigate(7, 'https://www.example.gov.cn/other.html');
    expect(await parts(7)).toEqual([]);
  });

  it('signs a note with the auditor from settings and tells the tab showing the report', async () => {
    await send({ type: 'settings:update', change: { kind: 'auditor', auditor: '张三' } }, fromPage('options.html'));
    await send({ type: 'settings:update', change: { kind: 'rule', ruleId: 'x', enabled: false } }, fromPage('options.html'));
    const saved = okState(await send({ type: 'audit:save', report: audited([sumBroken]) }, fromTab(7)));
    const answer = await send(
      { type: 'note:set', reportId: saved.state.reportId, findingId: saved.state.findings[0]!.id, note: '已核实', status: 'confirmed' },
      fromPage(),
    );
    expect(answer).toMatchObject({ ok: true, state: { notes: [{ note: '已核实', status: 'confirmed', by: '张三' }] } });
    expect(tabSend).toHaveBeenCalledWith(7, { type: 'state:changed', reportId: saved.state.reportId });
    // Once the tab shows another page, it is not told.
    tabSend.mockClear();
    navigate(7, 'https://www.example.gov.cn/other.html');
    const note = { type: 'note:set', reportId: saved.state.reportId, findingId: saved.state.findings[0]!.id, note: '再核', status: 'pending' } as const;
    expect(await send(note, fromPage())).toMatchObject({ ok: true });
    expect(tabSend).not.toHaveBeenCalled();
    expect(await send({ type: 'settings:get' }, fromPage())).toEqual({ ok: true, settings: { auditor: '张三', disabledRules: ['x'], sites: [] } });
  });

  it('answers a note on an unknown report with a Chinese error', async () => {
    const answer = await onMessage({ type: 'note:set', reportId: 'nope', findingId: 'x', note: '', status: 'pending' }, fromPage());
    expect(answer).toEqual({ ok: false, error: expect.stringMatching(/找不到这份报告/) });
  });

  it('injects the content script only into a tab that has none, then asks it to audit', async () => {
    expect(await onMessage({ type: 'audit:tab', tabId: 3 }, fromPage())).toEqual({ ok: true });
    expect(executeScript).not.toHaveBeenCalled();

    tabSend.mockRejectedValueOnce(NO_RECEIVER);
    // The frame imported the auditor (background/audit-tab.ts injectAuditor; test/background/audit-tab.test.ts).
    executeScript.mockResolvedValueOnce([{ frameId: 0, result: true }]);
    expect(await onMessage({ type: 'audit:tab', tabId: 3 }, fromPage())).toEqual({ ok: true });
    expect(executeScript).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ target: { tabId: 3 } }));
    expect(tabSend).toHaveBeenLastCalledWith(3, { type: 'audit:run' });

    tabSend.mockRejectedValueOnce(NO_RECEIVER);
    executeScript.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    expect(await onMessage({ type: 'audit:tab', tabId: 3 }, fromPage())).toEqual({ ok: false, error: expect.stringMatching(/^无法在此页面运行审计/) });
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
    const sender = { tab: { id: 4, index: 2, windowId: 1 } as never, url: list };
    const answer = await send({ type: 'batch:start', listUrl: list, title: '年报', links, next: `${list}?page=2` }, sender);
    const jobId = answer.ok ? answer.jobId : '';
    expect(jobId).not.toBe('');
    expect(tabCreate).toHaveBeenCalledWith({
      url: `chrome-extension://${fakeBrowser.runtime.id}/batch.html?job=${jobId}`,
      openerTabId: 4,
      index: 3,
      windowId: 1,
    });
    expect((await loadJob(jobId))!.links.map((l) => l.status)).toEqual(['pending', 'pending', 'pending']);
    expect(await onMessage({ type: 'batch:start', listUrl: list, title: '年报', links, next: null }, sender)).toEqual({ ok: true, jobId });
    expect(await onMessage({ type: 'batch:start', listUrl: 'file:///list.html', title: '', links, next: null }, sender)).toMatchObject({ ok: false });
  });

  it('opens the rule reference for a content script, and refuses an odd rule id', async () => {
    expect(await onMessage({ type: 'rules:open', ruleId: 't3-balance' }, fromTab(1))).toEqual({ ok: true });
    expect(tabCreate).toHaveBeenCalledWith({
      url: `chrome-extension://${fakeBrowser.runtime.id}/rules.html#t3-balance`,
      openerTabId: 1,
      index: 1,
      windowId: 1,
    });
    expect(await onMessage({ type: 'rules:open', ruleId: '"><script>' }, fromTab(1))).toMatchObject({ ok: false });
  });

  it('does not take the batch page for the tab showing the reports it saves', async () => {
    const batchPage = { tab: { id: 9 } as never, url: `chrome-extension://${fakeBrowser.runtime.id}/batch.html?job=x` };
    expect(await onMessage({ type: 'audit:save', report: audited([sumBroken]) }, batchPage)).toMatchObject({ ok: true });
    expect(await tabReportId(9)).toBeUndefined();
  });
});

describe('a content script speaks for its own page only', () => {
  const OTHER = 'https://www.example.gov.cn/xxgk/2023/other-report.html';

  it('stores an audit under the URL the browser reports for the frame, not the one the page claims', async () => {
    // The page rewrote its address (history.replaceState) to another report's; the browser still knows where it came from.
    const forged = audited([sectionMissing], { url: OTHER });
    const answer = okState(await send({ type: 'audit:save', report: forged }, fromTab(3, URL_A)));
    expect(answer.state.reportId).toBe(reportKey(URL_A));
    expect((await getReportState(auditDb(), reportKey(URL_A)))!.record.url).toBe(URL_A);
    expect(await getReportState(auditDb(), reportKey(OTHER))).toBeNull();
  });

  it('does not overwrite another stored report, and refuses a save from a frame without a web address', async () => {
    await send({ type: 'audit:save', report: audited([sumBroken], { url: OTHER }) }, fromTab(2, OTHER));
    const before = (await getReportState(auditDb(), reportKey(OTHER)))!.record;
    await send({ type: 'audit:save', report: audited([sectionMissing], { url: OTHER }) }, fromTab(3, URL_A));
    expect((await getReportState(auditDb(), reportKey(OTHER)))!.record).toEqual(before);
    expect(await onMessage({ type: 'audit:save', report: audited([]) }, { tab: { id: 3 } as never, url: 'about:blank' })).toEqual({
      ok: false,
      error: expect.stringMatching(/^无法确定发送审计结果的网页地址/),
    });
  });

  it('the batch page, an extension page, says itself which URL it audited', async () => {
    const answer = okState(await send({ type: 'audit:save', report: audited([], { url: OTHER }) }, fromPage('batch.html?job=x')));
    expect(answer.state.reportId).toBe(reportKey(OTHER));
  });

  it('never receives a note, the report note or the auditor name; only ids, statuses and findings', async () => {
    const page = fromPage();
    await send({ type: 'settings:update', change: { kind: 'auditor', auditor: '审计员甲' } }, page);
    const { state } = okState(await send({ type: 'audit:save', report: audited([sumBroken, sectionMissing]) }, fromTab(7)));
    const [first, second] = state.findings;
    await send({ type: 'note:set', reportId: state.reportId, findingId: first!.id, note: '机密备注一', status: 'false_positive' }, page);
    await send({ type: 'note:set', reportId: state.reportId, findingId: second!.id, note: '机密备注二', status: 'pending' }, page);
    await send({ type: 'report-note:set', reportId: state.reportId, note: '机密报告备注' }, page);

    const resaved = await send({ type: 'audit:save', report: audited([sumBroken, sectionMissing]) }, fromTab(7));
    const own = okState(await send({ type: 'overlay:state' }, fromTab(7)));
    for (const a of [resaved, own]) expect(JSON.stringify(a)).not.toMatch(/机密|审计员甲/);
    expect(own.state?.reportId).toBe(state.reportId);
    // A finding still 待核实 has no entry: only statuses an auditor set travel.
    expect(own.state?.statuses).toEqual({ [first!.id]: 'false_positive' });
    // Every request a content script may send is covered above or answers with no stored data (viewer:open and manual:flag answer {}).
    expect(Object.keys(CONTENT_REQUESTS).sort()).toEqual([
      'audit:save',
      'batch:start',
      'manual:flag',
      'overlay:state',
      'panel:open',
      'rules:open',
      'viewer:open',
    ]);
  });

  it('refuses the pages’ requests from a content script', async () => {
    const { state } = okState(await send({ type: 'audit:save', report: audited([sumBroken]) }, fromTab(7)));
    for (const request of [
      { type: 'report:get', reportId: state.reportId },
      { type: 'tab:report', tabId: 7 },
      { type: 'settings:get' },
      { type: 'note:set', reportId: state.reportId, findingId: state.findings[0]!.id, note: '页面伪造', status: 'fixed' },
      { type: 'jobs:list' },
    ] as const) {
      expect(await onMessage(request, fromTab(7))).toEqual({ ok: false, error: expect.stringMatching(/只能由扩展自己的页面请求/) });
    }
    expect((await getReportState(auditDb(), state.reportId))!.notes).toEqual([]);
  });

  it('answers overlay:state with the sender’s own report only', async () => {
    await send({ type: 'audit:save', report: audited([sumBroken]) }, fromTab(7));
    expect(await send({ type: 'overlay:state' }, fromTab(8, 'https://www.example.gov.cn/elsewhere.html'))).toEqual({ ok: true, state: null });
    expect(await send({ type: 'overlay:state' }, fromTab(8, `${URL_A}#t3`))).toMatchObject({ ok: true, state: { reportId: reportKey(URL_A) } });
  });
});

describe('notes are written once per write id', () => {
  it('a retried save that already landed changes nothing, even after a later edit', async () => {
    const page = fromPage();
    const { state } = okState(await send({ type: 'audit:save', report: audited([sumBroken]) }, fromTab(7)));
    const note = (text: string, writeId: string) =>
      send({ type: 'note:set', reportId: state.reportId, findingId: state.findings[0]!.id, note: text, status: 'confirmed', writeId }, page);
    await note('第一稿', 'w1');
    await note('第二稿', 'w2');
    // w1's answer was lost (the worker stopped): the page sends it again.
    const retried = okState(await note('第一稿', 'w1'));
    expect(retried.state.notes.map((n) => n.note)).toEqual(['第二稿']);
    const reportNote = (text: string, writeId: string) => send({ type: 'report-note:set', reportId: state.reportId, note: text, writeId }, page);
    await reportNote('甲', 'r1');
    await reportNote('乙', 'r2');
    expect(okState(await reportNote('甲', 'r1')).state.record.note).toBe('乙');
  });
});

describe('a compilation page, stored report by report', () => {
  const OTHER = 'https://www.example.gov.cn/xxgk/2023/other-report.html';
  const part = (n: number, url = URL_A) => `${reportKey(url)}#part=${n}`;

  it('stores each part as its own record under the frame’s URL and the part, whatever URL or fragment the page claims', async () => {
    const one = okState(await send({ type: 'audit:save', report: audited([sumBroken], { url: OTHER }), part: 1 }, fromTab(5, URL_A)));
    const two = okState(await send({ type: 'audit:save', report: audited([sectionMissing], { url: OTHER }), part: 2 }, fromTab(5, `${URL_A}#part=7`)));
    expect([one.state.reportId, two.state.reportId]).toEqual([part(1), part(2)]);
    expect(one.state.findings.map((f) => f.rule)).toEqual(['t3-balance']);
    expect(two.state.findings.map((f) => f.rule)).toEqual(['section-missing']);
    expect(await getReportState(auditDb(), reportKey(URL_A))).toBeNull();
    expect(await getReportState(auditDb(), reportKey(OTHER))).toBeNull();
    expect((await auditDb().reports.toArray()).map((r) => r.id).sort()).toEqual([part(1), part(2)]);
  });

  it('marks the parts a later audit of the page no longer finds, from the count the saver gives', async () => {
    for (const n of [1, 2]) await send({ type: 'audit:save', report: audited([sumBroken]), part: n, parts: 2 }, fromTab(5));
    await send({ type: 'audit:save', report: audited([sumBroken]), parts: 1 }, fromTab(5));
    const absent = Object.fromEntries((await auditDb().reports.toArray()).map((r) => [r.id, r.absentSince !== undefined]));
    expect(absent).toEqual({ [reportKey(URL_A)]: false, [part(1)]: true, [part(2)]: true });
  });

  it('answers overlay:state per part, and the side panel follows the first part through reloads', async () => {
    await send({ type: 'audit:save', report: audited([sumBroken]), part: 1 }, fromTab(5));
    await send({ type: 'audit:save', report: audited([sectionMissing]), part: 2 }, fromTab(5));
    expect(await tabReportId(5)).toBe(part(1));
    const second = okState(await send({ type: 'overlay:state', part: 2 }, fromTab(5)));
    expect(second.state?.findings.map((f) => f.rule)).toEqual(['section-missing']);
    expect(okState(await send({ type: 'overlay:state' }, fromTab(5))).state).toBeNull();
    navigate(5, URL_A);
    expect(await tabReportId(5)).toBe(part(1));
    navigate(5, OTHER);
    expect(await tabReportId(5)).toBeUndefined();
  });

  it('refuses a part that is not a whole number from 1 to 500', async () => {
    for (const bad of [0, 1.5, 501, -1])
      expect(await onMessage({ type: 'audit:save', report: audited([]), part: bad }, fromTab(5))).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^请求「audit:save」的内容不合格（part/),
      });
    expect(await auditDb().reports.count()).toBe(0);
  });

  it('stores a page that sends no part as the page, whatever part its address names', async () => {
    const saved = okState(await send({ type: 'audit:save', report: audited([sumBroken]) }, fromTab(5, `${URL_A}#part=2`)));
    expect(saved.state.reportId).toBe(reportKey(URL_A));
  });

  it('keeps a part in a record key, and no other fragment', () => {
    expect(reportKey(`${URL_A}#part=3`)).toBe(part(3));
    expect(reportKey(`${URL_A}#part=x`)).toBe(reportKey(URL_A));
    expect(reportKey(`${URL_A}#t3`)).toBe(reportKey(URL_A));
  });
});
