import { layoutFamily, type Cell, type Layout, type Table, type TableKey } from '../model';
import type { Block, Grid, GridCell } from '../source/blocks';
import { compact, isPageNumber, memoizedText, readCell, toHalfWidth } from '../text';
import { columnCentres, headerBands, placeByColumns, type Centres } from './columns';
import { sectionOfHeading } from './sections';
import { HEADER_LABELS, rowsFor, T2_ROWS, T3_COLUMNS, T3_ROWS, type RowSpec } from './table-specs';

interface SplitRow {
  label: string;
  lastLabel: string;
  /** The label cells, compacted, each once. */
  labels: string[];
  /** Index of the row's last label cell (-1: no label). */
  labelEnd: number;
  values: GridCell[];
}

const isEmpty = (c: GridCell) => compact(c.text) === '';
const filledCount = (cells: GridCell[]) => cells.filter((c) => !isEmpty(c)).length;

/**
 * A row's label is its text cells up to the first number; what follows are its values (a stray
 * word among the numbers is an unreadable value, not a label). Colspan copies count as one value.
 */
export function splitRow(row: GridCell[]): SplitRow {
  const kinds = row.map((c) => readCell(c.text).kind);
  // An item number in a cell of its own (「1」|「属于国家秘密」) belongs to the label that follows it.
  for (let i = 0; i + 1 < row.length; i++) {
    if (kinds[i] !== 'number') continue;
    if (!isItemNumber(row[i]!, row[i + 1]!)) break;
    kinds[i] = 'text';
  }
  const firstNumber = kinds.indexOf('number');
  const end = firstNumber < 0 ? row.length : firstNumber;
  return splitAt(row, end === 0 ? -1 : kinds.lastIndexOf('text', end - 1));
}

/** The row split after cell `last`: cells up to it are the label, the rest its values. */
function splitAt(row: GridCell[], last: number): SplitRow {
  const labels: string[] = [];
  for (let i = 0; i <= last; i++) {
    const t = compact(row[i]!.text);
    if (t && labels[labels.length - 1] !== t) labels.push(t);
  }
  const values = row.slice(last + 1).filter((c, i, arr) => i === 0 || !c.el || c.el !== arr[i - 1]!.el || !isTableCell(c.el));
  return { label: labels.join(''), lastLabel: labels[labels.length - 1] ?? '', labels, labelEnd: last, values };
}

/**
 * A word in the first value column (「未统计」) first reads as part of the label, leaving the row
 * short of values. Then the label ends at the cell that names the row, and the word keeps its column.
 */
function wordsAsValues(row: GridCell[], s: SplitRow, spec: RowSpec): SplitRow {
  const n = spec.columns.length;
  // Short only if short without its trailing padding: a blank inside the values keeps its place.
  let used = s.values.length;
  while (used > 0 && isEmpty(s.values[used - 1]!)) used--;
  if (used >= n) return s;
  for (let i = s.labelEnd - 1; i >= 0; i--) {
    const t = compact(row[i]!.text);
    // A mark among the values (「—」「/」) never names the row, even glued to the label before it.
    if (readCell(row[i]!.text).kind === 'placeholder') continue;
    if (!t || !(spec.match.test(t) || (i > 0 && spec.match.test(compact(row[i - 1]!.text) + t)))) continue;
    // A label broken over lines (its first part on a line of its own) continues on the next line: that is label, not words among the values.
    if (row[i]!.at && row[i + 1]?.at && row[i]!.at!.line !== row[i + 1]!.at!.line) return s;
    // Colspan copies of the label are the label, not words among the values.
    if (row.slice(i + 1, s.labelEnd + 1).some((c) => compact(c.text) === t || (c.el === row[i]!.el && isTableCell(c.el)))) return s;
    const alt = splitAt(row, i);
    return filledCount(alt.values) <= n ? alt : s;
  }
  return s;
}

/** The row split after the cell that names it (and that cell's colspan copies): what follows is its values. */
function wordsAfterName(row: GridCell[], spec: RowSpec): SplitRow | undefined {
  const named = row.findIndex((c) => spec.match.test(compact(c.text)));
  if (named < 0) return undefined;
  let end = named;
  while (end + 1 < row.length && row[end + 1]!.el !== undefined && row[end + 1]!.el === row[named]!.el) end++;
  return splitAt(row, end);
}

function isItemNumber(cell: GridCell, next: GridCell): boolean {
  return /^[1-9]\d?$/.test(compact(cell.text)) && readCell(next.text).kind === 'text' && compact(next.text).length >= 3;
}

function isTableCell(el: unknown): boolean {
  const tag = (el as { tagName?: string } | undefined)?.tagName;
  // A PDF table cell is a box the PDF reader marks (source/pdf-layout.ts).
  return tag === 'TD' || tag === 'TH' || tag === 'td' || tag === 'th' || (el as { pdfCell?: boolean } | undefined)?.pdfCell === true;
}

/**
 * Digits apart inside one cell (「1 0」「8 2」): 10, or two values run together by OCR or a lost tab. Apart when that
 * fills the row exactly (fitValues); otherwise the cell keeps its column but holds no number (cell-invalid names it).
 * Gaps that group thousands (「1 000」) are one number.
 */
const DIGITS_APART = /^\d[\d,.]*(?:\s+\d[\d,.]*)+$/;
const THOUSANDS_SPACED = /^[+-]?\d{1,3}(?:\s\d{3})+(?:\.\d+)?$/;
const digitsApart = (text: string) => {
  // Most cells hold one number or none: a cheap look for a digit followed by a space first.
  if (!/[\d０-９]\s/.test(text)) return false;
  const half = toHalfWidth(text).trim();
  return DIGITS_APART.test(half) && !THOUSANDS_SPACED.test(half);
};

/**
 * Fits a row's value cells to n columns. PDF and Word copies pad rows with empty cells or
 * drop one; when the non-empty cells are exactly n they are the values, otherwise the cells are
 * taken by position after trimming padding at both ends. A space-separated text row with fewer
 * values than columns shows no gap where a value went missing: its values go where they stand
 * under the table's columns (`centres`, read only then), or are `unplaced` rather than shifted
 * into the wrong columns. So are a single-spaced row's values when it has more than columns and
 * two of them may be one number.
 */
export function fitValues(values: GridCell[], n: number, centres?: () => Centres): { cells: (GridCell | undefined)[]; extra: number; unplaced?: GridCell[] } {
  const filled = values.filter((c) => !isEmpty(c));
  if (filled.length === n) return { cells: filled, extra: 0 };
  // 「8 2」 in a row short of exactly its extra digits, with no blank among its cells: two columns whose separator was lost.
  const inner = values.slice(
    values.findIndex((c) => !isEmpty(c)),
    values.findLastIndex((c) => !isEmpty(c)) + 1,
  );
  if (filled.length < n && inner.length === filled.length && filled.some((c) => digitsApart(c.text))) {
    const apart = filled.flatMap(valuesApart);
    if (apart.length === n) return { cells: apart, extra: 0 };
  }
  if (filled.length && filled.length < n && filled.some((c) => c.loose)) {
    const placed = placeByColumns(filled, n, centres);
    // A column no value stands under is a blank cell, as an empty cell between tabs is.
    if (placed) return { cells: placed.map((c) => c ?? { text: '', el: filled[0]!.el }), extra: 0 };
    return { cells: Array.from({ length: n }, () => undefined), extra: 0, unplaced: filled };
  }
  // More values than columns, apart by single spaces, two of which may be one number (「1 0」 for 10): which, nothing says.
  if (filled.length > n && mayBeOneNumber(filled)) return { cells: Array.from({ length: n }, () => undefined), extra: 0, unplaced: filled };
  if (values.length === n) return { cells: values, extra: 0 };
  if (filled.length > n) return { cells: filled.slice(0, n), extra: filled.length - n };
  const v = values.slice();
  while (v.length > n && isEmpty(v[0]!)) v.shift();
  while (v.length > n && isEmpty(v[v.length - 1]!)) v.pop();
  return { cells: Array.from({ length: n }, (_, i) => v[i]), extra: Math.max(0, v.length - n) };
}

