/** Draws the PDF's pages (canvas and selectable text layer) and the finding markers over them. */
import { pdfAssets } from '@/components/file-readers';
import type { PdfBox } from '@/lib/engine/source/pdf-layout';
import type { Target } from './markers';

export const SCALE = 1.5;

const isBox = (el: unknown): el is PdfBox => typeof el === 'object' && el !== null && typeof (el as PdfBox).page === 'number';

/** A marker element: the same data attributes as the markers on HTML pages. */
export function markerElement(t: Target): HTMLElement {
  const m = document.createElement('div');
  m.className = `marker sev-${t.severity}`;
  m.dataset.rule = t.rule;
  m.dataset.severity = t.severity;
  m.dataset.finding = t.findingId;
  if (t.cell) m.dataset.cell = t.cell;
  if (t.section) m.dataset.section = t.section;
  m.title = t.message;
  m.tabIndex = 0;
  return m;
}

export async function renderPdf(bytes: Uint8Array, container: HTMLElement, targets: Target[]): Promise<void> {
  const assets = pdfAssets();
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  pdfjs.GlobalWorkerOptions.workerSrc = assets.workerSrc;
  const doc = await pdfjs.getDocument({ data: bytes.slice(), cMapUrl: assets.cMapUrl, cMapPacked: true, standardFontDataUrl: assets.standardFontDataUrl }).promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: SCALE });
    const wrap = document.createElement('div');
    wrap.className = 'pdf-page';
    wrap.dataset.page = String(n);
    wrap.style.width = `${viewport.width}px`;
    wrap.style.height = `${viewport.height}px`;
    wrap.style.setProperty('--scale-factor', String(SCALE));
    wrap.style.setProperty('--total-scale-factor', String(SCALE));
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width * devicePixelRatio);
    canvas.height = Math.floor(viewport.height * devicePixelRatio);
    const text = document.createElement('div');
    text.className = 'textLayer';
    const marks = document.createElement('div');
    marks.className = 'markers';
    wrap.append(canvas, text, marks);
    container.append(wrap);
    await page.render({ canvas, viewport, transform: devicePixelRatio === 1 ? undefined : [devicePixelRatio, 0, 0, devicePixelRatio, 0, 0] }).promise;
    await new pdfjs.TextLayer({ textContentSource: await page.getTextContent(), container: text, viewport }).render();
    for (const t of targets) {
      if (!isBox(t.el) || t.el.page !== n) continue;
      const m = markerElement(t);
      Object.assign(m.style, { left: `${t.el.x * SCALE}px`, top: `${t.el.y * SCALE}px`, width: `${t.el.w * SCALE}px`, height: `${t.el.h * SCALE}px` });
      marks.append(m);
    }
  }
}

/** Word shown as HTML: the audited elements themselves are marked. */
export function markElements(targets: Target[]): void {
  for (const t of targets) {
    const el = t.el as HTMLElement;
    if (!(el instanceof HTMLElement)) continue;
    const m = markerElement(t);
    el.classList.add('marked');
    el.append(m);
  }
}
