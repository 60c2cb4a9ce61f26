/** Draws the PDF's pages (canvas and selectable text layer) and the finding markers over them. */
import { pdfAssets } from '@/components/file-readers';
import type { PdfBox } from '@/lib/engine/source/pdf-layout';
import type { Target } from './markers';

const isBox = (el: unknown): el is PdfBox => typeof el === 'object' && el !== null && typeof (el as PdfBox).page === 'number';

/** The page a PDF reader's box is on; undefined for anything else (a Word file's element). */
export const pageOfBox = (el: unknown): number | undefined => (isBox(el) ? el.page : undefined);

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

type PdfDoc = Awaited<ReturnType<typeof import('pdfjs-dist/legacy/build/pdf.mjs').getDocument>['promise']>;

/** Opens the PDF with pdf.js (imported here, so only the viewer and batch pages load it). */
export async function openPdf(bytes: Uint8Array): Promise<PdfDoc> {
  const assets = pdfAssets();
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  pdfjs.GlobalWorkerOptions.workerSrc = assets.workerSrc;
  return pdfjs.getDocument({ data: bytes.slice(), cMapUrl: assets.cMapUrl, cMapPacked: true, standardFontDataUrl: assets.standardFontDataUrl }).promise;
}

/** The widest page's width at 100 %, in CSS pixels: what 「适合宽度」 divides the view by. */
export async function widestPage(doc: PdfDoc): Promise<number> {
  let widest = 0;
  for (let n = 1; n <= doc.numPages; n++) widest = Math.max(widest, (await doc.getPage(n)).getViewport({ scale: 1 }).width);
  return widest;
}

/**
 * Draws every page at `scale` (1 = 100 %) into `container`, replacing what was there, with the
 * markers over their cells. `stale()` says a newer draw (another zoom) has started: this one stops.
 * `targets()` is read as each page is drawn: a report of a compilation chosen meanwhile is the one marked.
 */
export async function renderPdf(
  doc: PdfDoc,
  container: HTMLElement,
  targets: () => Target[],
  scale: number,
  stale: () => boolean = () => false,
): Promise<void> {
  const { TextLayer } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  container.replaceChildren();
  for (let n = 1; n <= doc.numPages && !stale(); n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale });
    const wrap = document.createElement('div');
    wrap.className = 'pdf-page';
    wrap.dataset.page = String(n);
    wrap.style.width = `${viewport.width}px`;
    wrap.style.height = `${viewport.height}px`;
    wrap.style.setProperty('--scale-factor', String(scale));
    wrap.style.setProperty('--total-scale-factor', String(scale));
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
    await new TextLayer({ textContentSource: await page.getTextContent(), container: text, viewport }).render();
    // Markers last: a page that shows markers has its text layer, for find and selection beneath them.
    markPage(marks, n, targets(), scale);
  }
}

/** The markers of page `n` drawn anew in its markers layer (an OFD's pages too: render-ofd.ts). */
export function markPage(marks: Element, n: number, targets: Target[], scale: number): void {
  marks.replaceChildren();
  for (const t of targets) {
    if (!isBox(t.el) || t.el.page !== n) continue;
    const m = markerElement(t);
    Object.assign(m.style, { left: `${t.el.x * scale}px`, top: `${t.el.y * scale}px`, width: `${t.el.w * scale}px`, height: `${t.el.h * scale}px` });
    marks.append(m);
  }
}

/** Other markers on the pages drawn already (another report of a compilation): the pages themselves stay. */
export function remarkPdf(container: HTMLElement, targets: Target[], scale: number): void {
  for (const page of Array.from(container.querySelectorAll<HTMLElement>('.pdf-page'))) {
    const marks = page.querySelector('.markers');
    if (marks) markPage(marks, Number(page.dataset.page), targets, scale);
  }
}

/** Word shown as HTML: the audited elements themselves are marked, and no others (another report of a compilation was). */
export function markElements(container: HTMLElement, targets: Target[]): void {
  container.querySelectorAll('.marker').forEach((m) => m.remove());
  container.querySelectorAll('.marked').forEach((el) => el.classList.remove('marked'));
  for (const t of targets) {
    const el = t.el as HTMLElement;
    if (!(el instanceof HTMLElement)) continue;
    const m = markerElement(t);
    el.classList.add('marked');
    el.append(m);
  }
}