/** Two neighbours on one line apart by a single space that read as one number together: no number starts with 0. */
function mayBeOneNumber(cells: GridCell[]): boolean {
  return cells.some((a, i) => {
    const b = cells[i + 1];
    return (
      !!b &&
      !!a.singleSpaced &&
      !!b.singleSpaced &&
      a.el === b.el &&
      a.at?.line === b.at?.line &&
      /^[1-9]\d*$/.test(toHalfWidth(a.text)) &&
      /^\d+$/.test(toHalfWidth(b.text))
    );
  });
}

/** A cell's values apart, each where it stands in the line. */
function valuesApart(c: GridCell): GridCell[] {
  if (!digitsApart(c.text)) return [c];
  return [...c.text.matchAll(/\S+/g)].map((m) => ({ ...c, text: m[0], ...(c.at && { at: { line: c.at.line, start: c.at.start + m.index } }) }));
}

export function toCell(g: GridCell | undefined, spec: RowSpec, column: string): Cell {
  if (!g) return { raw: '', value: null, status: 'absent' };
  const cell: Cell = { raw: g.text, value: null, status: 'invalid', el: g.el };
  if (g.at) cell.at = g.at;
  const r = readCell(g.text);
  if (r.kind === 'blank') cell.status = 'blank';
  if (r.kind !== 'number' || digitsApart(g.text)) return cell;
  const wholeOk = Number.isInteger(r.value) || spec.decimal?.includes(column);
  const signOk = r.value >= 0 || spec.signed?.includes(column);
  cell.value = r.value;
  cell.status = wholeOk && signOk ? 'ok' : 'invalid';
  if (r.unit) cell.unit = r.unit;
  return cell;
}

/** What joins a flattened label's parts: 「-」「/」「>」. */
const PATH_SEPARATOR = /[-－—–/／>＞]/;
/** An item's own number opens its label (「1.」「（二）」): the cells before it belong to the row above. */
const ITEM_START = /^(?:\d{1,2}[.、．]|[(（][一二三四五六七八九十]{1,2}[)）]|[①-⑳])/;

/**
 * By the last label cell, then the last two joined (a label broken over two lines), then the whole
 * label — unless a cell opens an item of its own (「1.」「（二）」): then what comes before it is the
 * end of the row above (pdftotext puts a label's last lines before the next row's), and the row is
 * named by its item's cells only, or by them and the start of the next row (brokenAfterValues).
 */
function matchSpec(row: SplitRow, specs: RowSpec[]): RowSpec | undefined {
  const own = firstMatch(specs, row.lastLabel);
  // A tree's path flattened into one label with no separator (「三、本年度办理结果（六）其他处理3.其他」, a sheet's or a flat
  // table's rows): when the group's words before the last item are what matched (其他处理 is 2019's one row), or nothing
  // did, the item names the row. A label whose own words matched (「（三）不予公开1.属于国家秘密」) keeps its match.
  const at = innerItemAt(row.lastLabel);
  if (at > 0 && (!own || own.match.test(row.lastLabel.slice(0, at)))) {
    const item = firstMatch(specs, row.lastLabel.slice(at));
    if (item) return item;
  }
  if (own) return own;
  // A spreadsheet's flattened label, the path in one cell (「三、本年度办理结果-（六）其他处理-3.其他」): its item names the row.
  const tail = row.lastLabel.split(PATH_SEPARATOR).at(-1)!;
  if (tail !== row.lastLabel && ITEM_START.test(tail)) {
    const spec = firstMatch(specs, tail);
    if (spec) return spec;
  }
  let item = row.labels.length - 1;
  while (item > 0 && !ITEM_START.test(row.labels[item]!)) item--;
  if (item > 0) {
    const label = row.labels.slice(item).join('');
    return firstMatch(specs, label);
  }
  const lastTwo = row.labels.slice(-2).join('');
  return firstMatch(specs, lastTwo) ?? firstMatch(specs, row.label);
}

/** Where an item's own number starts inside a label, after a group's words (not after a digit: 「12.5」). */
const INNER_ITEM = /(?<=[^\d.．、\s])(?:\d{1,2}[.、．]|[(（][一二三四五六七八九十]{1,2}[)）]|[①-⑳])/g;

/** The start of a label's last item number after its first character, or -1. */
function innerItemAt(label: string): number {
  let at = -1;
  for (const m of label.matchAll(INNER_ITEM)) at = m.index;
  return at;
}

/**
 * The first of the specs whose pattern a label matches, remembered per list of specs (the lists are constants or
 * rowsFor's shared ones): every row of every grid is matched again by classifyGrid, countMatches and readRowTable,
 * trying each of some thirty patterns, and the same labels recur in every report.
 */
function firstMatch(specs: RowSpec[], label: string): RowSpec | undefined {
  let find = MATCHED.get(specs);
  // null, not undefined, for no match: memoizedText takes undefined for "not yet read".
  if (!find) MATCHED.set(specs, (find = memoizedText((l) => specs.find((s) => s.match.test(l)) ?? null, 4096)));
  return find(label) ?? undefined;
}
const MATCHED = new WeakMap<RowSpec[], (label: string) => RowSpec | null>();

/** A row is a data row when it has value cells: enough of them, or at least one filled. */
function isDataRow(row: SplitRow, n: number): boolean {
  return row.values.length > 0 && (row.values.some((c) => !isEmpty(c)) || row.values.length >= n - 1);
}

function gridText(g: Grid): string {
  return compact(g.rows.map((r) => r.map((c) => c.text).join('')).join(''));
}

function countMatches(g: Grid, specs: RowSpec[]): number {
  const keys = new Set<string>();
  for (const r of g.rows) {
    const s = splitRow(r);
    const spec = matchSpec(s, specs);
    if (spec && isDataRow(s, spec.columns.length)) keys.add(spec.key);
  }
  return keys.size;
}

/** Which table a grid belongs to, by its labels, never by its position on the page. */
export function classifyGrid(g: Grid): TableKey | undefined {
  const text = gridText(g);
  // t4 whole, or its 行政复议 part in a table of its own (the suits in the next).
  if (/未经复议|复议后起诉/.test(text) || (/行政复议|行政诉讼/.test(text) && /维持/.test(text))) return 't4';
  if (/勾稽关系|申请人情况/.test(text) || countMatches(g, T3_ROWS) >= 3) return 't3';
  if (/第二十条/.test(text)) return 't2';
  // t2's rows of one value may be turned into columns (「信息内容 | 行政许可 | 行政处罚 | 行政强制」 over their values):
  // turned back only in a grid that names them, as most grids on a page are no t2.
  if (countMatches(/行政(?:许可|处罚|强制)/.test(text) ? withNamesTurned(g, T2_ROWS) : g, T2_ROWS) >= 2) return 't2';
  return undefined;
}

/**
 * What a page break leaves between the pieces of a table, which does not end the table: a page
 * number (bare, as a lone grid cell, too), the report's title repeated as a running head, a note
 * under the piece (「注：……」).
 */
function isPageFurniture(text: string): boolean {
  const c = compact(text);
  return isPageNumber(c) || /^\d{1,4}$/.test(c) || (c.length <= 80 && /年度报告/.test(c) && !/[。；]/.test(c)) || /^(?:注|说明|备注)\d?[:：]/.test(c);
}

/** A grid of the table's column headers only: a table cut into one small table per row goes on after it. */
function isHeaderOf(g: Grid, key: TableKey): boolean {
  const headers = HEADER_LABELS[key].map(compact);
  return g.rows.every((r) => r.every((c) => !c.text.trim() || headers.includes(compact(c.text))));
}

/**
 * A small table of figures under section 一's heading, one value a row (「项目 | 数量」「本年新收申请 | 53件」): the overview's summary.
 * Tables 3 and 4 have a column for each kind of applicant or case, so such a grid is never theirs (t2's blocks may be this narrow).
 */
