import { TABLE_KEYS, type Cell, type CellRef, type InferredValue, type NumberMention, type Report, type Table, type TableKey, type YearFacts } from '../model';
import { cellLabel, rowsFor } from '../parse/table-specs';

/**
 * The clause of a sentence that ends at `end`: from the last comma or semicolon before it (with `items`,
 * the 、 between listed items too). What a prose rule reads a statement in.
 */
export function clauseBefore(text: string, end: number, items = false): string {
  return text
    .slice(0, end)
    .split(items ? /[，,、；;]/ : /[，,；;]/)
    .pop()!;
}

/** Reading the model for rules: cells, their values, and the sums identities need. */
export function cellAt(report: Report, table: TableKey, row: string, column: string): Cell | undefined {
  return report.tables[table]?.rows[row]?.[column];
}

export function valueAt(report: Report, table: TableKey, row: string, column: string): number | null {
  const c = cellAt(report, table, row, column);
  return c && c.status === 'ok' ? c.value : null;
}

export const ref = (table: TableKey, row: string, column: string): CellRef => ({ table, row, column });

/** Messages about many cells name this many, then count the rest. */
const NAMED = 8;
const cellName = (c: CellRef) => `「${cellLabel(c.table, c.row, c.column)}」`;

/** 「a」、「b」…, and 「等 N 格」 past NAMED of them. */
export const namedCells = (cells: readonly CellRef[]) =>
  cells.slice(0, NAMED).map(cellName).join('、') + (cells.length > NAMED ? ` 等 ${cells.length} 格` : '');

/** What the identities give cells that hold no number: 「；可由勾稽关系推算：「a」＝0…；其余 N 格无法确定」, or nothing. */
export function inferenceNote(cells: readonly CellRef[], inferred: readonly InferredValue[]): string {
  if (!inferred.length) return '';
  const shown = inferred
    .slice(0, NAMED)
    .map((x) => `${cellName(x.cell)}＝${x.value}`)
    .join('、');
  const open = cells.length - inferred.length;
  return `；可由勾稽关系推算：${shown}${inferred.length > NAMED ? ' 等' : ''}${open ? `；其余 ${open} 格无法确定` : ''}`;
}

/**
 * The cells that `keep` accepts, table by table, row by row. A filter, not an iterator: rules look
 * for a few cells among hundreds, and a reference is made only for those.
 */
export function cellsWhere(report: Report, keep: (cell: Cell) => boolean, tables: readonly TableKey[] = TABLE_KEYS): { ref: CellRef; cell: Cell }[] {
  const out: { ref: CellRef; cell: Cell }[] = [];
  for (const t of tables) {
    const rows = report.tables[t]?.rows;
    for (const row in rows) {
      const cols = rows[row]!;
      for (const column in cols) if (keep(cols[column]!)) out.push({ ref: ref(t, row, column), cell: cols[column]! });
    }
  }
  return out;
}

/**
 * Sums the given cells when every one of them holds a valid number; otherwise null, because an
 * identity over missing data is reported as missing data, not as a broken sum.
 */
export function sumOf(report: Report, refs: CellRef[]): number | null {
  let sum = 0;
  for (const r of refs) {
    const v = valueAt(report, r.table, r.row, r.column);
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

/** The sum of numbers stated in prose. */
export const mentionsSum = (ns: NumberMention[]): number => ns.reduce((t, n) => t + n.value, 0);

/** The layout a table was read in: its own, when it is not the report's (see parse/tables.ts layoutsOf). */
export const tableLayout = (report: Report, table: TableKey) => report.tables[table]?.layout ?? report.layout;

/** Whether a table was found and at least one of its rows read. */
export const hasRows = (table: Table | undefined): table is Table => !!table && Object.keys(table.rows).length > 0;

/** Rows of a table its layout expects. */
export function expectedRows(report: Report, table: TableKey) {
  return rowsFor(table, tableLayout(report, table));
}

/** The t3 total cells of a group of rows (e.g. every 3.3.* row), as the layout has them. */
export function t3GroupRefs(report: Report, prefix: string): CellRef[] {
  return expectedRows(report, 't3')
    .filter((r) => r.key === prefix || r.key.startsWith(prefix + '.'))
    .map((r) => ref('t3', r.key, 'total'));
}

/** Said of a cross-year finding whose previous report was matched by a near name only. */
export const matchNote = (previous: YearFacts, how: 'same' | 'likely') => (how === 'likely' ? `（按机关名称近似匹配到「${previous.agency}」）` : '');

/**
 * Some months of the year, not all of it: 「1—6月」「1月1日至6月30日」, or one month (「12月收到申请9件」); not 「1—12月」,
 * nor a date (「12月31日」「12月底」) or the end of a span (「截至12月」).
 */
function ofSomeMonths(s: string): boolean {
  for (const m of s.matchAll(/(?<!\d)(\d{1,2})月?(?:\d{1,2}日)?[至到—–\-－~～](\d{1,2})月/g)) if (Number(m[1]) !== 1 || Number(m[2]) !== 12) return true;
  return /(?<![\d至到—–\-－~～])(?:1[0-2]|0?[1-9])月(?![\d份底末初至到—–\-－~～])/.test(s);
}
/**
 * A count of a part of the year (「一季度办结10件」「上半年收到24件」「7月份」「截至11月底」「有5个月」), not the year's.
 */
export const ofPartOfYear = (s: string) =>
  /季度|上半年|下半年|月份|当月|单月|截至(?:20\d{2}年)?(?:[1-9]|1[01])月|(?<!\d)(?:[1-9]|1[01])个月/.test(s) || ofSomeMonths(s);
