import { describe, expect, it } from 'vitest';
import { cleanT3 } from '../helpers/make-report';
import { findings, withEvidence, ofRule } from '../helpers/rules';

describe('t3-results-sum (identity 2)', () => {
  it('fires when (七)总计 differs from the sum of result rows', () => {
    const t3 = cleanT3();
    t3['3.7'] = [9, 2, 0, 0, 0, 0, 12];
    t3['1'] = [10, 2, 0, 0, 0, 0, 13]; // keep identity 1 and the row total true for the total column
    const fs = ofRule(withEvidence(findings({ t3 })), 't3-results-sum');
    expect(fs).toHaveLength(1);
    expect(fs[0]!.cells).toContainEqual({ table: 't3', row: '3.6.3', column: 'total' });
    expect(fs[0]!.cells).toContainEqual({ table: 't3', row: '3.7', column: 'total' });
    expect(fs[0]).toMatchObject({ expected: 11, actual: 12 });
  });
  it('uses the single (六)其他处理 row in the 2019 layout', () => {
    const t3 = cleanT3();
    t3['3.6'] = [0, 0, 0, 0, 0, 0, 1];
    const fs = ofRule(withEvidence(findings({ t3, layout2019: true, title: '示范市测试局2020年政府信息公开工作年度报告' })), 't3-results-sum');
    expect(fs.map((f) => f.cells?.at(-1)?.column)).toEqual(['total']);
    expect(fs[0]!.cells).toContainEqual({ table: 't3', row: '3.6', column: 'total' });
  });
  it('does not fire when every column’s results add up to (七)总计, in either layout', () => {
    expect(ofRule(withEvidence(findings()), 't3-results-sum')).toEqual([]);
    expect(ofRule(withEvidence(findings({ layout2019: true, title: '示范市测试局2020年政府信息公开工作年度报告' })), 't3-results-sum')).toEqual([]);
  });
});
