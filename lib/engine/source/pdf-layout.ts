/**
 * PDF page geometry → the engine's lines and grids. Pure: pdf.ts extracts the positioned text and
 * the drawn lines with pdf.js; this module rebuilds rows, cells and tables from positions alone.
 * Coordinates are top-down page points (y grows downwards), y of a text piece is its baseline.
 */
import { foldRadicals, readCell } from '../text';
import type { Block, Grid, GridCell } from './blocks';
import { regroup } from './dom';
import type { SourceLine } from './text';
import { simplified } from '../traditional';
import { join, NEW_ITEM, unruledRows, type Run } from './pdf-unruled';

export interface PdfText {
  str: string;
  x: number;
  y: number;
  /** Advance width and font size, in page points. */
  w: number;
  size: number;
}
/** An axis-aligned drawn line (a table ruling), from (x0, y0) to (x1, y1). */
export interface PdfRule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
export interface PdfPage {
  width: number;
  height: number;
  texts: PdfText[];
  rules: PdfRule[];
}
/** An affine transform [a b c d e f], as PDF and OFD write one. */
export type Matrix = readonly number[];
/** n, then m: a point goes through n first. */
export const mul = (m: Matrix, n: Matrix): number[] => [
  m[0]! * n[0]! + m[2]! * n[1]!,
  m[1]! * n[0]! + m[3]! * n[1]!,
  m[0]! * n[2]! + m[2]! * n[3]!,
  m[1]! * n[2]! + m[3]! * n[3]!,
  m[0]! * n[4]! + m[2]! * n[5]! + m[4]!,
  m[1]! * n[4]! + m[3]! * n[5]! + m[5]!,
];
export const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0]! * x + m[2]! * y + m[4]!, m[1]! * x + m[3]! * y + m[5]!];

/** Thinner than this (points) and a filled rectangle is a ruling, not a shaded cell. */
const RULE_WIDTH = 2.5;

/**
 * The rulings a drawn subpath makes (points, top-down), as PDF and OFD writers draw them: a stroked path's
 * axis-aligned segments, or a thin filled rectangle seen as its centre line.
 */
export function subpathRules(pts: [number, number][], filled: boolean): PdfRule[] {
  const out: PdfRule[] = [];
  if (filled) {
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    if (y1 - y0 <= RULE_WIDTH && x1 - x0 > RULE_WIDTH) out.push({ x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 });
    else if (x1 - x0 <= RULE_WIDTH && y1 - y0 > RULE_WIDTH) out.push({ x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1 });
    return out;
  }
  for (let k = 1; k < pts.length; k++) {
    const [a, b] = [pts[k - 1]!, pts[k]!];
    if (Math.abs(a[1] - b[1]) < 0.5) out.push({ x0: Math.min(a[0], b[0]), x1: Math.max(a[0], b[0]), y0: a[1], y1: a[1] });
    else if (Math.abs(a[0] - b[0]) < 0.5) out.push({ x0: a[0], x1: a[0], y0: Math.min(a[1], b[1]), y1: Math.max(a[1], b[1]) });
  }
  return out;
}
/** Where a line or cell is on the document: what a viewer needs to draw a marker. */
export interface PdfBox {
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Set on the box of a ruled table cell: a cell spanning columns is one value, as a colspan is. */
  pdfCell?: true;
}

const EDGE = 0.5;
/** Narrower than this (points) and a column between two rulings is the gap of a double border. */
const SLIVER = 4;

/**
 * Text drawn again over itself a fraction of a point away (bold simulated for a face without one, a
 * shadow): one text, or 「41」 would read 「41 41」. A repeat of the same string this close is dropped.
 */
function withoutOverprints(pieces: PdfText[]): PdfText[] {
  const seen = new Map<string, PdfText[]>();
  return pieces.filter((p) => {
    const same = seen.get(p.str);
    if (!same) {
      seen.set(p.str, [p]);
      return true;
    }
    if (same.some((q) => Math.abs(q.y - p.y) < 0.1 * p.size && Math.abs(q.x - p.x) < 0.15 * p.size && Math.abs(q.size - p.size) < 0.1 * p.size)) return false;
    same.push(p);
    return true;
  });
}

/**
 * Footnote marks: a digit or two (or ※ * †) set small and raised right after a piece of text, as Word
 * prints a superscript note reference. Not the text's: 「3.其他¹」 would read 「3.其他1」, and in a row
 * without rulings the mark would pass for a value.
 */
