import { describe, expect, it } from 'vitest';
import { cleanT3 } from '../helpers/make-report';
import { findings, keys, ofRule } from '../helpers/rules';

describe('t3-row-total (identity 3)', () => {
  it('fires on a row whose total is not the sum of applicants', () => {
    const t3 = cleanT3();
    t3['3.3.4'] = [1, 1, 0, 0, 0, 0, 1];
    t3['3.7'] = [9, 3, 0, 0, 0, 0, 11];
    t3['1'] = [10, 3, 0, 0, 0, 0, 12];
    const fs = ofRule(findings({ t3 }), 't3-row-total');
    expect(fs.map((f) => f.cells?.[0]?.row)).toEqual(['1', '3.3.4', '3.7']);
    expect(keys(fs[1]!)).toHaveLength(7);
  });
  it('does not fire when every row’s applicants add up to its total', () => {
    expect(ofRule(findings(), 't3-row-total')).toEqual([]);
  });
});
