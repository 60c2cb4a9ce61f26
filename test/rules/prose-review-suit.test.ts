import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cleanT4 } from '../helpers/make-report';
import { auditedHtml, findings, ofRule } from '../helpers/rules';

describe('prose-review-suit', () => {
  it('「均获维持」 while cases are pending', () => {
    const fs = ofRule(findings({ s1: '本年度发生的行政复议案件均获维持。' }), 'prose-review-suit');
    expect(fs).toEqual([expect.objectContaining({ actual: 1 })]);
  });
  it('「未发生行政复议」 while the table has reviews, and a stated count', () => {
    const fs = ofRule(findings({ s1: '全年未发生政府信息公开行政复议。全年行政诉讼3件。' }), 'prose-review-suit');
    expect(fs.map((f) => f.actual)).toEqual([3, 0]);
  });
  it('the cases of a part of the year (「上半年被申请行政复议1件」) are not the year’s (hunt 20)', () => {
    // cleanT4: two reviews.
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-review-suit').map((f) => [f.expected, f.actual]);
    expect(said('上半年被申请行政复议1件，下半年1件。')).toEqual([]);
    expect(said('第四季度被申请行政复议1件。')).toEqual([]);
    expect(said('全年被申请行政复议1件。')).toEqual([[2, 1]]);
  });
  it('「除上述案件外，未发生其他行政复议、行政诉讼」 denies cases beyond those stated, not all (prose round 21)', () => {
    // cleanT4: two reviews, one suit.
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-review-suit').map((f) => [f.expected, f.actual]);
    expect(said('全年被申请行政复议2件、被提起行政诉讼1件，除上述案件外，未发生其他行政复议、行政诉讼。')).toEqual([]);
    expect(said('全年被申请行政复议2件，未发生行政复议以外的其他争议。')).toEqual([]);
    expect(said('全年未发生其他因政府信息公开引发的行政复议、行政诉讼。')).toEqual([]);
    // Controls: a plain denial, with 其他 in another clause, is still one.
    expect(said('全年未发生行政复议、行政诉讼，其他工作正常开展。')).toEqual([[3, 0]]);
    expect(said('全年未发生行政复议、行政诉讼。')).toEqual([[3, 0]]);
  });
  it('reads 「被诉案件 N 件」 as the suits (hunt 9)', () => {
    // cleanT4: one suit.
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-review-suit').map((f) => [f.expected, f.actual]);
    expect(said('全年被诉案件3件。')).toEqual([[1, 3]]);
    expect(said('全年被诉行政案件1件。')).toEqual([]);
  });
  it('「未经复议直接起诉」 is not a denial', () => {
    expect(ofRule(findings({ s1: '全年未经复议直接起诉的行政诉讼1件，行政复议2件。' }), 'prose-review-suit')).toEqual([]);
  });
  it("reviews received about its own disclosure are table 4's; reviews it received to decide are not", () => {
    // The clean table has 2 reviews.
    const own = ofRule(findings({ s1: '全年收到涉及政府信息公开的行政复议申请6件。' }), 'prose-review-suit');
    expect(own).toEqual([expect.objectContaining({ expected: 2, actual: 6 })]);
    expect(ofRule(findings({ s1: '全年收到涉及政府信息公开的行政复议申请2件。' }), 'prose-review-suit')).toEqual([]);
    expect(ofRule(findings({ s1: '我局作为复议机关，全年收到行政复议申请98件。' }), 'prose-review-suit')).toEqual([]);
    expect(ofRule(findings({ s1: '全年收到行政复议申请98件，均依法办理。' }), 'prose-review-suit')).toEqual([]);
  });
  it('silent when the prose agrees', () => {
    expect(ofRule(findings({ s1: '全年行政复议2件，行政诉讼1件。' }), 'prose-review-suit')).toEqual([]);
  });
  it('「未发生因…被行政复议纠错或行政诉讼败诉情形」 is not a denial of cases', () => {
    expect(ofRule(findings({ s1: '本年度未发生因政府信息公开工作被行政复议纠错或行政诉讼败诉的情形。' }), 'prose-review-suit')).toEqual([]);
    expect(ofRule(findings({ s1: '本年度未发生政府信息公开行政复议、行政诉讼案件。' }), 'prose-review-suit')).toHaveLength(1);
  });
  it('「均获维持」 with blanks around: a filled 尚未审结 still contradicts it', () => {
    const t4 = cleanT4();
    t4[1] = ''; // 行政复议·结果纠正 and 总计 blank: nothing fixes them, but 尚未审结 1 is filled
    t4[4] = '';
    expect(ofRule(findings({ t4, s1: '本年度发生的行政复议案件均获维持。' }), 'prose-review-suit')).toEqual([
      expect.objectContaining({ expected: 0, actual: 1 }),
    ]);
  });
  it('「均获维持」 is silent when the blanks can only be 0', () => {
    const t4 = cleanT4();
    // 行政复议: 维持 1, 总计 1, the other outcomes blank — they can only be 0.
    t4.splice(0, 5, 1, '', '', '', 1);
    expect(ofRule(findings({ t4, s1: '本年度发生的行政复议案件均获维持。' }), 'prose-review-suit')).toEqual([]);
  });
});