function withoutNoteMarks(pieces: PdfText[]): PdfText[] {
  const marks = pieces.filter((m) => /^\s*(?:\d{1,2}|[※*†‡])\s*$/.test(m.str));
  const isMark = (m: PdfText) =>
    pieces.some((t) => {
      const raised = t.y - m.y;
      const gap = m.x - (t.x + t.w);
      return t !== m && m.size <= 0.75 * t.size && raised >= 0.2 * t.size && raised <= 0.8 * t.size && gap > -0.2 * t.size && gap < 0.3 * t.size;
    });
  const dropped = new Set(marks.filter(isMark));
  return dropped.size ? pieces.filter((p) => !dropped.has(p)) : pieces;
}

/** A struck-through line runs this far above the baseline, in type sizes (an underline runs below it). */
const STRIKE = { low: 0.15, high: 0.45 };

/**
 * Text struck through: deleted text, as an office suite prints tracked changes with their markup (a
 * deleted 14 struck beside the inserted 15). It is not the document's text: 「1415」 would be read.
 * A piece's characters are taken as evenly set across its width (digits are), and those under a
 * strike line are dropped; the rest stay as pieces of their own.
 */
function withoutStruckText(pieces: PdfText[], rules: PdfRule[]): PdfText[] {
  const strikes = rules.filter((r) => Math.abs(r.y1 - r.y0) < 0.5);
  if (!strikes.length) return pieces;
  return pieces.flatMap((p) => {
    const over = strikes.filter((r) => r.y0 >= p.y - STRIKE.high * p.size && r.y0 <= p.y - STRIKE.low * p.size && r.x1 > p.x && r.x0 < p.x + p.w);
    if (!over.length) return [p];
    const chars = [...p.str];
    const step = p.w / chars.length;
    const struck = (i: number) => over.some((r) => p.x + (i + 0.5) * step > r.x0 && p.x + (i + 0.5) * step < r.x1);
    const kept: PdfText[] = [];
    chars.forEach((ch, i) => {
      if (struck(i)) return;
      const last = kept.at(-1);
      if (last && Math.abs(last.x + last.w - (p.x + i * step)) < 0.01) {
        last.str += ch;
        last.w += step;
      } else kept.push({ ...p, str: ch, x: p.x + i * step, w: step });
    });
    return kept;
  });
}

/**
 * Whether a vertical ruling stands between two pieces on a baseline: they are in two cells, however
 * close (Chromium prints a narrow cell's wrapped header word a point or two from its neighbour's).
 */
function ruledApart(a: { x1: number; y: number; size: number }, b: PdfText, verticals: PdfRule[]): boolean {
  const mid = a.y - a.size / 3;
  return verticals.some((v) => v.x0 >= a.x1 - EDGE && v.x0 <= b.x + EDGE && v.y0 <= mid && v.y1 >= mid);
}

/** Advance of a character in type sizes, near enough to place a split: CJK and full-width ones a size, others half. */
const advance = (ch: string) => (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1 : 0.5);

/**
 * A piece crossed by a vertical ruling is two cells' text: pdf.js combines glyphs a space apart on
 * one baseline into one piece (「商业企业 科研机构」 from two header cells). It is cut at the space
 * nearest each ruling; a piece crossed where it has no space is left whole.
 */
function splitAtRulings(pieces: PdfText[], verticals: PdfRule[]): PdfText[] {
  return pieces.flatMap((p) => {
    const mid = p.y - p.size / 3;
    const cuts = verticals.filter((v) => v.x0 > p.x + EDGE && v.x0 < p.x + p.w - EDGE && v.y0 <= mid && v.y1 >= mid).map((v) => v.x0);
    const chars = [...p.str];
    if (!cuts.length || !chars.some((c) => /\s/.test(c))) return [p];
    const scale = p.w / chars.reduce((n, c) => n + advance(c), 0);
    const starts = chars.map((_, i) => p.x + chars.slice(0, i).reduce((n, c) => n + advance(c), 0) * scale);
    const spaces = chars.flatMap((c, i) => (/\s/.test(c) ? [i] : []));
    const at = [...new Set(cuts.map((x) => spaces.reduce((best, i) => (Math.abs(starts[i]! - x) < Math.abs(starts[best]! - x) ? i : best))))].sort(
      (a, b) => a - b,
    );
    return [0, ...at].map((from, k) => {
      const to = k < at.length ? at[k]! : chars.length;
      const end = to < chars.length ? starts[to]! : p.x + p.w;
      return { ...p, str: chars.slice(from, to).join(''), x: starts[from]!, w: end - starts[from]! };
    });
  });
}

