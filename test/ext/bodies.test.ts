import { describe, expect, it } from 'vitest';
import { bodiesGrid, crossYearItems } from '@/lib/app/bodies';
import { withFindingIds } from '@/lib/engine/finding-id';
import type { ReportRecord } from '@/lib/app/schema';
import { sumBroken } from '../helpers/audits';
import { storedRecord } from '../helpers/records';

const base = storedRecord();
let n = 0;
const rec = (agency: string, year: number | null, findings: ReportRecord['findings'] = []): ReportRecord => {
  const id = `https://a.gov.cn/${++n}.html`;
  return { ...base, id, url: id, agency, year, findings };
};
const carry = withFindingIds([{ rule: 'cross-year-carryover', severity: 'error', message: '上年结转 0 件，但 2022 年度报告结转下年度 2 件' }]);

describe('bodiesGrid', () => {
  it('puts one body’s years in one row, names spaced differently included', () => {
    const rows = bodiesGrid([rec('示范市 交通运输局', 2023), rec('示范市交通运输局', 2022), rec('示范市司法局', 2023), rec('示范市司法局', 2022)]);
    expect(rows.years).toEqual([2022, 2023]);
    expect(rows.bodies.map((b) => [b.names, [...b.byYear.keys()].sort()])).toEqual([
      [
        ['示范市交通运输局', '示范市 交通运输局'],
        [2022, 2023],
      ],
      [['示范市司法局'], [2022, 2023]],
    ]);
  });

  it('joins a name with a place prefix when that is the only match, as the cross-year checks do', () => {
    const one = bodiesGrid([rec('孟津区司法局', 2022), rec('洛阳市孟津区司法局', 2023)]);
    expect(one.bodies).toHaveLength(1);
    expect(one.bodies[0]!.names).toEqual(['洛阳市孟津区司法局', '孟津区司法局']);
    // Two bodies the short name could be: no guess.
    const unsure = bodiesGrid([rec('孟津区司法局', 2022), rec('洛阳市孟津区司法局', 2023), rec('某某市孟津区司法局', 2023)]);
    expect(unsure.bodies).toHaveLength(3);
  });

  it('keeps reports without an agency apart, two reports of one year together, unknown years last', () => {
    const same = [rec('示范市教育局', 2023), rec('示范市教育局', 2023)];
    const grid = bodiesGrid([rec('', 2023), rec('', 2023), ...same, rec('示范市教育局', null)]);
    expect(grid.bodies).toHaveLength(3);
    expect(grid.bodies.find((b) => b.names[0] === '示范市教育局')!.byYear.get(2023)).toEqual(same);
    expect(grid.years).toEqual([2023, null]);
  });
});

describe('crossYearItems', () => {
  it('lists only cross-year findings, by body (pinyin order) and year', () => {
    const a = rec('示范市司法局', 2023, [...carry, ...withFindingIds([sumBroken])]);
    const b = rec('示范市住房和城乡建设局', 2023, withFindingIds([{ rule: 'cross-year-in-force', severity: 'warning', message: 'x' }]));
    const items = crossYearItems([a, rec('示范市司法局', 2022), b]);
    expect(items.map((i) => [i.record.agency, i.finding.rule])).toEqual([
      ['示范市司法局', 'cross-year-carryover'],
      ['示范市住房和城乡建设局', 'cross-year-in-force'],
    ]);
  });
});
