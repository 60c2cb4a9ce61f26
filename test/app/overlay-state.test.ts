import { describe, expect, it } from 'vitest';
import type { StoredFinding } from '@/lib/app/schema';
import {
  barCorner,
  barCounts,
  barRect,
  clearCorner,
  compilationSummary,
  findingsByPart,
  cornerToward,
  INITIAL_OVERLAY,
  nearestCorner,
  overlayNeeded,
  overlayReducer,
  partFindings,
  severityCounts,
  storedParts,
  type OverlayEvent,
  type OverlayState,
} from '@/lib/app/overlay-state';

const finding = (id: string, severity: StoredFinding['severity'] = 'error'): StoredFinding => ({ id, rule: 't3-balance', severity, message: `问题 ${id}` });
const SUMMARY = { agency: '示范区人民政府', year: 2023, layout: '2021', title: '示范区2023年政府信息公开工作年度报告' };

const run = (...events: OverlayEvent[]): OverlayState => events.reduce(overlayReducer, INITIAL_OVERLAY);
const audited = (...ids: string[]): OverlayEvent => ({ type: 'audited', summary: SUMMARY, findings: ids.map((id) => finding(id)) });

describe('overlay state', () => {
  it('starts empty and needs no overlay', () => {
    expect(overlayNeeded(INITIAL_OVERLAY)).toBe(false);
    expect(INITIAL_OVERLAY.current).toBe(-1);
  });

  it('an audit shows its findings, none new, and drops a list offer and a notice', () => {
    const s = run({ type: 'not-a-report', list: { count: 5, more: false }, notice: '此页面不是年度报告' }, audited('a', 'b'));
    expect(s.summary).toEqual(SUMMARY);
    expect(s.findings.map((f) => [f.id, f.isNew])).toEqual([
      ['a', false],
      ['b', false],
    ]);
    expect(s.list).toBeUndefined();
    expect(s.notice).toBeUndefined();
    expect(overlayNeeded(s)).toBe(true);
  });

  it('the stored record marks new findings and keeps the one navigated to', () => {
    const s = run(audited('a', 'b'), { type: 'step', delta: 1 }, { type: 'step', delta: 1 }, { type: 'error', message: '保存失败' });
    expect(s.current).toBe(1);
    const stored = overlayReducer(s, { type: 'stored', findings: [finding('x'), finding('a'), finding('b')], newIds: ['x'], statuses: {} });
    expect(stored.findings.map((f) => f.isNew)).toEqual([true, false, false]);
    expect(stored.findings[stored.current]!.id).toBe('b');
    expect(stored.error).toBeUndefined();
  });

  it('steps forward and back with wrap-around, and shows the markers again', () => {
    let s = run(audited('a', 'b', 'c'), { type: 'toggle-visible' });
    expect(s.visible).toBe(false);
    s = overlayReducer(s, { type: 'step', delta: -1 });
    expect(s.current).toBe(2);
    expect(s.visible).toBe(true);
    s = overlayReducer(s, { type: 'step', delta: 1 });
    expect(s.current).toBe(0);
  });

  it('does not step without findings or without a report', () => {
    const none = run(audited());
    expect(overlayReducer(none, { type: 'step', delta: 1 })).toBe(none);
    const list = run({ type: 'not-a-report', list: { count: 4, more: true } });
    expect(overlayReducer(list, { type: 'step', delta: 1 })).toBe(list);
  });

  it('reveals a finding by id, and ignores an unknown id', () => {
    const s = run(audited('a', 'b'));
    expect(overlayReducer(s, { type: 'reveal', findingId: 'b' }).current).toBe(1);
    expect(overlayReducer(s, { type: 'reveal', findingId: 'zz' })).toBe(s);
  });

  it('a page that stops being a report clears findings and markers but keeps a starting batch', () => {
    let s = run({ type: 'not-a-report', list: { count: 4, more: false } }, { type: 'list-starting' });
    expect(s.list).toEqual({ count: 4, more: false, starting: true });
    s = overlayReducer(overlayReducer(s, audited('a')), {
      type: 'boxes',
      boxes: [{ findingIds: ['a'], kind: 'cell', key: 't3/1/total', rules: ['r'], severity: 'error', top: 0, left: 0, width: 1, height: 1 }],
    });
    s = overlayReducer(s, { type: 'not-a-report', list: { count: 6, more: true } });
    expect(s.summary).toBeNull();
    expect(s.findings).toEqual([]);
    expect(s.boxes).toEqual([]);
    expect(s.list).toEqual({ count: 6, more: true, starting: false });
  });

  it('a batch that failed to start says why and can be started again', () => {
    const s = run({ type: 'not-a-report', list: { count: 4, more: false } }, { type: 'list-starting' }, { type: 'list-started', error: '无法开始批量审核' });
    expect(s.list?.starting).toBe(false);
    expect(s.error).toBe('无法开始批量审核');
    // Without a list there is nothing to start.
    expect(overlayReducer(INITIAL_OVERLAY, { type: 'list-starting' })).toBe(INITIAL_OVERLAY);
  });

  it('a notice shows until dismissed, and needs the overlay on its own', () => {
    const s = run({ type: 'not-a-report', notice: '此页面不是政府信息公开工作年度报告' });
    expect(overlayNeeded(s)).toBe(true);
    expect(overlayNeeded(overlayReducer(s, { type: 'dismiss-notice' }))).toBe(false);
  });

  it('counts findings per severity', () => {
    expect(severityCounts([finding('a'), finding('b', 'warning'), finding('c', 'error'), finding('d', 'info')])).toEqual({ error: 2, warning: 1, info: 1 });
    expect(severityCounts([])).toEqual({ error: 0, warning: 0, info: 0 });
  });
});