/** Pieces on one baseline whose gap is under a third of the type size belong to one run. */
function toRuns(texts: PdfText[], rules: PdfRule[] = []): Run[] {
  const verticals = rules.filter((r) => Math.abs(r.x1 - r.x0) <= EDGE * 2 && r.y1 - r.y0 > 3);
  const read = splitAtRulings(withoutStruckText(texts, rules), verticals)
    .map((t) => ({ ...t, str: simplified(foldRadicals(t.str)) }))
    .filter((t) => t.str.trim() && t.size > 0);
  const pieces = withoutNoteMarks(withoutOverprints(read)).sort((a, b) => a.y - b.y || a.x - b.x);
  const runs: Run[] = [];
  for (const p of pieces) {
    const last = runs.at(-1);
    const gap = last ? p.x - last.x1 : Infinity;
    if (last && Math.abs(p.y - last.y) < 0.3 * p.size && gap < 0.35 * p.size && gap > -0.5 * p.size && !ruledApart(last, p, verticals)) {
      last.text += gap > 0.15 * p.size && !last.text.endsWith(' ') && !p.str.startsWith(' ') ? ` ${p.str}` : p.str;
      last.x1 = Math.max(last.x1, p.x + p.w);
    } else runs.push({ text: p.str, x0: p.x, x1: p.x + p.w, y: p.y, size: p.size });
  }
  for (const r of runs) r.text = r.text.replace(/\s+/g, ' ').trim();
  return runs;
}

/**
 * A number set close after its label, closer than a cell gap (a table without cell padding: 「行政事业性收费」
 * then 「12.5」, a quarter size on), is a cell of its own when it begins where a header word above it begins:
 * a run a few lines up, clear of the text before it on its line, starting right of the label, at the number's x.
 * Prose has no such word over its numbers.
 */
function markColumnStarts(lines: Run[][]): void {
  const runs = lines.flat();
  const headerStart = (r: Run, label: Run) =>
    runs.some(
      (q) =>
        q.y < r.y - 0.6 * r.size &&
        q.y >= r.y - 4 * r.size &&
        Math.abs(q.x0 - r.x0) <= 0.5 &&
        q.x0 > label.x0 + r.size &&
        !runs.some((o) => o !== q && Math.abs(o.y - q.y) < 0.3 * q.size && o.x0 < q.x0 && o.x1 > q.x0 - q.size),
    );
  for (const line of lines)
    line.forEach((r, i) => {
      const label = line[i - 1];
      const gap = label ? r.x0 - label.x1 : Infinity;
      if (!label || gap >= CELL_GAP * r.size || gap < -0.1 * r.size) return;
      if (readCell(r.text).kind === 'number' && readCell(label.text).kind === 'text' && headerStart(r, label)) r.cell = true;
    });
}

/** Runs grouped into visual lines by baseline, top to bottom, each left to right. */
function toLines(runs: Run[]): Run[][] {
  const lines: Run[][] = [];
  for (const r of [...runs].sort((a, b) => a.y - b.y)) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0]!.y - r.y) < 0.4 * Math.min(line[0]!.size, r.size)) line.push(r);
    else lines.push([r]);
  }
  return settle(lines).map((l) => l.sort((a, b) => a.x0 - b.x0));
}

/**
 * A run set a little below its line's baseline (an OCR layer's jitter, a cell centred a point
 * lower) can come within reach of the line above when the two lie close, as a wrapped label's
 * line and a table row do: it goes to the next line when that line's baseline is the nearer.
 */
function settle(lines: Run[][]): Run[][] {
  const baseline = (line: Run[]) => {
    const ys = line.map((r) => r.y).sort((a, b) => a - b);
    return ys[Math.floor(ys.length / 2)]!;
  };
  for (let i = 0; i + 1 < lines.length; i++) {
    const [line, next] = [lines[i]!, lines[i + 1]!];
    const nextBaseline = baseline(next);
    const moving = line.filter((r) => {
      const others = line.filter((o) => o !== r);
      const toNext = Math.abs(r.y - nextBaseline);
      return others.length > 0 && toNext < Math.abs(r.y - baseline(others)) && toNext < 0.4 * r.size;
    });
    if (!moving.length) continue;
    lines[i] = line.filter((r) => !moving.includes(r));
    next.push(...moving);
  }
  return lines;
}

const lineText = (line: Run[]) => line.map((r) => r.text).join(' ');
const PAGE_NUMBER = /^(?:第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|[-—–]?\s*\d+\s*[-—–]?|\d+\s*\/\s*\d+|page\s*\d+(?:\s*of\s*\d+)?)$/i;
const shape = (s: string) => s.replace(/\d+/g, '#').replace(/\s+/g, '');

/**
 * Running headers, footers and page numbers: lines in the top or bottom tenth of a page that are a
 * page number, or that recur (digits aside) in the same band on a page next to it or the one after
 * (odd and even pages may have headers of their own). Not a line of the same place in every report of
 * a compilation: reports of one template and length put their rows and headings at the same places, pages apart.
 */
