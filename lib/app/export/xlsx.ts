/**
 * The auditors' workbook (.xlsx): 问题 (one row per finding), 报告 (one row per report), 机关×年度 (the
 * bodies × years matrix) and 规则 (findings per rule).
 *
 * Written with `write-excel-file`: it only writes (no reader, no formula engine), depends on fflate
 * alone (63 KB minified, 17 KB gzipped with it in our build, against ~1 MB for exceljs, whose last
 * release is from 2023; SheetJS no longer publishes to the npm registry), and is released regularly
 * (4.x in 2026). Filters are added with its documented `features` hook. It is imported dynamically by
 * `workbookBlob`, so only the records page loads it, and only when an auditor exports.
 * Cells are typed: text is never run as a formula, so the CSV's formula guard is not needed here.
 */
import type { Feature } from 'write-excel-file/universal';
import { formatTime, LAYOUT_LABELS, ruleTitle } from '../../engine/labels';
import { bodiesGrid } from '../bodies';
import { countedFindings, notesById, severityCounts, statusCounts } from '../report-stats';
import { STATUS_LABELS, STATUSES } from '../schema';
import { countByRule, type AuditWithNotes } from '../stats';
import { FINDING_COLUMNS, findingRow, type Field } from './finding-columns';

export type CellValue = string | number | null;

export interface WorkbookSheet {
  name: string;
  header: string[];
  rows: CellValue[][];
  /** Column widths in characters. */
  widths: number[];
  /** Filters on the header row (sheets of records; not the matrix). */
  filter: boolean;
}

export const SHEET_NAMES = { findings: '问题', reports: '报告', bodies: '机关×年度', rules: '规则' } as const;

/** Excel refuses a file with a cell longer than 32 767 characters. */
const MAX_CELL = 32_767;
const text = (v: string | undefined | null): CellValue => (v ? v.slice(0, MAX_CELL) : null);
const cell = (v: Field): CellValue => (typeof v === 'number' ? v : text(v));

/** One row per finding, with the CSV's columns. */
function findingsSheet(audits: readonly AuditWithNotes[]): WorkbookSheet {
  const rows = audits.flatMap(({ record, notes }) => {
    const byId = notesById(notes);
    return record.findings.map((finding) => findingRow({ record, finding, note: byId.get(finding.id) }).map(cell));
  });
  return { name: SHEET_NAMES.findings, header: FINDING_COLUMNS.map((c) => c.header), rows, widths: FINDING_COLUMNS.map((c) => c.width), filter: true };
}

function reportsSheet(audits: readonly AuditWithNotes[]): WorkbookSheet {
  const header = [
    '机关',
    '年度',
    '标题',
    '网址',
    '格式',
    '审计时间',
    '问题总数',
    '错误',
    '警告',
    '提示',
    ...STATUSES.map((s) => STATUS_LABELS[s].zh),
    '报告备注',
  ];
  const rows = audits.map(({ record: r, notes }): CellValue[] => {
    const byId = notesById(notes);
    // Severity counts leave out 误报 and 已整改, as the pages count; the status columns show them.
    const sev = severityCounts(countedFindings(r.findings, byId));
    const st = statusCounts(r.findings, byId);
    return [
      text(r.agency),
      r.year,
      text(r.title),
      r.url,
      LAYOUT_LABELS[r.layout].zh,
      formatTime(r.auditedAt),
      r.findings.length,
      sev.error,
      sev.warning,
      sev.info,
      ...STATUSES.map((s) => st[s]),
      text(r.note),
    ];
  });
  return { name: SHEET_NAMES.reports, header, rows, widths: [20, 6, 30, 30, 8, 16, 8, 6, 6, 6, 6, 6, 6, 6, 30], filter: true };
}

/** Bodies × years: each cell the findings counted in that year's report(s); empty where no report was audited. */
function bodiesSheet(audits: readonly AuditWithNotes[]): WorkbookSheet {
  const byRecord = new Map(audits.map((a) => [a.record, a]));
  const grid = bodiesGrid(audits.map((a) => a.record));
  const header = ['机关', '亦作', ...grid.years.map((y) => (y === null ? '年度未识别' : `${y} 年度`))];
  const rows = grid.bodies.map((b): CellValue[] => [
    b.names[0] || '（未识别机关）',
    text(b.names.slice(1).join('、')),
    ...grid.years.map((y) => {
      const reports = b.byYear.get(y);
      if (!reports) return null;
      return reports.reduce((n, r) => n + countedFindings(r.findings, notesById(byRecord.get(r)!.notes)).length, 0);
    }),
  ]);
  return { name: SHEET_NAMES.bodies, header, rows, widths: [24, 24, ...grid.years.map(() => 10)], filter: false };
}

function rulesSheet(audits: readonly AuditWithNotes[]): WorkbookSheet {
  const header = ['规则', '规则名称', '问题数', '涉及报告数', ...STATUSES.map((s) => STATUS_LABELS[s].zh)];
  // Every finding, settled ones too: the status columns say how many turned out false or were fixed.
  const rows = countByRule(audits, { includeSettled: true }).map((c): CellValue[] => [
    c.rule,
    ruleTitle(c.rule).zh,
    c.findings,
    c.reports,
    ...STATUSES.map((s) => c.byStatus[s]),
  ]);
  return { name: SHEET_NAMES.rules, header, rows, widths: [22, 24, 8, 10, 6, 6, 6, 6], filter: true };
}

/** The four sheets, as plain data (tested without writing a file). */
export function workbookSheets(audits: readonly AuditWithNotes[]): WorkbookSheet[] {
  return [findingsSheet(audits), reportsSheet(audits), bodiesSheet(audits), rulesSheet(audits)];
}

/** A1-style column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** write-excel-file has frozen rows but no filters: this feature adds `<autoFilter>` over each filtered sheet's range. */
function autoFilter(sheets: readonly WorkbookSheet[], insert: (xml: string, markup: string) => string): Feature<Blob> {
  return {
    files: {
      transform: {
        'xl/worksheets/sheet{id}.xml': {
          transform: (xml, _options, { sheetIndex }) => {
            const s = sheets[sheetIndex];
            if (!s?.filter || xml.includes('<autoFilter')) return xml;
            const ref = `A1:${columnLetters(s.header.length - 1)}${s.rows.length + 1}`;
            return insert(xml, `<autoFilter ref="${ref}"/>`);
          },
        },
      },
    },
  };
}

/** Writes the workbook; loads the writer on first use. */
export async function workbookBlob(audits: readonly AuditWithNotes[]): Promise<Blob> {
  const [{ default: writeXlsxFile }, xml] = await Promise.all([import('write-excel-file/universal'), import('write-excel-file/utility')]);
  const sheets = workbookSheets(audits);
  const order = xml.getOrderOfSiblings('xl/worksheets/sheet{id}.xml', 'worksheet') ?? [];
  const insert = (doc: string, markup: string) => xml.insertElementMarkupAccordingToOrderOfSiblings(doc, markup, order, 'worksheet');
  return writeXlsxFile(
    sheets.map((s) => ({
      sheet: s.name,
      data: [s.header.map((h) => ({ value: h, fontWeight: 'bold' as const })), ...s.rows],
      columns: s.widths.map((width) => ({ width })),
      stickyRowsCount: 1,
    })),
    { features: [autoFilter(sheets, insert)] },
  ).toBlob();
}
