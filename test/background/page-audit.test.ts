/** The background's side of the audit (background/page-audit.ts): a tree comes in on a port, reports go out, then the save. */
import '../helpers/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { auditTree, MAX_TREE_NODES, onPageAudit, type PageAuditDeps } from '@/entrypoints/background/page-audit';
import { PAGE_AUDIT_PORT } from '@/lib/app/content-scripts';
import { PageAuditMessage, type OverlayReport, type PageTreeMessage } from '@/lib/app/content-messages';
import { auditPage } from '@/lib/engine/audit';
import { pageTreeSteps, type TreeNode } from '@/lib/engine/source/page-tree';
import { drain } from '@/lib/engine/steps';
import { compilationPage } from '../helpers/compilation';
import { fixtureHtml, htmlDoc } from '../helpers/fixtures';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const PAGE = 'https://www.example.gov.cn/art/2024/1/15/art_1.html';

function fakePort(name = PAGE_AUDIT_PORT, sender: object = { tab: { id: 4 }, frameId: 0, url: PAGE }) {
  const listeners: ((m: unknown) => void)[] = [];
  const goneListeners: (() => void)[] = [];
  const posted: PageAuditMessage[] = [];
  let closed = false;
  const port = {
    name,
    sender,
    postMessage: (m: unknown) => void posted.push(PageAuditMessage.parse(JSON.parse(JSON.stringify(m)))),
    disconnect: vi.fn(() => void (closed = true)),
    onMessage: { addListener: (l: (m: unknown) => void) => void listeners.push(l) },
    onDisconnect: { addListener: (l: () => void) => void goneListeners.push(l) },
  };
  return {
    port: port as never,
    posted,
    closed: () => closed,
    /** The page's end goes away (its frame navigated). */
    leave: () => goneListeners.forEach((l) => l()),
    send: (m: PageTreeMessage | object) => listeners.forEach((l) => l(JSON.parse(JSON.stringify(m)))),
  };
}

function treeOf(html: string): TreeNode[] {
  const nodes: TreeNode[] = [];
  drain(pageTreeSteps(htmlDoc(html), { emit: (n) => void nodes.push(...n) }, () => false));
  return nodes;
}

