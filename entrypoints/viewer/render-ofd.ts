/**
 * Draws an OFD's pages (pdf.js cannot): each page at its size, its rulings as SVG lines, its text as
 * absolutely placed spans on their baselines (selectable, found by the browser's find), and the markers
 * over the cells, in the same boxes (points, top-down) the layout gave the engine.
 */
import type { PdfPage } from '@/lib/engine/source/pdf-layout';
import { markPage } from './render-pdf';
import type { Target } from './markers';

/** Above its baseline a line's glyphs rise about this share of the type size (as the layout takes it). */
const ASCENT = 0.88;
const SVG = 'http://www.w3.org/2000/svg';

/** Draws every page at `scale` (1 = 100 %) into `container`, replacing what was there, with the markers. */
export function renderOfd(pages: PdfPage[], container: HTMLElement, targets: () => Target[], scale: number): Promise<void> {
  container.replaceChildren();
  pages.forEach((page, i) => {
    const n = i + 1;
    const wrap = document.createElement('div');
    wrap.className = 'pdf-page ofd-page';
    wrap.dataset.page = String(n);
    wrap.style.width = `${page.width * scale}px`;
    wrap.style.height = `${page.height * scale}px`;
    const lines = document.createElementNS(SVG, 'svg');
    lines.setAttribute('class', 'ofd-rules');
    lines.setAttribute('viewBox', `0 0 ${page.width} ${page.height}`);
    for (const r of page.rules) {
      const l = document.createElementNS(SVG, 'line');
      for (const [k, v] of Object.entries({ x1: r.x0, y1: r.y0, x2: r.x1, y2: r.y1 })) l.setAttribute(k, String(v));
      lines.append(l);
    }
    const text = document.createElement('div');
    text.className = 'ofd-text';
    for (const t of page.texts) {
      const s = document.createElement('span');
      s.textContent = t.str;
      Object.assign(s.style, { left: `${t.x * scale}px`, top: `${(t.y - ASCENT * t.size) * scale}px`, fontSize: `${t.size * scale}px` });
      text.append(s);
    }
    const marks = document.createElement('div');
    marks.className = 'markers';
    wrap.append(lines, text, marks);
    container.append(wrap);
    markPage(marks, n, targets(), scale);
  });
  return Promise.resolve();
}
