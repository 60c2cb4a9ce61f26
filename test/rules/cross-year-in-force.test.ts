import { describe, expect, it } from 'vitest';
import { auditText } from '../../lib/engine/audit';
import { crossYearFindings, factsOf, type YearFacts } from '../../lib/engine/cross-year';
import { cleanT3, makeReport, type ReportParts } from '../helpers/make-report';

function facts(agency: string, year: number, over: Partial<ReportParts> = {}, source = `${agency}-${year}`): YearFacts {
  const r = auditText(makeReport({ title: `${agency}${year}年政府信息公开工作年度报告`, ...over }));
  if (!r.detected) throw new Error('not detected');
  return factsOf(r.report, source);
}
/** Row 4 of year one; row 2 of year two. */
const t3 = (row2: number, row4: number) => {
  const t = cleanT3();
  t['2'] = [row2, 0, 0, 0, 0, 0, row2];
  t['4'] = [row4, 0, 0, 0, 0, 0, row4];
  return t;
};

describe('cross-year-in-force', () => {
  it('warns when last in_force + issued − repealed ≠ this in_force', () => {
    const fs = crossYearFindings(facts('示范市司法局', 2023, { t3: t3(2, 2), normative: [2, 1, 9] }), [
      facts('示范市司法局', 2022, { t3: t3(1, 2), normative: [1, 0, 5] }),
    ]);
    expect(fs).toEqual([expect.objectContaining({ rule: 'cross-year-in-force', severity: 'warning', expected: 6, actual: 9 })]);
  });
  it('is silent when it follows', () => {
    expect(
      crossYearFindings(facts('示范市司法局', 2023, { t3: t3(2, 2), normative: [2, 1, 6] }), [
        facts('示范市司法局', 2022, { t3: t3(1, 2), normative: [1, 0, 5] }),
      ]),
    ).toEqual([]);
  });
});