describe('findings settled as 误报 or 已整改 (issue 12 §5)', () => {
  const stored = (statuses: OverlayEvent & { type: 'stored' } extends { statuses: infer S } ? S : never): OverlayEvent => ({
    type: 'stored',
    findings: [finding('a'), finding('b', 'warning'), finding('c', 'info')],
    newIds: [],
    statuses,
  });

  it('are marked settled and left out of the counts; 已确认 still counts', () => {
    const s = run(audited('a', 'b', 'c'), stored({ a: 'false_positive', b: 'fixed', c: 'confirmed' }));
    expect(s.findings.map((f) => [f.id, f.settled])).toEqual([
      ['a', true],
      ['b', true],
      ['c', false],
    ]);
    expect(barCounts(s)).toEqual({ error: 0, warning: 0, info: 1 });
    // Nothing settled: everything counts.
    expect(barCounts(run(audited('a', 'b', 'c'), stored({})))).toEqual({ error: 1, warning: 1, info: 1 });
  });

  it('the toggle counts them again, and a second press leaves them out', () => {
    const s = run(audited('a', 'b', 'c'), stored({ a: 'false_positive' }), { type: 'toggle-settled' });
    expect(barCounts(s)).toEqual({ error: 1, warning: 1, info: 1 });
    expect(barCounts(overlayReducer(s, { type: 'toggle-settled' }))).toEqual({ error: 0, warning: 1, info: 1 });
  });

  it('stay settled when the page is audited again (statuses come from the store, by finding id)', () => {
    const s = run(audited('a', 'b', 'c'), stored({ a: 'false_positive' }), audited('a', 'b', 'c'));
    expect(s.findings.find((f) => f.id === 'a')!.settled).toBe(true);
    // audited() gives three errors; a, settled, is not counted.
    expect(barCounts(s).error).toBe(2);
  });

  it('stepping skips them unless the toggle counts them', () => {
    let s = run(audited('a', 'b', 'c'), stored({ b: 'fixed' }));
    s = overlayReducer(s, { type: 'step', delta: 1 });
    expect(s.findings[s.current]!.id).toBe('a');
    s = overlayReducer(s, { type: 'step', delta: 1 });
    expect(s.findings[s.current]!.id).toBe('c');
    s = overlayReducer(overlayReducer(s, { type: 'toggle-settled' }), { type: 'step', delta: -1 });
    expect(s.findings[s.current]!.id).toBe('b');
    // All settled: nothing to step to.
    const all = run(audited('a'), { type: 'stored', findings: [finding('a')], newIds: [], statuses: { a: 'false_positive' } });
    expect(overlayReducer(all, { type: 'step', delta: 1 })).toBe(all);
  });
});

describe('an attachment-only report', () => {
  it('offers its files until the page stops being a report', () => {
    const files = [{ url: 'https://www.demo.gov.cn/a.pdf', title: '2023年报告.pdf' }];
    const s = run({ type: 'audited', summary: SUMMARY, findings: [finding('a')], attachments: files });
    expect(s.attachments).toEqual(files);
    expect(overlayReducer(s, { type: 'not-a-report' }).attachments).toEqual([]);
    // A later audit without files offers none.
    expect(overlayReducer(s, audited('a')).attachments).toEqual([]);
  });
});