export const isOverviewFigures = (g: Grid, section: string | undefined): boolean => section === 's1' && g.rows.every((r) => r.length <= 3);

/** Groups the page's grids by table; a grid right after a t3/t2 grid that continues its rows (a table split at a page break) joins it. */
export function gridsByTable(blocks: Block[]): Record<TableKey, Grid[]> {
  const out: Record<TableKey, Grid[]> = { t2: [], t3: [], t4: [] };
  const board: Grid[] = [];
  let prev: TableKey | undefined;
  let section: string | undefined;
  for (const b of blocks) {
    if (b.kind !== 'grid') {
      const heading = sectionOfHeading(b.text);
      if (heading) section = heading;
      if (heading || (b.text.trim().length > 30 && !isPageFurniture(b.text))) prev = undefined;
      continue;
    }
    const underT4Heading = section === 's4';
    // A page number read as a row of values (「—|4|—」).
    if (b.rows.length === 1 && isPageFurniture(b.rows[0]!.map((c) => c.text).join(''))) continue;
    let key = classifyGrid(b);
    if ((key === 't3' || key === 't4') && isOverviewFigures(b, section)) {
      prev = undefined;
      continue;
    }
    if (!key && prev && prev !== 't4' && (countMatches(b, prev === 't3' ? T3_ROWS : T2_ROWS) >= 1 || isHeaderOf(b, prev))) key = prev;
    // t4's one row of numbers, when its header was not read as a table (or was split off from it).
    const valuesOnly = b.rows.some((r) => r.length >= 10 && r.every((c) => readCell(c.text).kind !== 'text'));
    if (!key && (prev === 't4' || (underT4Heading && !out.t4.length)) && valuesOnly) key = 't4';
    // One group of t4 in a table of its own, its results over a row of five values (the groups as nested tables).
    if (!key && (prev === 't4' || underT4Heading) && isT4GroupGrid(b)) key = 't4';
    // A narrow block of t2's figures above section 一 is a 数据看板 (its tiles may come out paired one off: 「行政许可决定（件）| 56」):
    // table 2 only when the page has no other.
    if (key === 't2' && !section && b.rows.every((r) => r.length <= 3)) {
      board.push(b);
      prev = undefined;
      continue;
    }
    if (key) out[key].push(b);
    prev = key;
  }
  if (!out.t2.length) out.t2 = board;
  out.t3 = joinedByColumns(out.t3);
  return out;
}

/**
 * A table of one of t4's groups: a header row of the five results in order (结果维持 … 总计), then a row of five
 * values. It names no group, so it is t4's only under t4's heading or after a part of t4, in the page's order.
 */
function isT4GroupGrid(g: Grid): boolean {
  const header = g.rows.findIndex((r) => {
    const cells = r.map((c) => compact(c.text)).filter((t, i, all) => t && all.indexOf(t) === i);
    return cells.length === T4_RESULTS.length && cells.every((t, i) => T4_RESULTS[i]!.test(t));
  });
  const values = header < 0 ? undefined : g.rows[header + 1];
  return !!values && splitRow(values).values.length === T4_RESULTS.length && values.every((c) => readCell(c.text).kind !== 'text');
}

/** The layouts the tables' own labels show: each of t2 and t3 (undefined when it shows neither), and the report's. */
export interface Layouts {
  report: Layout;
  t2?: Layout;
  t3?: Layout;
}

/**
 * The layout each table's labels show: t2's by its columns (2019: 本年新制作…; 2021: 本年制发件数…),
 * t3's by its (六) rows (2019: one 其他处理 row; 2021: 3.6.1–3.6.3). A report that kept one table
 * of the 2019 template is a 2019 report (layout-outdated says so), each table read as its labels
 * show. The 2019 rows of t2 (集中采购, 上一年项目数量) only decide when nothing else does: a 2021
 * t2 that kept one is still a 2021 t2 with an extra row.
 */
export function layoutsOf(grids: Record<TableKey, Grid[]>): Layouts {
  const t2text = grids.t2.map(gridText).join('');
  const t2 = /本年新制作|本年新公开|对外公开总数量/.test(t2text) ? '2019' : /本年制发件数|本年废止件数|现行有效件数/.test(t2text) ? '2021' : undefined;
  let has61 = false;
  let has6 = false;
  for (const g of grids.t3)
    for (const r of g.rows) {
      const s = splitRow(r);
      const spec = matchSpec(s, T3_ROWS);
      if (!spec || !isDataRow(s, 7)) continue;
      if (spec.key.startsWith('3.6.')) has61 = true;
      if (spec.key === '3.6') has6 = true;
    }
  const t3 = has61 ? '2021' : has6 ? '2019' : undefined;
  const report = t2 === '2019' || t3 === '2019' ? '2019' : (t2 ?? t3 ?? (/集中采购|上一年项目数量/.test(t2text) ? '2019' : 'unknown'));
  return { report, t2, t3 };
}

function emptyTable(key: TableKey, grids: Grid[]): Table {
  return { key, rows: {}, labels: {}, headers: [], notes: [], el: grids[0]?.el };
}

/**
 * The column labels: the text of header rows, which hold labels only. A row read as one of the
 * table's (`dataRows`) is none, even without a number (its cells all 「—」); after the first data
 * row, neither is a row of one label (a group's caption in a row of its own, 「（六）其他处理」),
 * while a row of several is (t2's header over each of its blocks).
 */
function headerTexts(grids: Grid[], dataRows: ReadonlySet<GridCell[]> = new Set()): string[] {
  const headers = new Set<string>();
  for (const g of grids) {
    let data = false;
    for (const r of g.rows) {
      if (dataRows.has(r) || r.some((c) => readCell(c.text).kind === 'number')) {
        data = true;
        continue;
      }
      const texts = new Set(r.filter((c) => readCell(c.text).kind === 'text').map((c) => compact(c.text)));
      if (!data || texts.size > 1) for (const t of texts) headers.add(t);
    }
  }
  return [...headers];
}

const once = <T>(f: () => T): (() => T) => {
  let done: { v: T } | undefined;
  return () => (done ??= { v: f() }).v;
};

/** A remark after a row's values (a 备注 column: 「含网上申请30件」) is neither a value nor an extra one. */
function withoutRemarks(values: GridCell[], n: number): GridCell[] {
  let end = values.length;
  while (end > 0 && filledCount(values.slice(0, end)) > n && (isEmpty(values[end - 1]!) || readCell(values[end - 1]!.text).kind === 'text')) end--;
  return end === values.length ? values : values.slice(0, end);
}

/** `unplaceable`: the row is known to have lost a value no one can place (see t4LostValue). */
function putRow(table: Table, spec: RowSpec, row: SplitRow, centres?: () => Centres, unplaceable = false) {
  const n = spec.columns.length;
  // 「行政许可 | 1234 | / | /」: marks in the cells the template merges away (t2's rows of one value) are no values.
  const values = row.values.slice();
  while (values.length > n && /^(?:placeholder|blank)$/.test(readCell(values.at(-1)!.text).kind)) values.pop();
  // 「行政许可 | 1234 | 1234 | 1234」: the one cell of such a row, merged across the columns, its text written in each (python-docx, spreadsheets).
  if (n === 1) while (values.length > 1 && !isEmpty(values[0]!) && compact(values.at(-1)!.text) === compact(values[0]!.text)) values.pop();
  const { cells, extra, unplaced } = unplaceable
    ? { cells: [], extra: 0, unplaced: values.filter((c) => !isEmpty(c)) }
    : fitValues(withoutRemarks(values, n), n, centres);
  table.rows[spec.key] = Object.fromEntries(spec.columns.map((c, i) => [c, toCell(cells[i], spec, c)]));
  table.labels[spec.key] = row.lastLabel;
  if (extra > 0) table.notes.push({ row: spec.key, text: `多出 ${extra} 个数值，已按前 ${n} 个读取` });
  if (unplaced && unplaced.length === n - 1 && unplaced.every((c) => isCount(c, spec))) {
    rememberBlank(table, { spec, values: unplaced, candidates: spec.columns.map((_, i) => i) });
  }
  if (unplaced) noteUnplaced(table, spec, unplaced);
}