function runningLines(pages: Run[][][], heights: number[]): Set<Run[]> {
  const band = (line: Run[], p: number) => (line[0]!.y < heights[p]! * 0.1 ? 'top' : line[0]!.y > heights[p]! * 0.9 ? 'bottom' : null);
  const seen = new Map<string, number[]>();
  pages.forEach((lines, p) =>
    new Set(lines.flatMap((l) => (band(l, p) ? [`${band(l, p)}:${shape(lineText(l))}`] : []))).forEach((k) => seen.set(k, [...(seen.get(k) ?? []), p])),
  );
  const nearby = (key: string, p: number) => (seen.get(key) ?? []).some((q) => q !== p && Math.abs(q - p) <= 2);
  const out = new Set<Run[]>();
  pages.forEach((lines, p) =>
    lines.forEach((l) => {
      const b = band(l, p);
      // A row of values (three numbers or more) at the top of a page is a table's, however alike its shape to the next page's.
      const values = l.length >= 3 && l.every((r) => readCell(r.text).kind === 'number');
      if (b && (PAGE_NUMBER.test(lineText(l)) || (!values && nearby(`${b}:${shape(lineText(l))}`, p)))) out.add(l);
    }),
  );
  return out;
}

/** Close positions (double borders, rounding) count as one. */
function cluster(values: number[], tol = 2): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (!out.length || v - out.at(-1)! > tol) out.push(v);
  return out;
}

