import { describe, expect, it } from 'vitest';
import { filterRecords, recordYears } from '@/lib/app/records-filter';
import type { ReportRecord } from '@/lib/app/schema';
import { withFindingIds } from '@/lib/engine/finding-id';
import { proseMismatch, sumBroken } from '../helpers/audits';

const base: ReportRecord = {
  id: '', url: '', title: '', agency: '', year: null, layout: '2021', published: null, sections: [], tables: [], values: {}, firstAuditedAt: 0,
  auditedAt: 0, findings: [], gone: [], newIds: [], note: '', noteBy: '', noteUpdatedAt: null,
};
const a = { ...base, id: 'a', url: 'https://a.gov.cn/r', title: '甲局 2023 年报', agency: '甲局', year: 2023, findings: withFindingIds([sumBroken]) };
const b = { ...base, id: 'b', url: 'https://b.example.org/r', title: '乙局年报', agency: '乙 局', year: 2022, layout: '2019' as const, findings: withFindingIds([proseMismatch]) };
const c = { ...base, id: 'c', url: 'https://c.gov.cn/r', agency: '丙局' };
const all = [a, b, c];
const ids = (rs: ReportRecord[]) => rs.map((r) => r.id);

describe('filterRecords', () => {
  it('searches agency, title and URL ignoring case and spaces', () => {
    expect(ids(filterRecords(all, { text: '乙局', errorsOnly: false }))).toEqual(['b']);
    expect(ids(filterRecords(all, { text: 'EXAMPLE', errorsOnly: false }))).toEqual(['b']);
    expect(ids(filterRecords(all, { text: '2023年报', errorsOnly: false }))).toEqual(['a']);
  });

  it('filters by year (null: unrecognised), layout and errors', () => {
    expect(ids(filterRecords(all, { text: '', year: 2022, errorsOnly: false }))).toEqual(['b']);
    expect(ids(filterRecords(all, { text: '', year: null, errorsOnly: false }))).toEqual(['c']);
    expect(ids(filterRecords(all, { text: '', layout: '2019', errorsOnly: false }))).toEqual(['b']);
    expect(ids(filterRecords(all, { text: '', errorsOnly: true }))).toEqual(['a']);
  });

  it('lists years newest first', () => {
    expect(recordYears(all)).toEqual([2023, 2022]);
  });
});
