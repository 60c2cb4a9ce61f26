import { describe, expect, it } from 'vitest';
import { cleanT3 } from '../helpers/make-report';
import { findings, withEvidence, keys, ofRule } from '../helpers/rules';

describe('t3-balance (identity 1)', () => {
  it('fires per column where 1 + 2 ≠ 3.7 + 4, naming the four cells', () => {
    const t3 = cleanT3();
    t3['4'] = [3, 0, 0, 0, 0, 0, 3]; // carried forward one too many
    const fs = ofRule(withEvidence(findings({ t3 })), 't3-balance');
    expect(fs.map((f) => f.cells?.[0]?.column)).toEqual(['natural', 'total']);
    expect(keys(fs[0]!)).toEqual(['t3/1/natural', 't3/2/natural', 't3/3.7/natural', 't3/4/natural']);
    expect(fs[0]).toMatchObject({ severity: 'error', expected: 11, actual: 12 });
  });
  it('does not fire when the columns balance', () => {
    expect(ofRule(withEvidence(findings()), 't3-balance')).toEqual([]);
  });
});
