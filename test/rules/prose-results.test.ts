import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanT3 } from '../helpers/make-report';
import { auditedHtml, findings, ofRule } from '../helpers/rules';

describe('prose-results', () => {
  it('a breakdown that disagrees with the rows', () => {
    const fs = ofRule(findings({ s1: '其中予以公开6件，部分公开2件，不予公开1件，无法提供3件。' }), 'prose-results');
    expect(fs).toEqual([expect.objectContaining({ expected: 1, actual: 2 })]);
  });
  it('reads the older template’s 「同意公开」「不同意公开」 as 予以公开 and 不予公开; a third party’s consent is no result (prose round 21)', () => {
    // cleanT3: 予以公开 6, 部分公开 1, 不予公开 1, (七)总计 11.
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-results').map((f) => [f.expected, f.actual]);
    expect(said('全年答复申请11件，其中同意公开6件，同意部分公开1件，不同意公开1件。')).toEqual([]);
    expect(said('全年答复申请11件，其中同意公开7件，同意部分公开1件，不同意公开1件。')).toEqual([[6, 7]]);
    expect(said('全年答复申请11件，其中同意公开6件，同意部分公开1件，不同意公开3件。')).toEqual([[1, 3]]);
    // Controls: consent asked of a third party while handling the applications.
    expect(said('办理中征求第三方意见5件，第三方同意公开3件，不同意公开2件。')).toEqual([]);
    expect(said('涉及第三方的申请中，权利人不同意公开2件。')).toEqual([]);
  });
  it('a paragraph under a label’s colon in a numbered list (「2.办理情况：」|「全年办结13件。」) speaks of what the list does (prose round 21)', () => {
    // cleanT3: (七)总计 11.
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-results').map((f) => [f.expected, f.actual]);
    const list = (closed: string) => `（二）依申请公开\n1.收到申请情况：\n共收到政府信息公开申请12件。\n2.办理情况：\n全年办结${closed}件。`;
    expect(said(list('13'))).toEqual([[11, 13]]);
    expect(said(list('11'))).toEqual([]);
    // Control: a label of another matter, with no disclosure applications before it.
    expect(said('（五）监督保障\n1.行政执法情况：\n全年办结13件。')).toEqual([]);
  });
  it('applications closed (办结) against (七)总计, only where the sentence speaks of disclosure applications', () => {
    // cleanT3: (七)总计 11.
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-results');
    expect(said('本年度办结政府信息公开申请12件。')).toEqual([
      expect.objectContaining({ expected: 11, actual: 12, cells: [{ table: 't3', row: '3.7', column: 'total' }] }),
    ]);
    expect(said('全年共受理政府信息公开申请13件，已办结12件，结转下年度继续办理2件。')).toEqual([expect.objectContaining({ actual: 12 })]);
    // The applications named in the sentence before: a sentence giving table 3's results speaks of disclosure applications.
    expect(said('全年共收到政府信息公开申请12件。本年度共办结申请12件，其中予以公开6件，部分公开1件。')).toEqual([expect.objectContaining({ actual: 12 })]);
    for (const ok of [
      '本年度办结政府信息公开申请11件。',
      '全年共受理政府信息公开申请13件，在已办结的11件中，予以公开6件。',
      '全年共收到政府信息公开申请12件，按时办结10件。',
      '全年受理行政许可申请1234件，办结1234件。',
      '全年共收到政府信息公开申请12件；办理领导信箱来信58件，办结58件。',
      '2022年办结政府信息公开申请9件。',
      '全年共收到政府信息公开申请12件。本年度共办结申请11件，其中予以公开6件，部分公开1件。',
      '受理政务服务事项申请300件，办结300件。',
    ])
      expect(said(ok), ok).toEqual([]);
  });
  it('results said of one row or one applicant are not the rows’ totals; of all those closed they are (hunt 9)', () => {
    // cleanT3: (一) 6, (三)-4 无法提供 3.
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-results');
    for (const s1 of [
      '上年结转的1件申请已于2023年1月全部办结，其中予以公开1件。',
      '新收的12件申请中，予以公开5件、部分公开1件。',
      '自然人提出的11件申请（含上年结转1件）中，予以公开5件。',
    ])
      expect(said(s1), s1).toEqual([]);
    expect(said('已办结的11件中，予以公开5件。')).toEqual([expect.objectContaining({ expected: 6, actual: 5 })]);
    // Applications whose answers were then published (「已转为主动公开的」) are not documents sorted by their disclosure.
    expect(said('办结11件，其中予以公开7件，其中已转为主动公开的2件。')).toEqual([expect.objectContaining({ expected: 6, actual: 7 })]);
  });
  it('reads counts written with 廿 and 卅 (hunt 9)', () => {
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-results').map((f) => f.actual);
    expect(said('无法提供廿三件。')).toEqual([23]);
    expect(said('予以公开卅件。')).toEqual([30]);
  });
  it('silent when the breakdown matches the rows', () => {
    expect(ofRule(findings({ s1: '其中予以公开6件，部分公开1件，不予公开1件，无法提供3件。' }), 'prose-results')).toEqual([]);
  });
  it('「予以公开及部分公开 N 件」 is rows (一) + (二), not (二) alone', () => {
    // cleanT3: (一) 6, (二) 1.
    expect(ofRule(findings({ s1: '其中予以公开及部分公开7件。' }), 'prose-results')).toEqual([]);
    expect(ofRule(findings({ s1: '其中予以公开及部分公开9件。' }), 'prose-results')).toEqual([
      expect.objectContaining({
        expected: 7,
        actual: 9,
        cells: [
          { table: 't3', row: '3.1', column: 'total' },
          { table: 't3', row: '3.2', column: 'total' },
        ],
      }),
    ]);
  });
  it('results listed together, then one count, are the sum of their rows (hunt 12)', () => {
    // cleanT3: (一) 6, (二) 1, (三) 1, (四) 3, (五) 0.
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-results').map((f) => [f.expected, f.actual]);
    for (const ok of ['不予公开和部分公开共2件。', '不予公开、无法提供和不予处理的共4件。', '公开（含部分公开）7件。', '予以公开（含部分公开）7件。'])
      expect(said(ok), ok).toEqual([]);
    expect(said('不予公开和部分公开共3件。')).toEqual([[2, 3]]);
    // The last item is not read alone: 「不予处理的共5件」 is the list's count, not row (五)'s.
    expect(said('不予公开、无法提供和不予处理的共5件。')).toEqual([[4, 5]]);
    expect(said('公开（含部分公开）8件。')).toEqual([[7, 8]]);
    // Not 依申请公开（含…）, applications rather than results.
    expect(said('依申请公开（含部分公开）8件。')).toEqual([]);
  });
  it('with blank cells: contradicted when the filled cells already exceed the stated number, silent when the blanks can make it', () => {
    const t3 = cleanT3();
    t3['3.1'] = [5, '', 0, 0, 0, 0, '']; // the identities still give 1 and 6
    expect(ofRule(findings({ t3, s1: '其中予以公开及部分公开5件。' }), 'prose-results')).toEqual([expect.objectContaining({ expected: 7, actual: 5 })]);
    expect(ofRule(findings({ t3, s1: '其中予以公开及部分公开7件。' }), 'prose-results')).toEqual([]);
  });
  it('the reasons under (三)–(六), each against its own row (clean: 保护第三方合法权益 1, 本机关不掌握 3, 重复申请 0)', () => {
    const stated = (s1: string) => ofRule(findings({ s1 }), 'prose-results').map((f) => [f.cells![0]!.row, f.expected, f.actual]);
    expect(stated('无法提供3件，其中本机关不掌握相关政府信息2件。')).toEqual([['3.4.1', 3, 2]]);
    expect(stated('涉及第三方合法权益的2件，重复申请1件。')).toEqual([
      ['3.3.4', 1, 2],
      ['3.5.2', 0, 1],
    ]);
    // A group's count for one reason is that reason's: not the group's claim.
    expect(stated('因本机关不掌握相关政府信息而无法提供的4件。')).toEqual([['3.4.1', 3, 4]]);
    expect(stated('无法提供3件，其中本机关不掌握相关政府信息3件；涉及第三方合法权益不予公开1件。')).toEqual([]);
    expect(stated('征求第三方意见2件。')).toEqual([]);
    // One applicant's results: the table's rows count everyone's.
    expect(stated('在自然人申请的10件中，予以公开5件，无法提供2件。')).toEqual([]);
    expect(stated('属于三类内部事务信息和四类过程性信息的2件。')).toEqual([]);
  });
  it('leaves the 2019 table’s one (六)其他处理 row alone for reasons it has no row of', () => {
    expect(ofRule(findings({ layout2019: true, s1: '申请人逾期不补正2件。' }), 'prose-results')).toEqual([]);
  });

  it('leaves counts of other things alone: case files reviewed, complaints received, documents vetted (round 24 hunt)', () => {
    for (const s1 of [
      '评查行政执法案卷56件，案卷合格率100%。',
      '受理安全生产领域信访举报投诉126件。',
      '全年审核拟公开文件523件，经审查不予公开的12件。',
      '对办理复文予以公开45件。',
      '本年新收政府信息公开申请12件，已办结10件，结转下年度2件；上年结转的1件已办结。',
    ])
      expect(ofRule(findings({ s1 }), 'prose-results'), s1).toEqual([]);
  });
  it('reads 「予以公开的有」 and 「办理完毕」 (round 24 hunt)', () => {
    expect(ofRule(findings({ s1: '依法答复予以公开的有8件。' }), 'prose-results')).toEqual([expect.objectContaining({ expected: 6, actual: 8 })]);
    expect(ofRule(findings({ s1: '本年度共办理完毕政府信息公开申请13件。' }), 'prose-results')).toEqual([
      expect.objectContaining({ expected: 11, actual: 13 }),
    ]);
  });

  it('takes a cause before a comma for the reason of the count after it (「因本机关不掌握…，答复无法提供的3件」) (round 24 hunt)', () => {
    for (const s1 of ['因本机关不掌握相关政府信息，答复无法提供的3件。', '由于申请人所申请的信息本机关不掌握，答复无法提供的3件。'])
      expect(ofRule(findings({ s1 }), 'prose-results'), s1).toEqual([]);
    expect(ofRule(findings({ s1: '因本机关不掌握相关政府信息，答复无法提供的4件。' }), 'prose-results')).toEqual([
      expect.objectContaining({ expected: 3, actual: 4 }),
    ]);
    // A clause with its own count is no cause of the next (recall round 2, P06): 不予处理 is 0 in the table.
    expect(ofRule(findings({ s1: '因本机关不掌握相关政府信息无法提供3件，不予处理1件。' }), 'prose-results')).toEqual([
      expect.objectContaining({ expected: 0, actual: 1 }),
    ]);
  });

  it('leaves documents sorted by disclosure, another body’s applications and those closed early alone (round 24 hunt)', () => {
    for (const s1 of [
      '全年共印发文件412件；其中确定为主动公开的68件，依申请公开的38件，不予公开的306件。',
      '另以县政府名义办理政府信息公开申请118件，其中予以公开46件。',
      '2023年答复申请11件，其中提前办结9件。',
    ])
      expect(ofRule(findings({ s1 }), 'prose-results'), s1).toEqual([]);
  });

  it('reads a count before its reason (「不予公开的1件中，1件涉及第三方合法权益」) as that reason’s row', () => {
    expect(ofRule(findings({ s1: '不予公开的1件中，1件涉及第三方合法权益。' }), 'prose-results')).toEqual([]);
    expect(ofRule(findings({ s1: '不予公开的1件中，2件涉及第三方合法权益。' }), 'prose-results')).toEqual([
      expect.objectContaining({ expected: 1, actual: 2 }),
    ]);
  });

  it('reads 「全部公开」 as 予以公开, and a count after 「…答复」「…决定」 (hunt 7)', () => {
    // cleanT3: (一) 6, (二) 1, (三) 1.
    expect(ofRule(findings({ s1: '办结的11件申请中，全部公开7件，部分公开1件，不予公开1件。' }), 'prose-results')).toEqual([
      expect.objectContaining({ expected: 6, actual: 7, cells: [{ table: 't3', row: '3.1', column: 'total' }] }),
    ]);
    expect(ofRule(findings({ s1: '全年作出予以公开答复6件、部分公开答复1件、不予公开答复2件。' }), 'prose-results')).toEqual([
      expect.objectContaining({ expected: 1, actual: 2 }),
    ]);
    for (const s1 of [
      '办结的11件申请中，全部公开6件，部分公开1件，不予公开1件。',
      '全年作出予以公开答复6件、部分公开决定1件、不予公开答复1件。',
      '全部或部分公开7件。',
    ])
      expect(ofRule(findings({ s1 }), 'prose-results'), s1).toEqual([]);
  });

  it('gives each item of a 分别 list its own count (round 8 hunt)', () => {
    // cleanT3: 予以公开 6, 部分公开 1, 保护第三方合法权益 1, 本机关不掌握 3.
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-results');
    expect(said('予以公开、部分公开的分别为6件、2件。')).toEqual([expect.objectContaining({ expected: 1, actual: 2 })]);
    for (const ok of [
      '予以公开、部分公开的分别为6件、1件。',
      '在不予公开和无法提供的申请中，涉及第三方合法权益和本机关不掌握相关政府信息的分别为1件、3件。',
      '2022年、2021年分别为9件、7件。',
    ])
      expect(said(ok), ok).toEqual([]);
    expect(said('在不予公开和无法提供的申请中，涉及第三方合法权益和本机关不掌握相关政府信息的分别为3件、1件。')).toHaveLength(2);
  });

  it('leaves the results of one applicant kind’s restated column unchecked (round 8 hunt)', () => {
    const s1 = '自然人申请11件（含上年结转1件），办结9件，其中予以公开5件、部分公开1件、不予公开1件、无法提供2件，结转下年度2件。';
    expect(ofRule(findings({ s1 }), 'prose-results')).toEqual([]);
    expect(ofRule(findings({ s1: '共收到政府信息公开申请11件，办结9件，其中予以公开5件。' }), 'prose-results')).toHaveLength(2);
  });

  it('reads a count after its label’s colon (「部分公开：2件」) as one beside it (round 8 hunt)', () => {
    expect(ofRule(findings({ s1: '予以公开：6件；部分公开：2件。' }), 'prose-results')).toEqual([expect.objectContaining({ expected: 1, actual: 2 })]);
    expect(ofRule(findings({ s1: '予以公开：6件；部分公开：1件。' }), 'prose-results')).toEqual([]);
  });

  it('joins a line wrapped right after a label’s colon to the count that opens the next (round 8 hunt)', () => {
    expect(ofRule(findings({ s1: '予以公开：6件；部分公开：\n2件。' }), 'prose-results')).toEqual([expect.objectContaining({ expected: 1, actual: 2 })]);
    expect(ofRule(findings({ s1: '予以公开：6件；部分公开：\n1件。' }), 'prose-results')).toEqual([]);
  });

  it('reads 「办结N件」 after a 「；」 of a sentence naming the applications, but not of another kind (round 10 hunt)', () => {
    // cleanT3: (七)总计 11.
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-results');
    expect(said('共收到政府信息公开申请12件，上年结转1件；办结12件，结转下年度2件。')).toEqual([expect.objectContaining({ expected: 11, actual: 12 })]);
    for (const ok of [
      '共收到政府信息公开申请12件，上年结转1件；办结11件，结转下年度2件。',
      '共收到政府信息公开申请12件；另受理信访事项120件，办结118件。',
      // The kinds of the applications rule's list too: hotlines, messages, consultations, approvals (one list, claims.ts).
      '共收到政府信息公开申请12件；12345热线转办件120件，办结118件。',
      '共收到政府信息公开申请12件；网上留言36件，办结35件。',
      '共收到政府信息公开申请12件；受理群众咨询40件，办结40件。',
      '共收到政府信息公开申请12件；承办行政审批事项200件，办结200件。',
    ])
      expect(said(ok), ok).toEqual([]);
  });

  it('takes the results of one subject (「征地信息中」) for a part, and reads labels in quotes (round 10 hunt)', () => {
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-results');
    expect(said('依申请公开的征地信息中，予以公开3件。')).toEqual([]);
    expect(said('依申请公开的政府信息中，予以公开7件。')).toEqual([expect.objectContaining({ expected: 6, actual: 7 })]);
    expect(said('其中“予以公开”7件。')).toEqual([expect.objectContaining({ expected: 6, actual: 7 })]);
  });

  it('reads the denial of a reason or of a group (「没有因保护第三方合法权益不予公开的情况」) against its row (round 10 hunt)', () => {
    // cleanT3: 3.3.4 is 1, (四) 无法提供 3, 3.3.1 0.
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-results');
    expect(said('全年没有因保护第三方合法权益不予公开的情况。')).toEqual([
      expect.objectContaining({ expected: 1, actual: 0, cells: [{ table: 't3', row: '3.3.4', column: 'total' }] }),
    ]);
    expect(said('全年没有无法提供的情形。')).toEqual([expect.objectContaining({ expected: 3, actual: 0 })]);
    for (const ok of [
      '全年没有因属于国家秘密不予公开的情况。',
      '全年没有因涉及国家秘密不予公开的情况。',
      '未发生不予公开决定被复议纠错的情况。',
      // No result named, or a wrong withholding denied: not the rows.
      '全年未发生侵犯第三方合法权益的情况。',
      '全年未发生应当公开而不予公开的情况。',
    ])
      expect(said(ok), ok).toEqual([]);
  });
  it('reads 部分公开 listed after 予以公开 with its count, not after 「予以公开、」 or 「全部或」 (hunt 11)', () => {
    // cleanT3: 予以公开 6, 部分公开 1.
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-results').map((f) => f.actual);
    expect(said('其中予以公开6件、部分公开8件。')).toEqual([8]);
    expect(said('其中予以公开6件、部分公开1件。')).toEqual([]);
    expect(said('全部或部分公开8件。')).toEqual([]);
  });
  it('reads a numbered line of 办结 with the line that leads into its list (hunt 11)', () => {
    // cleanT3: (七)总计 11.
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-results').map((f) => f.actual);
    expect(said('（二）依申请公开。\n1.本年新收申请12件。\n2.全年办结12件。')).toEqual([12]);
    expect(said('（二）依申请公开。\n（1）本年新收申请12件。\n（2）全年办结11件。')).toEqual([]);
    expect(said('（二）依申请公开。\n全年办结12件。')).toEqual([]);
    expect(said('（五）建议提案办理。\n1.全年办结12件。')).toEqual([]);
  });
  it("leaves the closed of a part of the year (「一季度办结10件」) alone, and still reads the year's (hunt 13)", () => {
    // cleanT3: (七)总计 11.
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-results').map((f) => f.actual);
    expect(said('全年共收到政府信息公开申请12件。一季度办结3件，二季度办结5件。')).toEqual([]);
    expect(said('全年共收到政府信息公开申请12件。上半年办结6件，1—6月办结6件。')).toEqual([]);
    expect(said('全年共收到政府信息公开申请12件。全年办结12件，一季度办结3件。')).toEqual([12]);
  });

  it("a reason in its label's full words is one reason; all of a group given one reason (「均为」) is that reason's count (hunt 14)", () => {
    // cleanT3: 无法提供 3, all 本机关不掌握相关政府信息; 没有现成信息需要另行制作 0.
    const stated = (s1: string) => ofRule(findings({ s1 }), 'prose-results').map((f) => [f.cells![0]!.row, f.expected, f.actual]);
    expect(stated('无法提供3件，其中没有现成信息需要另行制作1件。')).toEqual([['3.4.2', 0, 1]]);
    expect(stated('无法提供的3件均为本机关不掌握相关政府信息。')).toEqual([]);
    expect(stated('无法提供的3件均为没有现成信息需要另行制作。')).toEqual([['3.4.2', 0, 3]]);
  });

  it("reads 办结 in section 三's prose under its table as the applications closed (hunt 14)", () => {
    // The prose corpus's baseline page: 53 new, 4 carried over, 54 closed.
    const base = readFileSync('test/fixtures/prose/build/common/tpl/base.html', 'utf8');
    const said = (closed: number) => {
      const at = base.indexOf('<h2>四、');
      const p = `<p>全年新收申请53件，加上年结转4件，共办理57件，办结${closed}件，结转下年度继续办理3件。</p>`;
      return ofRule(auditedHtml(base.slice(0, at) + p + base.slice(at)).findings, 'prose-results');
    };
    expect(said(55)).toEqual([expect.objectContaining({ expected: 54, actual: 55 })]);
    expect(said(54)).toEqual([]);
  });

  it('「未收到重复申请」 denies a kind of application table 3 counts under (五), which names its row (hunt 17)', () => {
    // Clean t3: 重复申请 0, 要求提供公开出版物 0; t3 below: 重复申请 1 (in (七)总计 and 不予处理 instead of 予以公开).
    const stated = (s1: string, t3 = cleanT3()) => ofRule(findings({ t3, s1 }), 'prose-results').map((f) => [f.cells![0]!.row, f.expected, f.actual]);
    const repeated = cleanT3();
    repeated['3.1'] = [4, 1, 0, 0, 0, 0, 5];
    repeated['3.5.2'] = [1, 0, 0, 0, 0, 0, 1];
    expect(stated('全年未收到重复申请。', repeated)).toEqual([['3.5.2', 1, 0]]);
    expect(stated('全年未收到重复申请。')).toEqual([]);
    expect(stated('未收到要求提供公开出版物的申请。', repeated)).toEqual([]);
    // Controls: none received at all is prose-applications'; two kinds named in one denial say no one row.
    expect(stated('全年未收到政府信息公开申请。', repeated)).toEqual([]);
    expect(stated('未收到重复申请或要求提供公开出版物的申请。', repeated)).toEqual([]);
    // Those not accepted, counted, are no denial of the kind (the count is read as the reason's own: 1 here).
    expect(stated('未受理重复申请1件。', repeated)).toEqual([]);
  });

  it('a cause before a group in its clause makes the count that cause’s, in any words; (六)’s reasons need no group named (hunt 18)', () => {
    const said = (text: string) => round18('prose-results', text, '四、');
    expect(said('因属于三类内容不予公开1件，因属于四类内容不予公开1件。')).toEqual([]);
    expect(said('不予公开1件。')).toEqual([[7, 1]]);
    expect(said('本年度未发生申请人无正当理由逾期不补正的情形。')).toEqual([[1, 0]]);
    // Controls: (六)'s other reason is 0 in the table; 「逾期未补正」 is 逾期不补正's paraphrase.
    expect(said('本年度未发生申请人逾期未按收费通知要求缴纳费用的情形。')).toEqual([]);
    expect(said('其他处理3件，其中申请人逾期未补正2件。')).toEqual([[1, 2]]);
  });
});

/** The prose corpus's baseline page (53 new, 4 carried over, 3 carried forward; t4 reviews 4, suits 3) with `text` at the end of section `before`'s predecessor. */
function round18(rule: string, text: string, before = '二、') {
  const base = readFileSync('test/fixtures/prose/build/common/tpl/base.html', 'utf8');
  const at = base.indexOf(`<h2>${before}`);
  return ofRule(auditedHtml(base.slice(0, at) + `<p>${text}</p>\n` + base.slice(at)).findings, rule).map((f) => [f.expected, f.actual]);
}
