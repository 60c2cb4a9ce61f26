/**
 * Stored audits for the deliverables' tests (workbook, opinion, statistics): two bodies over three
 * years, one 2019-layout report, findings in every status, a clean report with a report note.
 */
import type { FindingNote, ReportRecord, Status } from '@/lib/app/schema';
import type { AuditWithNotes } from '@/lib/app/stats';
import { withFindingIds } from '@/lib/engine/finding-id';
import type { Finding } from '@/lib/engine/model';
import { proseMismatch, sectionMissing, sumBroken } from './audits';
import { storedRecord } from './records';

const base = storedRecord({ published: '2024-01-20', firstAuditedAt: Date.UTC(2024, 2, 1), auditedAt: Date.UTC(2024, 2, 5, 6, 7) });

export const blankCell: Finding = {
  rule: 'cell-missing',
  severity: 'warning',
  message: '单元格空白：(三)不予公开 1.属于国家秘密·自然人',
  cells: [{ table: 't3', row: '3.3.1', column: 'natural' }],
};
export const resultsSum2019: Finding = {
  rule: 't3-results-sum',
  severity: 'error',
  message: '办理结果分项之和与总计不符',
  cells: [
    { table: 't3', row: '3.6', column: 'total' },
    { table: 't3', row: '3.7', column: 'total' },
  ],
  expected: 4,
  actual: 5,
};

function report(id: string, agency: string, year: number | null, findings: Finding[], over: Partial<ReportRecord> = {}): ReportRecord {
  const url = `https://www.example.gov.cn/xxgk/${id}.html`;
  return { ...base, id: url, url, agency, year, title: `${agency}${year ?? ''}年政府信息公开工作年度报告`, findings: withFindingIds(findings), ...over };
}

const note = (r: ReportRecord, i: number, status: Status, text = '', by = '张三'): FindingNote => ({
  reportId: r.id,
  findingId: r.findings[i]!.id,
  note: text,
  status,
  by,
  updatedAt: Date.UTC(2024, 2, 6, 1, 2),
});

const a2023 = report('a2023', '示范市测试局', 2023, [sumBroken, sectionMissing, proseMismatch], {
  note: '请于一周内更正',
  noteBy: '张三',
  noteUpdatedAt: Date.UTC(2024, 2, 6),
});
const a2022 = report('a2022', '示范市测试局', 2022, [blankCell]);
const b2023 = report('b2023', '示范市司法局', 2023, [], { note: '未发现问题' });
const b2020 = report('b2020', '示范市司法局', 2020, [resultsSum2019], { layout: '2019' });

/** What the tests read back: records in this order, with their notes. */
export const AUDITS: AuditWithNotes[] = [
  { record: a2023, notes: [note(a2023, 0, 'confirmed', '表三总计应为 12'), note(a2023, 1, 'false_positive', '第五部分在附件中')] },
  { record: a2022, notes: [note(a2022, 0, 'fixed', '已补填 0', '李四')] },
  { record: b2023, notes: [] },
  { record: b2020, notes: [] },
];
