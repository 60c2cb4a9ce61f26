import { describe, expect, it } from 'vitest';
import { cleanT3 } from '../helpers/make-report';
import { findings, keys, ofRule } from '../helpers/rules';

describe('s6-no-fee', () => {
  it('fires when s6 does not mention the processing fee, naming fee notices if any', () => {
    expect(ofRule(findings({ s6: '无其他需要报告的事项。' }), 's6-no-fee')).toHaveLength(1);
    const t3 = cleanT3();
    t3['3.6.2'] = [1, 0, 0, 0, 0, 0, 1];
    t3['3.1'] = [4, 1, 0, 0, 0, 0, 5];
    const fs = ofRule(findings({ t3, s6: '无。' }), 's6-no-fee');
    expect(keys(fs[0]!)).toEqual(['t3/3.6.2/total']);
    expect(ofRule(findings(), 's6-no-fee')).toEqual([]);
  });
});
