/**
 * A text row printed with one value fewer than its columns (a blank cell leaves no trace in text from a PDF)
 * whose blank's column the text does not show (tables.ts BlankToPlace): the template's identities
 * (report-format.md; rules/arithmetic.ts, the same solver cell-missing infers blanks with) tell it when
 * exactly one column lets them all hold.
 *
 * Each candidate column is tried with the blank there as an unknown ≥ 0 and the row's values in the other
 * columns in order; a column is consistent when every identity of the table can still hold: the row's own
 * (t3: its 总计 = its applicants; t4: each group's 总计 = its parts) and the columns' (t3: 一 + 二 = (七) + 四,
 * (七) = its result rows), whose other rows are read as printed.
 *
 * The danger is a wrong value in the same row: it can refute the right column and leave a wrong one the only
 * consistent one, and the row then reads as a clean blank, the wrong value hidden. So a column is taken only
 * when, besides being the one consistent column, every value the row prints is CONFIRMED: the identities fix
 * each of them from the other rows alone (the row's printed values freed) to the very value printed there.
 * Then a wrong value cannot pass unseen — a misplacement would need the wrong value to equal what the other
 * rows demand of the column it lands in, so that the text is exactly a consistent table with its blank
 * elsewhere, which no reading of the text could tell from one. Without that confirmation (t4, one row with no
 * column identities; a t3 whose other rows are blank or missing) the row stays as it was read: its values
 * unplaced (row-cells-unplaced), or at the column its cells put them. With the blank placed, every identity of
 * the report is checked by the rules as before, and cell-missing says the column was deduced. (t4's row of
 * fourteen values with none blank is read before this, in tables.ts t4LostValue: its one place where the three
 * groups add up is better than reading it from the left, and cell-missing says that column was deduced, unconfirmed.)
 */
import { cellKey, type Cell, type CellRef, type Report, type TableKey } from '../model';
import { tableBounds } from '../rules/arithmetic';
import { blanksOf, forgetUnplaced, leaveUnplaced, toCell, type BlankToPlace } from './tables';

/** Places each blank its table's identities tell (see above); leaves the others as read. */
export function placeBlanksByIdentities(report: Report): void {
  for (const key of ['t3', 't4'] as const) {
    const table = report.tables[key];
    if (table) for (const blank of blanksOf(table)) placeBlank(report, key, blank);
  }
}

function placeBlank(report: Report, key: TableKey, blank: BlankToPlace): void {
  const table = report.tables[key]!;
  const row = blank.spec.key;
  const asRead = table.rows[row]!;
  const tryAt = (at: number) => (table.rows[row] = rowWithBlankAt(blank, at));
  const consistent = blank.candidates.filter((at) => {
    tryAt(at);
    return tableBounds(report, key) !== null;
  });
  // One consistent column, unless the text's own reading is consistent too: then it stands.
  const at = consistent.length === 1 && (blank.current === undefined || !consistent.includes(blank.current)) ? consistent[0] : undefined;
  if (at !== undefined) tryAt(at);
  if (at === undefined || !confirmed(report, key, blank, at)) {
    table.rows[row] = asRead;
    // The reading the text gave breaks the identities and several other columns fit the values as printed (a 0 lost among
    // zeros, 「1 0 0 0 0 1」): which, nothing tells. Read so, a value shifted by the blank would be reported as a wrong cell
    // that is not; the values are left unplaced instead (row-cells-unplaced), as a row whose blank the text hides is.
    if (blank.current !== undefined && consistent.length > 1 && !consistent.includes(blank.current)) leaveUnplaced(table, blank);
    return;
  }
  table.rows[row]![blank.spec.columns[at]!]!.deduced = true;
  forgetUnplaced(table, row);
}

/** The row with its values in order and the blank at column `at`. */
function rowWithBlankAt(blank: BlankToPlace, at: number): Record<string, Cell> {
  const { spec, values } = blank;
  const cells = [...values.slice(0, at), { text: '', el: values[0]?.el }, ...values.slice(at)];
  return Object.fromEntries(spec.columns.map((c, i) => [c, toCell(cells[i], spec, c)]));
}

/** Whether the identities fix every value the row prints (at blank column `at`) from the other rows alone, to what it prints. */
function confirmed(report: Report, key: TableKey, blank: BlankToPlace, at: number): boolean {
  const row = report.tables[key]!.rows[blank.spec.key]!;
  const printed: CellRef[] = blank.spec.columns.filter((_, i) => i !== at).map((column) => ({ table: key, row: blank.spec.key, column }));
  const bounds = tableBounds(report, key, printed);
  return (
    !!bounds &&
    printed.every((r) => {
      const b = bounds.get(cellKey(r));
      return !!b && b.lo === b.hi && b.lo === row[r.column]!.value;
    })
  );
}
