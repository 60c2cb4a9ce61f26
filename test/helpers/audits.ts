/** Small audits for the store and export tests: what a content script would send. */
import type { ReportSnapshot } from '@/lib/engine/snapshot';
import type { Finding } from '@/lib/engine/model';
import { AuditDb } from '@/store/db';

export const URL_A = 'https://www.example.gov.cn/xxgk/2023/report.html';

export const sumBroken: Finding = {
  rule: 't3-balance',
  severity: 'error',
  message: '申请数与办理结果数不平衡',
  cells: [{ table: 't3', row: '3.7', column: 'total' }],
  expected: 12,
  actual: 11,
};
export const sectionMissing: Finding = { rule: 'section-missing', severity: 'error', message: '缺少第五部分', section: 's5' };
export const proseMismatch: Finding = {
  rule: 'prose-applications',
  severity: 'warning',
  message: '正文称收到申请 13 件，表格为 12 件',
  section: 's1',
  expected: 12,
  actual: 13,
  excerpt: '共收到政府信息公开申请13件',
};

export function audited(findings: Finding[], over: Partial<ReportSnapshot> = {}): ReportSnapshot {
  return {
    url: URL_A,
    title: '示范市测试局2023年政府信息公开工作年度报告',
    agency: '示范市测试局',
    year: 2023,
    layout: '2021',
    published: '2024-01-20',
    sections: ['s1', 's2', 's3', 's4', 's5', 's6'],
    tables: ['t2', 't3', 't4'],
    values: {},
    findings,
    ...over,
  };
}

let n = 0;
/** A fresh, empty database on fake-indexeddb (imported by the test file first). */
export function freshDb(): AuditDb {
  return new AuditDb(`test-${process.pid}-${++n}-${Math.random()}`);
}
