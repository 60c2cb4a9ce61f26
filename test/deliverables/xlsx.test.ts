import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { columnLetters, SHEET_NAMES, workbookBlob, workbookSheets } from '@/lib/app/export/xlsx';
import { STATUS_LABELS } from '@/lib/app/schema';
import { formatTime, ruleTitle, SEVERITY_LABELS } from '@/lib/engine/labels';
import { AUDITS } from '../helpers/deliverables';

type Sheets = { sheet: string; data: unknown[][] }[];
let sheets: Sheets;
let xml: Record<string, string>;
const sheet = (name: string) => sheets.find((s) => s.sheet === name)!.data;

beforeAll(async () => {
  const bytes = new Uint8Array(await (await workbookBlob(AUDITS)).arrayBuffer());
  sheets = (await readXlsxFile(Buffer.from(bytes))) as Sheets;
  xml = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
});

describe('workbook', () => {
  it('has the four sheets in order', () => {
    expect(sheets.map((s) => s.sheet)).toEqual(['问题', '报告', '机关×年度', '规则']);
  });

  it('问题: one row per finding, readable cell names, numbers as numbers', () => {
    const [header, ...rows] = sheet(SHEET_NAMES.findings);
    const col = (name: string) => (header as string[]).indexOf(name);
    const findings = AUDITS.flatMap((a) => a.record.findings.map((f) => ({ a, f })));
    expect(rows).toHaveLength(findings.length); // the clean report has no finding rows
    for (const [i, { a, f }] of findings.entries()) {
      const row = rows[i]!;
      const note = a.notes.find((n) => n.findingId === f.id);
      expect(row[col('机关')]).toBe(a.record.agency);
      expect(row[col('年度')]).toBe(a.record.year);
      expect(row[col('网址')]).toBe(a.record.url);
      expect(row[col('审计时间')]).toBe(formatTime(a.record.auditedAt));
      expect(row[col('规则')]).toBe(f.rule);
      expect(row[col('规则名称')]).toBe(ruleTitle(f.rule).zh);
      expect(row[col('严重程度')]).toBe(SEVERITY_LABELS[f.severity].zh);
      expect(row[col('说明')]).toBe(f.message);
      expect(row[col('应为')]).toBe(f.expected ?? null);
      expect(row[col('实为')]).toBe(f.actual ?? null);
      expect(row[col('状态')]).toBe(STATUS_LABELS[note?.status ?? 'pending'].zh);
      expect(row[col('备注')]).toBe(note?.note || null);
      expect(row[col('备注人')]).toBe(note?.by ?? null);
    }
    const names = rows.map((r) => r[col('单元格名称')]);
    expect(names).toEqual([
      '第三部分 · (七)总计 · 总计',
      null,
      null,
      '第三部分 · (三)不予公开 1.属于国家秘密 · 自然人',
      '第三部分 · 总计列：(六)其他处理；(七)总计',
    ]);
    expect(typeof rows[0]![col('应为')]).toBe('number');
    expect(rows[2]![col('章节')]).toBe('一、总体情况');
  });

  it('报告: one row per report; severity counts leave out 误报 and 已整改, status counts show them', () => {
    const [header, ...rows] = sheet(SHEET_NAMES.reports);
    expect(rows.map((r) => r[0])).toEqual(AUDITS.map((a) => a.record.agency));
    const pick = (row: unknown[], names: string[]) => names.map((n) => row[(header as string[]).indexOf(n)]);
    const cols = ['问题总数', '错误', '警告', '提示', '待核实', '已确认', '误报', '已整改'];
    // a2023: error confirmed, error 误报 (not counted), warning pending.
    expect(pick(rows[0]!, cols)).toEqual([3, 1, 1, 0, 1, 1, 1, 0]);
    // a2022: its one warning is 已整改.
    expect(pick(rows[1]!, cols)).toEqual([1, 0, 0, 0, 0, 0, 0, 1]);
    expect(pick(rows[2]!, [...cols, '报告备注'])).toEqual([0, 0, 0, 0, 0, 0, 0, 0, '未发现问题']);
    expect(pick(rows[3]!, [...cols, '格式'])).toEqual([1, 1, 0, 0, 1, 0, 0, 0, '2019 版']);
  });

  it('机关×年度: a row per body, a column per year, counted findings where a report was audited', () => {
    const [header, ...rows] = sheet(SHEET_NAMES.bodies);
    expect(header).toEqual(['机关', '亦作', '2020 年度', '2022 年度', '2023 年度']);
    const byBody = Object.fromEntries(rows.map((r) => [r[0], r.slice(2)]));
    expect(byBody).toEqual({ 示范市测试局: [null, 0, 2], 示范市司法局: [1, null, 0] });
  });

  it('规则: findings per rule with their statuses, settled ones included', () => {
    const [header, ...rows] = sheet(SHEET_NAMES.rules);
    expect(header).toEqual(['规则', '规则名称', '问题数', '涉及报告数', '待核实', '已确认', '误报', '已整改']);
    const byRule = Object.fromEntries(rows.map((r) => [r[0], r.slice(2)]));
    expect(byRule).toEqual({
      't3-balance': [1, 1, 0, 1, 0, 0],
      'section-missing': [1, 1, 0, 0, 1, 0],
      'prose-applications': [1, 1, 1, 0, 0, 0],
      'cell-missing': [1, 1, 0, 0, 0, 1],
      't3-results-sum': [1, 1, 1, 0, 0, 0],
    });
    expect(rows.map((r) => r[1])).toEqual(rows.map((r) => ruleTitle(r[0] as string).zh));
  });

  it('freezes every header row and filters every list (not the matrix)', () => {
    const files = Object.keys(xml)
      .filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k))
      .sort();
    expect(files).toHaveLength(4);
    for (const f of files) expect(xml[f]).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    const filters = files.map((f) => xml[f]!.match(/<autoFilter ref="([^"]+)"/)?.[1] ?? null);
    // 22 columns on 问题 (the CSV's), 15 on 报告, 8 on 规则.
    const [findings, reports, , rules] = workbookSheets(AUDITS);
    expect(filters).toEqual([`A1:V${findings!.rows.length + 1}`, `A1:O${reports!.rows.length + 1}`, null, `A1:H${rules!.rows.length + 1}`]);
  });

  it('writes an empty selection as header rows only', async () => {
    const empty = (await readXlsxFile(Buffer.from(await (await workbookBlob([])).arrayBuffer()))) as Sheets;
    expect(empty.map((s) => s.data.length)).toEqual([1, 1, 1, 1]);
  });
});

describe('columnLetters', () => {
  it('counts like a spreadsheet', () => {
    expect([0, 17, 25, 26, 701, 702].map(columnLetters)).toEqual(['A', 'R', 'Z', 'AA', 'ZZ', 'AAA']);
  });
});
