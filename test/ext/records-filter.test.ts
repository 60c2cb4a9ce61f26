import { describe, expect, it } from 'vitest';
import { filterRecords, groupRecords, nextSort, recordBodies, recordRules, recordYears, sortRecords, type RecordFilter } from '@/lib/app/records-filter';
import { notesByReport } from '@/lib/app/report-stats';
import type { FindingNote, ReportRecord, Status } from '@/lib/app/schema';
import { withFindingIds } from '@/lib/engine/finding-id';
import { ruleTitle } from '@/lib/engine/labels';
import { proseMismatch, sectionMissing, sumBroken } from '../helpers/audits';
import { storedRecord } from '../helpers/records';

const base = storedRecord();
const a = { ...base, id: 'a', url: 'https://a.gov.cn/r', title: '甲局 2023 年报', agency: '甲局', year: 2023, findings: withFindingIds([sumBroken]) };
const b = {
  ...base,
  id: 'b',
  url: 'https://b.example.org/r',
  title: '乙局年报',
  agency: '乙 局',
  year: 2022,
  layout: '2019' as const,
  findings: withFindingIds([proseMismatch]),
};
const c = { ...base, id: 'c', url: 'https://c.gov.cn/r', agency: '丙局' };
const all = [a, b, c];
const ids = (rs: ReportRecord[]) => rs.map((r) => r.id);
const none: RecordFilter = { text: '', errorsOnly: false };

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

/** Two findings in one report, one noted; a report whose note is the only place a word appears. */
const d = {
  ...base,
  id: 'd',
  url: 'https://d.gov.cn/2023',
  title: '丁局年报',
  agency: '丁局',
  year: 2023,
  note: '已电话通知办公室',
  findings: withFindingIds([sectionMissing, proseMismatch]),
};
const note = (r: ReportRecord, i: number, status: Status, text: string): FindingNote => ({
  reportId: r.id,
  findingId: r.findings[i]!.id,
  note: text,
  status,
  by: '张三',
  updatedAt: 1,
});
const notes = notesByReport([note(d, 0, 'false_positive', '第五部分以附件形式发布'), note(a, 0, 'confirmed', '')]);
const withD = [...all, d];

describe('full-text search', () => {
  const search = (text: string) => ids(filterRecords(withD, { ...none, text }, notes));

  it('finds reports by a finding’s message, its rule’s title (both languages) and its readable cell name', () => {
    expect(search(sumBroken.message)).toEqual(['a']);
    expect(search(ruleTitle('t3-balance').zh)).toEqual(['a']);
    expect(search(ruleTitle('t3-balance').en.toUpperCase())).toEqual(['a']);
    // sumBroken's cell t3/3.7/total, by the name the template gives it; the raw key is not what auditors type.
    expect(search('(七)总计')).toEqual(['a']);
    expect(search('缺少第五部分')).toEqual(['d']);
  });

  it('finds reports by the quoted prose, the notes on findings and the report note', () => {
    expect(search('共收到政府信息公开申请13件').sort()).toEqual(['b', 'd']);
    expect(search('以附件形式')).toEqual(['d']);
    expect(search('电话通知')).toEqual(['d']);
  });

  it('finds nothing for text that is nowhere', () => {
    expect(search('行政复议纠正')).toEqual([]);
  });
});

describe('finding filters', () => {
  const only = (f: Partial<RecordFilter>) => ids(filterRecords(withD, { ...none, ...f }, notes));

  it('keeps reports with a finding of that rule, severity or status (unmarked findings are 待核实)', () => {
    expect(only({ rule: 'section-missing' })).toEqual(['d']);
    expect(only({ rule: 'prose-applications' })).toEqual(['b', 'd']);
    expect(only({ severity: 'error' })).toEqual(['a', 'd']);
    expect(only({ severity: 'info' })).toEqual([]);
    expect(only({ status: 'confirmed' })).toEqual(['a']);
    expect(only({ status: 'false_positive' })).toEqual(['d']);
    expect(only({ status: 'pending' })).toEqual(['b', 'd']);
    expect(only({ status: 'fixed' })).toEqual([]);
  });

  it('asks one finding to match all the finding filters at once', () => {
    // d has an error (section-missing, 误报) and a warning (prose, 待核实), but no pending error.
    expect(only({ severity: 'error', status: 'false_positive' })).toEqual(['d']);
    expect(only({ severity: 'error', status: 'pending' })).toEqual([]);
    expect(only({ rule: 'prose-applications', status: 'pending' })).toEqual(['b', 'd']);
  });

  it('filters by body exactly, and lists bodies and rules present', () => {
    expect(only({ body: '丁局' })).toEqual(['d']);
    expect(only({ body: '丁' })).toEqual([]);
    expect(new Set(recordBodies(withD))).toEqual(new Set(['甲局', '乙 局', '丙局', '丁局']));
    expect(recordBodies(withD)).toHaveLength(4);
    expect(new Set(recordRules(withD))).toEqual(new Set(['t3-balance', 'prose-applications', 'section-missing']));
  });
});

