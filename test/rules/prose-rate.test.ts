import { describe, expect, it } from 'vitest';
import { findings, ofRule } from '../helpers/rules';

describe('prose-rate', () => {
  it('6/35 is 17.1%, not 18%', () => {
    const fs = ofRule(findings({ s1: '2022年上报政务信息35条，采用信息6条，采用率18%。' }), 'prose-rate');
    expect(fs).toEqual([expect.objectContaining({ expected: '17.1%', actual: '18%', severity: 'warning' })]);
  });
  it('a growth rate is not a share', () => {
    expect(ofRule(findings({ s1: '2023年发布信息120条，2022年发布100条，同比增长率20%。' }), 'prose-rate')).toEqual([]);
  });
  it('a rate in the sentence after its numbers, in the same paragraph, is checked', () => {
    const fs = ofRule(findings({ s1: '全年上报政务信息35条，采用6条。采用率为18%。' }), 'prose-rate');
    expect(fs).toEqual([expect.objectContaining({ expected: '17.1%', actual: '18%' })]);
    expect(ofRule(findings({ s1: '全年上报政务信息35条，采用6条。采用率为17.1%。' }), 'prose-rate')).toEqual([]);
  });
  it('a rate is not checked against the paragraph before it', () => {
    expect(ofRule(findings({ s1: '全年上报政务信息35条，采用6条。\n采用率为18%。' }), 'prose-rate')).toEqual([]);
  });
  it('counts pieces of information in 条 and 篇 alike, and nothing else across units', () => {
    expect(ofRule(findings({ s1: '全年报送政务信息35条，被采用6篇，采用率18%。' }), 'prose-rate')).toEqual([
      expect.objectContaining({ expected: '17.1%', actual: '18%' }),
    ]);
    expect(ofRule(findings({ s1: '全年报送政务信息35条，被采用6篇，采用率17.1%。' }), 'prose-rate')).toEqual([]);
    expect(ofRule(findings({ s1: '全年办理申请35件，采用建议6条，采用率18%。' }), 'prose-rate')).toEqual([]);
  });
  it('a rate right at its precision passes', () => {
    expect(ofRule(findings({ s1: '上报政务信息35条，采用信息6条，采用率17%。办结率17.1%。' }), 'prose-rate')).toEqual([]);
  });
});
