import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '@/lib/app/schema';
import { countByBody, countByRule, countByYear, formatShare, overview, type AuditWithNotes } from '@/lib/app/stats';
import { withFindingIds } from '@/lib/engine/finding-id';
import { sumBroken } from '../helpers/audits';
import { AUDITS } from '../helpers/deliverables';

// The fixture (test/helpers/deliverables.ts): 测试局 2023 — t3-balance error 已确认, section-missing error 误报,
// prose-applications warning 待核实; 测试局 2022 — cell-missing warning 已整改; 司法局 2023 — clean;
// 司法局 2020 — t3-results-sum error 待核实.

describe('overview', () => {
  it('counts reports, reports with errors and findings, leaving out 误报 and 已整改', () => {
    expect(overview(AUDITS)).toEqual({
      reports: 4,
      withErrors: 2,
      shareWithErrors: 0.5,
      findings: 3,
      bySeverity: { error: 2, warning: 1, info: 0 },
      byStatus: { pending: 2, confirmed: 1, false_positive: 1, fixed: 1 },
    });
  });

  it('counts them too when asked (the page toggle)', () => {
    const all = overview(AUDITS, { includeSettled: true });
    expect([all.findings, all.bySeverity]).toEqual([5, { error: 3, warning: 2, info: 0 }]);
    expect(all.byStatus).toEqual(overview(AUDITS).byStatus);
  });

  it('does not call a report erroneous when its only error is a 误报', () => {
    const [f] = withFindingIds([sumBroken]);
    const record: ReportRecord = { ...AUDITS[2]!.record, findings: [f!] };
    const one: AuditWithNotes[] = [{ record, notes: [{ reportId: record.id, findingId: f!.id, note: '', status: 'false_positive', by: '', updatedAt: 0 }] }];
    expect(overview(one).withErrors).toBe(0);
    expect(overview(one, { includeSettled: true }).withErrors).toBe(1);
    expect(overview([{ record, notes: [] }]).withErrors).toBe(1);
  });

  it('is all zeros for no reports, not NaN', () => {
    expect(overview([])).toMatchObject({ reports: 0, withErrors: 0, shareWithErrors: 0, findings: 0 });
  });
});

describe('countByRule', () => {
  it('counts findings and the reports they are in, most frequent first', () => {
    const [a, b] = withFindingIds([sumBroken, { ...sumBroken, cells: [{ table: 't3', row: '4', column: 'total' }] }]);
    const r1: ReportRecord = { ...AUDITS[2]!.record, findings: [a!, b!] };
    const r2: ReportRecord = { ...AUDITS[3]!.record };
    const counts = countByRule([
      { record: r1, notes: [] },
      { record: r2, notes: [] },
    ]);
    expect(counts.map((c) => [c.rule, c.findings, c.reports])).toEqual([
      ['t3-balance', 2, 1],
      ['t3-results-sum', 1, 1],
    ]);
  });

  it('leaves settled findings out unless asked, and keeps their statuses', () => {
    expect(
      countByRule(AUDITS)
        .map((c) => c.rule)
        .sort(),
    ).toEqual(['prose-applications', 't3-balance', 't3-results-sum']);
    const all = countByRule(AUDITS, { includeSettled: true });
    expect(all).toHaveLength(5);
    expect(all.find((c) => c.rule === 'section-missing')!.byStatus).toEqual({ pending: 0, confirmed: 0, false_positive: 1, fixed: 0 });
    // Ties are ordered by rule id, so the order does not depend on the records' order.
    expect(countByRule([...AUDITS].reverse()).map((c) => c.rule)).toEqual(countByRule(AUDITS).map((c) => c.rule));
  });
});

describe('countByBody', () => {
  it('groups a body’s years (names spaced differently too), the most findings first', () => {
    const spaced = { ...AUDITS[1]!, record: { ...AUDITS[1]!.record, agency: '示范市 测试局' } };
    const rows = countByBody([AUDITS[0]!, spaced, AUDITS[2]!, AUDITS[3]!]);
    expect(rows.map((r) => [r.key, r.reports, r.withErrors, r.findings])).toEqual([
      ['示范市测试局', 2, 1, 2],
      ['示范市司法局', 2, 1, 1],
    ]);
  });
});

describe('countByYear', () => {
  it('gives one entry per year, oldest first, unrecognised years last', () => {
    const noYear = { ...AUDITS[3]!, record: { ...AUDITS[3]!.record, id: 'x', url: 'x', year: null } };
    const rows = countByYear([...AUDITS, noYear]);
    expect(rows.map((r) => [r.key, r.year, r.reports, r.withErrors, r.findings])).toEqual([
      ['2020', 2020, 1, 1, 1],
      ['2022', 2022, 1, 0, 0],
      ['2023', 2023, 2, 1, 2],
      ['年度未识别', null, 1, 1, 1],
    ]);
  });
});

describe('formatShare', () => {
  it('writes a percentage with one decimal', () => {
    expect([0, 0.5, 6 / 35, 1].map(formatShare)).toEqual(['0.0%', '50.0%', '17.1%', '100.0%']);
  });
});

describe('countedFindings', () => {
  it('keeps 待核实 and 已确认, leaves out 误报 and 已整改, and keeps all when asked', async () => {
    const { countedFindings, notesById } = await import('@/lib/app/report-stats');
    const [a2023] = AUDITS;
    const notes = notesById(a2023!.notes);
    expect(countedFindings(a2023!.record.findings, notes).map((f) => f.rule)).toEqual(['t3-balance', 'prose-applications']);
    expect(countedFindings(a2023!.record.findings, notes, true)).toHaveLength(3);
    expect(countedFindings(a2023!.record.findings, new Map())).toHaveLength(3); // nothing marked: all count
  });
});