function noteUnplaced(table: Table, spec: RowSpec, unplaced: GridCell[]) {
  const n = spec.columns.length;
  const read = `${unplaced.length} 个数值「${unplaced.map((c) => c.text).join(' ')}」`;
  const why =
    unplaced.length < n
      ? `只读到 ${read}，少于 ${n} 列；文本中看不出缺的是哪一列`
      : `读到 ${read}，多于 ${n} 列；文本中看不出哪两个本是一个数（如「1 0」）或哪个是多出的`;
  table.notes.push({ row: spec.key, text: why + UNPLACED });
}

/** A row one value short whose blank the identities could not place (blank-place.ts): its values in no column, said in a note. */
export function leaveUnplaced(table: Table, blank: BlankToPlace): void {
  table.rows[blank.spec.key] = Object.fromEntries(blank.spec.columns.map((c) => [c, toCell(undefined, blank.spec, c)]));
  noteUnplaced(table, blank.spec, blank.values);
}

const UNPLACED = '，这些数值未填入任何一列';

/** Removes a row's note that its values could not be placed (they were: see blank-place.ts). */
export function forgetUnplaced(table: Table, row: string): void {
  table.notes = table.notes.filter((n) => !(n.row === row && isUnplacedNote(n)));
}

/**
 * A text row one value short of its columns whose blank's column the text does not show: its values in
 * order, the columns the blank may stand in, and `current`, the column the row was read with it in (none:
 * the values were left unplaced). blank-place.ts asks the template's identities which column it is.
 */
export interface BlankToPlace {
  spec: RowSpec;
  values: GridCell[];
  candidates: number[];
  current?: number;
}

/** Kept beside the table, not in it: only the parse reads them, before any rule runs. */
const blanksToPlace = new WeakMap<Table, BlankToPlace[]>();

export const blanksOf = (table: Table): readonly BlankToPlace[] => blanksToPlace.get(table) ?? [];

function rememberBlank(table: Table, blank: BlankToPlace) {
  const list = blanksToPlace.get(table) ?? blanksToPlace.set(table, []).get(table)!;
  list.push(blank);
}

/** A value that reads as a valid count of its row (no mark, no word, no digits apart, no fraction). */
const isCount = (c: GridCell, spec: RowSpec) => toCell(c, spec, spec.columns[0]!).status === 'ok';

/**
 * A tab or pipe row of n − 1 values side by side: its blank the text does not show. With empty cells on both sides of
 * the values, the one before may be the label's (a merged label cell) or the first column's blank, the one after a
 * padding cell or the last column's blank; and a copy that keeps only the filled cells (Acrobat's, a blank collapsed
 * by the extraction) leaves no trace of a blank inside the row either: its later values move one column left. The
 * row was read with its blank where the other rows' cells or trimming put it (alignedToGrid), usually an end; any
 * column may be it, and the identities may tell which (blank-place.ts: the reading as it stands when it is
 * consistent, another column only when it alone is and the identities confirm each value the row prints).
 */
function blankAnywhere(table: Table, spec: RowSpec, values: GridCell[]): void {
  const n = spec.columns.length;
  if (n < 3 || values.some((c) => c.loose || isTableCell(c.el))) return;
  const first = values.findIndex((c) => !isEmpty(c));
  const last = values.findLastIndex((c) => !isEmpty(c));
  if (first < 0 || last - first + 1 !== n - 1) return;
  const filled = values.slice(first, last + 1);
  if (filled.some((c) => isEmpty(c) || !isCount(c, spec))) return;
  const cells = spec.columns.map((c) => table.rows[spec.key]?.[c]);
  const blanks = cells.flatMap((c, i) => (c?.status === 'blank' || c?.status === 'absent' ? [i] : []));
  if (blanks.length !== 1) return;
  rememberBlank(table, { spec, values: filled, candidates: spec.columns.map((_, i) => i), current: blanks[0] });
}

/** A note saying a row's values could not be placed in its columns (see fitValues). */
export function isUnplacedNote(note: { text: string }): boolean {
  return note.text.endsWith(UNPLACED);
}

/**
 * A label broken after its values (「2.其他法律行政法规禁 | 0 | …」 then 「止公开」): the rest of the
 * label went to the front of the next row, before that row's own label.
 */
function brokenAfterValues(split: SplitRow, next: GridCell[] | undefined, specs: RowSpec[]): [SplitRow, RowSpec | undefined] {
  const following = next && splitRow(next);
  if (!following || following.labels.length < 2) return [split, undefined];
  // The rest may open with the tail of a group label beside it (「（六）其他处|理」): tried without it too.
  for (const rest of [0, 1, 2].map((skip) => following.labels[0]!.slice(skip))) {
    const joined = { ...split, label: split.label + rest, lastLabel: split.lastLabel + rest, labels: [...split.labels, rest] };
    const spec = matchSpec(joined, specs);
    if (spec) return [joined, spec];
  }
  return [split, undefined];
}

/** A label's characters without spaces and punctuation: 「1、属于」「1. 属于」「（三）」 spell alike. */
const bare = (s: string) => compact(s).replace(/[\p{P}\p{S}]/gu, '');