interface Region {
  h: PdfRule[];
  v: PdfRule[];
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Ruled tables: groups of horizontal and vertical rulings that touch each other. */
function regions(rules: PdfRule[]): Region[] {
  const h = rules.filter((r) => Math.abs(r.y1 - r.y0) <= EDGE * 2 && r.x1 - r.x0 > 3);
  const v = rules.filter((r) => Math.abs(r.x1 - r.x0) <= EDGE * 2 && r.y1 - r.y0 > 3);
  const all = [...h, ...v];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const tol = 2;
  h.forEach((a, i) =>
    v.forEach((b, j) => {
      if (b.x0 >= a.x0 - tol && b.x0 <= a.x1 + tol && a.y0 >= b.y0 - tol && a.y0 <= b.y1 + tol) parent[find(i)] = find(h.length + j);
    }),
  );
  // Collinear pieces that touch are one ruling (borders are drawn cell by cell).
  const chain = (idx: number[], along: (r: PdfRule) => number, from: (r: PdfRule) => number, to: (r: PdfRule) => number) => {
    const lanes = new Map<number, number[]>();
    for (const i of idx) lanes.set(Math.round(along(all[i]!)), [...(lanes.get(Math.round(along(all[i]!))) ?? []), i]);
    for (const lane of lanes.values()) {
      lane.sort((a, b) => from(all[a]!) - from(all[b]!));
      let reach = -Infinity;
      lane.forEach((i, k) => {
        if (k > 0 && from(all[i]!) <= reach + tol) parent[find(i)] = find(lane[k - 1]!);
        reach = Math.max(k > 0 && from(all[i]!) <= reach + tol ? reach : -Infinity, to(all[i]!));
      });
    }
  };
  chain(
    h.map((_, i) => i),
    (r) => r.y0,
    (r) => r.x0,
    (r) => r.x1,
  );
  chain(
    v.map((_, j) => h.length + j),
    (r) => r.x0,
    (r) => r.y0,
    (r) => r.y1,
  );
  const groups = new Map<number, Region>();
  all.forEach((r, i) => {
    const g = groups.get(find(i)) ?? { h: [], v: [], x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity };
    (i < h.length ? g.h : g.v).push(r);
    g.x0 = Math.min(g.x0, r.x0);
    g.x1 = Math.max(g.x1, r.x1);
    g.y0 = Math.min(g.y0, r.y0);
    g.y1 = Math.max(g.y1, r.y1);
    groups.set(find(i), g);
  });
  return [...groups.values()].filter((g) => cluster(g.h.map((r) => r.y0)).length >= 2 && cluster(g.v.map((r) => r.x0)).length >= 2);
}

const inside = (r: Run, g: Region) => (r.x0 + r.x1) / 2 > g.x0 && (r.x0 + r.x1) / 2 < g.x1 && r.y - r.size / 3 > g.y0 && r.y - r.size / 3 < g.y1;

/**
 * A ruled table to a grid: each run belongs to the cell bounded by the nearest rulings around it,
 * so a label wrapped over lines stays one cell; a cell spanning several column or row boundaries
 * fills every slot it covers, as rowspan/colspan do in HTML.
 */
function regionGrid(g: Region, runs: Run[], page: number): Grid {
  // A table continued from the previous page has no top ruling: the region's own edges bound it.
  const xs = cluster([g.x0, ...g.v.map((r) => r.x0), g.x1]);
  const ys = cluster([g.y0, ...g.h.map((r) => r.y0), g.y1]);
  const tol = 1.5;
  const nearest = (arr: number[], v: number) => arr.reduce((best, a, i) => (Math.abs(a - v) < Math.abs(arr[best]! - v) ? i : best), 0);
  const cells = new Map<string, { runs: Run[]; c0: number; c1: number; r0: number; r1: number }>();
  for (const r of runs) {
    const cx = (r.x0 + r.x1) / 2;
    const cy = r.y - r.size / 3;
    const left = Math.max(...g.v.filter((l) => l.x0 <= r.x0 + tol && l.y0 <= cy && l.y1 >= cy).map((l) => l.x0), xs[0]!);
    const right = Math.min(...g.v.filter((l) => l.x0 >= r.x1 - tol && l.y0 <= cy && l.y1 >= cy).map((l) => l.x0), xs.at(-1)!);
    const top = Math.max(...g.h.filter((l) => l.y0 <= cy && l.x0 <= cx && l.x1 >= cx).map((l) => l.y0), ys[0]!);
    const bottom = Math.min(...g.h.filter((l) => l.y0 >= cy && l.x0 <= cx && l.x1 >= cx).map((l) => l.y0), ys.at(-1)!);
    const span = { c0: nearest(xs, left), c1: nearest(xs, right), r0: nearest(ys, top), r1: nearest(ys, bottom) };
    const key = `${span.c0},${span.c1},${span.r0},${span.r1}`;
    const cell = cells.get(key) ?? { runs: [], ...span };
    cell.runs.push(r);
    cells.set(key, cell);
  }
  const rows: (GridCell | undefined)[][] = Array.from({ length: ys.length - 1 }, () => Array.from<GridCell | undefined>({ length: xs.length - 1 }));
  for (const c of cells.values()) {
    const text = toLines(c.runs).map(lineText).reduce(join, '');
    const el: PdfBox = { page, x: xs[c.c0]!, y: ys[c.r0]!, w: xs[c.c1]! - xs[c.c0]!, h: ys[c.r1]! - ys[c.r0]!, pdfCell: true };
    const cell: GridCell = { text, el };
    for (let r = c.r0; r < Math.max(c.r1, c.r0 + 1); r++) for (let k = c.c0; k < Math.max(c.c1, c.c0 + 1); k++) rows[r]![k] = cell;
  }
  // Rows without any text carry nothing; a column without text is kept (one row of a table
  // continued on a page may have a blank cell) unless it is a sliver between double rulings.
  const keepCols = xs.slice(1).map((x, k) => x - xs[k]! > SLIVER || rows.some((row) => row[k]?.text));
  const grid = rows
    .filter((row) => row.some((c) => c?.text))
    .map((row, r) =>
      row.flatMap((c, k) =>
        keepCols[k]
          ? [c ?? { text: '', el: { page, x: xs[k]!, y: ys[r]!, w: xs[k + 1]! - xs[k]!, h: ys[r + 1]! - ys[r]!, pdfCell: true } satisfies PdfBox }]
          : [],
      ),
    );
  return { kind: 'grid', rows: grid, el: { page, x: g.x0, y: g.y0, w: g.x1 - g.x0, h: g.y1 - g.y0 } satisfies PdfBox };
}

/**
 * Gaps between runs, in type sizes: wider than a tab's least advance (half a size in monospace) is
 * a cell gap in a line that has at least one clearly tabular gap (a full size); a line without one
 * is prose, whose word spaces are no cells.
 */
const CELL_GAP = 0.4;
const TABLE_GAP = 1;

/** A column of prose set in two on a page: its left side and right edge, for joining its paragraphs. */
interface Column {
  left: number;
  edge: number;
  width: number;
}

/** A line outside ruled tables, with what reflowing prose needs. */
interface FreeLine {
  line: SourceLine;
  page: number;
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** Set when the line is one side of two-column prose. */
  column?: Column;
}

/**
 * An unruled line: runs set apart by more than a word space are cells, given to the text reader
 * as tab-separated, so the engine's text-table reading applies to it unchanged.
 */
function unruledLine(line: Run[], page: number): FreeLine {
  const gaps = line.slice(1).map((r, i) => (r.x0 - line[i]!.x1) / r.size);
  const tabular = gaps.some((g) => g > TABLE_GAP);
  let text = line[0]!.text;
  // A lone number set apart after a label is that row's value cell (「行政许可  0」).
  // A run marked a cell (a rebuilt row's value, a parted header word) is one whatever the gap before it: a label's wrapped line may end flush with it.
  const cellGap = (r: Run, i: number) => r.cell || (gaps[i]! > CELL_GAP && (tabular || readCell(r.text).kind === 'number'));
  line.slice(1).forEach((r, i) => (text = cellGap(r, i) ? `${text}\t${r.text}` : join(text, r.text)));
  const x0 = line[0]!.x0;
  const x1 = line.at(-1)!.x1;
  const size = Math.max(...line.map((r) => r.size));
  const el: PdfBox = { page, x: x0, y: line[0]!.y - size, w: x1 - x0, h: size * 1.2 };
  return { line: { text, el }, page, x0, x1, y: line[0]!.y, size };
}

/** Prose on either side of a gutter: at least this many characters a side (table labels are shorter). */
const COLUMN_CHARS = 8;
/** Two-column prose needs this many lines with text on both sides before it is read as columns. */
const COLUMN_LINES = 3;

/** Where a line splits at a gutter: its one gap wider than a type size, between prose on both sides. */
function gutterOf(line: Run[]): { left: Run[]; right: Run[] } | null {
  const gaps = line.slice(1).map((r, i) => ({ at: i + 1, gap: (r.x0 - line[i]!.x1) / r.size }));
  const wide = gaps.filter((g) => g.gap > TABLE_GAP);
  if (wide.length !== 1) return null;
  const [left, right] = [line.slice(0, wide[0]!.at), line.slice(wide[0]!.at)];
  const prose = (side: Run[]) => [...lineText(side)].length >= COLUMN_CHARS && readCell(lineText(side)).kind === 'text';
  return prose(left) && prose(right) ? { left, right } : null;
}

interface Placed {
  runs: Run[];
  column?: Column;
  /** Where the line sorts among the page's lines and tables. */
  y: number;
}

/**
 * A page's free lines in reading order. Two-column prose (consecutive lines with long text either
 * side of one common gutter) would otherwise read as two-cell table rows, each row mixing the two
 * columns: its left column is read down first, then its right column, each line its column's own.
 */
function readingOrder(lines: Run[][]): Placed[] {
  const out: Placed[] = [];
  for (let i = 0; i < lines.length;) {
    const block = columnBlock(lines, i);
    if (!block) {
      out.push({ runs: lines[i]!, y: lines[i]![0]!.y - lines[i]![0]!.size });
      i++;
      continue;
    }
    out.push(...block.placed);
    i = block.end;
  }
  return out;
}

/** The two-column block starting at line `start`, if one does. */
function columnBlock(lines: Run[][], start: number): { placed: Placed[]; end: number } | null {
  const first = gutterOf(lines[start]!);
  if (!first) return null;
  let gutter = { from: first.left.at(-1)!.x1, to: first.right[0]!.x0 };
  const sides: { left: Run[]; right: Run[] }[] = [];
  let twoSided = 0;
  let pitch = Infinity;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    const left = line.filter((r) => r.x1 <= gutter.to);
    const right = line.filter((r) => r.x0 >= gutter.from);
    if (left.length + right.length !== line.length) break;
    const step = i > start ? line[0]!.y - lines[i - 1]![0]!.y : 0;
    if (left.length && right.length) {
      // A number on either side makes it a table row (a label and its values), never prose.
      if (![left, right].every((side) => readCell(lineText(side)).kind === 'text')) break;
      gutter = { from: Math.max(gutter.from, left.at(-1)!.x1), to: Math.min(gutter.to, right[0]!.x0) };
      if (gutter.from >= gutter.to) break;
      if (gutterOf(line)) twoSided++;
      // A line on one side alone is the end of a column only at the columns' line pitch; further down, it is what follows them (a heading).
    } else if (!(step <= 1.3 * pitch)) break;
    if (i > start) pitch = Math.min(pitch, step);
    sides.push({ left, right });
  }
  if (twoSided < COLUMN_LINES) return null;
  const end = start + sides.length;
  const column = (runs: Run[]): Column => {
    const left = Math.min(...runs.map((r) => r.x0));
    const edge = Math.max(...runs.map((r) => r.x1));
    return { left, edge, width: edge - left };
  };
  const lefts = sides.filter((s) => s.left.length).map((s) => s.left);
  const rights = sides.filter((s) => s.right.length).map((s) => s.right);
  const [leftCol, rightCol] = [column(lefts.flat()), column(rights.flat())];
  // The right column sorts after the block's last line, before whatever follows it on the page.
  const last = lines[end - 1]![0]!;
  const placed: Placed[] = [
    ...lefts.map((runs) => ({ runs, column: leftCol, y: runs[0]!.y - runs[0]!.size })),
    ...rights.map((runs, k) => ({ runs, column: rightCol, y: last.y - last.size + 0.001 * (k + 1) })),
  ];
  return { placed, end };
}

