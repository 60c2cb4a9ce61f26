import type { Column, GridCell } from '../source/blocks';
import { wideWidth } from '../source/text';

/**
 * Columns of a text table laid out with spaces (pdftotext -layout, a <pre> copy): a blank cell
 * leaves no trace among the values, but the values still stand under their columns. Where the
 * columns stand is read from the table's rows of exactly n cells (a full row of values, or t4's
 * one header line); a row short of values is then placed by where each value stands.
 *
 * Whether a Chinese character is one column wide or two depends on the tool, so both measures
 * are kept (Column), and a row is placed by the one that fits it closest.
 */
export type Centres = Map<number, Partial<Record<keyof Column, number[]>> & { bands?: Bands }>;
/** Where a column's words stand in its lines, [from, to), in each measure (see headerBands). */
type Span = [number, number];
export type Bands = Partial<Record<keyof Column, Span[]>>;

const MEASURES = ['wide', 'narrow'] as const;
/** A value belongs to a column when it stands within this share of the narrowest gap between columns. */
const TOLERANCE = 0.3;

/** The centres of each width of row found in `rows` (each row's cells, left to right), where every row of that width agrees. */
export function columnCentres(rows: GridCell[][]): Centres {
  const byWidth = new Map<number, Column[][]>();
  for (const r of rows) {
    if (r.length < 2 || !r.every((c) => c.column)) continue;
    const list = byWidth.get(r.length) ?? [];
    list.push(r.map((c) => c.column!));
    byWidth.set(r.length, list);
  }
  const out: Centres = new Map();
  for (const [n, list] of byWidth) {
    const found: Partial<Record<keyof Column, number[]>> = {};
    for (const m of MEASURES) {
      const centres = Array.from({ length: n }, (_, i) => median(list.map((r) => r[i]![m])));
      const tol = tolerance(centres);
      if (tol > 0 && list.every((r) => r.every((c, i) => Math.abs(c[m] - centres[i]!) <= tol))) found[m] = centres;
    }
    if (Object.keys(found).length) out.set(n, found);
  }
  return out;
}

/**
 * The row's values in their n columns by where they stand (undefined where none stands), or
 * undefined when a value has no place in its line, stands between columns, two stand in one, or no
 * measure fits. The table's `centres` are asked for only when every value has a place.
 */
export function placeByColumns(values: GridCell[], n: number, centres: (() => Centres) | undefined): (GridCell | undefined)[] | undefined {
  if (!values.every((c) => c.column)) return undefined;
  const found = centres?.().get(n);
  if (!found) return undefined;
  if (found.bands) return placeByBands(values, found.bands);
  let best: { cells: (GridCell | undefined)[]; off: number } | undefined;
  for (const m of MEASURES) {
    const cs = found[m];
    if (!cs) continue;
    const tol = tolerance(cs);
    const cells: (GridCell | undefined)[] = Array.from({ length: n });
    let off = 0;
    let last = -1;
    for (const v of values) {
      const x = v.column![m];
      const i = nearest(cs, x);
      const d = Math.abs(cs[i]! - x);
      if (d > tol || i <= last) {
        off = Infinity;
        break;
      }
      cells[i] = v;
      off += d;
      last = i;
    }
    if (off < (best?.off ?? Infinity)) best = { cells, off };
  }
  return best?.cells;
}

/**
 * The columns of a text table whose header stands over several lines, each column's words stacked in a band of
 * its own (pdftotext -layout of narrow columns: 「结果⏎维持」, 「总计」 on a line of its own): in each measure, the
 * spans the header's words (those `isHeaderWord` keeps) cover in all its lines, joined where they overlap or touch.
 * Kept only in the measures where they part into exactly `n` bands: with fewer, two columns' words overlap, and
 * which column a value under them is in, nothing says.
 */
export function headerBands(rows: GridCell[][], n: number, isHeaderWord: (word: string) => boolean): Bands | undefined {
  const spans: Record<keyof Column, Span[]> = { wide: [], narrow: [] };
  for (const c of rows.flat()) {
    if (!c.column) continue;
    for (const m of c.text.matchAll(/\S+/g)) if (isHeaderWord(m[0])) for (const k of MEASURES) spans[k].push(wordSpan(c, m.index, m[0], k));
  }
  const out: Bands = {};
  for (const k of MEASURES) {
    const bands = joinOverlapping(spans[k]);
    if (bands.length === n) out[k] = bands;
  }
  return out.wide || out.narrow ? out : undefined;
}

/** The span of a word at `index` in cell `c`'s text, from where the cell stands in its line. */
function wordSpan(c: GridCell, index: number, word: string, k: keyof Column): Span {
  const width = k === 'wide' ? wideWidth : (s: string) => s.length;
  const from = c.column![k] - width(c.text) / 2 + width(c.text.slice(0, index));
  return [from, from + width(word)];
}

function joinOverlapping(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const [from, to] of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = out.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/**
 * The values in the bands their spans overlap, in order; undefined when a value overlaps none or two, two share
 * one, in every measure with bands, or two measures place the row differently.
 */
function placeByBands(values: GridCell[], bands: Bands): (GridCell | undefined)[] | undefined {
  const placings = MEASURES.flatMap((k) => {
    const bs = bands[k];
    if (!bs) return [];
    const at = values.map((v) => {
      const [from, to] = wordSpan(v, 0, v.text, k);
      const hit = bs.flatMap((b, i) => (from < b[1] && b[0] < to ? [i] : []));
      return hit.length === 1 ? hit[0]! : -1;
    });
    return at.every((i, j) => i >= 0 && (j === 0 || i > at[j - 1]!)) ? [at] : [];
  });
  const [first] = placings;
  if (!first || placings.some((p) => p.join() !== first.join())) return undefined;
  const cells: (GridCell | undefined)[] = Array.from({ length: bands.wide?.length ?? bands.narrow!.length });
  first.forEach((i, j) => (cells[i] = values[j]));
  return cells;
}

function tolerance(centres: number[]): number {
  let gap = Infinity;
  for (let i = 1; i < centres.length; i++) gap = Math.min(gap, centres[i]! - centres[i - 1]!);
  return gap === Infinity ? 0 : gap * TOLERANCE;
}

function nearest(centres: number[], x: number): number {
  let best = 0;
  for (let i = 1; i < centres.length; i++) if (Math.abs(centres[i]! - x) < Math.abs(centres[best]! - x)) best = i;
  return best;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