/** t3's group labels, whose pieces a narrow first column puts beside a wrapped row label (「（六）其 1.申请人…⏎他处理 正、…」). */
const GROUP_LABELS = ['三、本年度办理结果', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理'].map(bare);

interface LabelWord {
  text: string;
  bare: string;
}

/** A row's label cells as words: a text line's cell may hold a group's piece and the row's own words apart by a space. */
const labelWords = (cells: GridCell[]): LabelWord[] =>
  cells
    .flatMap((c) => c.text.trim().split(/\s+/))
    .map((w) => ({ text: compact(w), bare: bare(w) }))
    .filter((w) => w.bare);

const isGroupPiece = (w: LabelWord) => GROUP_LABELS.some((g) => g.includes(w.bare));

/**
 * A long label wrapped over lines in a narrow cell (PDF text), its values on one of them: the words of the row's
 * lines, and those of the next row up to its own item (the lines after the values went there), spell one row's
 * label, read in order and leaving out the pieces of a group label that stand beside them. Each word must go on
 * spelling a known label, or be such a piece; the row is named only when what is spelled matches exactly one row
 * and is part of its label, so values never go to a row the lines do not spell.
 */
function spelledOverLines(split: SplitRow, row: GridCell[], next: GridCell[] | undefined, specs: RowSpec[]): [SplitRow, RowSpec | undefined] {
  const known = specs.map((s) => bare(s.label));
  const own = labelWords(row.slice(0, split.labelEnd + 1));
  const after = next ? labelWords(next.slice(0, splitRow(next).labelEnd + 1)) : [];
  const item = after.findIndex((w) => ITEM_START.test(w.text) && !isGroupPiece(w));
  const following = item < 0 ? after : after.slice(0, item);
  for (let start = 0; start < own.length; start++) {
    if (isGroupPiece(own[start]!)) continue;
    let spelled: LabelWord = { text: '', bare: '' };
    const take = (w: LabelWord) => {
      const b = spelled.bare + w.bare;
      if (!known.some((k) => k.includes(b))) return isGroupPiece(w);
      spelled = { text: spelled.text + w.text, bare: b };
      return true;
    };
    if (!own.slice(start).every(take)) continue;
    for (let i = 0; ; i++) {
      const named = specs.filter((s, k) => s.match.test(spelled.text) && known[k]!.includes(spelled.bare));
      if (named.length && named.every((s) => s.key === named[0]!.key)) {
        const label = spelled.text;
        return [{ ...split, label, lastLabel: label, labels: [label] }, named[0]];
      }
      if (i >= following.length || !take(following[i]!)) break;
    }
  }
  return [split, undefined];
}

/** A header row of t3: its label cells name two of t3's columns (「自然人 | 法人或其他组织 | 总计」). */
function namesT3Columns(split: SplitRow): boolean {
  return new Set(split.labels.map(t3HeaderKey).filter(Boolean)).size >= 2;
}

/** The values a table opens with under empty labels, after header rows only: the rest of a row cut by a page break. */
function valuesOpening(g: Grid | undefined, specs: RowSpec[]): SplitRow | undefined {
  for (const r of g?.rows ?? []) {
    const s = splitRow(r);
    if (filledCount(s.values)) return !s.label && !isNumberingRow(s) ? s : undefined;
    if (s.label && !namesT3Columns(s) && matchSpec(s, specs)) return undefined;
  }
  return undefined;
}

/** t3's column headers as printed, by column key. */
const T3_HEADER_WORDS: [RegExp, string][] = [
  [/自然人$/, 'natural'],
  [/商业企业$/, 'commercial'],
  [/科研机构$/, 'research'],
  [/社会公益组织$/, 'nonprofit'],
  [/法律服务机构$/, 'legal'],
  [/其他$/, 'other'],
  [/(?:总计|合计)$/, 'total'],
  [/小计$/, 'subtotal'],
];
/** The t3 column a header's words name (「自然人」 natural, 「小计」 subtotal…), if any. */
const t3HeaderKey = (words: string) => T3_HEADER_WORDS.find(([re]) => re.test(words))?.[1];
/** The index of a grid's first row holding a number: where its header rows end. */
const firstValuesRow = (g: Grid) => g.rows.findIndex((r) => r.some((c) => readCell(c.text).kind === 'number'));

/**
 * t3's columns by the headers a table prints over them, by grid column (the lowest header naming one): for a
 * table whose columns are not the template's seven in order (总计 first, a 小计 column, 总计 alone). Undefined
 * when they are, or when the headers name none: the values are then read in order.
 */
function t3ColumnsByHeader(g: Grid): Map<number, string> | undefined {
  const named = t3HeaderColumns(g, valuesEndRows(g));
  if (!named) return looseRetyped(g);
  const { firstData } = named;
  const row = g.rows[firstData]!;
  const trusted = (byColumn: Map<number, string>) => {
    const keys = [...byColumn.entries()].sort((a, b) => a[0] - b[0]).map(([, k]) => k);
    const inOrder = keys.length === T3_COLUMNS.length && keys.every((k, i) => k === T3_COLUMNS[i]);
    // Trusted only when every value of the first row stands under a header it names: else read in order.
    const placed = row.every((c, i) => readCell(c.text).kind !== 'number' || columnAt(byColumn, row, i) !== undefined);
    return keys.includes('total') && !inOrder && placed;
  };
  if (trusted(named.byColumn)) return named.byColumn;
  const nested = retypedHeaderColumns(g.rows.slice(0, firstData));
  // The first row's last values, one under each header word, after its label.
  const fits = nested && row.length > nested.size && row.slice(-nested.size).every((c) => readCell(c.text).kind === 'number');
  return fits && trusted(nested) ? nested : undefined;
}

/**
 * Rows spaced out by blanks (a <pre> re-typed with spaces) under header rows re-typed alike: their words give the columns
 * in order when every row of values holds one under each (a blank leaves no trace in such a row: read in order then).
 */
function looseRetyped(g: Grid): Map<number, string> | undefined {
  const firstData = firstValuesRow(g);
  if (firstData <= 0 || !g.rows.slice(firstData).every((r) => r.every((c) => c.at !== undefined && c.loose))) return undefined;
  const nested = retypedHeaderColumns(g.rows.slice(0, firstData));
  if (!nested || T3_COLUMNS.every((k, i) => nested.get(i - nested.size) === k)) return undefined;
  const values = (r: GridCell[]) => r.filter((c) => readCell(c.text).kind === 'number').length;
  const full = (r: GridCell[]) => r.length > nested.size && r.slice(-nested.size).every((c) => readCell(c.text).kind === 'number');
  return g.rows.slice(firstData).every((r) => !values(r) || full(r)) ? nested : undefined;
}

/**
 * t3's columns from header rows re-typed without their merged cells (a paragraph or a <pre> line a row: 「自然人 |
 * 法人或其他组织 | 总计」 over 「商业企业 | … | 其他 | 小计」), whose words stand over no column: the upper row's
 * 法人或其他组织 stands for the kinds in the row below, in order. Counted from each row's end (its values are its last
 * cells; its label takes one cell or two). Undefined unless every column of the template is named once.
 */
function retypedHeaderColumns(rows: GridCell[][]): Map<number, string> | undefined {
  const keyOf = (c: GridCell) => t3HeaderKey(compact(c.text));
  const isGroup = (c: GridCell) => /法人或其他组织$/.test(compact(c.text));
  const at = rows.findIndex((r) => r.some(isGroup));
  const kinds = rows[at + 1]?.filter((c) => compact(c.text));
  if (at < 0 || !kinds || kinds.some((c) => !keyOf(c))) return undefined;
  const leaves = rows[at]!.flatMap((c) => (isGroup(c) ? kinds.map(keyOf) : [keyOf(c)])).filter((k) => k !== undefined);
  if (new Set(leaves).size !== leaves.length || T3_COLUMNS.some((k) => !leaves.includes(k))) return undefined;
  return new Map(leaves.map((k, j) => [j - leaves.length, k]));
}

/** The column a row's cell stands in: counted from the left, or (a key below 0) from the row's end. */
const columnAt = (byColumn: Map<number, string>, row: GridCell[], i: number) => byColumn.get(i) ?? byColumn.get(i - row.length);

/**
 * Text rows whose merged label cells take one cell each, not one per column they span (w3m's boxes: 「一、本年新收… | 53」
 * beside 「 | (一)予以公开 | 22」): rows of values of several lengths, each ending in a value. Their values, and the
 * headers over them, are the rows' last cells, so columns are counted from the end.
 */
function valuesEndRows(g: Grid): boolean {
  const data = g.rows.filter((r) => r.some((c) => readCell(c.text).kind === 'number'));
  if (g.rows.some((r) => r.some((c) => isTableCell(c.el)))) return false;
  return new Set(data.map((r) => r.length)).size > 1 && data.every((r) => r.at(-1)!.text.trim() !== '');
}

/**
 * The t3 columns a grid's header rows name, by grid column (or, `fromEnd`, by a key below 0 counted from each row's
 * end), and its first data row; undefined when it has no header rows of cells.
 */
function t3HeaderColumns(g: Grid, fromEnd = false): { byColumn: Map<number, string>; firstData: number } | undefined {
  const firstData = firstValuesRow(g);
  // An HTML table's grid columns are columns, and so are a tab or pipe row's cells; a row spaced out
  // by blanks (loose) has cells only where its words fell.
  if (firstData <= 0 || !g.rows[firstData]!.some((c) => isTableCell(c.el) || (c.at !== undefined && !c.loose))) return undefined;
  // Each column's headers top to bottom, run together: a header's words may be split over two rows (「商业」「企业」).
  const byColumn = new Map<number, string>();
  const width = Math.max(...g.rows.slice(0, firstData).map((r) => r.length));
  for (let i = 0; i < width; i++) {
    const texts: GridCell[] = [];
    for (const r of g.rows.slice(0, firstData)) {
      const c = fromEnd ? r[r.length - width + i] : r[i];
      if (c?.text.trim() && c !== texts.at(-1)) texts.push(c);
    }
    const key = t3HeaderKey(compact(texts.map((c) => c.text).join('')));
    if (key) byColumn.set(fromEnd ? i - width : i, key);
  }
  return { byColumn, firstData };
}

/**
 * t3 parted by columns to fit a narrow page: two tables one after the other, the first with some of t3's columns
 * (自然人 … 科研机构), the second with the rest, each repeating the row labels. Joined side by side into one grid when
 * their columns are complementary parts of t3's (none in both, all seven between them) and every row's label is the
 * same, in order; else they stay apart (two tables, or a table split by rows).
 */
function joinedByColumns(grids: Grid[]): Grid[] {
  const out: Grid[] = [];
  for (const g of grids) {
    const prev = out.at(-1);
    const joined = prev && columnPartsJoined(prev, g);
    if (joined) out[out.length - 1] = joined;
    else out.push(g);
  }
  return out;
}

const labelText = (r: GridCell[], end: number) =>
  r
    .slice(0, end)
    .map((c) => compact(c.text))
    .join('|');

function columnPartsJoined(a: Grid, b: Grid): Grid | undefined {
  const ha = t3HeaderColumns(a);
  const hb = t3HeaderColumns(b);
  if (!ha?.byColumn.size || !hb?.byColumn.size || a.rows.length !== b.rows.length) return undefined;
  const ka = [...ha.byColumn.values()];
  const kb = [...hb.byColumn.values()];
  const all = new Set([...ka, ...kb]);
  if (all.size !== ka.length + kb.length || !T3_COLUMNS.every((k) => all.has(k))) return undefined;
  // Each part's label cells: those left of its first named column.
  const startA = Math.min(...ha.byColumn.keys());
  const startB = Math.min(...hb.byColumn.keys());
  if (!a.rows.every((r, i) => labelText(r, startA) === labelText(b.rows[i]!, startB))) return undefined;
  return { ...a, rows: a.rows.map((r, i) => [...r, ...b.rows[i]!.slice(startB)]) };
}

/** A row's values placed under the columns its table's headers name; a column it has no cell under is blank. */
function placedByHeader(row: GridCell[], split: SplitRow, columns: Map<number, string>, spec: RowSpec): SplitRow {
  const values: GridCell[] = spec.columns.map(() => ({ text: '' }));
  for (const v of split.values) {
    const at = spec.columns.indexOf(columnAt(columns, row, row.indexOf(v)) ?? '');
    if (at >= 0) values[at] = v;
  }
  return { ...split, values };
}

/**
 * A 小计 column (the five kinds of 法人或其他组织 summed, as many reports print it) is no template column, but a 小计
 * that is not their sum is a mistake like any row total: its count is kept beside the row's cells, where its own
 * identity checks it. Only a count: a blank or a word in it stays unread, as before.
 */
function keepSubtotal(table: Table, spec: RowSpec, row: GridCell[], split: SplitRow, columns: Map<number, string>) {
  const v = split.values.find((c) => columnAt(columns, row, row.indexOf(c)) === 'subtotal');
  const cells = table.rows[spec.key];
  if (!v || !cells) return;
  const cell = toCell(v, spec, 'subtotal');
  if (cell.status === 'ok') cells.subtotal = cell;
}

const NUMBERING_LABEL = /^(?:栏次|序号|列次|栏号|行次)$/;

/**
 * A row numbering the columns (「栏次 | 1 | 2 | … | 7」, or 1 … n under the header), not one of values. A text copy
 * may give it header words for a label, left on lines of their own above it (「商业企业 … 其他⏎栏次 1 2 … 7」,
 * 「结果维持 … 总计⏎1 2 … 15」, lynx): then its values tell. Five or more values 1 … n are never a row of counts,
 * whose total would be their sum.
 */
function isNumberingRow(s: SplitRow): boolean {
  if (NUMBERING_LABEL.test(s.label) || NUMBERING_LABEL.test(s.lastLabel)) return true;
  return (
    s.values.length >= 5 &&
    s.values.every((c, i) => {
      const r = readCell(c.text);
      return r.kind === 'number' && r.value === i + 1;
    })
  );
}

/**
 * One value per line (turndown, mammoth: each cell a paragraph) runs the column numbers 1 … n and the row of
 * values under them together: 「1⏎2⏎…⏎15⏎2⏎1⏎0…」. A row of more than n values that opens with 1 … n is read
 * from the values after them.
 */
function afterNumbering(s: SplitRow, n: number): SplitRow {
  if (s.values.length <= n || !isNumberingRow({ ...s, label: '', lastLabel: '', values: s.values.slice(0, n) })) return s;
  return { ...s, values: s.values.slice(n) };
}

/**
 * t2's rows of one value turned into columns: a row naming them (「信息内容 | 行政许可 | 行政处罚 | 行政强制」)
 * over a row of as many values. Each name and its value become a row of their own, as the template prints them.
 */
function withNamesTurned(g: Grid, specs: RowSpec[]): Grid {
  const rows: GridCell[][] = [];
  let turned = false;
  for (let i = 0; i < g.rows.length; i++) {
    // The names, after a first cell that may head them (「信息内容」).
    const cells = g.rows[i]!.filter((c, j, row) => row.indexOf(c) === j && c.text);
    const names = cells.slice(cells.length && !namesRow(cells[0]!, specs) ? 1 : 0);
    const values = g.rows[i + 1] && splitRow(g.rows[i + 1]!).values.filter((c) => readCell(c.text).kind === 'number');
    if (names.length >= 2 && names.every((c) => namesRow(c, specs)) && values?.length === names.length) {
      names.forEach((name, k) => rows.push([name, values[k]!]));
      turned = true;
      i++;
    } else rows.push(g.rows[i]!);
  }
  return turned ? { ...g, rows } : g;
}

/** Whether a cell names one of t2's rows of one value (行政许可 …). */
const namesRow = (cell: GridCell, specs: RowSpec[]) => specs.some((s) => s.columns.length === 1 && s.match.test(compact(cell.text)));

/** Fewer applicant rows than this, or rows of fewer values, are no t3 turned. */
const TURNED_APPLICANTS = 5;
const TURNED_VALUES = T3_COLUMNS.length + 3;

/**
 * t3 turned to fit a landscape page: the applicants as rows (「自然人 | 40 | 3 | …」, 「法人或其他组织 | 商业企业 | …」,
 * 「总计 | …」), each with more values than t3 has columns, and the template's rows as columns under their labels.
 * Turned back, each column a row, it reads as the template prints it.
 */
function withApplicantsTurned(g: Grid): Grid {
  const applicants = new Set<string>();
  for (const r of g.rows) {
    const s = splitRow(r);
    const column = t3HeaderKey(s.lastLabel);
    if (column && s.values.length >= TURNED_VALUES) applicants.add(column);
  }
  if (applicants.size < TURNED_APPLICANTS) return g;
  const width = Math.max(...g.rows.map((r) => r.length));
  const rows = Array.from({ length: width }, (_, c) => g.rows.map((r) => r[c] ?? { text: '' }));
  return { ...g, rows };
}

/**
 * The grid column where a text table's rows of n values start, as its full rows show it (n filled cells side
 * by side, nothing else after the label). A tab or pipe row keeps the label's merged cells as empty ones, so a
 * row with a blank value has more cells than values, and only the full rows tell which of them are the label's.
 * With `labelEnd`, only rows whose label ends in the same column vote, and all alike: rows 一/二/四 whose label spans
 * two cells and the rows of (三)–(六) with a group cell before theirs may start their values in different columns.
 */
function valuesStart(g: Grid, n: number, labelEnd?: number): number | undefined {
  const votes = new Map<number, number>();
  for (const r of g.rows) {
    if (r.some((c) => c.loose)) continue;
    const s = splitRow(r);
    if (labelEnd !== undefined && s.labelEnd !== labelEnd) continue;
    const at = r.findIndex((c, i) => i > s.labelEnd && !isEmpty(c));
    if (at < 0 || filledCount(s.values) !== n || filledCount(r.slice(at, at + n)) !== n) continue;
    votes.set(at, (votes.get(at) ?? 0) + 1);
  }
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1]);
  // Two starts as common as each other tell nothing; rows with their label in one place must all agree
  // (seed 001 prints (七)总计 one cell left of rows 一/二/四: then the whole table's rows decide).
  if (labelEnd !== undefined) return ranked.length === 1 ? ranked[0]![0] : undefined;
  return ranked.length && (ranked.length === 1 || ranked[0]![1] > ranked[1]![1]) ? ranked[0]![0] : undefined;
}

