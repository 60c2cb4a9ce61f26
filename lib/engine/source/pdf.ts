/**
 * Reads a PDF's bytes into the engine's blocks with pdf.js: the positioned text and the drawn
 * rulings of each page, then pdf-layout.ts rebuilds lines and tables. pdf.js is imported here
 * dynamically, so only the code that reads a PDF (CLI, viewer, batch page) ever loads it.
 */
import type { Block } from './blocks';
import { FileReadError } from './file-kind';
import { apply, mul, pagesToBlocks, subpathRules, type Matrix, type PdfPage, type PdfRule, type PdfText } from './pdf-layout';

/**
 * Where pdf.js finds its CJK character maps and standard fonts: shipped files (a folder path in
 * Node, an extension URL in the browser), never a CDN. The worker is the caller's business too.
 */
export interface PdfAssets {
  cMapUrl: string;
  standardFontDataUrl: string;
  wasmUrl?: string;
  /** Browser pages: URL of pdf.worker.mjs. Node runs pdf.js without a worker. */
  workerSrc?: string;
}

export interface PdfRead {
  blocks: Block[];
  pages: number;
  /** Pages exist but hold no text at all: a scan, which only OCR could read. */
  scanned: boolean;
  /** The text is mostly characters no font maps to (fonts without a ToUnicode map): nothing in it can be read. */
  garbled: boolean;
  /** The document's own title (its metadata), as a web page's <title>. */
  title?: string;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/**
 * What pdf.js gives for glyphs of a font with no ToUnicode map and no usable encoding: the glyph numbers
 * as characters, control characters (「\u0001\u0002…」) among them, or U+FFFD. Never text of a report.
 */
const unmapped = (ch: string): boolean => {
  const c = ch.codePointAt(0)!;
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xfffd;
};
/** Share of unmapped characters past which the text layer is garbage (the rest being glyph numbers read as ASCII). */
const GARBLED_SHARE = 0.05;

/** A text layer of glyph numbers: it cannot be read (copying it gives 乱码), whatever its numbers look like. An OFD's too (ofd.ts). */
export function isGarbled(strings: string[]): boolean {
  const text = [...strings.join('').replace(/\s/g, '')];
  return text.length > 0 && text.filter(unmapped).length > text.length * GARBLED_SHARE;
}

/** Axis-aligned segments of a path: a stroked line, or a thin filled rectangle seen as its centre line. */
function pathRules(
  data: ArrayLike<number>,
  m: Matrix,
  filled: boolean,
  OPS_DRAW: { moveTo: number; lineTo: number; curveTo: number; quadraticCurveTo: number; closePath: number },
): PdfRule[] {
  const out: PdfRule[] = [];
  const subpaths: [number, number][][] = [];
  let cur: [number, number][] = [];
  for (let i = 0; i < data.length;) {
    const op = data[i++];
    if (op === OPS_DRAW.moveTo) {
      if (cur.length) subpaths.push(cur);
      cur = [apply(m, data[i++]!, data[i++]!)];
    } else if (op === OPS_DRAW.lineTo) cur.push(apply(m, data[i++]!, data[i++]!));
    else if (op === OPS_DRAW.curveTo) {
      cur.push(apply(m, data[i + 4]!, data[i + 5]!));
      i += 6;
    } else if (op === OPS_DRAW.quadraticCurveTo) {
      cur.push(apply(m, data[i + 2]!, data[i + 3]!));
      i += 4;
    } else if (op === OPS_DRAW.closePath) {
      if (cur.length) cur.push(cur[0]!);
    } else break;
  }
  if (cur.length) subpaths.push(cur);
  for (const pts of subpaths) out.push(...subpathRules(pts, filled));
  return out;
}

/** The drawn rulings of a page, from its operator list, in top-down page coordinates. */
function rulingsOf(pdfjs: PdfJs, ops: { fnArray: number[]; argsArray: unknown[] }, viewport: Matrix): PdfRule[] {
  const { OPS } = pdfjs;
  const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 };
  const fills = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const strokes = new Set<number>([OPS.stroke, OPS.closeStroke]);
  const stack: Matrix[] = [];
  let ctm: Matrix = viewport;
  const out: PdfRule[] = [];
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? viewport;
    else if (fn === OPS.transform) ctm = mul(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args?.[0]) || ArrayBuffer.isView(args?.[0])) ctm = mul(ctm, Array.from(args[0] as ArrayLike<number>));
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? viewport;
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (data && (fills.has(paint) || strokes.has(paint))) out.push(...pathRules(data, ctm, fills.has(paint) && !strokes.has(paint), DRAW));
    }
  });
  return out;
}

