/**
 * CSV for Excel and WPS: one row per finding, UTF-8 with a BOM (without it both read the file as
 * GBK and garble the Chinese), RFC 4180 quoting and CRLF line ends.
 */
import { notesById } from '../report-stats';
import type { FindingNote, ReportRecord } from '../schema';
import { cleanReportRow, FINDING_COLUMNS, findingRow, type Field } from './finding-columns';

export const CSV_HEADERS = FINDING_COLUMNS.map((c) => c.header);

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

export function auditsToCsv(reports: readonly { record: ReportRecord; notes: readonly FindingNote[] }[]): string {
  const rows: Field[][] = [CSV_HEADERS];
  for (const { record, notes } of reports) {
    const byId = notesById(notes);
    if (record.findings.length === 0) rows.push(cleanReportRow(record));
    for (const finding of record.findings) rows.push(findingRow({ record, finding, note: byId.get(finding.id) }));
  }
  return '\uFEFF' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
