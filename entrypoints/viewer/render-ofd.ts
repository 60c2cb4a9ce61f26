/**
 * Draws an OFD's pages (pdf.js cannot): each page an SVG at its size, its rulings as lines and its text
 * on its baselines, each piece stretched to the width the file gives it (textLength: the browser's font
 * is not the file's), selectable and found by the browser's find; the markers over the cells, in the
 * same boxes (points, top-down) the layout gave the engine.
 */
import type { PdfPage } from '@/lib/engine/source/pdf-layout';
import { markPage } from './render-pdf';
import type { Target } from './markers';

const SVG = 'http://www.w3.org/2000/svg';

function svgEl(name: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

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
    const svg = svgEl('svg', { class: 'ofd-drawing', viewBox: `0 0 ${page.width} ${page.height}` });
    const rules = svgEl('g', { class: 'ofd-rules' });
    for (const r of page.rules) rules.append(svgEl('line', { x1: r.x0, y1: r.y0, x2: r.x1, y2: r.y1 }));
    const text = svgEl('g', { class: 'ofd-text' });
    for (const t of page.texts) {
      const piece = svgEl('text', {
        x: t.x,
        y: t.y,
        'font-size': t.size,
        ...(t.w > 0 && [...t.str].length > 1 && { textLength: t.w, lengthAdjust: 'spacing' }),
      });
      piece.textContent = t.str;
      text.append(piece);
    }
    svg.append(rules, text);
    const marks = document.createElement('div');
    marks.className = 'markers';
    wrap.append(svg, marks);
    container.append(wrap);
    markPage(marks, n, targets(), scale);
  });
  return Promise.resolve();
}
