/**
 * Unruled tables whose labels wrap around their numbers. Without rulings a row is known only by its
 * values: a label wrapped over lines in a narrow column, centred on the row, puts fragments above and
 * below the numbers, and fragments of neighbouring cells fall on nearby baselines, so reading by
 * visual lines mixes cells of different rows. Here a row is anchored by its numbers and every label
 * fragment between anchored rows goes to its row, column by column.
 */
import { readCell } from '../text';

/** A run of text on one baseline (pdf-layout's unit). */
export interface Run {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  /**
   * A cell of its own, however close it stands to the text before it: a value of a row rebuilt from its
   * numbers (a wrapped label's longest line may end flush with the first value column, 「不计其他」 then
   * 「5」), or a header word parted from its neighbours' by the value columns below it.
   */
  cell?: true;
}

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;
/** Joins two pieces of one cell or line: no space between CJK characters, one between words. */
export function join(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return CJK.test(a.at(-1)!) || CJK.test(b[0]!) ? a + b : `${a} ${b}`;
}

/** Starts of headings and list items: such a line never continues the paragraph or label above it. */
export const NEW_ITEM = /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]|第[一二三四五六七八九十]+[部章节条])/;

/** A row of values this long or longer anchors a row of a table (t2's 3, t3's 7, t4's 15 columns). */
const ANCHOR_VALUES = 3;
/** Within this many type sizes of a baseline a run is on it. */
const SAME_LINE = 0.4;
/** A wrapped label's next line lies within this many type sizes below the one before it. */
const WRAP_PITCH = 1.6;

const isValue = (r: Run) => {
  const kind = readCell(r.text).kind;
  return kind === 'number' || kind === 'placeholder';
};

interface Anchor {
  y: number;
  values: Run[];
  labels: Run[];
}

/** Value runs grouped by baseline; those with enough values are anchors, top to bottom. */
function anchorsOf(runs: Run[]): Anchor[] {
  const rows: Run[][] = [];
  for (const r of runs.filter(isValue).sort((a, b) => a.y - b.y)) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0]!.y - r.y) < SAME_LINE * r.size) row.push(r);
    else rows.push([r]);
  }
  return rows
    .filter((row) => row.length >= ANCHOR_VALUES)
    .map((row) => {
      const ys = row.map((r) => r.y).sort((a, b) => a - b);
      return { y: ys[Math.floor(ys.length / 2)]!, values: row.sort((a, b) => a.x0 - b.x0), labels: [] };
    });
}

interface Block {
  anchors: Anchor[];
  /** Where the values begin: labels lie left of it. */
  valueX: number;
  /** Label runs between the block's first and last anchor (their own lines included). */
  labels: Run[];
}

/**
 * Consecutive anchors form one table while everything between them is label text left of their
 * values; a line of text reaching into the value columns (a header, a caption, prose) ends it.
 */
function blocksOf(anchors: Anchor[], runs: Run[]): Block[] {
  const blocks: Block[] = [];
  const taken = new Set(anchors.flatMap((a) => a.values));
  const others = runs.filter((r) => !taken.has(r));
  const between = (a: Anchor, b: Anchor) => others.filter((r) => r.y > a.y + SAME_LINE * r.size && r.y < b.y - SAME_LINE * r.size);
  const onLine = (a: Anchor) => others.filter((r) => Math.abs(r.y - a.y) <= SAME_LINE * r.size);
  let cur: Block | null = null;
  for (const a of anchors) {
    const valueX = Math.min(cur?.valueX ?? Infinity, a.values[0]!.x0);
    const own = onLine(a);
    const prev = cur?.anchors.at(-1);
    const gap = prev ? between(prev, a) : [];
    const fits = (rs: Run[]) => rs.every((r) => r.x1 <= valueX + 1);
    if (cur && prev && fits(gap) && fits(own)) {
      cur.anchors.push(a);
      cur.valueX = valueX;
      cur.labels.push(...gap, ...own);
    } else {
      if (cur) blocks.push(cur);
      cur = own.every((r) => r.x1 <= a.values[0]!.x0 + 1) ? { anchors: [a], valueX: a.values[0]!.x0, labels: [...own] } : null;
    }
  }
  if (cur) blocks.push(cur);
  return blocks.filter((b) => b.anchors.length >= 2);
}

const overlaps = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) => a.x0 < b.x1 && b.x0 < a.x1;
const onBaseline = (r: Run, y: number) => Math.abs(r.y - y) <= SAME_LINE * r.size;
/** Whether `below` is the next line of a label wrapped from `above`. */
const wrapsFrom = (above: Run, below: Run) =>
  overlaps(above, below) && below.y - above.y > SAME_LINE * below.size && below.y - above.y <= WRAP_PITCH * below.size;

