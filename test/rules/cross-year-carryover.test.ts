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

describe('cross-year-carryover', () => {
  it('fires per column where this year’s row 2 differs from last year’s row 4', () => {
    const fs = crossYearFindings(facts('示范市司法局', 2023, { t3: t3(0, 2) }), [facts('示范市司法局', 2022, { t3: t3(1, 2) })]);
    expect(fs.filter((f) => f.rule === 'cross-year-carryover')).toEqual([
      expect.objectContaining({ expected: 2, actual: 0, cells: [{ table: 't3', row: '2', column: 'natural' }] }),
      expect.objectContaining({ expected: 2, actual: 0, cells: [{ table: 't3', row: '2', column: 'total' }] }),
    ]);
  });
  it('is silent when consecutive years agree, or when there is no previous year', () => {
    const last = facts('示范市司法局', 2022, { t3: t3(1, 2), normative: [1, 0, 5] });
    expect(crossYearFindings(facts('示范市司法局', 2023, { t3: t3(2, 1), normative: [2, 1, 6] }), [last])).toEqual([]);
    expect(crossYearFindings(facts('示范市司法局', 2023, { t3: t3(2, 1) }), [facts('示范市司法局', 2021, { t3: t3(1, 2) })])).toEqual([]);
    expect(crossYearFindings(facts('示范市公安局', 2023, { t3: t3(0, 1) }), [last])).toEqual([]);
  });
  it('names the near match it relied on', () => {
    const fs = crossYearFindings(facts('孟津区司法局', 2023, { t3: t3(0, 1) }), [facts('洛阳市孟津区司法局', 2022, { t3: t3(1, 2) })]);
    expect(fs[0]!.message).toContain('近似匹配');
  });
});