/**
 * Whether `next` continues the paragraph of `cur`: same type size, `cur` is a long line running to
 * the right edge of the page's text, and `next` is neither indented as a new paragraph nor a
 * heading or a table row.
 */
function continues(cur: FreeLine, next: FreeLine, page: { edge: number; width: number }): boolean {
  if (cur.line.text.includes('\t') || next.line.text.includes('\t') || NEW_ITEM.test(next.line.text)) return false;
  const right = cur.column ?? page;
  if (Math.abs(cur.size - next.size) > 0.5 || cur.x1 < right.edge - 2 * cur.size || cur.x1 - cur.x0 < right.width / 2) return false;
  if (next.page === cur.page && next.y - cur.y > 2.2 * cur.size) return false;
  // In two columns, indents count from each line's own column (the right column's top continues the left's foot).
  const [curX, nextX] = [cur.x0 - (cur.column?.left ?? 0), next.x0 - (next.column?.left ?? 0)];
  const centred = !cur.column && !next.column && Math.abs((next.x0 + next.x1) / 2 - (cur.x0 + cur.x1) / 2) < cur.size;
  return nextX < curX + 1.5 * cur.size || centred;
}

/** Repeated table headers (Chromium and Word repeat them on each page) are dropped when a table continues. */
function continueGrid(prev: Grid, next: Grid): void {
  let skip = 0;
  const same = (a: GridCell[], b: GridCell[]) => a.length === b.length && a.every((c, i) => c.text === b[i]!.text);
  while (skip < next.rows.length && skip < prev.rows.length && same(prev.rows[skip]!, next.rows[skip]!)) skip++;
  const last = prev.rows.at(-1);
  const first = next.rows[skip];
  if (last && first && (isSplitRowTail(last, first) || isSplitRowValues(last, first))) {
    joinSplitRow(last, first);
    skip++;
  }
  prev.rows.push(...next.rows.slice(skip));
}

