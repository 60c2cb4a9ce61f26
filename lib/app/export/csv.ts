/**
 * CSV for Excel and WPS: one row per finding, UTF-8 with a BOM (without it both read the file as
 * GBK and garble the Chinese), RFC 4180 quoting and CRLF line ends.
 */
import { cellKey } from '../../engine/model';
import { formatTime, LAYOUT_LABELS, ruleTitle, sectionHeading, SEVERITY_LABELS } from '../../engine/labels';
import { cellNames } from '../cell-names';
import { notesById, statusOf } from '../report-stats';
import { STATUS_LABELS, type FindingNote, type ReportRecord } from '../schema';

export const CSV_HEADERS = [
  '机关',
  '标题',
  '年度',
  '格式',
  '网址',
  '审计时间',
  '规则',
  '规则名称',
  '严重程度',
  '说明',
  '章节',
  '单元格',
  '单元格名称',
  '应为',
  '实为',
  '摘录',
  '状态',
  '备注',
  '备注人',
  '备注时间',
  '报告备注',
] as const;

/** A number stays a bare number so spreadsheets can sum it; everything else is text. */
type Field = string | number | null | undefined;

/**
 * A spreadsheet runs a text cell that starts with one of these as a formula (CSV injection); WPS and
 * Excel with a Chinese IME also take the full-width signs, and a leading line feed hides the rest.
 */
const FORMULA_START = /^[=+\-@\t\r\n＝＋－＠]/;

/** Numbers are written bare; text gets the formula guard. */
export function csvField(value: Field): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Expected and actual values are numbers or text: a number that a finding carries as text (a cell's
 * raw 「-2」) is written as that number, so a spreadsheet sums it and the guard does not turn it into 「'-2」.
 * Only text that reads back as exactly the same number counts; anything else stays guarded text.
 */
export function numberOrText(value: string | number | undefined): Field {
  if (typeof value !== 'string') return value;
  const n = Number(value);
  return value !== '' && Number.isFinite(n) && String(n) === value ? n : value;
}

export function auditsToCsv(reports: readonly { record: ReportRecord; notes: readonly FindingNote[] }[]): string {
  const rows: Field[][] = [[...CSV_HEADERS]];
  for (const { record: r, notes } of reports) {
    const byId = notesById(notes);
    const report: Field[] = [r.agency, r.title, r.year, LAYOUT_LABELS[r.layout].zh, r.url, formatTime(r.auditedAt)];
    const reportNote = r.note || undefined;
    // A clean report still gets its row, so the export shows it was audited.
    if (r.findings.length === 0) rows.push([...report, ...Array<Field>(CSV_HEADERS.length - report.length - 1).fill(undefined), reportNote]);
    for (const f of r.findings) {
      const note = byId.get(f.id);
      rows.push([
        ...report,
        f.rule,
        ruleTitle(f.rule).zh,
        SEVERITY_LABELS[f.severity].zh,
        f.message,
        f.section && sectionHeading(f.section),
        f.cells?.map(cellKey).join('; '),
        cellNames(f.cells, r.layout) || undefined,
        numberOrText(f.expected),
        numberOrText(f.actual),
        f.excerpt,
        STATUS_LABELS[statusOf(note)].zh,
        note?.note,
        note?.by,
        note && formatTime(note.updatedAt),
        reportNote,
      ]);
    }
  }
  return '\uFEFF' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
