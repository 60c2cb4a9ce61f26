import { describe, expect, it } from 'vitest';
import { auditsToCsv, CSV_HEADERS } from '@/lib/app/export/csv';
import type { ReportRecord } from '@/lib/app/schema';
import { withFindingIds } from '@/lib/engine/finding-id';
import { sectionMissing, sumBroken, URL_A } from '../helpers/audits';
import { parseCsv } from '../helpers/csv';
import { storedRecord } from '../helpers/records';

const record = (over: Partial<ReportRecord>): ReportRecord =>
  storedRecord({ id: URL_A, url: URL_A, title: '示范局2023年报', agency: '示范局', year: 2023, sections: ['s1'], tables: ['t3'], ...over });

describe('CSV readable cell names', () => {
  const twoCells = { ...sumBroken, cells: [...sumBroken.cells!, { table: 't3' as const, row: '4', column: 'natural' }] };
  const rows = parseCsv(
    auditsToCsv([
      { record: record({ findings: withFindingIds([twoCells, sectionMissing]) }), notes: [] },
      { record: record({ id: 'b', url: 'https://b.gov.cn/', note: '无问题' }), notes: [] },
    ]).slice(1),
  );
  const name = CSV_HEADERS.indexOf('单元格名称');

  it('has a 单元格名称 column next to the cell keys', () => {
    expect(name).toBe(CSV_HEADERS.indexOf('单元格') + 1);
    expect(rows.every((r) => r.length === CSV_HEADERS.length)).toBe(true);
  });

  it('names each cell of a finding, and leaves it empty when the finding has no cell', () => {
    expect(rows[1]![name]).toBe('第三部分 · (七)总计 · 总计；第三部分 · 四、结转下年度继续办理 · 自然人');
    expect(rows[1]![CSV_HEADERS.indexOf('单元格')]).toBe('t3/3.7/total; t3/4/natural');
    expect(rows[2]![name]).toBe('');
  });

  it('keeps a clean report on one row with its note in the last column', () => {
    expect(rows[3]![CSV_HEADERS.indexOf('报告备注')]).toBe('无问题');
    expect(rows[3]![name]).toBe('');
  });
});
