import { SECTION_OF_TABLE, TABLE_KEYS, type Finding, type Report, type TableKey } from '../model';
import { cellLabel } from '../parse/table-specs';
import { isUnplacedNote } from '../parse/tables';
import { toFinding, type RaisedRule } from './types';

/**
 * Raised by the audit itself from the tables' notes: a text row printed with fewer values than
 * columns, where nothing shows which column lost its value (no empty cell between separators, no
 * column its values stand under), or with more, apart by single spaces, where nothing shows which
 * two were one number. The values are not guessed into columns: a row one value short is placed only where the
 * template's identities tell its blank's column and confirm its other values (parse/blank-place.ts; cell-missing
 * then says so); a wrong value in the same row leaves it here.
 */
export const rowCellsUnplaced: RaisedRule = {
  kind: 'raised',
  id: 'row-cells-unplaced',
  severity: 'warning',
  title: { zh: '行内数值与列数不符，无法对应到列', en: 'Row values cannot be placed in columns' },
  description: {
    zh: '以空格分隔、每行一个数值，或只保留有值单元格的文本表格（如 Acrobat 复制的文本）中，某行的数值少于模板列数；空白单元格在这种文本里不留痕迹，无法判断缺的是哪一列。以单个空格分隔的一行数值多于列数时，也无法判断哪两个本是一个数（如「1 0」）。这些数值因此没有填入任何一列，请对照原表核对。以空格对齐的文本（如 pdftotext -layout）按数值所在的列位置填入，只有看不出列位置时才报此项。少一个数值的行，若只有空在某一列时各项勾稽关系才成立、且该行其余数值都能由其他行唯一推出并与所印相符，则按此填入（见「数据缺失」）；同一行另有错数时不填入，仍报此项。制表符或「|」分隔的行少一个数值、按文本读在一端时勾稽关系不成立，而空在另外几列都能成立（如「1 0 0 0 0 1」），也报此项，不按一端读出一个并非错误的错数。',
    en: 'A text table separated by spaces, with one value per line, or keeping only its filled cells (as Acrobat copies) holds fewer values in a row than the template has columns: a blank leaves no trace there. A row apart by single spaces holding more values than columns cannot say which two were one number (「1 0」). The values are not placed in any column; check the original table. Text aligned with spaces (pdftotext -layout) is placed by the columns its values stand under; this is raised only where no column can be told. A row one value short is placed where only one column for its blank lets every identity hold and the identities fix each of its other values from the other rows to what it prints (cell-missing says so); with a wrong value in the same row it stays unplaced here. So does a tab or pipe row one value short whose reading with its blank at an end breaks the identities while several other columns for the blank fit them (「1 0 0 0 0 1」): read at the end, a shifted value would be reported as a wrong cell that is not.',
  },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）的表格列',
  example: '「规章 3 22」：规章一行应有 3 个数值，只读到 2 个。',
};

/** The rows whose values could not be placed, as table/row keys. */
export function unplacedRows(report: Report): { table: TableKey; row: string; text: string }[] {
  return TABLE_KEYS.flatMap((table) =>
    (report.tables[table]?.notes ?? []).filter((n) => n.row && isUnplacedNote(n)).map((n) => ({ table, row: n.row!, text: n.text })),
  );
}

export function rowCellsUnplacedFinding(report: Report, u: { table: TableKey; row: string; text: string }): Finding {
  const columns = Object.keys(report.tables[u.table]?.rows[u.row] ?? {});
  return toFinding(rowCellsUnplaced, {
    section: SECTION_OF_TABLE[u.table],
    cells: columns.map((column) => ({ table: u.table, row: u.row, column })),
    message: `「${cellLabel(u.table, u.row, '')}」行：${u.text}`,
  });
}