describe('sorting', () => {
  const sorted = (key: Parameters<typeof nextSort>[1], dir: 'asc' | 'desc') => ids(sortRecords(withD, { key, dir }, notes));

  it('sorts by year and audit time, with unrecognised years last in both directions', () => {
    expect(sorted('year', 'desc')).toEqual(['a', 'd', 'b', 'c']); // a and d tie on 2023 and keep their order
    expect(sorted('year', 'asc')).toEqual(['b', 'a', 'd', 'c']);
    const timed = withD.map((r, i) => ({ ...r, auditedAt: [30, 10, 40, 20][i]! }));
    expect(ids(sortRecords(timed, { key: 'auditedAt', dir: 'asc' }))).toEqual(['b', 'd', 'a', 'c']);
  });

  it('sorts by the counted findings (errors first, 误报 not counted) and by the findings still to verify', () => {
    // Counted: a 1 error; b 1 warning; c nothing; d 1 warning (its error is 误报).
    expect(sorted('findings', 'desc')).toEqual(['a', 'b', 'd', 'c']);
    // 待核实: a 0 (confirmed), b 1, c 0, d 1.
    expect(sorted('status', 'desc')).toEqual(['b', 'd', 'a', 'c']);
  });

  it('sorts names in Chinese collation order, and leaves the input alone', () => {
    const agencies = sortRecords(withD, { key: 'agency', dir: 'asc' }).map((r) => r.agency);
    expect(agencies).toEqual([...agencies].sort(new Intl.Collator('zh-Hans-CN').compare));
    expect(ids(sortRecords(withD, undefined))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(withD)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('a header click sorts by that column, and reverses it on the next click', () => {
    expect(nextSort(undefined, 'agency')).toEqual({ key: 'agency', dir: 'asc' });
    expect(nextSort(undefined, 'year')).toEqual({ key: 'year', dir: 'desc' });
    expect(nextSort({ key: 'year', dir: 'desc' }, 'year')).toEqual({ key: 'year', dir: 'asc' });
    expect(nextSort({ key: 'year', dir: 'asc' }, 'agency')).toEqual({ key: 'agency', dir: 'asc' });
  });
});

describe('groupRecords', () => {
  const copy = (r: ReportRecord, url: string) => ({ ...r, id: url, url });

  it('puts reports of one body and year at different URLs in one group, where the first of them is', () => {
    const a2 = copy(a, 'https://a.gov.cn/mirror');
    const groups = groupRecords([a, b, a2, c]);
    expect(groups.map((g) => ids(g.records))).toEqual([['a', 'https://a.gov.cn/mirror'], ['b'], ['c']]);
    expect(new Set(groups.map((g) => g.key)).size).toBe(3);
  });

  it('does not group across years or bodies, nor reports whose body or year is unknown', () => {
    const otherYear = { ...copy(a, 'x'), year: 2022 };
    const otherBody = { ...copy(a, 'y'), agency: '乙局' };
    const noYear = [copy(c, 'c1'), copy(c, 'c2')]; // 丙局 with no year, twice
    const noBody = [
      { ...copy(a, 'n1'), agency: '' },
      { ...copy(a, 'n2'), agency: '' },
    ];
    const groups = groupRecords([a, otherYear, otherBody, ...noYear, ...noBody]);
    expect(groups.every((g) => g.records.length === 1)).toBe(true);
    expect(groups).toHaveLength(7);
  });
});
