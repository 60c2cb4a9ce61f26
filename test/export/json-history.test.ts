import { describe, expect, it } from 'vitest';
import { AUDITS_VERSION, buildAuditsFile, parseAuditsFile, splitAuditsFile } from '@/lib/app/export/json';
import { auditsToCsv } from '@/lib/app/export/csv';
import type { FindingNote, HistoryEntry, ReportRecord } from '@/lib/app/schema';
import { withFindingIds } from '@/lib/engine/finding-id';
import { manualFindingOf } from '@/lib/engine/rules/manual-finding';
import { sumBroken, URL_A } from '../helpers/audits';

const findings = withFindingIds([sumBroken]);
const manual = { ...manualFindingOf({ excerpt: '已全部整改到位' }, 'error', '未列出整改措施'), id: 'manual-1' };
const rec: ReportRecord = {
  id: URL_A,
  url: URL_A,
  title: 't',
  agency: 'a',
  year: 2023,
  layout: '2021',
  published: null,
  sections: ['s1'],
  tables: ['t3'],
  values: {},
  firstAuditedAt: 100,
  auditedAt: 200,
  findings: [...findings, manual],
  gone: [],
  newIds: [],
  note: '',
  noteBy: '',
  noteUpdatedAt: null,
};
const note: FindingNote = { reportId: URL_A, findingId: findings[0]!.id, note: '见附表', status: 'confirmed', by: '张三', updatedAt: 300 };
const entry: HistoryEntry = {
  id: 'h1',
  reportId: URL_A,
  findingId: note.findingId,
  by: '张三',
  at: 300,
  before: null,
  after: { status: 'confirmed', note: '见附表' },
};

describe('JSON audits file, version 2', () => {
  it('carries each report’s history and its manual findings, and reads them back', () => {
    const file = buildAuditsFile([rec], [note], new Date(0), [entry, { ...entry, id: 'other', reportId: 'https://other.gov.cn/' }]);
    expect(file.version).toBe(AUDITS_VERSION);
    // Only this report's entries go with it.
    expect(file.reports[0]!.history).toEqual([entry]);
    const parsed = parseAuditsFile(JSON.stringify(file));
    expect(parsed.ok && splitAuditsFile(parsed.file)).toEqual({ reports: [rec], notes: [note], history: [entry] });
    expect(parsed.ok && parsed.file.reports[0]!.findings.map((f) => f.rule)).toEqual(['t3-balance', 'manual-finding']);
  });

  it('still reads a version 1 file, which has no history', () => {
    const v1 = { format: 'gov-report-auditor/audits', version: 1, exportedAt: new Date(0).toISOString(), reports: [{ ...rec, notes: [note] }] };
    const parsed = parseAuditsFile(JSON.stringify(v1));
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && splitAuditsFile(parsed.file)).toEqual({ reports: [rec], notes: [note], history: [] });
  });

  it('rejects a history entry filed under another report', () => {
    const file = buildAuditsFile([rec], [note], new Date(0));
    const bad = { ...file, reports: [{ ...file.reports[0]!, history: [{ ...entry, reportId: 'https://other.gov.cn/' }] }] };
    const parsed = parseAuditsFile(JSON.stringify(bad));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toContain('修改记录所属的报告与所在报告不一致');
  });
});

describe('CSV export of manual findings', () => {
  it('has a row for the flagged sentence, with its rule, severity, note text and excerpt', () => {
    const lines = auditsToCsv([{ record: rec, notes: [note] }]).split('\r\n');
    const row = lines.find((l) => l.includes('manual-finding'));
    expect(row).toBeDefined();
    expect(row).toContain('人工标记的问题');
    expect(row).toContain('错误');
    expect(row).toContain('未列出整改措施');
    expect(row).toContain('已全部整改到位');
    // The engine's finding keeps its own row.
    expect(lines.filter((l) => l.includes('t3-balance'))).toHaveLength(1);
  });
});

describe('XLSX export of manual findings', () => {
  it('has a 问题 row for the flagged sentence and counts it on the 规则 sheet', async () => {
    const { default: readXlsxFile } = await import('read-excel-file/node');
    const { SHEET_NAMES, workbookBlob } = await import('@/lib/app/export/xlsx');
    const bytes = Buffer.from(await (await workbookBlob([{ record: rec, notes: [note] }])).arrayBuffer());
    const sheets = (await readXlsxFile(bytes)) as { sheet: string; data: unknown[][] }[];
    const [header, ...rows] = sheets.find((s) => s.sheet === SHEET_NAMES.findings)!.data as string[][];
    const col = (name: string) => header!.indexOf(name);
    expect(rows.filter((r) => r[col('规则')] === 'manual-finding').map((r) => [r[col('严重程度')], r[col('说明')], r[col('摘录')]])).toEqual([
      ['错误', '未列出整改措施', '已全部整改到位'],
    ]);
    const rules = sheets.find((s) => s.sheet === SHEET_NAMES.rules)!.data;
    expect(rules.some((r) => r.includes('manual-finding') || r.includes('人工标记的问题'))).toBe(true);
  });
});
