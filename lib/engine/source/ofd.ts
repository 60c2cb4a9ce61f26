/**
 * Reads an OFD (GB/T 33190 版式文档, the national fixed-layout format portals offer beside the PDF:
 * 「下载OFD版」) into the positioned text and rulings pdf-layout.ts reads a PDF page from. An OFD is a
 * zip: OFD.xml → DocRoot (Document.xml: page size, pages, template pages) → each page's Content.xml,
 * whose layers hold TextObjects (Unicode text placed glyph by glyph), PathObjects (the rulings) and
 * ImageObjects, maybe in nested PageBlocks. Units are millimetres, y grows downwards, a TextCode's Y is
 * its baseline, a graphic's coordinates are in its Boundary's box after its CTM. fflate and htmlparser2
 * are imported only here, when a file is read.
 */
import type { Block } from './blocks';
import type { Parser as XmlParser } from 'htmlparser2';
import { FileReadError } from './file-kind';
import { isGarbled } from './pdf';
import { apply, mul, pagesToBlocks, subpathRules, type Matrix, type PdfPage, type PdfRule, type PdfText } from './pdf-layout';

export interface OfdRead {
  blocks: Block[];
  pages: number;
  /** Pages exist but hold no text at all: a scan (only ImageObjects), which only OCR could read. */
  scanned: boolean;
  /** The text is mostly control characters: glyph numbers written as text (a PDF without a ToUnicode map converted to OFD). */
  garbled: boolean;
  /** DocInfo/Title, as a web page's <title>. */
  title?: string;
  /** Each page's text and rulings in points, top-down: what a viewer draws the page from. */
  layout: PdfPage[];
}

/** Points per millimetre: pdf-layout's thresholds are in points. */
const PT = 72 / 25.4;

// ---- the package's XML as a tree of elements, attributes and text, namespace prefixes dropped ----

export interface XmlEl {
  name: string;
  attrs: Record<string, string>;
  children: XmlEl[];
  text: string;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** htmlparser2 in XML mode (the CLI's HTML parser, imported when a file is read): entities and CDATA decoded, a stray closing tag ignored. */
function parseXml(xml: string, Parser: typeof XmlParser): XmlEl {
  const root: XmlEl = { name: '#document', attrs: {}, children: [], text: '' };
  const stack = [root];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const el: XmlEl = { name: local(name), attrs: {}, children: [], text: '' };
        for (const [k, v] of Object.entries(attribs)) el.attrs[local(k)] = v;
        stack.at(-1)!.children.push(el);
        stack.push(el);
      },
      ontext(text) {
        stack.at(-1)!.text += text;
      },
      onclosetag() {
        if (stack.length > 1) stack.pop();
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  );
  parser.end(xml);
  return root;
}

const child = (el: XmlEl | undefined, name: string) => el?.children.find((c) => c.name === name);
const childrenNamed = (el: XmlEl | undefined, name: string) => el?.children.filter((c) => c.name === name) ?? [];
const nums = (s: string | undefined) =>
  (s ?? '')
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);

/**
 * A TextCode's DeltaX or DeltaY: the glyph-to-glyph advances, where 「g n d」 stands for n advances of d
 * (「g 3 4.2 1.5」 = 4.2 4.2 4.2 1.5), as writers shorten evenly set text.
 */
export function ofdDeltas(s: string | undefined, limit = Infinity): number[] {
  const t = (s ?? '')
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean);
  const out: number[] = [];
  // No more advances than the glyphs they space: a damaged 「g 99999999 1」 expands to no more.
  for (let i = 0; i < t.length && out.length < limit; i++) {
    if (t[i] === 'g') {
      const n = Math.min(Number(t[i + 1]), limit - out.length, 100000);
      const d = Number(t[i + 2]);
      for (let k = 0; k < n; k++) out.push(d);
      i += 2;
    } else out.push(Number(t[i]));
  }
  return out.map((d) => (Number.isFinite(d) ? d : 0));
}

// ---- geometry ----

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** A page's millimetres to points. */
const TO_POINTS: Matrix = [PT, 0, 0, PT, 0, 0];

