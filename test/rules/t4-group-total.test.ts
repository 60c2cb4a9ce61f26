import { describe, expect, it } from 'vitest';
import { cleanT4 } from '../helpers/make-report';
import { findings, withEvidence, keys, ofRule } from '../helpers/rules';

describe('t4-group-total (identity 4)', () => {
  it('fires for the group whose total is wrong', () => {
    const t4 = cleanT4();
    t4[9] = 2; // suit.total
    const fs = ofRule(withEvidence(findings({ t4, s1: '2023年，我局共收到政府信息公开申请12件，上年结转1件。' })), 't4-group-total');
    expect(fs).toHaveLength(1);
    expect(keys(fs[0]!)).toEqual(['t4/1/suit.upheld', 't4/1/suit.corrected', 't4/1/suit.other', 't4/1/suit.pending', 't4/1/suit.total']);
  });
  it('does not fire on consistent groups', () => {
    expect(ofRule(withEvidence(findings()), 't4-group-total')).toEqual([]);
  });
});