/**
 * A text row with more cells than values, its values read where the table's full rows put theirs (see
 * valuesStart): 「一、本年新收… |  |  | 40 | … | 1 |  |」 is a blank 总计, not a blank 自然人 with 40 under 商业企业.
 * Unchanged when a filled cell stands outside those columns, or the row's cells are not the grid's own (colspan copies).
 */
function alignedToGrid(r: GridCell[], s: SplitRow, n: number, start: number | undefined): SplitRow {
  if (start === undefined || s.values.length <= n || start <= s.labelEnd || r.length < start + n) return s;
  if (r.some((c) => c.loose) || s.values.length !== r.length - s.labelEnd - 1) return s;
  const outside = [...r.slice(s.labelEnd + 1, start), ...r.slice(start + n)];
  return outside.every(isEmpty) ? { ...s, values: r.slice(start, start + n) } : s;
}

/**
 * A header naming last year's column (「上年」「去年」「上年度制发件数」「上年总计」). Asked of t3 and the 2021 template's t2:
 * the 2019 t2 has a column of its own so named (上一年项目数量, its words wrapped in a PDF's text: 「上一年项」).
 */
const namesLastYear = (text: string) => /^(?:上一?年度?|去年)/.test(text);

/** The year a header names first (「2022年」「2022年度制发件数」), or null. */
const yearNamed = (text: string) => Number(/^((?:19|20)\d\d)年/.exec(text)?.[1]) || null;