/**
 * A graphic's object space to page points: its CTM, then its Boundary's origin, then where its parent places
 * it (the page, in millimetres; or a CompositeObject drawing a composite unit's content).
 */
function placement(el: XmlEl, outer: Matrix): Matrix {
  const [bx = 0, by = 0] = nums(el.attrs.Boundary);
  const ctm = nums(el.attrs.CTM);
  const m = ctm.length === 6 && ctm.every(Number.isFinite) ? ctm : IDENTITY;
  return mul(outer, mul([1, 0, 0, 1, bx, by], m));
}

/** Advance of a character in type sizes where the writer gives none: CJK and full-width ones a size, others half. */
const advance = (ch: string) => (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1 : 0.5);

/**
 * The pieces of a TextObject's text, in page points. Glyphs are placed by DeltaX/DeltaY; a line of them
 * is one piece, cut where a glyph stands further from the last than its own width and a little more
 * (one TextCode may run across a table's cells, as converters from PDF write a row), or on a new baseline.
 * Text not set upright (a stamp's, a turned margin note) is left out, as for a PDF.
 */
function textPieces(obj: XmlEl, outer: Matrix): PdfText[] {
  const m = placement(obj, outer);
  const [a = 0, b = 0, c = 0, d = 0] = m;
  if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d) || a <= 0 || d <= 0) return [];
  const size = Number(obj.attrs.Size) || 0;
  if (!(size > 0)) return [];
  const out: PdfText[] = [];
  let cx = 0;
  let cy = 0;
  for (const code of childrenNamed(obj, 'TextCode')) {
    const chars = [...code.text];
    if (!chars.length) continue;
    const x0 = code.attrs.X !== undefined ? Number(code.attrs.X) : cx;
    const y0 = code.attrs.Y !== undefined ? Number(code.attrs.Y) : cy;
    const dx = ofdDeltas(code.attrs.DeltaX, chars.length);
    const dy = ofdDeltas(code.attrs.DeltaY, chars.length);
    let piece: { str: string; x: number; y: number; end: number } | null = null;
    const flush = () => {
      if (!piece?.str.trim()) return;
      const [x, y] = apply(m, piece.x, piece.y);
      const [x1] = apply(m, piece.end, piece.y);
      out.push({ str: piece.str, x, y, w: x1 - x, size: size * d });
    };
    let gx = Number.isFinite(x0) ? x0 : 0;
    let gy = Number.isFinite(y0) ? y0 : 0;
    chars.forEach((ch, i) => {
      const own = advance(ch) * size;
      if (piece && (Math.abs(gy - piece.y) > 0.01 * size || gx - piece.end > 0.25 * size || gx < piece.end - 0.5 * size)) {
        flush();
        piece = null;
      }
      if (piece) {
        piece.str += ch;
        piece.end = gx + own;
      } else piece = { str: ch, x: gx, y: gy, end: gx + own };
      // A glyph past the last advance given goes on by its own width.
      gx += i < dx.length ? dx[i]! : own;
      gy += i < dy.length ? dy[i]! : 0;
    });
    flush();
    cx = gx;
    cy = gy;
  }
  return out;
}

/** The path's points, subpath by subpath, in object space: M/S start, L/Q/B/A go to their end point, C closes. */
function subpaths(data: string): [number, number][][] {
  const t = data
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean);
  const ARGS: Record<string, number> = { M: 2, S: 2, L: 2, Q: 4, B: 6, A: 7, C: 0 };
  const out: [number, number][][] = [];
  let cur: [number, number][] = [];
  let op = '';
  for (let i = 0; i < t.length;) {
    if (t[i]! in ARGS) op = t[i++]!;
    else if (!op || !Number.isFinite(Number(t[i]))) {
      i++;
      continue;
    }
    const n = ARGS[op]!;
    const a = t.slice(i, i + n).map(Number);
    i += n;
    if (a.length < n || a.some((v) => !Number.isFinite(v))) break;
    if (op === 'C') {
      if (cur.length) cur.push(cur[0]!);
      continue;
    }
    const p: [number, number] = [a[n - 2]!, a[n - 1]!];
    if (op === 'M' || op === 'S') {
      if (cur.length > 1) out.push(cur);
      cur = [p];
      // Numbers after a move draw lines, as in SVG.
      op = 'L';
    } else cur.push(p);
  }
  if (cur.length > 1) out.push(cur);
  return out;
}