/**
 * A page whose text mostly runs up or down it (a landscape table drawn turned on a portrait page,
 * without /Rotate): the turn that sets that text upright, and the page's size once turned. Text
 * read sideways would otherwise be dropped as a stamp's or a margin note's. Most text upright: no turn.
 */
function upright(placed: Matrix[], width: number, height: number): { m: Matrix; width: number; height: number } {
  const count = (keep: (m: Matrix) => boolean) => placed.filter(keep).length;
  const sideways = (m: Matrix) => Math.abs(m[0]!) < 0.01 * Math.abs(m[1]!);
  if (count(sideways) <= placed.length / 2) return { m: [1, 0, 0, 1, 0, 0], width, height };
  // The direction most sideways text runs in (up or down the page) is turned to run left to right.
  const dy = count((m) => sideways(m) && m[1]! < 0) >= count((m) => sideways(m) && m[1]! > 0) ? -1 : 1;
  const turn: Matrix = [0, -dy, dy, 0, 0, 0];
  const corners = [apply(turn, 0, 0), apply(turn, width, height)];
  const [x0, y0] = [Math.min(...corners.map((c) => c[0])), Math.min(...corners.map((c) => c[1]))];
  return { m: [0, -dy, dy, 0, -x0, -y0], width: height, height: width };
}

async function loadPdfJs(assets: PdfAssets): Promise<PdfJs> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  if (assets.workerSrc) pdfjs.GlobalWorkerOptions.workerSrc = assets.workerSrc;
  return pdfjs;
}

/** Reads a PDF into blocks; throws FileReadError with a readable reason for a broken or locked file. */
export async function readPdf(bytes: Uint8Array, assets: PdfAssets): Promise<PdfRead> {
  const pdfjs = await loadPdfJs(assets);
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    cMapUrl: assets.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: assets.standardFontDataUrl,
    wasmUrl: assets.wasmUrl,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy();
    const name = (e as Error)?.name;
    if (name === 'PasswordException') throw new FileReadError('PDF 文件已加密，需要密码才能打开');
    throw new FileReadError(`无法读取 PDF 文件（文件损坏或不是 PDF）：${(e as Error)?.message ?? e}`);
  }
  try {
    const pages: PdfPage[] = [];
    const strings: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const vp = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = content.items.flatMap((item) => ('str' in item && item.str ? [item] : []));
      const turned = upright(
        items.map((item) => mul(vp.transform, item.transform)),
        vp.width,
        vp.height,
      );
      const view = mul(turned.m, vp.transform);
      const texts: PdfText[] = [];
      for (const item of items) {
        const [a, b, c, d, e, f] = mul(view, item.transform);
        // Vertical or rotated text is not part of a report's tables; keep horizontal text only.
        if (Math.abs(b!) > 0.01 * Math.abs(a!)) continue;
        texts.push({ str: item.str, x: e!, y: f!, w: item.width * vp.scale, size: Math.hypot(c!, d!) });
        strings.push(item.str);
      }
      const rules = rulingsOf(pdfjs, await page.getOperatorList(), view);
      pages.push({ width: turned.width, height: turned.height, texts, rules });
      page.cleanup();
    }
    const { blocks, chars } = pagesToBlocks(pages);
    const info = (await doc.getMetadata().catch(() => null))?.info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === 'string' && info.Title.trim() ? info.Title.trim() : undefined;
    return { blocks, pages: pages.length, scanned: pages.length > 0 && chars === 0, garbled: isGarbled(strings), title };
  } finally {
    await task.destroy();
  }
}
