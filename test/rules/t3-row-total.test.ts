import { describe, expect, it } from 'vitest';
import { cleanT3 } from '../helpers/make-report';
import { findings, withEvidence, keys, ofRule } from '../helpers/rules';

describe('t3-row-total (identity 3)', () => {
  it('fires on a row whose total is not the sum of applicants', () => {
    const t3 = cleanT3();
    t3['3.3.4'] = [1, 1, 0, 0, 0, 0, 1];
    t3['3.7'] = [9, 3, 0, 0, 0, 0, 11];
    t3['1'] = [10, 3, 0, 0, 0, 0, 12];
    const fs = ofRule(withEvidence(findings({ t3 })), 't3-row-total');
    expect(fs.map((f) => f.cells?.[0]?.row)).toEqual(['1', '3.3.4', '3.7']);
    expect(keys(fs[1]!)).toHaveLength(7);
  });
  it('does not fire when every row’s applicants add up to its total', () => {
    expect(ofRule(withEvidence(findings()), 't3-row-total')).toEqual([]);
  });
  it('is reported on its own when too many cells are wrong to name them', () => {
    const t3 = cleanT3();
    // Four cells off by one, each in its own row and column: no set of three cells explains them.
    t3['3.1'] = [6, 1, 0, 0, 0, 0, 6];
    t3['3.2'] = [1, 1, 0, 0, 0, 0, 1];
    t3['3.3.4'] = [1, 0, 1, 0, 0, 0, 1];
    t3['3.4.1'] = [2, 1, 0, 1, 0, 0, 3];
    const fs = findings({ t3 });
    expect(ofRule(fs, 'cell-wrong')).toEqual([]);
    expect(
      ofRule(fs, 't3-row-total')
        .map((f) => [f.cells?.[0]?.row, f.expected, f.actual])
        .sort(),
    ).toEqual([
      ['3.1', 7, 6],
      ['3.2', 2, 1],
      ['3.3.4', 2, 1],
      ['3.4.1', 4, 3],
    ]);
  });
});