/**
 * Fragments above the first row or below the last that go on a label of the block (a label wrapped
 * around the first row of a page, or the last row): label runs on lines without text in the value columns.
 */
function extend(block: Block, runs: Run[]): void {
  const lineFree = (r: Run) => !runs.some((o) => onBaseline(o, r.y) && o.x1 > block.valueX + 1);
  const candidates = runs.filter((r) => r.x1 <= block.valueX + 1 && !block.labels.includes(r) && lineFree(r));
  for (let grew = true; grew;) {
    grew = false;
    for (const r of candidates) {
      if (block.labels.includes(r) || !block.labels.some((l) => wrapsFrom(l, r) || wrapsFrom(r, l))) continue;
      // Below the last row, a line opening a new item (a caption 「第二十条第（五）项」) starts what follows the table.
      const above = r.y < block.anchors[0]!.y;
      const below = r.y > block.anchors.at(-1)!.y && !NEW_ITEM.test(r.text);
      if (!above && !below) continue;
      block.labels.push(r);
      grew = true;
    }
  }
}

/** Label runs in columns: each run continues the label of the nearest wrapped line above it, top to bottom. */
function chainsOf(labels: Run[]): Run[][] {
  const chains: Run[][] = [];
  for (const r of [...labels].sort((a, b) => a.y - b.y || a.x0 - b.x0)) {
    const open = chains.filter((c) => wrapsFrom(c.at(-1)!, r));
    const chain = open.sort((a, b) => b.at(-1)!.y - a.at(-1)!.y)[0];
    if (chain) chain.push(r);
    else chains.push([r]);
  }
  return chains;
}

/**
 * Whether labels are set at the top of their cells: every row has a label on its numbers' baseline
 * and every other fragment continues a label line just above it.
 */
function topAligned(block: Block): boolean {
  const pinned = (a: Anchor) => block.labels.some((r) => onBaseline(r, a.y));
  if (!block.anchors.every(pinned)) return false;
  const onAnchor = (r: Run) => block.anchors.some((a) => onBaseline(r, a.y));
  return block.labels.filter((r) => !onAnchor(r)).every((r) => block.labels.some((above) => wrapsFrom(above, r)));
}

const centre = (lines: Run[]) => (lines[0]!.y + lines.at(-1)!.y) / 2;
const nearest = (anchors: Anchor[], y: number) => anchors.reduce((best, a) => (Math.abs(a.y - y) < Math.abs(best.y - y) ? a : best));

/**
 * A column's run of wrapped lines cut into cells centred on rows (cells stacked without space
 * between them chain as one): from the top, each cell is the fewest lines centred on a row.
 * Null when the lines cannot be cut so: a group label centred over several rows.
 */
function centredCells(chain: Run[], anchors: Anchor[]): { lines: Run[]; anchor: Anchor }[] | null {
  const cells: { lines: Run[]; anchor: Anchor }[] = [];
  let from = 0;
  while (from < chain.length) {
    let cut = null;
    for (let to = from + 1; to <= chain.length && !cut; to++) {
      const lines = chain.slice(from, to);
      const anchor = anchors.find((a) => Math.abs(a.y - centre(lines)) <= SAME_LINE * lines[0]!.size);
      if (anchor) cut = { lines, anchor };
    }
    if (!cut) return null;
    cells.push(cut);
    from += cut.lines.length;
  }
  return cells;
}

/**
 * Each label run to its row. Labels at the top of their cells go to the row on or above them;
 * centred labels go, cell by cell, to the row they are centred on, and a group label to the row
 * nearest its middle.
 */
function assign(block: Block): void {
  if (topAligned(block)) {
    for (const r of block.labels) {
      const above = block.anchors.filter((a) => a.y <= r.y + SAME_LINE * r.size);
      nearest(above.length ? above : block.anchors, r.y).labels.push(r);
    }
    return;
  }
  for (const chain of chainsOf(block.labels)) {
    const cells = centredCells(chain, block.anchors) ?? [{ lines: chain, anchor: nearest(block.anchors, centre(chain)) }];
    for (const { lines, anchor } of cells) anchor.labels.push(...lines);
  }
}