const hasNumber = (row: GridCell[]) => row.some((c) => readCell(c.text).kind === 'number');

/**
 * The rest of a row broken at a page (Writer and Word let a row break across pages by default): the
 * lines of its labels that did not fit, blank wherever the row above has a value (a header repeated
 * on the page has its words there), and no label starting a new item (「类过程性信息」 after
 * 「6.属于四」, not 「7.属于行政执法案卷」).
 */
function isSplitRowTail(last: GridCell[], first: GridCell[]): boolean {
  if (last.length !== first.length || !hasNumber(last)) return false;
  if (first.some((c, k) => c.text && readCell(last[k]!.text).kind === 'number')) return false;
  const texts = first.filter((c) => c.text);
  return texts.length > 0 && texts.every((c) => !NEW_ITEM.test(c.text));
}

/**
 * The values of a row broken at a page, its label left on the page before (a row let break across pages
 * whose label sits at the top of its cells): the row there has words and no number, the next page opens
 * (after its repeated header) with numbers and no words, each only where that row is blank.
 */
function isSplitRowValues(last: GridCell[], first: GridCell[]): boolean {
  if (last.length !== first.length || hasNumber(last) || !hasNumber(first) || !last.some((c) => c.text)) return false;
  return first.every((c, k) => !c.text || (!last[k]!.text && readCell(c.text).kind === 'number'));
}

/**
 * The tail's lines go back to their cells. A cell spanning rows (a group label) is one object in
 * every row it spans, so its whole label is set on both parts, and the rows below keep it too.
 */
function joinSplitRow(last: GridCell[], tail: GridCell[]): void {
  const done = new Set<GridCell>();
  tail.forEach((cell, k) => {
    const head = last[k]!;
    if (!cell.text || done.has(cell)) return;
    done.add(cell);
    const text = head.text.endsWith(cell.text) ? head.text : join(head.text, cell.text);
    head.text = text;
    cell.text = text;
  });
}

/**
 * A page set in two halves: ruled tables side by side (an A3 page with one table a side, each under
 * its own heading), and no text across the gap between them. Their headings share a baseline, and
 * read as lines across the page they would become one line of two headings. Or a sheet of two pages
 * side by side (sheetMiddle). One half otherwise.
 */
function pageHalves(lines: Run[][], tables: Region[], width: number, height: number): { lines: Run[][]; tables: Region[] }[] {
  const pair = tables.flatMap((a) => tables.filter((b) => a.x1 < b.x0 && a.y0 < b.y1 && b.y0 < a.y1).map((b) => [a, b] as const))[0];
  const gap = pair ? (pair[0].x1 + pair[1].x0) / 2 : sheetMiddle(lines, tables, width, height);
  if (gap === null) return [{ lines, tables }];
  if (lines.some((l) => l.some((r) => r.x0 < gap && r.x1 > gap))) return [{ lines, tables }];
  const half = (left: boolean) => ({
    lines: lines.map((l) => l.filter((r) => r.x1 <= gap === left)).filter((l) => l.length),
    tables: tables.filter((g) => g.x1 <= gap === left),
  });
  return [half(true), half(false)];
}

/**
 * The middle of a landscape sheet holding two portrait pages side by side (「每版打印 2 页」): no text and no
 * ruled table crosses it, each half holds prose, and both halves begin at the same margin, as two pages
 * scaled alike do. Read as lines across the sheet, each line would join the two pages' text, and tables
 * without rulings would lose their rows. A wide table has no prose on one side or text across the middle.
 */
