import { describe, expect, it } from 'vitest';
import type { Box } from '@/lib/app/overlay-state';
import { boxesOf, sameBoxes, type Target } from '@/entrypoints/content/targets';

const box = (over: Partial<Box> = {}): Box => ({
  findingIds: ['f1'],
  kind: 'cell',
  key: 't3/3.7/total',
  rules: ['cell-wrong'],
  severity: 'error',
  top: 120,
  left: 40,
  width: 60,
  height: 22,
  ...over,
});

/** The controller redraws the markers after a resize or scroll only when these differ. */
describe('sameBoxes', () => {
  it('is true for the same markers measured again (fresh objects)', () => {
    expect(sameBoxes([box(), box({ key: 's5', kind: 'section' })], [box(), box({ key: 's5', kind: 'section' })])).toBe(true);
    expect(sameBoxes([], [])).toBe(true);
  });

  it.each<[string, Partial<Box>]>([
    ['moved down a pixel', { top: 121 }],
    ['moved right', { left: 41 }],
    ['resized', { width: 61 }],
    ['taller', { height: 23 }],
    ['another finding on the same cell', { findingIds: ['f1', 'f2'] }],
    ['another rule', { rules: ['cell-wrong', 'cell-missing'] }],
    ['less severe', { severity: 'warning' }],
    ['another cell', { key: 't3/3.6/total' }],
    ['now a label', { label: '缺少：五、存在的主要问题及改进情况' }],
    ['tooltip flipped', { flip: true }],
  ])('is false when a marker is %s', (_, change) => {
    expect(sameBoxes([box()], [box(change)])).toBe(false);
  });

  it('is false when a marker is added, dropped or the order changes', () => {
    const a = box();
    const b = box({ key: 's5', kind: 'section' });
    expect(sameBoxes([a], [a, b])).toBe(false);
    expect(sameBoxes([a, b], [a])).toBe(false);
    expect(sameBoxes([a, b], [b, a])).toBe(false);
  });
});

/** Sections missing together are shown before the same heading. */
describe('boxesOf', () => {
  const heading = { getBoundingClientRect: () => ({ top: 100, left: 20, width: 300, height: 24 }) } as unknown as Element;
  const missing = (id: string, key: string, label: string): Target => ({
    finding: { id, rule: 'section-missing', severity: 'error' } as Target['finding'],
    kind: 'missing-section',
    key,
    el: heading,
    label,
  });
  const frame = { origin: { top: 0, left: 0 } as DOMRect, viewportWidth: 1000, zoom: 1 };
  it('draws one marker naming every section missing at the same place', () => {
    const boxes = boxesOf(
      [missing('a', 's3', '缺少：三、收到和处理政府信息公开申请情况'), missing('b', 's4', '缺少：四、政府信息公开行政复议、行政诉讼情况')],
      frame,
    );
    expect(boxes).toHaveLength(1);
    expect(boxes[0]).toMatchObject({ findingIds: ['a', 'b'], label: '缺少：三、收到和处理政府信息公开申请情况；缺少：四、政府信息公开行政复议、行政诉讼情况' });
  });
  it('draws a marker per cell, even for cells in one place', () => {
    const cell = (id: string, key: string): Target => ({
      finding: { id, rule: 'cell-wrong', severity: 'error' } as Target['finding'],
      kind: 'cell',
      key,
      el: heading,
    });
    expect(boxesOf([cell('a', 't3/1/total'), cell('b', 't3/2/total')], frame)).toHaveLength(2);
  });
  it('puts markers in the host’s own pixels when the page zooms', () => {
    const [box] = boxesOf([missing('a', 's3', 'x')], { ...frame, zoom: 1.25 });
    expect(box).toMatchObject({ left: 16, width: 240 });
  });
});