/** A row's label runs as cells: runs overlapping in x are one column, read top to bottom. */
function labelCells(labels: Run[], y: number): Run[] {
  const columns: Run[][] = [];
  for (const r of [...labels].sort((a, b) => a.x0 - b.x0)) {
    const col = columns.find((c) => c.some((o) => o.x0 < r.x1 && r.x0 < o.x1));
    if (col) col.push(r);
    else columns.push([r]);
  }
  return columns
    .map((col) => {
      const lines = col.sort((a, b) => a.y - b.y || a.x0 - b.x0);
      return {
        text: lines.map((l) => l.text).reduce(join, ''),
        x0: Math.min(...lines.map((l) => l.x0)),
        x1: Math.max(...lines.map((l) => l.x1)),
        y,
        size: lines[0]!.size,
      };
    })
    .sort((a, b) => a.x0 - b.x0);
}

/** Where a column's values lie (what a value must overlap to be in it); `cell`, where a blank is drawn if not there. */
interface Column {
  x0: number;
  x1: number;
  cell?: { x0: number; x1: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The value columns of a block: where the values of its fullest rows lie (two such rows at least), left to right. */
function valueColumns(block: Block): Column[] | null {
  const most = Math.max(...block.anchors.map((a) => a.values.length));
  const full = block.anchors.filter((a) => a.values.length === most);
  if (full.length < 2) return null;
  return full[0]!.values.map((_, i) => ({ x0: median(full.map((a) => a.values[i]!.x0)), x1: median(full.map((a) => a.values[i]!.x1)) }));
}

/**
 * A row with fewer values than the block's columns has blank cells, which leave no run: each value goes
 * under the one column it overlaps, and every column without one gets an empty run in its place, so
 * the blank stays in its column. Values that do not fall one to a column, in order, are left as they are;
 * so is a row with other text where a blank would be (an OCR's 「l」 for 1 is a value misread, not a blank).
 */
function withBlanks(values: Run[], columns: Column[] | null, others: Run[]): Run[] {
  if (!columns || values.length >= columns.length) return values;
  const at = values.map((v) => {
    const hits = columns.flatMap((c, i) => (v.x0 < c.x1 && c.x0 < v.x1 ? [i] : []));
    return hits.length === 1 ? hits[0]! : -1;
  });
  if (at.some((i, k) => i < 0 || (k > 0 && i <= at[k - 1]!))) return values;
  const blanks = columns.flatMap((_, i) => (at.includes(i) ? [] : [i]));
  if (others.some((r) => blanks.some((i) => overlaps(r, around(columns, i))))) return values;
  const { y, size } = values[0]!;
  return columns.map((c, i) => values[at.indexOf(i)] ?? { text: '', ...(c.cell ?? c), y, size });
}

/** Where text would be in column i: its values and half the space to each neighbour. */
function around(columns: Column[], i: number): { x0: number; x1: number } {
  const c = columns[i]!.cell ?? columns[i]!;
  const half = columns.length > 1 ? (columns[1]!.x0 - columns[0]!.x1) / 2 : 0;
  return { x0: c.x0 - Math.max(half, 0), x1: c.x1 + Math.max(half, 0) };
}

/** A header's lines lie within this many type sizes above its one row of values. */
const HEADER_DEPTH = 8;

/**
 * The columns of a table of one row of values (t4) from its header: the header cells with none below them,
 * each column reaching halfway to its neighbours (a number right-aligned in its cell need not lie under its
 * label). Header runs are those close above the row, across its width, none of them a number.
 */
function headerColumns(row: Anchor, runs: Run[]): Column[] | null {
  const first = row.values[0]!;
  const [left, right] = [first.x0 - 2 * first.size, row.values.at(-1)!.x1 + 2 * first.size];
  const band = runs.filter((r) => r.y < row.y - SAME_LINE * r.size && r.y > row.y - HEADER_DEPTH * r.size && r.x0 >= left && r.x1 <= right);
  if (band.some(isValue)) return null;
  const leaves = band.filter((r) => !band.some((o) => o.y > r.y + SAME_LINE * o.size && overlaps(o, r))).sort((a, b) => a.x0 - b.x0);
  if (leaves.length <= row.values.length || leaves.some((l, i) => i > 0 && l.x0 < leaves[i - 1]!.x1)) return null;
  const mid = (r: Run) => (r.x0 + r.x1) / 2;
  return leaves.map((l, i) => ({
    x0: i ? (mid(leaves[i - 1]!) + mid(l)) / 2 : -Infinity,
    x1: i < leaves.length - 1 ? (mid(l) + mid(leaves[i + 1]!)) / 2 : Infinity,
    cell: { x0: l.x0, x1: l.x1 },
  }));
}

/** A row's value runs, marked as cells of their own (copies: the page's runs stay as they are). */
const asValues = (values: Run[]): Run[] => values.map((v) => ({ ...v, cell: true }));

/**
 * The page's runs outside ruled tables, with the rows of unruled tables rebuilt: each anchored row
 * one line (its label cells, then its values, all on its baseline); `rest` is every other run.
 */
export function unruledRows(runs: Run[]): { rows: Run[][]; rest: Run[] } {
  const anchors = anchorsOf(runs);
  const blocks = blocksOf(anchors, runs);
  const used = new Set<Run>();
  const rows: Run[][] = [];
  for (const block of blocks) {
    extend(block, runs);
    assign(block);
    const columns = valueColumns(block);
    for (const a of block.anchors) {
      rows.push([...labelCells(a.labels, a.y), ...asValues(withBlanks(a.values, columns, a.labels))]);
      for (const r of [...a.labels, ...a.values]) used.add(r);
    }
  }
  // A table of one row of values (t4) short of values: its blanks placed by the header's columns.
  for (const a of anchors.filter((a) => !blocks.some((b) => b.anchors.includes(a)))) {
    const others = runs.filter((r) => !used.has(r) && !a.values.includes(r) && onBaseline(r, a.y));
    const values = withBlanks(a.values, headerColumns(a, runs), others);
    if (values === a.values) continue;
    rows.push([...others.sort((x, y) => x.x0 - y.x0), ...asValues(values)]);
    for (const r of [...others, ...a.values]) used.add(r);
  }
  const parted = new Map(blocks.flatMap((b) => headerWords(b, valueColumns(b), runs)));
  return { rows, rest: runs.filter((r) => !used.has(r)).flatMap((r) => parted.get(r) ?? [r]) };
}

/**
 * Where each character of a run begins: CJK and full-width characters a type size wide (their fonts' em),
 * others half, and what the run's width leaves over shared among its spaces (pdf.js writes one space for
 * a gap of any width), or, a run narrower than that, every character scaled alike.
 */
function charStarts(r: Run, chars: string[]): number[] {
  const widths = chars.map((c) => (/\s/.test(c) ? 0 : CJK.test(c) ? r.size : r.size / 2));
  const spaces = chars.filter((c) => /\s/.test(c)).length;
  const glyphs = widths.reduce((a, b) => a + b, 0);
  const left = r.x1 - r.x0 - glyphs;
  const scale = left > 0 ? 1 : (r.x1 - r.x0) / glyphs;
  // Each start is x0 plus the widths before it (a running sum, not one sum per character).
  let before = 0;
  return widths.map((w, i) => {
    const at = r.x0 + before;
    before += /\s/.test(chars[i]!) ? (left > 0 ? left / spaces : 0) : w * scale;
    return at;
  });
}

/**
 * Header words of several columns in one run: pdf.js gives glyphs a space apart on one baseline as one
 * piece (「社会公益组织 法律服务机构 其他」, three header cells of a table without rulings). A run over the
 * value columns, in the header's depth above the block's first row, is cut at the space where each column
 * it crosses begins; a run with no space there, or reaching left of the values (a caption, prose), is left whole.
 */
function headerWords(block: Block, columns: Column[] | null, runs: Run[]): [Run, Run[]][] {
  if (!columns) return [];
  const top = block.anchors[0]!.y;
  return runs.flatMap((r): [Run, Run[]][] => {
    if (!/\s/.test(r.text) || r.y >= top - SAME_LINE * r.size || r.y < top - HEADER_DEPTH * r.size || r.x0 < block.valueX - r.size) return [];
    const chars = [...r.text];
    const starts = [...charStarts(r, chars), r.x1];
    const spaces = chars.flatMap((c, i) => (/\s/.test(c) ? [i] : []));
    // How far a column's start lies from space i (nothing when within it).
    const off = (i: number, x: number) => Math.max(0, starts[i]! - x, x - starts[i + 1]!);
    const cuts = columns.slice(1).flatMap((c) => {
      if (c.x0 <= r.x0 + r.size / 2 || c.x0 >= r.x1 - r.size / 2) return [];
      const at = spaces.reduce((best, i) => (off(i, c.x0) < off(best, c.x0) ? i : best));
      return off(at, c.x0) <= r.size / 2 ? [at] : [NaN];
    });
    if (!cuts.length || cuts.some(Number.isNaN)) return [];
    const at = [...new Set(cuts)].sort((a, b) => a - b);
    const parts = [0, ...at.map((i) => i + 1)].map((from, k) => {
      const to = k < at.length ? at[k]! : chars.length;
      const x1 = starts[to]!;
      return { ...r, text: chars.slice(from, to).join('').trim(), x0: starts[from]!, x1, cell: true as const };
    });
    return [[r, parts.filter((p) => p.text)]];
  });
}
