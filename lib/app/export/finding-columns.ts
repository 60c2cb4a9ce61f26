/**
 * The columns of a finding as a row, for every flat export (the CSV and the workbook's 问题 sheet), so
 * both give the same columns in the same order. A column of the report repeats on each of its findings'
 * rows (a flat file has nowhere else to put it); a clean report's row has only those.
 */
import { cellKey } from '../../engine/model';
import { formatTime, LAYOUT_LABELS, ruleTitle, sectionHeading, SEVERITY_LABELS } from '../../engine/labels';
import { cellNames } from '../cell-names';
import { statusOf } from '../report-stats';
import { STATUS_LABELS, type FindingNote, type ReportRecord, type StoredFinding } from '../schema';

/** A number stays a number so a spreadsheet can sum and filter it; absent stays empty. */
export type Field = string | number | null | undefined;

export interface FindingRow {
  record: ReportRecord;
  finding: StoredFinding;
  note: FindingNote | undefined;
}

/** A column: its header, its width in characters (for the workbook), and its value, of the report or of the finding. */
export type FindingColumn = { header: string; width: number } & (
  { of: 'report'; value: (record: ReportRecord) => Field } | { of: 'finding'; value: (row: FindingRow) => Field }
);

/**
 * Expected and actual values are numbers or text: a number that a finding carries as text (a cell's
 * raw 「-2」) is written as that number, so a spreadsheet sums it and the CSV's formula guard does not turn it
 * into 「'-2」. Only text that reads back as exactly the same number counts; anything else stays text.
 */
export function numberOrText(value: string | number | undefined): Field {
  if (typeof value !== 'string') return value;
  const n = Number(value);
  return value !== '' && Number.isFinite(n) && String(n) === value ? n : value;
}

const report = (header: string, width: number, value: (r: ReportRecord) => Field): FindingColumn => ({ header, width, of: 'report', value });
const finding = (header: string, width: number, value: (row: FindingRow) => Field): FindingColumn => ({ header, width, of: 'finding', value });

export const FINDING_COLUMNS: readonly FindingColumn[] = [
  report('机关', 20, (r) => r.agency),
  report('标题', 30, (r) => r.title),
  report('年度', 6, (r) => r.year),
  report('格式', 8, (r) => LAYOUT_LABELS[r.layout].zh),
  report('网址', 30, (r) => r.url),
  report('审计时间', 16, (r) => formatTime(r.auditedAt)),
  report('已不在页面中', 16, (r) => (r.absentSince === undefined ? undefined : formatTime(r.absentSince))),
  finding('规则', 18, ({ finding: f }) => f.rule),
  finding('规则名称', 20, ({ finding: f }) => ruleTitle(f.rule).zh),
  finding('严重程度', 8, ({ finding: f }) => SEVERITY_LABELS[f.severity].zh),
  finding('说明', 40, ({ finding: f }) => f.message),
  finding('章节', 24, ({ finding: f }) => f.section && sectionHeading(f.section)),
  finding('单元格', 20, ({ finding: f }) => f.cells?.map(cellKey).join('; ')),
  finding('单元格名称', 36, ({ finding: f, record: r }) => cellNames(f.cells, r.layout) || undefined),
  finding('应为', 8, ({ finding: f }) => numberOrText(f.expected)),
  finding('实为', 8, ({ finding: f }) => numberOrText(f.actual)),
  finding('摘录', 30, ({ finding: f }) => f.excerpt),
  finding('状态', 8, ({ note }) => STATUS_LABELS[statusOf(note)].zh),
  finding('备注', 30, ({ note }) => note?.note),
  finding('备注人', 8, ({ note }) => note?.by),
  finding('备注时间', 16, ({ note }) => note && formatTime(note.updatedAt)),
  report('报告备注', 30, (r) => r.note || undefined),
];

export const findingRow = (row: FindingRow): Field[] => FINDING_COLUMNS.map((c) => (c.of === 'report' ? c.value(row.record) : c.value(row)));

/** A report without findings: its own columns, so a flat export still shows it was audited. */
export const cleanReportRow = (record: ReportRecord): Field[] => FINDING_COLUMNS.map((c) => (c.of === 'report' ? c.value(record) : undefined));
