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
  it('fires when s6 speaks only of other money: a platform’s upkeep, 行政事业性收费', () => {
    for (const s6 of [
      '全年投入政务公开平台建设及运行维护费用35万元，保障了政务公开工作顺利开展。',
      '政务公开培训经费及相关费用由财政保障。',
      '本年度公开行政事业性收费项目12项。',
    ])
      expect(ofRule(findings({ s6 }), 's6-no-fee'), s6).toHaveLength(1);
  });
  it('does not fire when s6 says information was given free or nothing was charged, in any of the usual words', () => {
    for (const s6 of [
      '2023年，我局依申请提供政府信息均为免费提供。',
      '2023年，我局向申请人提供政府信息均为免费提供，未向任何申请人收取款项。',
      '本年度向申请人提供信息未收取任何费用。',
      '本年度未产生政府信息公开申请相关费用。',
      '本年度未收取信息处\n理费。',
    ])
      expect(ofRule(findings({ s6 }), 's6-no-fee'), s6).toEqual([]);
  });

  it('takes 行政事业性收费 collected for no report on the processing fee (round 24 hunt)', () => {
    expect(ofRule(findings({ s6: '本年度收取行政事业性收费12.5万元，全部缴入国库。' }), 's6-no-fee')).toHaveLength(1);
    expect(ofRule(findings({ s6: '本年度未收取信息处理费。' }), 's6-no-fee')).toEqual([]);
  });

  it('takes 「无偿提供」「未…计费」 for the fee reported, and a sentence about 行政事业性收费 alone for none (hunt 7)', () => {
    expect(ofRule(findings({ s6: '本年度依申请提供的政府信息均为无偿提供，未发生按件、按量计费的情形。' }), 's6-no-fee')).toEqual([]);
    expect(ofRule(findings({ s6: '本机关行政事业性收费项目均按规定公示，本年度收费金额12.5万元。' }), 's6-no-fee')).toHaveLength(1);
    expect(ofRule(findings({ s6: '本机关行政事业性收费项目均按规定公示。本年度未收费。' }), 's6-no-fee')).toEqual([]);
    expect(ofRule(findings({ s6: '本年度行政事业性收费12.5万元，未收取信息处理费。' }), 's6-no-fee')).toEqual([]);
  });
});