function sheetMiddle(lines: Run[][], tables: Region[], width: number, height: number): number | null {
  if (width <= height) return null;
  const mid = width / 2;
  const runs = lines.flat();
  if (runs.some((r) => r.x0 < mid && r.x1 > mid) || tables.some((g) => g.x0 < mid && g.x1 > mid)) return null;
  const [left, right] = [runs.filter((r) => r.x1 <= mid), runs.filter((r) => r.x0 >= mid)];
  const prose = (side: Run[]) => side.some((r) => [...r.text].length >= COLUMN_CHARS && readCell(r.text).kind === 'text');
  if (!prose(left) || !prose(right)) return null;
  const margin = (side: Run[], from: number) => Math.min(...side.map((r) => r.x0)) - from;
  return Math.abs(margin(left, 0) - margin(right, mid)) <= 0.1 * mid ? mid : null;
}

/** A page's (or a half page's) tables and lines, each with where it sorts on the page. */
function halfItems(lines: Run[][], tables: Region[], page: number): { y: number; item: Item }[] {
  const runs = lines.flat();
  const onPage: { y: number; item: Item }[] = tables.map((g) => ({
    y: g.y0,
    item: {
      kind: 'grid',
      grid: regionGrid(
        g,
        runs.filter((r) => inside(r, g)),
        page,
      ),
      page,
    },
  }));
  const outside = lines.map((l) => l.filter((r) => !tables.some((g) => inside(r, g)))).filter((l) => l.length);
  markColumnStarts(outside);
  // Rows of unruled tables are rebuilt from their runs; the other runs make lines as before.
  const unruled = unruledRows(outside.flat());
  const freeLines = unruled.rows.length ? [...unruled.rows, ...toLines(unruled.rest)].sort((a, b) => a[0]!.y - b[0]!.y) : outside;
  for (const { runs, column, y } of readingOrder(freeLines))
    onPage.push({ y, item: { kind: 'free', free: { ...unruledLine(runs, page), ...(column && { column }) } } });
  return onPage;
}

export interface PdfLayoutResult {
  blocks: Block[];
  /** Characters of text found: none at all on a non-empty document means a scan. */
  chars: number;
}

type Item = { kind: 'free'; free: FreeLine } | { kind: 'grid'; grid: Grid; page: number };

/**
 * All pages to blocks: running headers and footers dropped, wrapped prose lines joined into their
 * paragraph, and a table running over a page break (the next page opening with it) read as one.
 */
export function pagesToBlocks(pages: PdfPage[]): PdfLayoutResult {
  const pageLines = pages.map((p) => toLines(toRuns(p.texts, p.rules)));
  const running = runningLines(
    pageLines,
    pages.map((p) => p.height),
  );
  const items: Item[] = [];
  const rights: { edge: number; width: number }[] = [];
  let chars = 0;
  pages.forEach((page, p) => {
    const lines = pageLines[p]!.filter((l) => !running.has(l));
    const runs = lines.flat();
    chars += runs.reduce((n, r) => n + r.text.length, 0);
    const tables = regions(page.rules).filter((g) => runs.some((r) => inside(r, g)));
    // Each side of a page set in two (tables side by side) is read down in turn, left then right.
    const onPage = pageHalves(lines, tables, page.width, page.height).flatMap((half) => halfItems(half.lines, half.tables, p + 1).sort((a, b) => a.y - b.y));
    rights[p + 1] = { edge: Math.max(0, ...onPage.flatMap((i) => (i.item.kind === 'free' ? [i.item.free.x1] : []))), width: page.width };
    items.push(...onPage.map((i) => i.item));
  });
  const merged: Item[] = [];
  for (const it of items) {
    const prev = merged.at(-1);
    if (prev?.kind === 'free' && it.kind === 'free' && continues(prev.free, it.free, rights[prev.free.page]!)) {
      // The paragraph keeps its first line's indent, measured in the column it goes on in.
      const x0 = prev.free.x0 - (prev.free.column?.left ?? 0) + (it.free.column?.left ?? 0);
      prev.free = { ...it.free, line: { ...prev.free.line, text: join(prev.free.line.text, it.free.line.text) }, x0 };
    } else if (prev?.kind === 'grid' && it.kind === 'grid' && it.page === prev.page + 1) {
      continueGrid(prev.grid, it.grid);
      // A table over three pages or more continues from the page it last reached.
      prev.page = it.page;
    } else merged.push(it.kind === 'free' ? { ...it, free: { ...it.free } } : it);
  }
  return { blocks: regroup(merged.map((i) => (i.kind === 'free' ? i.free.line : i.grid))), chars };
}