/** Axis-aligned segments of a path, in page points: stroked lines, or a thin filled rectangle as its centre line. */
function pathRules(obj: XmlEl, outer: Matrix): PdfRule[] {
  const stroke = obj.attrs.Stroke !== 'false';
  const fill = obj.attrs.Fill === 'true';
  if (!stroke && !fill) return [];
  const m = placement(obj, outer);
  const data = child(obj, 'AbbreviatedData')?.text ?? '';
  return subpaths(data).flatMap((raw) =>
    subpathRules(
      raw.map(([x, y]) => apply(m, x, y)),
      fill && !stroke,
    ),
  );
}

/**
 * Text and rulings of a layer or a PageBlock, nested blocks included (a PageBlock has no placement of its own), and of
 * the composite units CompositeObjects draw (a converter may put a whole page's text in one: its content is placed by
 * the object's CTM and Boundary, as a graphic is).
 */
function collect(el: XmlEl, into: { texts: PdfText[]; rules: PdfRule[] }, units: Map<string, XmlEl>, outer = TO_POINTS, depth = 0): void {
  if (depth > 64) return;
  for (const c of el.children) {
    if (c.name === 'TextObject') into.texts.push(...textPieces(c, outer));
    else if (c.name === 'PathObject') into.rules.push(...pathRules(c, outer));
    else if (c.name === 'PageBlock' || c.name === 'Layer') collect(c, into, units, outer, depth + 1);
    else if (c.name === 'CompositeObject') {
      const unit = child(units.get(c.attrs.ResourceID ?? ''), 'Content');
      if (unit) collect(unit, into, units, placement(c, outer), depth + 1);
    }
  }
}

/** The composite units a resource file (PublicRes, DocumentRes, PageRes) defines, by ID. */
function compositeUnits(res: XmlEl | undefined, into: Map<string, XmlEl>): void {
  for (const group of childrenNamed(child(res, 'Res'), 'CompositeGraphicUnits'))
    for (const unit of childrenNamed(group, 'CompositeGraphicUnit')) if (unit.attrs.ID) into.set(unit.attrs.ID, unit);
}

function resolvePath(from: string, loc: string): string {
  const parts = (loc.startsWith('/') ? '' : from.split('/').slice(0, -1).join('/') + '/') + loc;
  const out: string[] = [];
  for (const p of parts.replace(/\\/g, '/').split('/')) {
    if (p === '..') out.pop();
    else if (p && p !== '.') out.push(p);
  }
  return out.join('/');
}

