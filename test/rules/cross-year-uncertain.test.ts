import { describe, expect, it } from 'vitest';
import { auditText } from '../../lib/engine/audit';
import { crossYearFindings, factsOf, findPrevious, type YearFacts } from '../../lib/engine/cross-year';
import { makeReport, type ReportParts } from '../helpers/make-report';

function facts(agency: string, year: number, over: Partial<ReportParts> = {}, source = `${agency}-${year}`): YearFacts {
  const r = auditText(makeReport({ title: `${agency}${year}年政府信息公开工作年度报告`, ...over }));
  if (!r.detected) throw new Error('not detected');
  return factsOf(r.report, source);
}

describe('cross-year-uncertain', () => {
  it('says it is not sure when two previous reports could match', () => {
    const current = facts('孟津区司法局', 2023);
    const a = facts('洛阳市孟津区司法局', 2022);
    const b = facts('某省孟津区司法局', 2022);
    expect(findPrevious(current, [a, b]).kind).toBe('ambiguous');
    expect(crossYearFindings(current, [a, b])).toEqual([expect.objectContaining({ rule: 'cross-year-uncertain', severity: 'info' })]);
  });
  it('is not raised when one previous report matches', () => {
    const current = facts('孟津区司法局', 2023);
    expect(crossYearFindings(current, [facts('洛阳市孟津区司法局', 2022)]).filter((f) => f.rule === 'cross-year-uncertain')).toEqual([]);
    expect(findPrevious(current, [facts('洛阳市孟津区司法局', 2022)]).kind).toBe('found');
  });
});
