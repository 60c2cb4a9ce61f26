import { describe, expect, it } from 'vitest';
import { fitWidthScale, pageNumber, stepFinding, stepKey, zoomStep, ZOOM_STEPS } from '@/entrypoints/viewer/navigation';

describe('viewer navigation', () => {
  it('zooms to the next step, also from a fit-width scale between steps, and stops at the ends', () => {
    expect(zoomStep(1, 1)).toBe(1.1);
    expect(zoomStep(1, -1)).toBe(0.9);
    expect(zoomStep(1.3, 1)).toBe(1.5);
    expect(zoomStep(1.3, -1)).toBe(1.25);
    expect(zoomStep(ZOOM_STEPS.at(-1)!, 1)).toBe(ZOOM_STEPS.at(-1));
    expect(zoomStep(ZOOM_STEPS[0]!, -1)).toBe(ZOOM_STEPS[0]);
  });
  it('fits the widest page to the view, within the zoom range', () => {
    expect(fitWidthScale(900, 600)).toBe(1.5);
    expect(fitWidthScale(100000, 600)).toBe(ZOOM_STEPS.at(-1));
    expect(fitWidthScale(0, 600)).toBe(1);
    expect(fitWidthScale(900, 0)).toBe(1);
  });
  it('reads a typed page number as a page that exists', () => {
    expect(pageNumber('3', 5)).toBe(3);
    expect(pageNumber(' 9 ', 5)).toBe(5);
    expect(pageNumber('0', 5)).toBe(1);
    expect(pageNumber('2.6', 5)).toBe(3);
    expect(pageNumber('abc', 5)).toBeNull();
    expect(pageNumber('', 5)).toBeNull();
    expect(pageNumber('1', 0)).toBeNull();
  });
  it('steps through findings with wrap-around, from none selected', () => {
    expect(stepFinding(-1, 1, 3)).toBe(0);
    expect(stepFinding(-1, -1, 3)).toBe(2);
    expect(stepFinding(2, 1, 3)).toBe(0);
    expect(stepFinding(0, -1, 3)).toBe(2);
    expect(stepFinding(1, 1, 3)).toBe(2);
    expect(stepFinding(0, 1, 0)).toBe(-1);
  });
  it('takes the overlay’s keys, Alt+Shift+N and Alt+Shift+P, and nothing else', () => {
    const key = (code: string, mods: Partial<Record<'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey', boolean>> = { altKey: true, shiftKey: true }) =>
      stepKey({ altKey: false, shiftKey: false, ctrlKey: false, metaKey: false, code, ...mods });
    expect(key('KeyN')).toBe(1);
    expect(key('KeyP')).toBe(-1);
    expect(key('KeyX')).toBeNull();
    expect(key('KeyN', { altKey: true })).toBeNull();
    expect(key('KeyN', { altKey: true, shiftKey: true, ctrlKey: true })).toBeNull();
  });
});
