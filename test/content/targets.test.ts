import { describe, expect, it } from 'vitest';
import type { Box } from '@/lib/app/overlay-state';
import { sameBoxes } from '@/entrypoints/content/targets';

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
