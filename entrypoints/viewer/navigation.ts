/** The viewer's zoom steps, page numbers and finding stepping: pure, so the rules are tested without a page. */

/** Zoom levels the +/− buttons step through (1 = 100 %). */
export const ZOOM_STEPS = [0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];

/** The next zoom step above (+1) or below (−1) the current scale, which may sit between steps (fit width). */
export function zoomStep(scale: number, direction: 1 | -1): number {
  const steps = direction > 0 ? ZOOM_STEPS.filter((z) => z > scale + 0.001) : ZOOM_STEPS.filter((z) => z < scale - 0.001).reverse();
  return steps[0] ?? scale;
}

/** The scale at which the widest page fills the available width; within the zoom range. */
export function fitWidthScale(available: number, widestPage: number): number {
  if (!(available > 0) || !(widestPage > 0)) return 1;
  return Math.min(ZOOM_STEPS.at(-1)!, Math.max(ZOOM_STEPS[0]!, available / widestPage));
}

/** A page number typed by the user, as a page that exists; null for text that is no number. */
export function pageNumber(input: string, pages: number): number | null {
  const n = Number(input.trim());
  if (!input.trim() || !Number.isFinite(n) || pages < 1) return null;
  return Math.min(pages, Math.max(1, Math.round(n)));
}

/** The finding after (+1) or before (−1) the current one, wrapping around as the overlay's ◀ ▶ do; -1 = none yet. */
export function stepFinding(current: number, delta: 1 | -1, count: number): number {
  if (count < 1) return -1;
  if (current < 0) return delta > 0 ? 0 : count - 1;
  return (((current + delta) % count) + count) % count;
}

/** The overlay's keys: Alt+Shift+N next, Alt+Shift+P previous. */
export function stepKey(e: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>): 1 | -1 | null {
  if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return null;
  return e.code === 'KeyN' ? 1 : e.code === 'KeyP' ? -1 : null;
}