/** Reads an OFD's pages; throws FileReadError with a readable reason for a damaged, encrypted or foreign file. */
export async function readOfdPages(bytes: Uint8Array): Promise<{ pages: PdfPage[]; title?: string }> {
  const [{ unzipSync, strFromU8 }, { Parser }] = await Promise.all([import('fflate'), import('htmlparser2')]);
  let files: Record<string, Uint8Array>;
  try {
    // Only the XML parts are inflated: the pictures (a scan's pages, a seal) are not read.
    files = unzipSync(bytes, { filter: (f) => /\.xml$/i.test(f.name) });
  } catch (e) {
    throw new FileReadError(`无法读取 OFD 文件（文件损坏或不是 OFD）：${(e as Error)?.message ?? e}`);
  }
  const byName = new Map(Object.keys(files).map((k) => [k.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase(), k]));
  const parsed = new Map<string, XmlEl | undefined>();
  const parse = (key: string): XmlEl | undefined => {
    let text: string;
    try {
      text = strFromU8(files[key]!);
    } catch {
      return undefined;
    }
    return /^\s*(?:\ufeff)?\s*</.test(text) ? parseXml(text, Parser) : undefined;
  };
  // Each part parsed once: a template page or a resource file is asked for by every page that uses it.
  const xmlAt = (path: string): XmlEl | undefined => {
    const key = byName.get(path.toLowerCase());
    if (!key) return undefined;
    if (!parsed.has(key)) parsed.set(key, parse(key));
    return parsed.get(key);
  };
  const ofd = child(xmlAt('OFD.xml'), 'OFD');
  if (!ofd) throw new FileReadError('无法读取 OFD 文件：文件中没有 OFD.xml（文件损坏或不是 OFD）');
  const body = child(ofd, 'DocBody');
  const rootPath = resolvePath('OFD.xml', child(body, 'DocRoot')?.text.trim() ?? '');
  // An encrypted package (GM/T 0099) keeps its parts as ciphertext: the document cannot be parsed.
  const encrypted = [...byName.keys()].some((k) => /(?:^|\/)encryptions?\.xml$/.test(k));
  const doc = child(xmlAt(rootPath), 'Document');
  if (!doc) throw new FileReadError(encrypted ? 'OFD 文件已加密，需解密后才能读取' : '无法读取 OFD 文件：找不到其文档（Document.xml），文件损坏或不完整');
  const common = child(doc, 'CommonData');
  const box = (el: XmlEl | undefined) => {
    const b = nums(child(el, 'PhysicalBox')?.text);
    return b.length === 4 && b[2]! > 0 && b[3]! > 0 ? { w: b[2]!, h: b[3]! } : undefined;
  };
  const docBox = box(child(common, 'PageArea')) ?? { w: 210, h: 297 };
  const templates = new Map(childrenNamed(common, 'TemplatePage').map((t) => [t.attrs.ID, resolvePath(rootPath, t.attrs.BaseLoc ?? '')]));
  const units = new Map<string, XmlEl>();
  for (const res of [...childrenNamed(common, 'PublicRes'), ...childrenNamed(common, 'DocumentRes')])
    compositeUnits(xmlAt(resolvePath(rootPath, res.text.trim())), units);
  const pageEls = childrenNamed(child(doc, 'Pages'), 'Page');
  const pages: PdfPage[] = [];
  for (const p of pageEls) {
    const path = resolvePath(rootPath, p.attrs.BaseLoc ?? '');
    const page = child(xmlAt(path), 'Page');
    if (!page) throw new FileReadError(encrypted ? 'OFD 文件已加密，需解密后才能读取' : `无法读取 OFD 文件：第 ${pages.length + 1} 页的内容缺失或损坏`);
    const size = box(child(page, 'Area')) ?? docBox;
    for (const res of childrenNamed(page, 'PageRes')) compositeUnits(xmlAt(resolvePath(path, res.text.trim())), units);
    // Only the page's content: annotations (Annots, GB/T 33190 15.1: added after the document was made, kept in files of
    // their own) and a signature's seal are not the report's text; a reviewer's 「应为6？」 over a cell would read as its value.
    const into = { texts: [] as PdfText[], rules: [] as PdfRule[] };
    // Template pages (a running header, a table's rulings drawn once for every page) are drawn with the page.
    for (const t of childrenNamed(page, 'Template')) {
      const tpl = child(xmlAt(templates.get(t.attrs.TemplateID) ?? ''), 'Page');
      if (tpl) collect(child(tpl, 'Content') ?? tpl, into, units);
    }
    collect(child(page, 'Content') ?? page, into, units);
    pages.push({ width: size.w * PT, height: size.h * PT, ...into });
  }
  if (!pages.length) throw new FileReadError('无法读取 OFD 文件：文档中没有页面');
  const title = child(child(body, 'DocInfo'), 'Title')?.text.trim();
  return { pages, ...(title && { title }) };
}

/** Reads an OFD into blocks as a PDF is read (pdf-layout.ts); throws FileReadError for a file it cannot open. */
export async function readOfd(bytes: Uint8Array): Promise<OfdRead> {
  const { pages, title } = await readOfdPages(bytes);
  const { blocks, chars } = pagesToBlocks(pages);
  const garbled = isGarbled(pages.flatMap((p) => p.texts.map((t) => t.str)));
  return { blocks, pages: pages.length, scanned: chars === 0, garbled, title, layout: pages };
}