describe('prose-review-suit: cases that corrected the body (结果纠正)', () => {
  // The clean table 4 corrects nothing; here one review and one suit after review did.
  const corrected = () => {
    const t4 = cleanT4();
    t4.splice(0, 5, 1, 1, 0, 0, 2); // 行政复议: 维持 1, 纠正 1
    t4.splice(10, 5, 0, 1, 0, 0, 1); // 复议后起诉: 纠正 1
    return t4;
  };
  const reviewSuit = (s1: string, t4 = corrected()) => ofRule(findings({ t4, s1 }), 'prose-review-suit');
  it('「未发生…被纠错或败诉的情形」 while table 4 has corrections, of the kinds it names', () => {
    expect(reviewSuit('本年度未发生因政府信息公开工作被行政复议纠错或行政诉讼败诉的情形。')).toEqual([expect.objectContaining({ expected: 2, actual: 0 })]);
    expect(reviewSuit('全年未发生行政诉讼败诉情况。').map((f) => f.cells!.map((c) => c.column))).toEqual([['suit.corrected', 'suit_after_review.corrected']]);
  });
  it('a stated count of cases corrected or lost', () => {
    expect(reviewSuit('全年被行政复议纠错2件。')).toEqual([expect.objectContaining({ expected: 1, actual: 2 })]);
    expect(reviewSuit('行政诉讼败诉0件。')).toEqual([expect.objectContaining({ expected: 1, actual: 0 })]);
    expect(reviewSuit('全年被行政复议纠错1件，行政诉讼败诉1件。')).toEqual([]);
  });
  it('「均未被纠错」 after the cases it names: none of them corrected the body (recall round 4)', () => {
    expect(reviewSuit('被申请行政复议2件，被提起行政诉讼2件，均未被纠错。').map((f) => f.cells!.map((c) => c.column))).toEqual([
      ['review.corrected', 'suit.corrected', 'suit_after_review.corrected'],
    ]);
    expect(reviewSuit('被提起行政诉讼2件，均未败诉。').map((f) => f.actual)).toEqual([0]);
    expect(reviewSuit('被申请行政复议2件，被提起行政诉讼1件，均未被纠错。', cleanT4())).toEqual([]);
    expect(reviewSuit('我局作为复议机关办理行政复议案件5件，均未被撤销。')).toEqual([]);
    expect(reviewSuit('2022年被申请行政复议2件，均未被纠错。')).toEqual([]);
  });
  it('is silent when nothing was corrected, of another year, or when the body decides the cases', () => {
    expect(reviewSuit('本年度未发生因政府信息公开工作被行政复议纠错或行政诉讼败诉的情形。', cleanT4())).toEqual([]);
    expect(reviewSuit('2022年未发生被行政复议纠错的情形。')).toEqual([]);
    expect(reviewSuit('我局作为复议机关，全年办理行政复议案件98件，纠错12件。')).toEqual([]);
  });

  it('leaves all cases, a body’s own suits defended, a qualified denial and other cases upheld alone (round 24 hunt)', () => {
    for (const s1 of [
      '全年共发生行政复议案件12件、行政诉讼案件9件，其中涉及政府信息公开的行政复议2件、行政诉讼1件。',
      '全年办理行政应诉案件23件，败诉2件。',
      '作为市政府行政复议机构，全年新收行政复议案件98件。',
      '全县因政府信息公开被申请行政复议15件、被提起行政诉讼11件。',
      '全年未发生因答复超期引发的行政复议。',
      '被申请行政复议的行政处罚案件2件，经复议均予维持。',
      '因政府信息公开被申请行政复议2件，已审结的均获维持。',
    ])
      expect(ofRule(findings({ s1 }), 'prose-review-suit'), s1).toEqual([]);
  });
  it('reads 「3次」, 「被起诉」 and 「无…被诉案件」 (round 24 hunt)', () => {
    expect(ofRule(findings({ s1: '因政府信息公开工作被申请行政复议3次。' }), 'prose-review-suit')).toEqual([
      expect.objectContaining({ expected: 2, actual: 3 }),
    ]);
    expect(ofRule(findings({ s1: '因政府信息公开工作被起诉5件。' }), 'prose-review-suit')).toEqual([expect.objectContaining({ expected: 1, actual: 5 })]);
    expect(ofRule(findings({ s1: '全年无政府信息公开被诉案件。' }), 'prose-review-suit')).toEqual([expect.objectContaining({ expected: 1, actual: 0 })]);
  });

  it('checks a review breakdown after 其中 against each result column, not a suit’s (round 24 hunt)', () => {
    expect(ofRule(findings({ s1: '因政府信息公开被申请行政复议2件，其中维持2件。' }), 'prose-review-suit')).toEqual([
      expect.objectContaining({ expected: 1, actual: 2 }),
    ]);
    for (const s1 of ['因政府信息公开被申请行政复议2件，其中维持1件、尚未审结1件。', '被申请行政复议2件，其中被提起行政诉讼1件，维持1件。'])
      expect(ofRule(findings({ s1 }), 'prose-review-suit'), s1).toEqual([]);
  });

  it('reads 「尚未审结的行政复议1件」 as the pending ones, not all, and not as a denial (round 24 hunt)', () => {
    expect(ofRule(findings({ s1: '尚未审结的行政复议1件，目前正在审理中。' }), 'prose-review-suit')).toEqual([]);
  });

  it('reads a topic before a count against the body as no judge’s, and 「因不满…答复」 as every case (round 24 hunt)', () => {
    expect(ofRule(findings({ s1: '行政应诉方面，本机关因政府信息公开被提起行政诉讼4件。' }), 'prose-review-suit')).toEqual([
      expect.objectContaining({ expected: 1, actual: 4 }),
    ]);
    expect(ofRule(findings({ s1: '作为复议机关，受理以下级行政机关为被申请人的行政复议申请9件。' }), 'prose-review-suit')).toEqual([]);
    expect(ofRule(findings({ s1: '未发生因不满政府信息公开答复而申请行政复议或者行政诉讼情况。' }), 'prose-review-suit')).toEqual([
      expect.objectContaining({ actual: 0 }),
    ]);
  });

  it('checks direct suits and suits after a review each against their group, and leaves one applicant’s denial alone (round 24 hunt)', () => {
    expect(ofRule(findings({ s1: '本年度未经复议直接提起行政诉讼1件、复议后提起行政诉讼0件。' }), 'prose-review-suit')).toEqual([]);
    expect(ofRule(findings({ s1: '本年度未经复议直接提起行政诉讼2件。' }), 'prose-review-suit')).toEqual([expect.objectContaining({ expected: 1, actual: 2 })]);
    expect(ofRule(findings({ s1: '我局重新答复后，王某未再提起行政诉讼。' }), 'prose-review-suit')).toEqual([]);
  });

  // cleanT4: reviews 2 (upheld 1, pending 1), suits 1 (upheld, direct).
  it('reads the body named as respondent or defendant as the cases’ party, not their judge (hunt 7)', () => {
    expect(ofRule(findings({ s1: '复议机关受理以我局为被申请人的政府信息公开行政复议案件3件。' }), 'prose-review-suit')).toEqual([
      expect.objectContaining({ expected: 2, actual: 3 }),
    ]);
    expect(ofRule(findings({ s1: '本年度我局作为被告应诉的政府信息公开行政诉讼案件2件。' }), 'prose-review-suit')).toEqual([
      expect.objectContaining({ expected: 1, actual: 2 }),
    ]);
    for (const s1 of [
      '复议机关受理以我局为被申请人的政府信息公开行政复议案件2件。',
      '市政府作为复议机关，受理以县政府为被申请人的行政复议案件30件。',
      '出庭应诉行政诉讼案件12件。',
    ])
      expect(ofRule(findings({ s1 }), 'prose-review-suit'), s1).toEqual([]);
  });
  it('reads review results after 「经复议机关审理，」 as the body’s reviews’ results (hunt 7)', () => {
    expect(ofRule(findings({ s1: '被申请行政复议2件，经复议机关审理，维持2件。' }), 'prose-review-suit')).toEqual([
      expect.objectContaining({ expected: 1, actual: 2, cells: [{ table: 't4', row: '1', column: 'review.upheld' }] }),
    ]);
    expect(ofRule(findings({ s1: '被申请行政复议2件，经复议机关审理，维持1件、尚未审结1件。' }), 'prose-review-suit')).toEqual([]);
    expect(ofRule(findings({ s1: '市司法局作为复议机关审理行政复议案件30件，经审理，维持20件。' }), 'prose-review-suit')).toEqual([]);
  });
  it('reads 「纠错率为零」 as none corrected, and 「合计」「总计」 before a count (hunt 7)', () => {
    // One review corrected: upheld 1, corrected 1, total 2.
    const t4 = [1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0];
    expect(ofRule(findings({ t4, s1: '本年度被申请行政复议2件，复议纠错率为零。' }), 'prose-review-suit')).toEqual([
      expect.objectContaining({ expected: 1, actual: 0, cells: [{ table: 't4', row: '1', column: 'review.corrected' }] }),
    ]);
    expect(ofRule(findings({ t4, s1: '被提起行政诉讼1件，败诉率为零。' }), 'prose-review-suit')).toEqual([]);
    expect(ofRule(findings({ s1: '本年度被申请行政复议2件，复议纠错率为零。' }), 'prose-review-suit')).toEqual([]);
    expect(ofRule(findings({ s1: '因政府信息公开引发行政复议、行政诉讼案件合计4件。' }), 'prose-review-suit')).toEqual([
      expect.objectContaining({ expected: 3, actual: 4 }),
    ]);
    expect(ofRule(findings({ s1: '因政府信息公开引发行政复议、行政诉讼案件总计3件。' }), 'prose-review-suit')).toEqual([]);
  });
  it('leaves a case of two years (「2022年被申请、2023年作出决定的」) alone (hunt 7)', () => {
    expect(ofRule(findings({ s1: '2022年被申请、2023年作出复议决定的行政复议案件1件，已计入上年度报告。' }), 'prose-review-suit')).toEqual([]);
    expect(ofRule(findings({ s1: '2023年被申请、2023年作出复议决定的行政复议案件1件。' }), 'prose-review-suit')).toEqual([
      expect.objectContaining({ expected: 2, actual: 1 }),
    ]);
  });

  it('reads review results after 「结果」 and given 分别 (round 8 hunt)', () => {
    // cleanT4: reviews 2 (upheld 1, pending 1).
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-review-suit');
    expect(said('被申请行政复议2件，结果维持2件。')).toEqual([expect.objectContaining({ expected: 1, actual: 2 })]);
    expect(said('被申请行政复议2件，复议结果维持、尚未审结的分别为2件、0件。')).toHaveLength(2);
    for (const ok of ['被申请行政复议2件，结果维持1件、尚未审结1件。', '被申请行政复议2件，复议结果维持、尚未审结的分别为1件、1件。'])
      expect(said(ok), ok).toEqual([]);
  });

  it('reads 「被复议机关纠错」 as the body corrected, and 「纠错为零」「败诉案件为零」 as none corrected (round 8 hunt)', () => {
    const t4 = cleanT4();
    t4[1] = 1; // one review corrected (the review total 3)
    t4[4] = 3;
    const said = (s1: string, t = t4) => ofRule(findings({ s1, t4: t }), 'prose-review-suit');
    expect(said('本年度被复议机关纠错为零。')).toEqual([expect.objectContaining({ expected: 1, actual: 0 })]);
    expect(said('本年度被复议机关纠错2件。')).toEqual([expect.objectContaining({ expected: 1, actual: 2 })]);
    for (const ok of ['本年度被复议机关纠错1件。', '本年度行政诉讼败诉案件为零。']) expect(said(ok), ok).toEqual([]);
    expect(said('本年度被复议机关纠错为零。', cleanT4())).toEqual([]);
  });

  it('reads 「均为零」 as no cases, and 「（行政复议方面，）未出现被纠错案件」 of the kind named before (round 10 hunt)', () => {
    // cleanT4: reviews 2 (upheld 1, pending 1), suits 1 (upheld); none corrected.
    const said = (s1: string, t = cleanT4()) => ofRule(findings({ s1, t4: t }), 'prose-review-suit');
    expect(said('本年度行政复议、行政诉讼均为零。')).toEqual([expect.objectContaining({ expected: 3, actual: 0 })]);
    const corrected = cleanT4();
    corrected[1] = 1; // one review corrected (the review total 3)
    corrected[4] = 3;
    expect(said('行政复议方面，本年度未出现被纠错案件。', corrected)).toEqual([expect.objectContaining({ expected: 1, actual: 0 })]);
    for (const ok of ['行政复议方面，本年度未出现被纠错案件。', '本年度复议纠错率为零。']) expect(said(ok), ok).toEqual([]);
    expect(said('行政复议方面，本年度被纠错1件；行政诉讼方面，未出现败诉案件。', corrected)).toEqual([]);
    // A denial holds to the end of its clause.
    expect(said('本年度没有发生行政诉讼败诉的情况，行政复议被纠错1件。', corrected)).toEqual([]);
  });

  it('reads reviews upheld said 「复议维持」 or 「维持原答复」, and leaves a court’s cases alone (round 10 hunt)', () => {
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-review-suit');
    expect(said('行政复议方面，复议维持2件。')).toEqual([expect.objectContaining({ expected: 1, actual: 2 })]);
    expect(said('本年度发生行政复议2件，其中复议机关维持原答复2件。')).toEqual([expect.objectContaining({ expected: 1, actual: 2 })]);
    for (const ok of [
      '本年度发生行政复议2件，其中复议机关维持原答复1件、尚在审理1件。',
      '市中级人民法院全年审结涉及政府信息公开的行政诉讼案件18件。',
      '本局作为复议机关，全年审理行政复议案件12件，复议维持8件。',
    ])
      expect(said(ok), ok).toEqual([]);
  });
  it('reads 「全部胜诉」 against suits corrected or pending, and 「均已审结」 against the pending of the kinds named (hunt 11)', () => {
    // cleanT4: reviews 1 upheld + 1 pending; one suit, upheld.
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-review-suit').map((f) => f.actual);
    expect(said('被提起行政诉讼1件，我局全部胜诉。')).toEqual([]);
    expect(said('被提起行政诉讼1件，已审结。被申请行政复议2件、被提起行政诉讼1件，上述案件均已审结。')).toEqual([1]);
    expect(said('被提起行政诉讼1件，上述案件均已审结。')).toEqual([]);
    const t4 = cleanT4();
    t4[5] = 0; // the suit pending, not upheld
    t4[8] = 1;
    expect(ofRule(findings({ s1: '因政府信息公开被提起的行政诉讼案件，我局全部胜诉。', t4 }), 'prose-review-suit').map((f) => f.actual)).toEqual([1]);
    expect(ofRule(findings({ s1: '被提起行政诉讼1件，已审结的案件均胜诉。', t4 }), 'prose-review-suit')).toEqual([]);
    for (const s1 of ['我局作为复议机关办理的行政复议案件均已审结。', '2022年被申请的行政复议案件均已审结。', '被申请行政复议2件，1件尚在审理，其余均已审结。'])
      expect(said(s1), s1).toEqual([]);
  });
  it('reads a review breakdown in brackets after the count (hunt 12)', () => {
    // cleanT4: reviews 1 upheld + 1 pending.
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-review-suit').map((f) => [f.expected, f.actual]);
    expect(said('被申请行政复议2件（维持2件）。')).toEqual([[1, 2]]);
    expect(said('被申请行政复议2件（其中维持1件，尚未审结1件）。')).toEqual([]);
    expect(said('被申请行政复议2件（维持1件，尚未审结1件），被提起行政诉讼1件。')).toEqual([]);
  });

  it('reads a count of reviews that corrected the body written before its words (「有1件答复被复议纠正」) (hunt 14)', () => {
    // cleanT4: no review corrected.
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-review-suit').map((f) => [f.expected, f.actual]);
    expect(said('被申请行政复议2件；全年有1件答复被复议纠正。')).toEqual([[0, 1]]);
    expect(said('被申请行政复议2件；全年有1件答复被复议机关维持。')).toEqual([]);
  });

  it('reads 「维持和驳回共N件」 as upheld (or upheld and other), results right after the count, and 「已审结N件（…）」 (hunt 16)', () => {
    // cleanT4: reviews 1 upheld + 1 pending.
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-review-suit').map((f) => [f.expected, f.actual]);
    expect(said('被申请行政复议2件，维持和驳回共2件。')).toEqual([[1, 2]]);
    expect(said('被申请行政复议2件，已审结1件（纠正1件），尚未审结1件。')).toEqual([[0, 1]]);
    for (const ok of ['被申请行政复议2件，维持和驳回共1件，尚未审结1件。', '被申请行政复议2件，已审结1件（维持1件），尚未审结1件。'])
      expect(said(ok), ok).toEqual([]);
    const t4 = cleanT4();
    t4[2] = 1; // one review another result (驳回复议申请): 维持和驳回 may be both
    t4[4] = 3;
    expect(ofRule(findings({ s1: '被申请行政复议3件，维持和驳回共2件，尚未审结1件。', t4 }), 'prose-review-suit')).toEqual([]);
  });

  it('reads the pending ones of a kind (「行政复议尚未审结2件」) (hunt 16)', () => {
    // cleanT4: one review pending, no suit pending.
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-review-suit').map((f) => [f.expected, f.actual]);
    expect(said('截至年底，行政复议尚未审结2件、行政诉讼尚未审结1件。')).toEqual([
      [1, 2],
      [0, 1],
    ]);
    expect(said('截至年底，行政复议尚未审结1件，尚未审结的行政诉讼0件。')).toEqual([]);
  });

  it('leaves alone cases against another body (「以县政府为被申请人的」) and a result’s parts in brackets (hunt 16)', () => {
    const t4 = cleanT4();
    t4[8] = 1; // two direct suits: one upheld, one pending
    t4[9] = 2;
    const said = (s1: string) => ofRule(findings({ s1, t4 }), 'prose-review-suit').map((f) => [f.expected, f.actual]);
    expect(said('以县政府为被申请人、涉及本机关工作的行政复议5件由县政府统计。')).toEqual([]);
    expect(said('以本局为被申请人的行政复议5件。')).toEqual([[2, 5]]);
    expect(said('复议、诉讼案件中，结果维持的共2件（复议1件、直接起诉1件）。')).toEqual([]);
    expect(said('未经复议直接起诉1件。')).toEqual([[2, 1]]);
  });

  it('「本机关作为复议机关未收到…行政复议申请」 is none the body was to decide, not none against it (hunt 17)', () => {
    // Clean t4: 2 reviews, 1 suit.
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-review-suit').map((f) => [f.expected, f.actual]);
    expect(said('本机关作为复议机关未收到涉及政府信息公开的行政复议申请；本机关被申请行政复议2件，被提起行政诉讼1件。')).toEqual([]);
    expect(said('本机关作为行政复议机关，全年未收到行政复议申请。')).toEqual([]);
    expect(said('全年未收到涉及政府信息公开的行政复议申请。')).toEqual([[2, 0]]);
  });

  it('reads 「复议机关维持…」 right after the reviews’ count, and the suits’ pending ones right after theirs (hunt 18)', () => {
    const said = (text: string) => round18('prose-review-suit', text, '五、');
    expect(said('被申请行政复议4件，复议机关维持原行政行为3件，确认违法1件。')).toEqual([[2, 3]]);
    expect(said('被申请行政复议4件，复议机关维持原行政行为2件，确认违法1件。')).toEqual([]);
    expect(said('被提起行政诉讼3件，尚未审结2件。')).toEqual([[1, 2]]);
    expect(said('被提起行政诉讼3件，尚未审结1件。')).toEqual([]);
    // Controls: the pending of one kind of suit, and of reviews, are not the suits'.
    expect(said('被提起行政诉讼3件，其中未经复议直接起诉2件（判决驳回原告诉讼请求1件、尚未审结1件）。')).toEqual([]);
    expect(said('被提起行政诉讼3件，被申请行政复议4件，尚未审结1件。')).toEqual([]);
  });
});

/** The prose corpus's baseline page (53 new, 4 carried over, 3 carried forward; t4 reviews 4, suits 3) with `text` at the end of section `before`'s predecessor. */
function round18(rule: string, text: string, before = '二、') {
  const base = readFileSync('test/fixtures/prose/build/common/tpl/base.html', 'utf8');
  const at = base.indexOf(`<h2>${before}`);
  return ofRule(auditedHtml(base.slice(0, at) + `<p>${text}</p>\n` + base.slice(at)).findings, rule).map((f) => [f.expected, f.actual]);
}