describe('the bar’s place (issue 12 §8)', () => {
  const area = { top: 0, left: 0, bottom: 800, right: 1200 };
  const size = { width: 400, height: 150 };

  it('arrow keys move it to the corner that way; other keys do nothing', () => {
    expect(cornerToward('br', 'ArrowUp')).toBe('tr');
    expect(cornerToward('tr', 'ArrowLeft')).toBe('tl');
    expect(cornerToward('tl', 'ArrowDown')).toBe('bl');
    expect(cornerToward('bl', 'ArrowRight')).toBe('br');
    expect(cornerToward('br', 'ArrowDown')).toBe('br');
    expect(cornerToward('br', 'Enter')).toBeUndefined();
  });

  it('a drop snaps to the nearest corner of the visible area', () => {
    expect(nearestCorner(100, 100, area)).toBe('tl');
    expect(nearestCorner(1100, 700, area)).toBe('br');
    // In a frame whose upper part is scrolled away, the middle is lower.
    expect(nearestCorner(1100, 500, { ...area, top: 400 })).toBe('tr');
  });

  it('stands aside from the current marker and its tooltip, preferring the user’s corner', () => {
    const home = barRect('br', size, area);
    expect(home).toEqual({ top: 634, left: 784, bottom: 784, right: 1184 });
    // Nothing under it: stays.
    expect(clearCorner('br', size, area, [{ top: 100, left: 100, bottom: 130, right: 140 }])).toBe('br');
    // A tooltip at the lower right: the other side vertically.
    expect(clearCorner('br', size, area, [{ top: 600, left: 900, bottom: 760, right: 1150 }])).toBe('tr');
    // Lower and upper right both covered: the lower left.
    expect(clearCorner('br', size, area, [{ top: 0, left: 1000, bottom: 800, right: 1100 }])).toBe('bl');
    // Every corner covered: where the user put it.
    expect(clearCorner('br', size, area, [area])).toBe('br');
  });

  it('moving the bar forgets where it stood aside; standing aside keeps the user’s corner', () => {
    let s = overlayReducer(INITIAL_OVERLAY, { type: 'dodge', corner: 'tr' });
    expect([s.corner, barCorner(s)]).toEqual(['br', 'tr']);
    expect(barCorner(overlayReducer(s, { type: 'dodge', corner: 'br' }))).toBe('br');
    s = overlayReducer(s, { type: 'move-bar', corner: 'tl' });
    expect([s.corner, s.dodge]).toEqual(['tl', undefined]);
  });

  it('Esc closes tooltips until a marker is pointed at or focused', () => {
    const closed = overlayReducer(INITIAL_OVERLAY, { type: 'close-tips' });
    expect(closed.tipsClosed).toBe(true);
    expect(overlayReducer(closed, { type: 'close-tips' })).toBe(closed);
    expect(overlayReducer(closed, { type: 'open-tips' }).tipsClosed).toBe(false);
  });
});

describe('a compilation in the bar', () => {
  const part = (n: number, ids: string[]) =>
    partFindings(
      ids.map((id) => finding(id)),
      n - 1,
      3,
      `第${n}局`,
    );

  it('keeps the same cell of two parts as two findings, each naming its part', () => {
    const one = part(1, ['a', 'b']);
    const two = part(2, ['a']);
    expect(new Set([...one, ...two].map((f) => f.id)).size).toBe(3);
    expect(two[0]!.message).toBe('【第 2/3 份：第2局】问题 a');
    expect(two[0]!.rule).toBe('t3-balance');
  });

  it('steps through every part’s findings in page order', () => {
    const findings = [...part(1, ['a']), ...part(2, []), ...part(3, ['a', 'c'])];
    let s = run({ type: 'audited', summary: SUMMARY, findings });
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      s = overlayReducer(s, { type: 'step', delta: 1 });
      seen.push(s.findings[s.current]!.id);
    }
    expect(seen).toEqual(['p1-a', 'p3-a', 'p3-c', 'p1-a']);
  });

  it('merges the parts’ stored records under the same prefixes, statuses and new ids included', () => {
    const merged = storedParts(
      [
        { findings: [finding('a')], newIds: [], statuses: { a: 'false_positive' } },
        { findings: [finding('a'), finding('b')], newIds: ['b'], statuses: {} },
      ],
      (i) => `第${i + 1}局`,
    );
    expect(merged.findings.map((f) => f.id)).toEqual(['p1-a', 'p2-a', 'p2-b']);
    expect(merged.newIds).toEqual(['p2-b']);
    expect(merged.statuses).toEqual({ 'p1-a': 'false_positive' });
    const s = run({ type: 'audited', summary: SUMMARY, findings: merged.findings }, { type: 'stored', ...merged });
    expect(s.findings.map((f) => [f.id, f.isNew, f.settled])).toEqual([
      ['p1-a', false, true],
      ['p2-a', false, false],
      ['p2-b', true, false],
    ]);
  });

  it('sorts the bar’s list back into its parts by the prefix the parts gave, page order kept in each', () => {
    const one = part(1, ['a', 'b']);
    const three = part(3, ['a']);
    expect(findingsByPart([...one, ...three], 3)).toEqual([one, [], three]);
  });

  it('names the compilation by its count, with the year and layout only when all parts share them', () => {
    const other = { ...SUMMARY, agency: '示范区教育局' };
    expect(compilationSummary([SUMMARY, other], '汇编')).toEqual({ title: '汇编', agency: '年报汇编（2 份）', year: 2023, layout: '2021' });
    expect(compilationSummary([SUMMARY, { ...other, year: 2022, layout: '2019' }], '汇编')).toMatchObject({ year: null, layout: 'unknown' });
  });
});