/**
 * The cells of a header row that name last year: 「上年」, and where the row names two years (「2023年」 beside 「2022年」)
 * every year but the latest, or where it names 本年 beside a year, that year. The table reader need not know the
 * report's year for that.
 */
function lastYearCells(texts: string[]): boolean[] {
  const years = texts.map(yearNamed);
  const thisYear = texts.some((t) => t.startsWith('本年')) ? Infinity : Math.max(...years.map((y) => y ?? 0));
  return texts.map((t, i) => namesLastYear(t) || (!!years[i] && years[i]! < thisYear));
}

/**
 * The grid columns each data row's headers name as last year's: t2 printed with 「上年」 beside each of this year's
 * columns. A row's headers are the header rows since the data row before it (t2 heads each block anew).
 */
function lastYearColumns(g: Grid): Map<GridCell[], Set<number>> {
  const out = new Map<GridCell[], Set<number>>();
  let current = new Set<number>();
  let inHeader = false;
  for (const r of g.rows) {
    if (r.some((c) => readCell(c.text).kind === 'number')) {
      out.set(r, current);
      inHeader = false;
      continue;
    }
    if (!inHeader) current = new Set();
    inHeader = true;
    // A row all of whose cells name last year is a caption over the block (「上年度数据见附表」), not a column's header.
    const named = lastYearCells(r.map((c) => compact(c.text)));
    if (named.some((n, i) => !n && compact(r[i]!.text))) named.forEach((n, i) => n && current.add(i));
  }
  return out;
}

/** The row without its values under a column its headers name as last year's. */
function withoutLastYear(r: GridCell[], split: SplitRow, columns: Set<number> | undefined): SplitRow {
  if (!columns?.size) return split;
  return { ...split, values: split.values.filter((v) => !columns.has(r.indexOf(v))) };
}

/** Reads t2 or t3: each grid row is matched to a row spec by its label; the first match of a key wins. */
export function readRowTable(key: 't2' | 't3', given: Grid[], layout: Layout, reportLayout: Layout = layout): Table | undefined {
  if (!given.length) return undefined;
  const grids = key === 't3' ? given.map(withApplicantsTurned) : given;
  const table = emptyTable(key, grids);
  if (layout !== reportLayout) table.layout = layout;
  const specs = rowsFor(key, layout);
  const centres = once(() => columnCentres(grids.flatMap((g) => g.rows.map((r) => splitRow(r).values.filter((c) => !isEmpty(c))))));
  const starts = new Map<Grid, Map<string, number | undefined>>();
  const startOf = (g: Grid, n: number, labelEnd: number) => {
    const byWidth = starts.get(g) ?? starts.set(g, new Map()).get(g)!;
    const k = `${n}:${labelEnd}`;
    if (!byWidth.has(k)) byWidth.set(k, valuesStart(g, n, labelEnd) ?? valuesStart(g, n));
    return byWidth.get(k);
  };
  // The first row of a key wins, unless it held no value at all (a group's caption row that repeats its label).
  const filled = new Set<string>();
  const dataRows = new Set<GridCell[]>();
  for (const [gi, grid] of grids.entries()) {
    const byHeader = key === 't3' ? t3ColumnsByHeader(grid) : undefined;
    const g = key === 't2' ? withNamesTurned(grid, specs) : grid;
    // t3 has no column of last year's in either layout, so one a body adds (「上年总计」 after 总计) is never this year's.
    const lastYear = key === 't3' || layoutFamily(layout) === '2021' ? lastYearColumns(g) : undefined;
    for (let i = 0; i < g.rows.length; i++) {
      const r = g.rows[i]!;
      let split = withoutLastYear(r, splitRow(r), lastYear?.get(r));
      if (isNumberingRow(split)) continue;
      let spec = matchSpec(split, specs);
      if (!spec && split.values.length) [split, spec] = brokenAfterValues(split, g.rows[i + 1], specs);
      if (!spec && split.values.length) [split, spec] = spelledOverLines(split, r, g.rows[i + 1] ?? g.tail, specs);
      // A long label on a row of its own (spanning the value columns), its values on the next row under an empty label;
      // not a header row naming 总计 over the values of a row cut by a page break (variants I18).
      const below = spec && !split.values.length && g.rows[i + 1] && !namesT3Columns(split) ? splitRow(g.rows[i + 1]!) : undefined;
      if (below && filledCount(below.values) && !matchSpec(below, specs) && !isNumberingRow(below)) split = { ...split, values: below.values };
      // A row cut by a page break: its label and blank value cells end one table, its values open the next under empty labels.
      // The next table may repeat the header first (variants I18).
      const rest = spec && split.values.length && !filledCount(split.values) && i === g.rows.length - 1 ? valuesOpening(grids[gi + 1], specs) : undefined;
      if (rest) split = { ...split, values: rest.values };
      // A row whose only values are words (「行政处罚 | 未统计」) reads as all label: its words are its values,
      // when they fill its columns (a header row that ends in 「总计 | 备注」 names no row).
      if (spec && !split.values.length) {
        const words = wordsAfterName(r, spec);
        if (words && words.values.length >= spec.columns.length) split = words;
      }
      if (!spec || filled.has(spec.key) || !isDataRow(split, spec.columns.length)) continue;
      if (table.rows[spec.key] && !filledCount(split.values)) continue;
      const aligned = byHeader ? split : alignedToGrid(r, split, spec.columns.length, startOf(grid, spec.columns.length, split.labelEnd));
      putRow(table, spec, byHeader ? placedByHeader(r, split, byHeader, spec) : wordsAsValues(r, aligned, spec), centres);
      if (byHeader) keepSubtotal(table, spec, r, split, byHeader);
      if (!byHeader) blankAnywhere(table, spec, split.values);
      dataRows.add(r);
      if (filledCount(split.values)) filled.add(spec.key);
    }
  }
  table.headers = headerTexts(grids, dataRows);
  return table;
}

/**
 * Reads t4: its one data row is the row of values after the header row that names the results (维持) —
 * the fullest such row, so that a page number among the header's lines (「2」, read as a row of one value)
 * does not stand for it.
 */
