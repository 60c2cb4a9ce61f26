import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { auditedHtml, findings, ofRule } from '../helpers/rules';

describe('prose-parts-whole', () => {
  it('parts that do not add up, across 。其中', () => {
    const fs = ofRule(findings({ s1: '我局通过门户网站发布信息178条。其中概况类1条，动态类144条，目录类30条。' }), 'prose-parts-whole');
    expect(fs).toEqual([expect.objectContaining({ expected: 178, actual: 175 })]);
  });
  it('counts by publishing channel may add up to more than the whole: one item goes out on several', () => {
    const by = (a: number) => `全年主动公开政府信息120条，其中通过门户网站公开${a}条，通过政务新媒体公开80条。`;
    expect(ofRule(findings({ s1: by(100) }), 'prose-parts-whole')).toEqual([]);
    expect(ofRule(findings({ s1: '发布信息120条，其中门户网站80条，微信公众号40条，微博20条。' }), 'prose-parts-whole')).toEqual([]);
    // Less than the whole, in a list that claims to be whole, is still said; and kinds of information never overlap.
    expect(ofRule(findings({ s1: '发布信息120条，分别为门户网站80条、微信公众号30条。' }), 'prose-parts-whole')).toHaveLength(1);
    expect(ofRule(findings({ s1: '发布信息120条，其中政策文件100条，工作动态80条。' }), 'prose-parts-whole')).toEqual([
      expect.objectContaining({ expected: 120, actual: 180 }),
    ]);
  });
  it('a whole restated in a share after the parts (「占报送总数35条的17.1%」) is not one of them', () => {
    expect(ofRule(findings({ s1: '全年报送政务信息35条，其中被采用6条，占报送总数35条的17.1%。' }), 'prose-parts-whole')).toEqual([]);
  });
  it('a list moves on to another topic: results after applicants, 另有 after the parts', () => {
    const apps = (legal: number, then: string) => `全年共收到政府信息公开申请53件，其中自然人申请40件、法人或其他组织申请${legal}件，${then}。`;
    const results = '全年予以公开22件、部分公开7件、不予公开7件、无法提供10件、不予处理5件、其他处理3件';
    for (const then of [results, '予以公开22件，部分公开7件', '另有上年结转申请4件'])
      expect(ofRule(findings({ s1: apps(13, then) }), 'prose-parts-whole')).toEqual([]);
    expect(ofRule(findings({ s1: apps(12, results) }), 'prose-parts-whole')).toEqual([expect.objectContaining({ expected: 53, actual: 52 })]);
    // A list of channels (no cell of table 3) that falls short before 另有: this rule's to say.
    expect(ofRule(findings({ s1: '全年共收到政府信息公开申请53件，其中网上申请40件、信函申请12件，另有上年结转申请4件。' }), 'prose-parts-whole')).toEqual([
      expect.objectContaining({ expected: 53, actual: 52 }),
    ]);
    // Only a run of two parts or more, with two or more after it, ends the list early: 2 + 1 is too easily 3.
    expect(ofRule(findings({ s1: '被提起行政诉讼3件，其中2件判决维持，1件以其他方式结案，1件尚在审理中。' }), 'prose-parts-whole')).toEqual([
      expect.objectContaining({ expected: 3, actual: 4 }),
    ]);
  });
  it('a nested 其中 breaks down one part, not the whole', () => {
    const s1 = (nested: string, last = 66) =>
      `全年通过局门户网站发布信息326条，其中概况类信息12条，政务动态信息248条，其中${nested}，信息公开目录信息${last}条。`;
    for (const nested of ['图片新闻40条', '图片新闻40条、视频新闻20条', '图片新闻40条，视频新闻20条'])
      expect(ofRule(findings({ s1: s1(nested) }), 'prose-parts-whole')).toEqual([]);
    expect(ofRule(findings({ s1: s1('图片新闻40条', 60) }), 'prose-parts-whole')).toEqual([expect.objectContaining({ expected: 326, actual: 320 })]);
  });
  it('a figure in brackets is never the whole', () => {
    const received = (legal: number) => `全年共受理政府信息公开申请57件（含上年结转4件），同比下降5%。其中自然人申请43件，法人或其他组织申请${legal}件。`;
    expect(ofRule(findings({ s1: received(14) }), 'prose-parts-whole')).toEqual([]);
    expect(ofRule(findings({ s1: received(12) }), 'prose-parts-whole')).toEqual([expect.objectContaining({ expected: 57, actual: 55 })]);
    const suits = (upheld: number) => `被提起行政诉讼3件（含复议后起诉1件），其中${upheld}件判决维持，1件以其他方式结案，1件尚在审理中，未发生败诉情况。`;
    expect(ofRule(findings({ s1: suits(1) }), 'prose-parts-whole')).toEqual([]);
    expect(ofRule(findings({ s1: suits(2) }), 'prose-parts-whole')).toEqual([expect.objectContaining({ expected: 3, actual: 4 })]);
  });
  it('with two wholes side by side, each part goes to the whole it names, or nothing is said', () => {
    expect(
      ofRule(
        findings({
          s1: '2023年市政府系统共承办市人大代表建议386件、市政协提案452件，其中主办建议268件、主办提案305件，分别占69.4%和67.5%，均已按期办结，公开复文812件，公开率97%。',
        }),
        'prose-parts-whole',
      ),
    ).toEqual([]);
    const both = (assisted: number) => `共承办人大代表建议86件、政协提案52件，其中主办建议50件、协办建议${assisted}件，主办提案30件、协办提案22件。`;
    expect(ofRule(findings({ s1: both(36) }), 'prose-parts-whole')).toEqual([]);
    expect(ofRule(findings({ s1: both(40) }), 'prose-parts-whole')).toEqual([expect.objectContaining({ expected: 86, actual: 90 })]);
    // One part more than the whole it names is said too.
    const suits = (n: number) => `全县因政府信息公开被申请行政复议15件、被提起行政诉讼11件，其中以县政府为被申请人或被告的复议4件、诉讼${n}件。`;
    expect(ofRule(findings({ s1: suits(3) }), 'prose-parts-whole')).toEqual([]);
    expect(ofRule(findings({ s1: suits(13) }), 'prose-parts-whole')).toEqual([expect.objectContaining({ expected: 11, actual: 13 })]);
  });
  it('「各N件」 is N for each item listed; silent when the items cannot be counted', () => {
    expect(
      ofRule(
        findings({
          s1: '不予公开7件，其中因保护第三方合法权益不予公开3件，属于三类内部事务信息、四类过程性信息、行政查询事项和其他法律行政法规禁止公开的各1件；不予处理5件，其中重复申请3件，信访举报投诉类申请和要求行政机关确认或重新出具已获取信息各1件。',
        }),
        'prose-parts-whole',
      ),
    ).toEqual([]);
    const each = (n: number) => `不予公开6件，其中涉及第三方合法权益3件，内部事务信息、过程性信息、行政查询事项各${n}件。`;
    expect(ofRule(findings({ s1: each(1) }), 'prose-parts-whole')).toEqual([]);
    expect(ofRule(findings({ s1: each(2) }), 'prose-parts-whole')).toEqual([
      expect.objectContaining({ expected: 6, actual: 9, message: expect.stringContaining('3 + 3×2') }),
    ]);
  });
  it('a part in another unit of pieces is still a part', () => {
    const s1 = (text: number, video: string) => `全年发布政策解读40篇，其中文字解读${text}篇、图文解读12篇、视频解读${video}。`;
    for (const video of ['4个', '4部']) expect(ofRule(findings({ s1: s1(24, video) }), 'prose-parts-whole')).toEqual([]);
    expect(ofRule(findings({ s1: s1(30, '4个') }), 'prose-parts-whole')).toEqual([expect.objectContaining({ expected: 40, actual: 42 })]);
    expect(ofRule(findings({ s1: '发布文字解读24篇、图文解读12篇、视频解读4个，共计40篇。' }), 'prose-parts-whole')).toEqual([]);
  });
  it('a whole after its parts (「共计」「合计」「总计」) is their sum', () => {
    const s1 = (last: number) => `全年发布概况类信息12条、政务动态信息248条、信息公开目录信息${last}条，共计326条。`;
    expect(ofRule(findings({ s1: s1(66) }), 'prose-parts-whole')).toEqual([]);
    expect(ofRule(findings({ s1: s1(60) }), 'prose-parts-whole')).toEqual([expect.objectContaining({ expected: 326, actual: 320 })]);
    expect(ofRule(findings({ s1: '全年新收申请53件，上年结转5件，总计57件。' }), 'prose-parts-whole')).toEqual([
      expect.objectContaining({ expected: 57, actual: 58 }),
    ]);
    // The whole restated before the parts, a change, other units, channels that overlap: none is a part.
    for (const s1 of [
      '全年发布信息326条，概况类信息12条、政务动态信息248条、信息公开目录信息66条，合计326条。',
      '全年新收申请53件，较上年增加12件，连同上年结转4件，共计57件。',
      '全年接待来访群众120人次、来电咨询80次，合计200人次。',
      '通过门户网站发布300条、政务微博发布200条、微信公众号发布150条，合计发布信息500条。',
      '发布信息326条，其中概况类信息12条、政务动态信息248条、信息公开目录信息66条，共计326条。',
    ])
      expect(ofRule(findings({ s1 }), 'prose-parts-whole')).toEqual([]);
  });
  it('silent when they add up, or the list ends with 等', () => {
    expect(ofRule(findings({ s1: '发布信息178条。其中概况类1条，动态类144条，目录类33条。' }), 'prose-parts-whole')).toEqual([]);
    expect(ofRule(findings({ s1: '发布信息178条，包括动态类144条、目录类30条等。' }), 'prose-parts-whole')).toEqual([]);
  });

  it('reads parts in 宗, results with those carried forward, the new ones of a whole with its carried-over ones in brackets, and earlier years 分别 (round 24 hunt)', () => {
    for (const s1 of [
      '全年完成交易项目12865个，其中工程建设项目3865个、政府采购项目8652个、土地和矿业权交易348宗。',
      '全年共受理依申请公开57件（含上年结转4件），其中予以公开22件、部分公开7件、不予公开7件、无法提供10件、不予处理5件、其他处理3件，结转下年度3件。',
      '全年办理政府信息公开申请57件（含上年结转4件），其中，网上申请38件，当面申请6件，信函申请9件。',
      '全年收到申请53件，2022年、2021年分别为46件、38件。',
    ])
      expect(ofRule(findings({ s1 }), 'prose-parts-whole'), s1).toEqual([]);
    expect(
      ofRule(findings({ s1: '全年办理政府信息公开申请57件（含上年结转4件），其中，网上申请38件，当面申请6件，信函申请8件。' }), 'prose-parts-whole'),
    ).toHaveLength(1);
  });

  it('takes another count before the list that the parts add up to for their whole, and no counting rule for a part (round 24 hunt)', () => {
    for (const s1 of [
      '全年印发文件412件，按发文字号分，局发21件、局办发47件、局函188件、局办函156件；其中确定为主动公开的68件，依申请公开的38件，不予公开的306件。',
      '被提起行政诉讼4件，其中未经复议直接起诉3件、复议后起诉1件，一审、二审均按1件统计。',
    ])
      expect(ofRule(findings({ s1 }), 'prose-parts-whole'), s1).toEqual([]);
  });

  it('leaves a 其中 after a sentence of several counts alone: which it is of cannot be told (round 24 recall hunt)', () => {
    expect(ofRule(findings({ s1: '共收到政府信息公开申请53件，上年结转4件。其中予以公开22件，部分公开7件，重复申请3件。' }), 'prose-parts-whole')).toEqual([]);
  });

  it('takes wholes listed side by side together for the whole of parts that name neither (hunt 7)', () => {
    expect(ofRule(findings({ s1: '全年承办市人大代表建议32件、市政协委员提案41件，其中主办23件、协办50件。' }), 'prose-parts-whole')).toEqual([]);
    expect(ofRule(findings({ s1: '全年承办市人大代表建议32件、市政协委员提案41件，其中主办23件、协办40件。' }), 'prose-parts-whole')).toEqual([
      expect.objectContaining({ expected: 41, actual: 63 }),
    ]);
  });
  it("a court's instances may add up to more than the suits (one case goes to 一审 and 二审), kinds of result may not (hunt 13)", () => {
    expect(ofRule(findings({ s1: '被提起行政诉讼3件，其中一审3件、二审1件。' }), 'prose-parts-whole')).toEqual([]);
    expect(ofRule(findings({ s1: '被提起行政诉讼3件，其中维持3件、纠正1件。' }), 'prose-parts-whole')).toEqual([
      expect.objectContaining({ expected: 3, actual: 4 }),
    ]);
  });
  it('the end of a range (「1至5件不等」) is not a whole (hunt 13)', () => {
    const s1 = (range: string) => `单个申请人提出申请${range}不等，其中自然人申请40件、法人或其他组织申请13件。`;
    expect(ofRule(findings({ s1: s1('1至5件') }), 'prose-parts-whole')).toEqual([]);
    expect(ofRule(findings({ s1: s1('1-5件') }), 'prose-parts-whole')).toEqual([]);
    expect(ofRule(findings({ s1: '全年办理人大代表建议5件，其中主办建议40件、协办建议13件。' }), 'prose-parts-whole')).toHaveLength(1);
  });
  it('one wrong number the tables hold is reported once, by the rule that checks it against its cell (hunt 14)', () => {
    // Table 3 counts 12 new (10 + 2): the applicant count 3 is wrong, and with the table's 2 the parts add up.
    const fs = findings({ s1: '全年共收到政府信息公开申请12件，其中自然人申请10件、法人或其他组织申请3件，另有上年结转申请1件。' });
    expect(ofRule(fs, 'prose-applications')).toHaveLength(1);
    expect(ofRule(fs, 'prose-parts-whole')).toEqual([]);
    // Table 4: 2 reviews, 1 upheld, 1 pending. The wrong pending count explains the sum; a wrong whole does too.
    for (const s1 of ['被申请行政复议2件，其中维持1件、尚未审结2件。', '被申请行政复议3件，其中维持1件、尚未审结1件。']) {
      expect(ofRule(findings({ s1 }), 'prose-review-suit')).toHaveLength(1);
      expect(ofRule(findings({ s1 }), 'prose-parts-whole')).toEqual([]);
    }
    // 其他结果 is no count prose-review-suit reads: the sum is still this rule's.
    expect(ofRule(findings({ s1: '被申请行政复议2件，其中维持1件、尚未审结1件、其他结果1件。' }), 'prose-parts-whole')).toHaveLength(1);
  });
  it('parts in brackets after their whole (hunt 14)', () => {
    const s1 = (parts: string) => `全年主动公开政府信息120条（${parts}）。`;
    expect(ofRule(findings({ s1: s1('其中政策文件80条、工作动态50条') }), 'prose-parts-whole')).toEqual([
      expect.objectContaining({ expected: 120, actual: 130 }),
    ]);
    // Other years' counts in brackets are no parts (「（2022年80条、2021年50条）」).
    for (const parts of ['其中政策文件80条、工作动态40条', '政策文件80条（含解读10条）、工作动态40条', '其中政策文件80条', '2022年80条、2021年50条'])
      expect(ofRule(findings({ s1: s1(parts) }), 'prose-parts-whole')).toEqual([]);
  });
  it('a part whose name opens with 其他 is not the rest (「其他法律行政法规禁止公开」), 「其他5条」 is (hunt 14)', () => {
    expect(ofRule(findings({ s1: '发布信息120条，其中工作动态80条，其他部门转载信息5条。' }), 'prose-parts-whole')).toEqual([]);
    expect(ofRule(findings({ s1: '发布信息120条，其中工作动态80条，其他5条。' }), 'prose-parts-whole')).toHaveLength(1);
  });
  it('carried-over ones in a clause of their own after parts that add up to the whole are beside it (recall round 9)', () => {
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-parts-whole');
    expect(said('共收到政府信息公开申请12件，其中网上申请8件、当面申请4件，上年结转1件。')).toEqual([]);
    // Parts that do not add up either way, or one part only before them: still a contradiction.
    expect(said('共收到政府信息公开申请12件，其中网上申请8件、当面申请5件，上年结转1件。')).toHaveLength(1);
    expect(said('共受理政府信息公开申请12件，其中新收12件，上年结转1件。')).toHaveLength(1);
  });
  it('a colon right after a count opens its parts (「共收到申请12件：当面3件，网络8件，信函3件」) (hunt 16)', () => {
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-parts-whole').map((f) => [f.expected, f.actual]);
    expect(said('共收到政府信息公开申请12件：当面3件，网络8件，信函3件。')).toEqual([[12, 14]]);
    expect(said('共收到政府信息公开申请12件：当面3件，网络6件，信函3件。')).toEqual([]);
    // A label's colon, not a count's: no whole.
    expect(said('收到申请方式：当面3件，网络8件，信函3件。')).toEqual([]);
  });

  it('one part, not the new ones, then the carried-over ones in a clause of their own: a highlight beside them (hunt 18)', () => {
    const said = (text: string) => round18('prose-parts-whole', text);
    expect(said('本局及下属3个事业单位共收到政府信息公开申请53件，其中局机关45件，上年结转4件。')).toEqual([]);
    // Control: two parts that fall short are still judged with the carried-over ones.
    expect(said('本局及下属3个事业单位共收到政府信息公开申请53件，其中局机关45件、下属单位6件，上年结转4件。')).toEqual([[53, 55]]);
  });
});

/** The prose corpus's baseline page (53 new, 4 carried over, 3 carried forward; t4 reviews 4, suits 3) with `text` at the end of section `before`'s predecessor. */
function round18(rule: string, text: string, before = '二、') {
  const base = readFileSync('test/fixtures/prose/build/common/tpl/base.html', 'utf8');
  const at = base.indexOf(`<h2>${before}`);
  return ofRule(auditedHtml(base.slice(0, at) + `<p>${text}</p>\n` + base.slice(at)).findings, rule).map((f) => [f.expected, f.actual]);
}