function deps(disabled: string[] = []) {
  const saved: { report: { url: string; findings: unknown[] }; part: number | undefined; parts: number; sender: unknown }[] = [];
  const d: PageAuditDeps = {
    disabledRules: async () => disabled,
    save: async (report, part, parts, sender) => {
      saved.push({ report, part, parts, sender });
      return { reportId: `r${part ?? 0}`, agency: report.agency, year: report.year, findings: [], newIds: [], statuses: {} } satisfies OverlayReport;
    },
  };
  return { d, saved };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Until the background has answered (the audit runs in slices, each in a task of its own). */
const answered = (posted: PageAuditMessage[], type: PageAuditMessage['type'] = 'done') =>
  vi.waitFor(() => expect(posted.some((m) => m.type === type || m.type === 'error')).toBe(true));

describe('the audit in the background', () => {
  it("audits the sender's tree as the engine audits the page, and saves it under the browser's URL when asked", async () => {
    const html = fixtureHtml('001-word.html');
    const { port, posted, send, closed } = fakePort();
    const { d, saved } = deps();
    onPageAudit(port, d);
    send({ type: 'nodes', nodes: treeOf(html) });
    send({ type: 'end', cut: null });
    await answered(posted);
    const direct = auditPage(htmlDoc(html), { url: PAGE });
    expect(direct.detected).toBe(true);
    const parts = posted.filter((m) => m.type === 'part');
    expect(parts.map((m) => m.part.findings)).toEqual(direct.detected ? direct.parts.map((p) => JSON.parse(JSON.stringify(p.findings))) : []);
    expect(posted.at(-1)).toEqual({ type: 'done' });
    expect(saved).toEqual([]);
    expect(closed()).toBe(false);
    send({ type: 'save' });
    await answered(posted, 'saved');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.part).toBeUndefined();
    expect(saved[0]!.parts).toBe(1);
    expect(saved[0]!.report.url).toBe(PAGE);
    expect(saved[0]!.report.findings).toEqual(parts[0]!.type === 'part' && parts[0]!.part.findings);
    expect(posted.at(-1)).toMatchObject({ type: 'saved', states: [{ reportId: 'r0' }] });
    expect(closed()).toBe(true);
  });

  it('reads the rules switched off itself: the page does not choose them', async () => {
    const html = fixtureHtml('001-word.html');
    const all = auditPage(htmlDoc(html), { url: PAGE });
    const rule = all.detected ? all.parts[0]!.findings[0]!.rule : '';
    const { port, posted, send } = fakePort();
    onPageAudit(port, deps([rule]).d);
    send({ type: 'nodes', nodes: treeOf(html) });
    send({ type: 'end', cut: null, disabledRules: [] });
    await answered(posted);
    const findings = posted.flatMap((m) => (m.type === 'part' ? m.part.findings : []));
    expect(rule).not.toBe('');
    expect(findings.map((f) => f.rule)).not.toContain(rule);
    const without = auditPage(htmlDoc(html), { url: PAGE, disabledRules: [rule] });
    expect(findings).toEqual(without.detected ? JSON.parse(JSON.stringify(without.parts[0]!.findings)) : null);
  });

  it('stores each report of a compilation as its own part, in page order', async () => {
    const { port, posted, send } = fakePort();
    const { d, saved } = deps();
    onPageAudit(port, d);
    send({ type: 'nodes', nodes: treeOf(compilationPage(3)) });
    send({ type: 'end', cut: null });
    await answered(posted);
    expect(posted.filter((m) => m.type === 'part')).toHaveLength(3);
    send({ type: 'save' });
    await answered(posted, 'saved');
    expect(saved.map((s) => [s.part, s.parts])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(posted.at(-1)).toMatchObject({ type: 'saved', states: [{ reportId: 'r1' }, { reportId: 'r2' }, { reportId: 'r3' }] });
  });

  it('says why a page is no report, saves nothing and ends', async () => {
    const { port, posted, send, closed } = fakePort();
    const { d, saved } = deps();
    onPageAudit(port, d);
    send({ type: 'nodes', nodes: treeOf(fixtureHtml('nonreport-news.html')) });
    send({ type: 'end', cut: null });
    await answered(posted);
    expect(posted).toEqual([{ type: 'done', reason: expect.any(String) }]);
    expect(closed()).toBe(true);
    expect(saved).toEqual([]);
  });

  it('refuses a malformed message, a tree that is not one, and a save before the audit, with a message and no crash', async () => {
    for (const bad of [{ type: 'nodes', nodes: [[0, 5]] }, { type: 'nope' }, { type: 'save' }]) {
      const { port, posted, send, closed } = fakePort();
      onPageAudit(port, deps().d);
      send(bad);
      await settle();
      expect(posted).toEqual([{ type: 'error', message: expect.stringMatching(/页面数据无法读取|The page could not be read/) }]);
      expect(closed()).toBe(true);
    }
    const { port, posted, send, closed } = fakePort();
    onPageAudit(port, deps().d);
    send({
      type: 'nodes',
      nodes: [
        [-1, 'HTML', 0],
        [9, 'P', 0],
      ],
    });
    send({ type: 'end', cut: null });
    await answered(posted);
    expect(posted).toEqual([{ type: 'error', message: expect.stringMatching(/parent/) }]);
    expect(closed()).toBe(true);
  });

  it('refuses a tree larger than it holds, before keeping it', async () => {
    const { port, posted, send, closed } = fakePort();
    onPageAudit(port, deps().d);
    const chunk: TreeNode[] = Array.from({ length: 200_001 }, () => [0, 'x']);
    for (let i = 0; i < MAX_TREE_NODES / 200_000; i++) send({ type: 'nodes', nodes: chunk });
    await settle();
    expect(posted).toEqual([{ type: 'error', message: expect.stringContaining(String(MAX_TREE_NODES)) }]);
    expect(closed()).toBe(true);
  });

  it('audits a large page in slices, each in a task of its own, and stops when the page goes away', async () => {
    const html = compilationPage(6);
    const sliced = fakePort();
    onPageAudit(sliced.port, { ...deps().d, sliceMs: 0 });
    sliced.send({ type: 'nodes', nodes: treeOf(html) });
    const started = performance.now();
    sliced.send({ type: 'end', cut: null });
    await answered(sliced.posted);
    const took = performance.now() - started;
    expect(sliced.posted.filter((m) => m.type === 'part')).toHaveLength(6);
    const whole = fakePort();
    onPageAudit(whole.port, deps().d);
    whole.send({ type: 'nodes', nodes: treeOf(html) });
    whole.send({ type: 'end', cut: null });
    await answered(whole.posted);
    expect(sliced.posted).toEqual(whole.posted);

    // The page goes away while its audit is under way: the audit stops at its next slice, with nothing to answer.
    let looks = 0;
    const tree = [treeOf(html)];
    expect(await auditTree(tree, null, PAGE, [], () => ++looks > 2, 0)).toBeUndefined();
    expect(looks).toBe(3);
    expect((await auditTree(tree, null, PAGE, [], () => false, 0))?.messages).toEqual(whole.posted);
    const left = fakePort();
    onPageAudit(left.port, deps().d);
    left.send({ type: 'nodes', nodes: treeOf(html) });
    left.send({ type: 'end', cut: null });
    left.leave();
    await new Promise((resolve) => setTimeout(resolve, 3 * took));
    expect(left.posted).toEqual([]);
  });

  it('ignores other ports, and ends one that no tab opened', () => {
    const other = fakePort('something-else');
    onPageAudit(other.port, deps().d);
    expect(other.closed()).toBe(false);
    const noTab = fakePort(PAGE_AUDIT_PORT, { url: PAGE });
    onPageAudit(noTab.port, deps().d);
    expect(noTab.closed()).toBe(true);
  });
});