export function readT4(grids: Grid[]): Table | undefined {
  if (!grids.length) return undefined;
  const table = emptyTable('t4', grids);
  table.headers = headerTexts(grids);
  const [spec] = rowsFor('t4', 'unknown');
  // Without a header row in the grid (it was read as text lines), the data row comes first.
  let afterHeader = !grids.some((g) => /维持|审结/.test(gridText(g)));
  let best: SplitRow | undefined;
  // The rows of values after a header, in order: fifteen values wrapped over two rows, or t4 in two tables (复议, 诉讼).
  const valueRows: SplitRow[] = [];
  for (const g of grids)
    for (const r of g.rows) {
      let s = splitRow(r);
      // A word in the first column of the values-only row (「未统计」) is a value, not a label.
      if (s.values.length < spec!.columns.length && r.length >= spec!.columns.length && !/复议|诉讼|维持|纠正|结果|审结|总计/.test(s.label)) s = splitAt(r, -1);
      s = afterNumbering(s, spec!.columns.length);
      const header = /维持|审结/.test(s.label);
      if (isNumberingRow(s)) {
        // The header's words may be its label (they were lines of their own above it): the data row comes next.
        afterHeader ||= header;
        continue;
      }
      // A header row carries values only when the table came one cell per line (see linesToGrid).
      if (header && filledCount(s.values) < 5) {
        afterHeader = true;
        continue;
      }
      if (!(afterHeader || header) || s.values.length === 0) continue;
      if (s.values.length < 5 && !filledCount(s.values)) continue;
      valueRows.push(s);
      if (!best || filledCount(s.values) > filledCount(best.values)) best = s;
    }
  const values = valueRows.flatMap((v) => v.values);
  if (best && best.values.length < spec!.columns.length && valueRows.length > 1 && values.length === spec!.columns.length) best = { ...best, values };
  // Its columns stand where its header's cells do, one line of it naming all fifteen (「结果维持 … 总计」), or
  // where its results' words stand over several lines.
  const centres = once(() => t4Columns(grids.flatMap((g) => g.rows)));
  const turned = t4ByGroup(grids);
  if (turned) putRow(table, spec!, turned);
  else if (best) {
    // Values that stand under the columns show where a cell is blank; only a row without such places is searched for a lost value.
    const lost = standsInColumns(best.values, centres) ? undefined : t4LostValue(best.values);
    const at = typeof lost === 'number' ? lost : undefined;
    const values = at === undefined ? best.values : [...best.values.slice(0, at), { text: '', el: best.values[0]!.el }, ...best.values.slice(at)];
    putRow(table, spec!, { ...best, values }, centres, lost === 'unplaced');
    // A blank before the row's end moves values from the columns they show in: the auditor is told the column was
    // deduced, as t4's one row leaves no other row to confirm it by (blank-place.ts). (Values laid out with spaces
    // are not placed so: fitValues leaves them unplaced.)
    const blank = at === undefined || at === 14 ? undefined : table.rows[spec!.key]![spec!.columns[at]!];
    if (blank?.status === 'blank') blank.deduced = true;
  }
  return table;
}

/** Whether a row's values (text laid out with spaces) each stand under one of t4's fifteen columns (fitValues places them so). */
function standsInColumns(values: GridCell[], centres: () => Centres): boolean {
  const filled = values.filter((c) => !isEmpty(c));
  return filled.length < 15 && filled.some((c) => c.loose) && !!placeByColumns(filled, 15, centres);
}

/**
 * A row of fourteen values where t4 has fifteen, none blank: one cell was lost. Where it stood (its column), when
 * exactly one place lets each group's parts add up to its total (the lost value then being whatever
 * its group needs); 'unplaced' when several places do but not the last;
 * undefined otherwise, for the values to be read from the left (a row cut at its end lost its last).
 */
function t4LostValue(values: GridCell[]): number | 'unplaced' | undefined {
  const numbers = values.map((c) => readCell(c.text));
  if (values.length !== 14 || numbers.some((r) => r.kind !== 'number')) return undefined;
  const row = numbers.map((r) => (r.kind === 'number' ? r.value : 0));
  const fits: number[] = [];
  for (let at = 0; at <= 14; at++) {
    const withLost: (number | undefined)[] = [...row.slice(0, at), undefined, ...row.slice(at)];
    const adds = [0, 5, 10].every((g) => {
      const [a, b, c, d, total] = withLost.slice(g, g + 5);
      const parts = [a, b, c, d];
      if (total === undefined) return true;
      const known = parts.reduce<number>((sum, v) => sum + (v ?? 0), 0);
      return parts.includes(undefined) ? known <= total : known === total;
    });
    if (adds) fits.push(at);
  }
  if (fits.length === 1) return fits[0];
  return fits.length > 1 && !fits.includes(14) ? 'unplaced' : undefined;
}

/** Words made of the results' names' characters only (「结果」「维持」「果」「总」), never a group's (「未经复议直接起诉」). */
const T4_RESULT_WORD = /^[结果维持纠正其他尚未审总计合小]+$/;

/** Where t4's columns stand: by a line of fifteen cells, else by the bands of its results' words (headerBands). */
function t4Columns(rows: GridCell[][]): Centres {
  const found = columnCentres(rows);
  if (found.has(15)) return found;
  const bands = headerBands(rows, 15, (w) => T4_RESULT_WORD.test(w));
  if (bands) found.set(15, { bands });
  return found;
}

/** t4's three groups in the template's order, each named as a row label names it. */
const T4_GROUPS = [/^(?!.*诉讼).*行政复议/, /未经复议|直接起诉/, /复议后起诉/];
/** The five results of a group, in order (「结果维持」 … 「总计」), as a row label names one. */
const T4_RESULTS = [/维持/, /纠正/, /其他/, /未审结|尚未/, /总计|合计|小计/];

/**
 * t4 turned to fit a narrow page: a group to a row (「行政复议 | 1 | 0 | 0 | 1 | 2」, each kind of suit
 * in a row of its own), a value to a row (「行政诉讼 | 复议后起诉 | 结果维持 | 0」), or a result to a row
 * (「结果维持 | 2 | 1 | 0」 under the three groups). Its fifteen values in
 * the template's order, a blank where a group or a result has no row; undefined for the template's own
 * shape (one row of fifteen) or anything else: two groups in rows of five, or ten values in rows of one.
 */
function t4ByGroup(grids: Grid[]): SplitRow | undefined {
  const values: (GridCell | undefined)[] = Array.from({ length: 15 });
  let groups = 0;
  let singles = 0;
  let results = 0;
  // Turned the other way, a result to a row: its three values under the groups as the header orders them.
  let order = [0, 1, 2];
  for (const g of grids)
    for (const r of g.rows) {
      const named = r.map((c) => T4_GROUPS.findIndex((re) => re.test(compact(c.text)))).filter((i) => i >= 0);
      if (new Set(named).size === 3 && named.length === 3) order = named;
      const s = splitRow(r);
      const group = T4_GROUPS.findIndex((re) => re.test(s.label));
      const result = T4_RESULTS.findIndex((re) => re.test(s.lastLabel));
      if (group < 0 && result >= 0 && s.values.length === 3 && !order.some((gr) => values[gr * 5 + result])) {
        order.forEach((gr, i) => (values[gr * 5 + result] = s.values[i]));
        results++;
      }
      if (group < 0) continue;
      const at = group * 5;
      if (s.values.length === 5 && !values.slice(at, at + 5).some(Boolean)) {
        values.splice(at, 5, ...s.values);
        groups++;
      }
      if (s.values.length === 1 && result >= 0 && !values[at + result]) {
        values[at + result] = s.values[0];
        singles++;
      }
    }
  if (groups < 2 && singles < 10 && results < 4) return undefined;
  return { label: '', lastLabel: '', labels: [], labelEnd: -1, values: values.map((c) => c ?? { text: '' }) };
}

/**
 * A table extracted one cell per line (some PDF-to-text tools): every line is a cell. A label line
 * after values starts a new row; label lines in a row are one label broken over lines.
 */
export function linesToGrid(lines: { text: string; el?: unknown }[]): Grid {
  const rows: GridCell[][] = [];
  let row: GridCell[] = [];
  let hasValues = false;
  for (const l of lines) {
    const value = readCell(l.text).kind !== 'text';
    if (!value && hasValues) {
      rows.push(row);
      row = [];
      hasValues = false;
    }
    row.push({ text: l.text, el: l.el });
    hasValues ||= value;
  }
  if (row.length) rows.push(row);
  return { kind: 'grid', rows, el: lines[0]?.el };
}
