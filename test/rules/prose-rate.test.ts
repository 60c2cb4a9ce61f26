import { describe, expect, it } from 'vitest';
import { findings, ofRule } from '../helpers/rules';

describe('prose-rate', () => {
  it('6/35 is 17.1%, not 18%', () => {
    const fs = ofRule(findings({ s1: '2022年上报政务信息35条，采用信息6条，采用率18%。' }), 'prose-rate');
    expect(fs).toEqual([expect.objectContaining({ expected: '17.1%', actual: '18%', severity: 'warning' })]);
  });
  it("a growth rate is not a share (nor checked without last year's figure)", () => {
    expect(ofRule(findings({ s1: '2023年发布信息120条，2022年发布100条，同比增长率20%。' }), 'prose-rate')).toEqual([]);
  });
  it('a rate in the sentence after its numbers, in the same paragraph, is checked', () => {
    const fs = ofRule(findings({ s1: '全年上报政务信息35条，采用6条。采用率为18%。' }), 'prose-rate');
    expect(fs).toEqual([expect.objectContaining({ expected: '17.1%', actual: '18%' })]);
    expect(ofRule(findings({ s1: '全年上报政务信息35条，采用6条。采用率为17.1%。' }), 'prose-rate')).toEqual([]);
  });
  it('reads a percentage written in words (「百分之五十八点五」) as one in digits (hunt 9)', () => {
    const s1 = (p: string) => `新收申请53件，其中网上申请31件，占比百分之${p}。`;
    expect(ofRule(findings({ s1: s1('五十八点五') }), 'prose-rate')).toEqual([]);
    expect(ofRule(findings({ s1: s1('六十八点五') }), 'prose-rate')).toEqual([expect.objectContaining({ expected: '58.5%', actual: '68.5%' })]);
  });
  it('a share that names its part in words is not of the last count of the sentence before, unless that count is the part named (hunt 9)', () => {
    expect(ofRule(findings({ s1: '全年办结54件，结转下年度3件。自然人申请占比75.5%，较上年提高3.2个百分点。' }), 'prose-rate')).toEqual([]);
    expect(ofRule(findings({ s1: '全年收到申请53件，其中网上申请31件。网上申请占比68.5%。' }), 'prose-rate')).toEqual([
      expect.objectContaining({ expected: '58.5%', actual: '68.5%' }),
    ]);
  });
  it('a part with a share of its own is the whole of the 其中 after it (hunt 9)', () => {
    const s1 = (p: string) => `办结54件，其中予以公开22件，占40.7%，其中自然人申请的15件，占${p}。`;
    expect(ofRule(findings({ s1: s1('68.2%') }), 'prose-rate')).toEqual([]);
    expect(ofRule(findings({ s1: s1('58.2%') }), 'prose-rate')).toEqual([expect.objectContaining({ expected: '68.2%', actual: '58.2%' })]);
  });
  it('a deed’s rate with a verb after 率 (「办结率达」) is still the deed’s: not of a count that names another (hunt 9)', () => {
    expect(ofRule(findings({ s1: '12345热线转办工单1.3万件，办结率达99.6%。' }), 'prose-rate')).toEqual([]);
    expect(ofRule(findings({ s1: '全年上报政务信息35条，采用6条，采用率达18%。' }), 'prose-rate')).toEqual([
      expect.objectContaining({ expected: '17.1%', actual: '18%' }),
    ]);
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
  it('a whole restated after 占 is the whole, and the part the number before it', () => {
    const fs = ofRule(findings({ s1: '全年报送政务信息35条，其中被采用6条，占报送总数35条的18%。' }), 'prose-rate');
    expect(fs).toEqual([expect.objectContaining({ expected: '17.1%', actual: '18%', message: expect.stringContaining('6/35') })]);
    expect(ofRule(findings({ s1: '全年报送政务信息35条，其中被采用6条，占报送总数35条的17.1%。' }), 'prose-rate')).toEqual([]);
  });
  it('rates given 分别 pair with the parts listed before them, in order', () => {
    const s1 = (a: string) => `共收到申请52件，其中网上申请30件、信函申请22件，分别占${a}和42.3%。`;
    expect(ofRule(findings({ s1: s1('57.7%') }), 'prose-rate')).toEqual([]);
    expect(ofRule(findings({ s1: s1('50%') }), 'prose-rate')).toEqual([expect.objectContaining({ expected: '57.7%', actual: '50%' })]);
  });
  it('a rate after the 分别 run is a statement of its own, not one of the rates paired', () => {
    expect(
      ofRule(
        findings({
          s1: '2023年市政府系统共承办市人大代表建议386件、市政协提案452件，其中主办建议268件、主办提案305件，分别占69.4%和67.5%，均已按期办结，公开复文812件，公开率97%。',
        }),
        'prose-rate',
      ),
    ).toEqual([]);
    const s1 = (a: string, b: string) => `共收到申请52件，其中网上申请30件、信函申请22件，分别占${a}、42.3%，公开率${b}。`;
    expect(ofRule(findings({ s1: s1('57.7%', '76.9%') }), 'prose-rate')).toEqual([]);
    expect(ofRule(findings({ s1: s1('50%', '76.9%') }), 'prose-rate')).toEqual([expect.objectContaining({ expected: '57.7%', actual: '50%' })]);
    expect(
      ofRule(findings({ s1: '共收到申请52件，其中网上申请30件、信函申请22件，分别占57.7%和42.3%，已全部办结，公开答复40件，公开率80%。' }), 'prose-rate'),
    ).toEqual([expect.objectContaining({ expected: '76.9%', actual: '80%' })]);
  });
  it('parts summed before the rate, of a whole stated after it, fit; where two wholes could be meant, nothing is said', () => {
    expect(ofRule(findings({ s1: '予以公开30件，部分公开10件，公开率（含部分公开）76.9%，共收到申请52件。' }), 'prose-rate')).toEqual([]);
    expect(ofRule(findings({ s1: '予以公开30件，部分公开10件，公开率（含部分公开）80%，共收到申请52件。' }), 'prose-rate')).toEqual([]);
  });
  it('a rate right at its precision passes', () => {
    expect(ofRule(findings({ s1: '上报政务信息35条，采用信息6条，采用率17%。办结率17.1%。' }), 'prose-rate')).toEqual([]);
  });

  it('takes no sibling part with its own share for the whole, and no rate above 100% for a share (round 24 hunt)', () => {
    expect(ofRule(findings({ s1: '其中自然人申请40件，占75.5%，法人或其他组织申请13件，占24.5%。' }), 'prose-rate')).toEqual([]);
    expect(ofRule(findings({ s1: '总投资386.5亿元，年度计划投资86.2亿元，实际完成投资91.3亿元，完成率105.9%。' }), 'prose-rate')).toEqual([]);
    expect(ofRule(findings({ s1: '共收到申请53件，其中自然人申请40件，占75.5%，法人或其他组织申请13件，占30%。' }), 'prose-rate')).toEqual([
      expect.objectContaining({ expected: '24.5%', actual: '30%' }),
    ]);
  });

  it('leaves one rate for each of several (各占, 均为) and a share with no numbers of its own alone (round 24 hunt)', () => {
    for (const s1 of [
      '办结申请54件。部分公开7件、不予公开7件，各占13.0%。',
      '全年公示行政许可决定1234件、行政处罚决定56件，公示率、及时率均为100%。',
      '将其中31件由依申请公开调整为主动公开，调整率13.7%。将政务公开纳入绩效考核，分值占比为4%。',
    ])
      expect(ofRule(findings({ s1 }), 'prose-rate'), s1).toEqual([]);
  });

  it('pairs a deed stated after a number that opens its clause with its rate, not one of a list (hunt 7)', () => {
    expect(ofRule(findings({ s1: '办结的11件申请中，10件在法定期限内答复，按期答复率95%。' }), 'prose-rate')).toEqual([
      expect.objectContaining({ expected: '90.9%', actual: '95%' }),
    ]);
    expect(ofRule(findings({ s1: '办结的11件申请中，11件在法定期限内答复，按期答复率100%。' }), 'prose-rate')).toEqual([]);
    expect(ofRule(findings({ s1: '全县23个部门、12个乡镇全部完成标准目录编制，完成率100%。' }), 'prose-rate')).toEqual([]);
  });
  it('checks the shares of reviews upheld or corrected and of opinions adopted (hunt 7)', () => {
    expect(ofRule(findings({ s1: '被申请行政复议4件，其中维持2件，维持率75%。' }), 'prose-rate')).toEqual([
      expect.objectContaining({ expected: '50.0%', actual: '75%' }),
    ]);
    for (const s1 of [
      '被申请行政复议4件，其中维持2件，维持率50%。',
      '被申请行政复议4件，被复议机关纠错1件，复议纠错率25%。',
      '收到意见建议236条，采纳58条，采纳率24.6%。',
    ])
      expect(ofRule(findings({ s1 }), 'prose-rate'), s1).toEqual([]);
    expect(ofRule(findings({ s1: '收到意见建议236条，采纳58条，采纳率30%。' }), 'prose-rate')).toEqual([
      expect.objectContaining({ expected: '24.6%', actual: '30%' }),
    ]);
  });

  it('takes a rate of the deed done in time (按时办结率) as a share of the deed’s count, unless a count is said to be in time (round 8 hunt)', () => {
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-rate');
    expect(said('全年需办理申请57件，已办结54件，按时办结率100%。')).toEqual([]);
    expect(said('全年需办理申请57件，已办结54件，办结率100%。')).toEqual([expect.objectContaining({ expected: '94.7%', actual: '100%' })]);
    expect(said('办结的54件申请中，53件在法定期限内答复，按期答复率96.3%。')).toEqual([expect.objectContaining({ expected: '98.1%' })]);
  });
  it('reads a whole named in words (「占全部申请的」) from the sentence before, only where that sentence counts it once, of the year (hunt 11)', () => {
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-rate');
    expect(said('全年共收到申请53件。自然人申请40件，占全部申请的80%。')).toEqual([expect.objectContaining({ expected: '75.5%', actual: '80%' })]);
    expect(said('全年共收到申请53件。自然人申请40件，占全部申请的75.5%。')).toEqual([]);
    expect(said('全年办结54件，结转下年度3件。予以公开22件，占办结总数的41.7%。')).toEqual([expect.objectContaining({ expected: '40.7%' })]);
    for (const s1 of [
      // two counts of applications: 53 or 57?
      '全年收到申请53件，上年结转申请4件。自然人申请40件，占全部申请的80%。',
      // another year's count
      '2022年共收到申请48件。自然人申请40件，占全部申请的80%。',
      // another paragraph
      '全年共收到申请53件。\n自然人申请40件，占全部申请的80%。',
      // a whole not named: 占比 alone
      '全年共收到申请53件。自然人申请40件，占比80%。',
    ])
      expect(said(s1), s1).toEqual([]);
  });
  it('reads the third rate of a 分别 list as a share too (hunt 11)', () => {
    const s1 = (c: string) => `全年新收申请53件，其中网上申请30件、信函申请15件、当面申请8件，分别占56.6%、28.3%、${c}。`;
    expect(ofRule(findings({ s1: s1('15.1%') }), 'prose-rate')).toEqual([]);
    expect(ofRule(findings({ s1: s1('17.0%') }), 'prose-rate')).toEqual([expect.objectContaining({ expected: '15.1%', actual: '17%' })]);
  });
  it('takes a whole named in words for a count of that thing, not the part before (hunt 11)', () => {
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-rate');
    expect(said('全年办结54件。予以公开22件，部分公开7件，合计占办结总数的53.7%。')).toEqual([]);
    // 22 or 54: which whole a rate that fits neither is of is not guessed
    expect(said('全年办结54件。予以公开22件，部分公开7件，合计占办结总数的60%。')).toEqual([]);
    expect(said('全年共受理申请57件。本年新收53件，其中自然人40件，占全部申请的75.5%。')).toEqual([]);
    // the part named in the clause before 占 is not the last count of the sentence before
    expect(said('全年办结54件，结转下年度3件。第四季度收到申请最多，占全年的32.1%。')).toEqual([]);
  });
  it('reads 即办率 and 网办率 as shares of the count before 其中 (hunt 12)', () => {
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-rate').map((f) => f.expected);
    expect(said('作出行政许可决定1234件，其中即办件617件，即办率60%。')).toEqual(['50.0%']);
    expect(said('受理政务服务事项办件2000件，其中全程网办1836件，全程网办率90%。')).toEqual(['91.8%']);
    for (const ok of ['作出行政许可决定1234件，其中即办件617件，即办率50%。', '受理政务服务事项办件2000件，其中全程网办1836件，全程网办率91.8%。'])
      expect(said(ok), ok).toEqual([]);
  });
  it("checks a growth rate where last year's figure follows 较 and this year's comes before it (hunt 12)", () => {
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-rate').map((f) => f.expected);
    expect(said('全年主动公开政府信息2468条，较2022年的2103条增加365条，同比增长16.4%。')).toEqual(['17.4%']);
    expect(said('全年收到申请53件，比上年（41件）增长31.7%。')).toEqual(['29.3%']);
    for (const ok of [
      '全年主动公开政府信息2468条，较2022年的2103条增加365条，同比增长17.4%。',
      '全年收到申请53件，比上年（41件）增长29.3%。',
      '不予公开7件，较上年的9件下降22.2%。',
      // Without last year's figure there is nothing to check.
      '全年收到申请53件，较上年增加12件，同比增长31.7%。',
      '全年新收申请53件、办结54件，分别较上年增长10.4%、12.5%。',
    ])
      expect(said(ok), ok).toEqual([]);
  });
  it('reads an 办结率 whose whole is the new and the carried-over applications stated apart before it in its paragraph (hunt 13)', () => {
    const rate = (s1: string) => ofRule(findings({ s1 }), 'prose-rate').map((f) => f.expected);
    const stated = (r: string) => `共收到政府信息公开申请53件，上年结转4件；全年办结54件，结转下年度继续办理3件。办结率${r}。`;
    expect(rate(stated('94.7%'))).toEqual([]);
    expect(rate(stated('96.5%'))).toEqual(['94.7%']);
    expect(rate('全年新收政府信息公开申请53件，上年结转4件；共办结54件，办结率为98.2%，结转3件。')).toEqual(['94.7%']);
    // In time, or of another kind: another whole.
    expect(rate('共收到政府信息公开申请53件，上年结转4件；全年办结54件，按时办结率96.5%。')).toEqual([]);
    expect(rate('共收到建议53件，上年结转4件；全年办结54件，办结率96.5%。')).toEqual([]);
    // A whole stated as one number is the rate's (「应办结57件」), read as any rate's: once.
    expect(rate('共收到政府信息公开申请53件，上年结转4件；全年应办理57件，办结54件，办结率96.5%。')).toEqual(['94.7%']);
  });
  it('a whole named 「新收申请」 in words (「占新收申请的45.2%」) is the new applications stated before it (prose round 21)', () => {
    const rate = (s1: string) => ofRule(findings({ s1 }), 'prose-rate').map((f) => f.expected);
    expect(rate('本年度新收政府信息公开申请53件。予以公开22件（占新收申请的45.2%），部分公开7件。')).toEqual(['41.5%']);
    expect(rate('本年度新收政府信息公开申请53件。予以公开22件（占新收申请的41.5%），部分公开7件。')).toEqual([]);
    // Controls: no such count before, or another thing received (建议): not judged.
    expect(rate('予以公开22件（占新收申请的45.2%），部分公开7件。')).toEqual([]);
    expect(rate('本年度新收建议53件。予以采纳22件（占新收建议的45.2%）。')).toEqual([]);
  });
  it('an 办结率 named after another business (「供水报装业务办结率」「乘客投诉办结率」) is not the applications’ (prose round 21)', () => {
    const rate = (s1: string) => ofRule(findings({ s1 }), 'prose-rate').map((f) => f.expected);
    const stated = `共收到政府信息公开申请53件，上年结转4件；全年办结54件，结转下年度继续办理3件。`;
    expect(rate(stated + '全年供水报装业务办结率100%，用户满意率98.6%。')).toEqual([]);
    expect(rate(stated + '乘客投诉办结率100%。')).toEqual([]);
    // A count of something else before the rate in its sentence: the rate is of that.
    expect(rate(stated + '政务服务中心全年办理各类审批服务事项2.6万件，办结率99.8%。')).toEqual([]);
    expect(rate(stated + '接待群众咨询320人次，办结率100%。')).toEqual([]);
    // Controls: the applications' own, named or not.
    expect(rate(stated + '依申请公开办结率100%。')).toEqual(['94.7%']);
    expect(rate(stated + '全年办结率100%。')).toEqual(['94.7%']);
    expect(rate(stated + '政府信息公开申请的办结率为100%。')).toEqual(['94.7%']);
  });

  it('reads a rate in brackets after its words in 成 (「办结率超过八成（84.6%）」) as the rate (hunt 16)', () => {
    // Clean t3: 12 new, 1 carried over, 11 closed: 11/13 = 84.6%.
    const said = (rate: string) =>
      ofRule(findings({ s1: `（二）依申请公开\n共收到政府信息公开申请12件，上年结转1件；办结11件。办结率超过八成（${rate}）。` }), 'prose-rate').map(
        (f) => f.expected,
      );
    expect(said('84.6%')).toEqual([]);
    expect(said('90.0%')).toEqual(['84.6%']);
  });
  it('a rate given as a bound (「超过15%」「不足20%」「近18%」「15%以上」) is not judged as the rate itself; 「约18%」 still is (hunt 19)', () => {
    const said = (rate: string) => ofRule(findings({ s1: `全年上报政务信息35条，采用6条，采用率${rate}。` }), 'prose-rate').map((f) => f.actual);
    for (const bound of ['超过15%', '逾15%', '不足20%', '近18%', '接近18%', '15%以上', '达15%以上']) expect(said(bound)).toEqual([]);
    expect(said('约18%')).toEqual(['18%']);
    expect(said('18%')).toEqual(['18%']);
  });
  it("a growth rate with last year's figure in brackets after it (「53件，同比增长10.4%（上年为48件）」) is checked; not when another count stands between (hunt 19)", () => {
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-rate').map((f) => [f.expected, f.actual]);
    expect(said('全年收到申请53件，同比增长12.5%（上年为48件）。')).toEqual([['10.4%', '12.5%']]);
    expect(said('全年收到申请53件，同比增长10.4%（2022年48件）。')).toEqual([]);
    expect(said('全年收到申请53件，办结54件，同比增长12.5%（上年为48件）。')).toEqual([]);
  });
});
