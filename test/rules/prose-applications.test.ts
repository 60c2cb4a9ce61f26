import { describe, expect, it } from 'vitest';
import { cleanT3, makeReport } from '../helpers/make-report';
import { auditedHtml, auditedText, findings, ofRule } from '../helpers/rules';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';

describe('prose-applications', () => {
  it('leaves a portal’s AI summary box alone (「AI摘要」 … 「以上内容由AI生成」, variants Z44b), and reads the report after it', () => {
    const withBox = (box: string, s1?: string) => {
      const [title, ...rest] = makeReport(s1 ? { s1 } : {}).split('\n');
      return ofRule(auditedText([title, ...box.split('\n'), ...rest].join('\n')).findings, 'prose-applications');
    };
    const box = 'AI摘要\n本文为年度报告。收到政府信息公开申请15件，办结14件。\n以上内容由AI生成，仅供参考。';
    expect(withBox(box)).toEqual([]);
    // Without its disclaimer the box ends at the report's first heading.
    expect(withBox('AI摘要\n本文为年度报告。收到政府信息公开申请15件。')).toEqual([]);
    // Controls: the report's own wrong count after the box is read, and a summary not said to be generated is the report's.
    expect(withBox(box, '2023年，我局共收到政府信息公开申请15件。')).toEqual([expect.objectContaining({ expected: 12, actual: 15 })]);
    expect(withBox('内容摘要\n本文为年度报告。收到政府信息公开申请15件。')).toEqual([expect.objectContaining({ expected: 12, actual: 15 })]);
  });
  it('a count the table is said to leave out (「注：本表不含…受理的申请15件」) is not row 1; one left out of another figure (「（不含上年结转3件）」) is still the table’s (hunt 19)', () => {
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-applications').map((f) => f.actual);
    expect(said('2023年，我局共收到政府信息公开申请12件。注：本表不含本局所属事业单位受理的申请15件。')).toEqual([]);
    expect(said('2023年，我局共收到政府信息公开申请12件。本表统计数据不包括下属单位受理的申请15件。')).toEqual([]);
    expect(said('2023年，我局新收政府信息公开申请15件（不含上年结转）。')).toEqual([15]);
    expect(said('2023年，我局收到政府信息公开申请12件（不含上年结转1件）。')).toEqual([]);
    expect(said('2023年，我局收到政府信息公开申请12件（不含上年结转3件）。')).toEqual([3]);
  });
  it('bodies counted (「代管的3个街道办事处另行…共收到申请21件」) are other bodies; the body with its units (「本局及下属3个事业单位」) is not (prose round 21)', () => {
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-applications').map((f) => f.actual);
    expect(said('2023年，我委共收到政府信息公开申请12件。管委会代管的3个街道办事处另行编制年度报告，共收到申请21件。')).toEqual([]);
    expect(said('2023年，我委共收到政府信息公开申请12件。辖区内12个乡镇分别收到申请21件。')).toEqual([]);
    // Controls: the body and its units together, and the body alone, are the table's.
    expect(said('2023年，本局及下属3个事业单位共收到政府信息公开申请15件。')).toEqual([15]);
    expect(said('2023年，我委共收到政府信息公开申请21件。')).toEqual([21]);
  });
  it('a count or a denial of a part of the year (「截至11月底，」「第一季度」「有5个月」) is not row 1; 「截至12月底」 and the whole year are (hunt 19)', () => {
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-applications').map((f) => f.actual);
    expect(said('2023年，我局共收到政府信息公开申请12件。截至11月底，已收到申请15件。')).toEqual([]);
    expect(said('2023年，我局共收到政府信息公开申请12件。截至12月底，共收到申请15件。')).toEqual([15]);
    expect(said('第一季度未收到政府信息公开申请。')).toEqual([]);
    expect(said('全年有5个月未收到政府信息公开申请。')).toEqual([]);
    expect(said('全年未收到政府信息公开申请。')).toEqual([0]);
  });
  describe('approximate counts (「60余件」「近60件」「约60件」「60件左右」, hunt 20)', () => {
    /** The findings of prose-applications on a report whose row 1 holds `received` new applications. */
    const roughly = (s1: string, received: number) => {
      const t3 = cleanT3();
      t3['1'] = [received, 0, 0, 0, 0, 0, received];
      return ofRule(findings({ t3, s1 }), 'prose-applications');
    };
    it('a table value outside what the words allow is a warning, naming the range', () => {
      for (const [s1, received] of [
        ['2023年，共收到政府信息公开申请60余件。', 53],
        ['2023年，共收到政府信息公开申请100余件。', 95],
        ['2023年，共收到政府信息公开申请近60件。', 61],
        ['2023年，共收到政府信息公开申请五十多件。', 60],
        ['2023年，共收到政府信息公开申请1000余件。', 2000],
      ] as const) {
        const fs = roughly(s1, received);
        expect(fs, s1).toEqual([expect.objectContaining({ severity: 'warning', expected: received })]);
      }
      expect(roughly('2023年，共收到政府信息公开申请60余件。', 53)[0]!.message).toContain('「60余件」（约数，应在 61～69 件之间）');
      expect(roughly('2023年，共收到政府信息公开申请120余件。', 130)[0]!.message).toContain('121～129');
    });
    it('silent inside the range, and for other units (「60余人次」) and words (「最近」「其余」)', () => {
      for (const [s1, received] of [
        ['2023年，共收到政府信息公开申请60余件。', 63],
        ['2023年，共收到政府信息公开申请100余件。', 150],
        ['2023年，共收到政府信息公开申请近60件。', 57],
        ['2023年，共收到政府信息公开申请约60件。', 58],
        ['2023年，共收到政府信息公开申请60件左右。', 66],
        ['2023年，共收到政府信息公开申请53件，接待现场咨询60余人次。', 53],
        ['2023年，共收到政府信息公开申请53件，其余60件为咨询。', 53],
        ['2023年，全年平均每月收到申请约4件。', 53],
      ] as const)
        expect(roughly(s1, received), s1).toEqual([]);
      // The control: the same words with a value outside (an exact count is still an error).
      expect(roughly('2023年，共收到政府信息公开申请约60件。', 80)).toEqual([expect.objectContaining({ severity: 'warning' })]);
      expect(roughly('2023年，共收到政府信息公开申请60件。', 63)).toEqual([expect.objectContaining({ severity: 'error', actual: 60 })]);
    });
    it('N余/N多 holds exactly from N + 1 to short of the next step of N’s last rounded place (property)', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 99 }),
          fc.integer({ min: 1, max: 2 }),
          fc.constantFrom('余', '多'),
          fc.integer({ min: 0, max: 3000 }),
          (d, k, word, received) => {
            const n = d * 10 ** k;
            const step = 10 ** (String(n).length - String(n).replace(/0+$/, '').length);
            const inside = received > n && received < n + step;
            expect(roughly(`2023年，共收到政府信息公开申请${n}${word}件。`, received)).toHaveLength(inside ? 0 : 1);
          },
        ),
        { numRuns: 40 },
      );
    });
    it('近N never holds a value above N, 约N is read on both sides (property)', () => {
      fc.assert(
        fc.property(fc.integer({ min: 5, max: 500 }), fc.integer({ min: 1, max: 50 }), (n, over) => {
          expect(roughly(`2023年，共收到政府信息公开申请近${n}件。`, n + over)).toHaveLength(1);
          expect(roughly(`2023年，共收到政府信息公开申请近${n}件。`, n)).toHaveLength(0);
          expect(roughly(`2023年，共收到政府信息公开申请约${n}件。`, n)).toHaveLength(0);
          expect(roughly(`2023年，共收到政府信息公开申请约${n}件。`, 3 * n)).toHaveLength(1);
        }),
        { numRuns: 30 },
      );
    });
  });
  it('a count alone in brackets after its label (「收到申请（15件）」) reads as one written beside it; not a bracket after a count (hunt 20)', () => {
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-applications').map((f) => f.actual);
    expect(said('2023年，我局收到政府信息公开申请（15件），上年结转（1件）。')).toEqual([15]);
    expect(said('2023年，我局收到政府信息公开申请（12件），上年结转（1件）。')).toEqual([]);
    expect(said('2023年，我局收到政府信息公开申请12件（15件为网上申请）。')).toEqual([]);
  });
  it('「结转至2023年的1件申请，均已办结」 closes the carried-over ones; those carried to next year are not (hunt 20)', () => {
    // cleanT3: 2 carried forward.
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-applications').map((f) => f.actual);
    expect(said('上年度报告中结转至2023年的1件申请，已全部办结。')).toEqual([]);
    expect(said('结转至本年度的1件申请，均已办结。')).toEqual([]);
    expect(said('结转至2024年的2件申请，已全部办结。')).toEqual([0]);
  });
  it('stated count against row 1', () => {
    const fs = ofRule(findings({ s1: '2023年，我局共收到政府信息公开申请15件。' }), 'prose-applications');
    expect(fs).toEqual([expect.objectContaining({ expected: 12, actual: 15, cells: [{ table: 't3', row: '1', column: 'total' }] })]);
    expect(fs[0]!.excerpt).toContain('15件');
  });
  it('reads a count written with thousands separators (「1,215件」), and no other number', () => {
    const fs = ofRule(findings({ s1: '2023年，我局共收到政府信息公开申请1,215件。' }), 'prose-applications');
    expect(fs).toEqual([expect.objectContaining({ expected: 12, actual: 1215 })]);
    expect(ofRule(findings({ s1: '2023年，我局共收到政府信息公开申请12件，接待咨询1,000人次。' }), 'prose-applications')).toEqual([]);
  });
  it('reads last year’s figures as last year’s, and a comparison only to the end of its clause', () => {
    expect(ofRule(findings({ s1: '与上年收到政府信息公开申请41件相比，本年度共收到申请12件。' }), 'prose-applications')).toEqual([]);
    expect(ofRule(findings({ s1: '2022年度我局未收到政府信息公开申请，2023年度共收到申请12件。' }), 'prose-applications')).toEqual([]);
    expect(ofRule(findings({ s1: '较上年有所增加，本年度共收到申请15件。' }), 'prose-applications')).toEqual([
      expect.objectContaining({ expected: 12, actual: 15 }),
    ]);
  });
  it('leaves counts of several years alone (「近三年」「2021年至2023年」「三年来」), but not this year since its start', () => {
    for (const s1 of ['近三年共收到政府信息公开申请30件。', '2021年至2023年共收到申请30件。', '三年来累计收到申请30件。'])
      expect(ofRule(findings({ s1 }), 'prose-applications'), s1).toEqual([]);
    for (const s1 of ['2023年以来，我局共收到政府信息公开申请15件。', '今年以来，我局共收到政府信息公开申请15件。'])
      expect(ofRule(findings({ s1 }), 'prose-applications'), s1).toEqual([expect.objectContaining({ actual: 15 })]);
  });
  it('reads a count in Chinese numerals (「十五件」), not a number that is part of a word', () => {
    expect(ofRule(findings({ s1: '2023年，我局共收到政府信息公开申请十五件。' }), 'prose-applications')).toEqual([
      expect.objectContaining({ expected: 12, actual: 15 }),
    ]);
    expect(ofRule(findings({ s1: '2023年，我局共收到政府信息公开申请十二件。' }), 'prose-applications')).toEqual([]);
  });
  it('「未收到申请」 while row 1 is not zero', () => {
    const fs = ofRule(findings({ s1: '2023年，未收到政府信息公开申请。' }), 'prose-applications');
    expect(fs).toHaveLength(1);
    // Seed 000's words: every application, not applications of one kind (recall round 2, P17).
    expect(ofRule(findings({ s1: '2023年，本机关未收到有关政府信息公开事务的申请。' }), 'prose-applications')).toHaveLength(1);
    expect(ofRule(findings({ s1: '2023年，本机关未收到有关征地拆迁事项的申请。' }), 'prose-applications')).toEqual([]);
  });
  it('carried-over counts', () => {
    const fs = ofRule(findings({ s1: '共收到政府信息公开申请12件，上年结转3件。' }), 'prose-applications');
    expect(fs).toEqual([expect.objectContaining({ expected: 1, actual: 3 })]);
  });
  it('a review application is not an information application', () => {
    expect(ofRule(findings({ s1: '共收到行政复议申请2件。' }), 'prose-applications')).toEqual([]);
  });
  it('silent when the prose agrees with the table', () => {
    expect(ofRule(findings(), 'prose-applications')).toEqual([]);
  });
  it('「受理 N 件，其中新收 a 件、上年结转 b 件」: N is rows 一 + 二, a is row 一, b is row 二 — in one sentence or the next', () => {
    // cleanT3: row 一 total 12, row 二 total 1.
    expect(ofRule(findings({ s1: '全年共受理政府信息公开申请13件，其中新收12件、上年结转1件。' }), 'prose-applications')).toEqual([]);
    expect(ofRule(findings({ s1: '全年共受理政府信息公开申请13件。其中，本年新收12件，上年结转1件。' }), 'prose-applications')).toEqual([]);
    expect(ofRule(findings({ s1: '全年共受理政府信息公开申请15件，其中新收12件、上年结转1件。' }), 'prose-applications')).toEqual([
      expect.objectContaining({
        expected: 13,
        actual: 15,
        cells: [
          { table: 't3', row: '1', column: 'total' },
          { table: 't3', row: '2', column: 'total' },
        ],
      }),
    ]);
    expect(ofRule(findings({ s1: '全年共受理政府信息公开申请13件，其中新收10件、上年结转1件。' }), 'prose-applications')).toEqual([
      expect.objectContaining({ expected: 12, actual: 10 }),
    ]);
  });
  it('「处理申请 N 件（含上年结转）」 counts rows 一 and 二, as 办理 does (clean: 12 + 1)', () => {
    for (const verb of ['办理', '处理']) {
      const s1 = `全年共${verb}政府信息公开申请14件（含上年结转1件）。`;
      expect(ofRule(findings({ s1 }), 'prose-applications'), s1).toEqual([expect.objectContaining({ expected: 13, actual: 14 })]);
      expect(ofRule(findings({ s1: s1.replace('14件', '13件') }), 'prose-applications')).toEqual([]);
    }
  });
  it('「所有申请均已按时办结」 while row 四 carries applications forward', () => {
    const fs = ofRule(findings({ s1: '2023年共收到政府信息公开申请12件，所有申请均已按时办结。' }), 'prose-applications');
    expect(fs).toEqual([expect.objectContaining({ expected: 2, actual: 0, cells: [{ table: 't3', row: '4', column: 'total' }] })]);
    expect(ofRule(findings({ s1: '2023年共收到政府信息公开申请12件，全部办结。' }), 'prose-applications')).toHaveLength(1);
  });
  it('「均已办结」 is silent when nothing is carried forward, or when it speaks of last year’s', () => {
    // Row 四 = 0: every column balances with (七)总计 = 一 + 二.
    const t3 = cleanT3();
    t3['3.1'] = [7, 1, 0, 0, 0, 0, 8];
    t3['3.7'] = [11, 2, 0, 0, 0, 0, 13];
    t3['4'] = [0, 0, 0, 0, 0, 0, 0];
    expect(ofRule(findings({ t3, s1: '2023年共收到政府信息公开申请12件，所有申请均已按时办结。' }), 'prose-applications')).toEqual([]);
    expect(ofRule(findings({ s1: '上年结转的1件申请均已办结。' }), 'prose-applications')).toEqual([]);
  });
  it('with blanks: silent while some values of the blanks give the stated number, fires once the filled cells exceed it', () => {
    const t3 = cleanT3();
    t3['1'] = [10, '', 0, 0, 0, 0, '']; // the commercial count and the total are blank; the identities give 2 and 12
    expect(ofRule(findings({ t3, s1: '2023年，我局共收到政府信息公开申请12件，上年结转1件。' }), 'prose-applications')).toEqual([]);
    expect(ofRule(findings({ t3, s1: '2023年，我局共收到政府信息公开申请9件，上年结转1件。' }), 'prose-applications')).toEqual([
      expect.objectContaining({ expected: 12, actual: 9 }),
    ]);
  });
  it('applications by applicant: row 一 by column, or rows 一 and 二 together (clean: 自然人 10 + 1 carried, 商业企业 2)', () => {
    const stated = (s1: string) => ofRule(findings({ s1 }), 'prose-applications').map((f) => [f.cells!.map((c) => `${c.row}/${c.column}`).join(' '), f.actual]);
    expect(stated('2023年共收到政府信息公开申请12件，其中自然人申请13件，法人或其他组织申请2件。')).toEqual([['1/natural', 13]]);
    expect(stated('其中，法人或其他组织提出申请3件。')).toEqual([['1/commercial 1/research 1/nonprofit 1/legal 1/other', 3]]);
    expect(stated('商业企业申请1件。')).toEqual([['1/commercial', 1]]);
    expect(stated('2023年共收到政府信息公开申请12件，其中自然人申请10件，法人或其他组织申请2件。')).toEqual([]);
    // 11: the new ones and the one carried over.
    expect(stated('自然人提出的申请11件（含上年结转1件）。')).toEqual([]);
  });
  it('applications by applicant: not everyone (「公民、法人或者其他组织」), not persons, not another year or kind', () => {
    for (const s1 of [
      '公民、法人或者其他组织申请12件。',
      '自然人、法人或其他组织提出申请12件。',
      '自然人40人次。',
      '2022年自然人申请30件。',
      '办理自然人行政许可申请200件。',
    ])
      expect(ofRule(findings({ s1 }), 'prose-applications'), s1).toEqual([]);
  });

  it('reads a count where the body is named with words of another kind (「政务服务和大数据管理局」, recall round 5, seed 001)', () => {
    for (const s1 of ['2023年开封市政务服务和大数据管理局共收到信息公开申请15件。', '2023年，市行政审批和政务服务局共收到政府信息公开申请15件。'])
      expect(ofRule(findings({ s1 }), 'prose-applications'), s1).toEqual([expect.objectContaining({ expected: 12, actual: 15 })]);
    // Applications of that kind stay apart: 政务服务事项, 行政审批.
    for (const s1 of ['2023年，市政务服务和大数据管理局共收到政务服务事项申请15件。', '2023年，我局政务服务中心共受理行政审批申请15件。'])
      expect(ofRule(findings({ s1 }), 'prose-applications'), s1).toEqual([]);
  });

  it('leaves applications of another kind, other bodies’ and a qualified denial alone (round 24 hunt)', () => {
    for (const s1 of [
      '全年共受理不动产登记申请12680件。',
      '全年收到国家赔偿申请2件。',
      '全县各级行政机关共收到政府信息公开申请356件。',
      '各直属单位另收到政府信息公开申请126件。',
      '二〇二二年我局收到政府信息公开申请41件，本年度收到申请12件。',
      '前一年度我局收到政府信息公开申请41件，本年度收到申请12件。',
      '不存在应受理而未受理的政府信息公开申请。',
      '全年无超期办理的政府信息公开申请。',
      '予以公开和部分公开7件，占全部办结申请的63.6%。',
      '所有依申请公开答复文书在办结前均经法律顾问审核。',
      '全年收到政府信息公开申请12件，办结11件（含上年结转），结转下年度2件。',
      '提案28件（含上年结转2件）均已办复。',
      // The bracket names a part of the 12 and closes: the carried-over one after it is no part of them.
      '全年共收到政府信息公开申请12件（含不动产登记资料查询申请5件），上年结转1件。',
    ])
      expect(ofRule(findings({ s1 }), 'prose-applications'), s1).toEqual([]);
  });
  it('leaves the counts of sub-units and outposts named in the plural alone, not a body that names its villages or its headquarters (hunt 9)', () => {
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-applications');
    for (const s1 of [
      '下辖8个区县税务局共收到政府信息公开申请97件。',
      '关区各隶属海关另收到政府信息公开申请12件。',
      '各市场监管所另收到政府信息公开申请9件。',
      '各税务分局、税务所共受理政府信息公开申请17件。',
      '管委会机关及所属各局共收到政府信息公开申请71件。',
      '各市场监管所未收到政府信息公开申请。',
      '全关区共收到政府信息公开申请186件。',
      '全国海关共收到政府信息公开申请1,286件。',
    ])
      expect(said(s1), s1).toEqual([]);
    expect(said('我镇下辖12个行政村，全年共收到政府信息公开申请15件。')).toEqual([expect.objectContaining({ expected: 12, actual: 15 })]);
    expect(said('本关隶属海关总署，全年共收到政府信息公开申请15件。')).toEqual([expect.objectContaining({ expected: 12, actual: 15 })]);
  });
  it('still reads disclosure applications named as such, and denials of carrying forward (round 24 hunt)', () => {
    expect(ofRule(findings({ s1: '全年共收到公民、法人或者其他组织以书面形式提出的政府信息公开申请15件。' }), 'prose-applications')).toEqual([
      expect.objectContaining({ expected: 12, actual: 15 }),
    ]);
    expect(ofRule(findings({ s1: '全年共受理各类申请15件。' }), 'prose-applications')).toHaveLength(1);
    for (const s1 of ['全年共收到政府信息公开申请12件，所有申请均已办理完毕。', '全年共收到政府信息公开申请12件，不存在结转下年度办理的申请。'])
      expect(ofRule(findings({ s1 }), 'prose-applications'), s1).toEqual([expect.objectContaining({ expected: 2, actual: 0 })]);
  });

  it('reads applications carried forward when the count comes first (「尚有3件在办理期限内」「另有3件…结转至2024年」)', () => {
    for (const s1 of ['全年收到申请12件，已答复11件，尚有3件在办理期限内。', '另有3件申请因在年底前收到、尚在答复期限内，结转至2024年继续办理。'])
      expect(ofRule(findings({ s1 }), 'prose-applications'), s1).toEqual([expect.objectContaining({ expected: 2, actual: 3 })]);
    for (const s1 of ['全年收到申请12件，尚有2件正在办理。', '另有3件信访事项正在办理。'])
      expect(ofRule(findings({ s1 }), 'prose-applications'), s1).toEqual([]);
  });

  it('takes an applicant split of another row’s total for that row’s, and 「全部办结，无结转下年度」 as one claim (round 24 hunt)', () => {
    for (const s1 of ['上年结转1件，其中自然人1件。', '予以公开6件，其中自然人5件、法人或其他组织1件。'])
      expect(ofRule(findings({ s1 }), 'prose-applications'), s1).toEqual([]);
    expect(ofRule(findings({ s1: '共收到政府信息公开申请12件，其中自然人申请13件。' }), 'prose-applications')).toHaveLength(1);
    expect(ofRule(findings({ s1: '本镇收到申请12件，全部办结，无结转下年度的申请。' }), 'prose-applications')).toEqual([
      expect.objectContaining({ expected: 2, actual: 0 }),
    ]);
  });

  it('leaves counts of a quarter, a month’s average, the new ones among those answered, and carried ones by applicant alone (round 24 hunt)', () => {
    for (const s1 of [
      '第一季度收到申请3件、第二季度5件、第三季度2件、第四季度2件。',
      '上半年收到申请5件，下半年收到申请7件。',
      '全年月均收到申请1件，月均办结0.9件。',
      '全年答复申请11件，其中当年新收申请10件、上年结转申请1件。',
      '上年结转的1件中，自然人申请1件。',
      '结转下年度继续办理的2件中，自然人申请2件。',
    ])
      expect(ofRule(findings({ s1 }), 'prose-applications'), s1).toEqual([]);
  });

  it('reads 「均已全部回复」 as all closed (round 24 hunt)', () => {
    expect(ofRule(findings({ s1: '共收到信息公开申请12件，均已全部回复。' }), 'prose-applications')).toEqual([
      expect.objectContaining({ expected: 2, actual: 0 }),
    ]);
  });

  // cleanT3: row 一 12, row 二 1, row 四 2; the report is for 2023.
  it('leaves 「均已办结」 of another kind of application, or of a few named by their count, alone (hunt 7)', () => {
    for (const s1 of [
      '受理义务教育阶段入学申请3,562件，全部按时办结。',
      '全年收到临时救助申请1,234件，审核批准1,186件，均在规定时限内办结。',
      '依法延长答复期限的申请4件，均在延长期限内办结。',
      '同一申请人就同一事项提出的5件申请，均已依法办结。',
    ])
      expect(ofRule(findings({ s1 }), 'prose-applications'), s1).toEqual([]);
    // As many as the year's new ones: all of them.
    expect(ofRule(findings({ s1: '全年共收到政府信息公开申请12件，均已依法办结。' }), 'prose-applications')).toEqual([
      expect.objectContaining({ expected: 2, actual: 0 }),
    ]);
    expect(ofRule(findings({ s1: '受理政府信息公开申请12件，全部按时办结。' }), 'prose-applications')).toHaveLength(1);
    // 「所有申请」 names its own subject: not the reason's count before it.
    expect(ofRule(findings({ s1: '本年度予以公开6件，重复申请1件，所有申请均已办结。' }), 'prose-applications')).toHaveLength(1);
  });
  it('reads 「答复完毕」 and a bare 「无结转」 as nothing carried forward, but not 「上年无结转」 (hunt 7)', () => {
    expect(ofRule(findings({ s1: '共收到政府信息公开申请12件，所有申请均在法定期限内答复完毕，无结转。' }), 'prose-applications')).toEqual([
      expect.objectContaining({ expected: 2, actual: 0, cells: [{ table: 't3', row: '4', column: 'total' }] }),
    ]);
    expect(ofRule(findings({ s1: '共收到政府信息公开申请12件，本年度无结转。' }), 'prose-applications')).toHaveLength(1);
    // 「上年无结转」 denies row 二 (1 here), not row 四.
    expect(ofRule(findings({ s1: '共收到政府信息公开申请12件，上年无结转。' }), 'prose-applications')).toEqual([
      expect.objectContaining({ expected: 1, actual: 0, cells: [{ table: 't3', row: '2', column: 'total' }] }),
    ]);
  });
  it('takes applications on a subject, of some months or of one month for parts, not the year’s whole (hunt 7)', () => {
    for (const s1 of [
      '收到有关征地拆迁的政府信息公开申请5件，占新收申请的41.7%。',
      '从时间分布看，1—6月收到申请5件，7—12月收到申请7件。',
      '申请量最多的月份为12月，当月收到申请3件。',
      '1月1日至6月30日收到申请5件。',
    ])
      expect(ofRule(findings({ s1 }), 'prose-applications'), s1).toEqual([]);
    for (const s1 of ['1—12月共收到政府信息公开申请15件。', '截至12月31日，共收到政府信息公开申请15件。', '收到涉及政府信息公开的申请15件。'])
      expect(ofRule(findings({ s1 }), 'prose-applications'), s1).toEqual([expect.objectContaining({ expected: 12, actual: 15 })]);
  });
  it('reads 「新增…申请」 and 「申请量」 as the year’s new applications, 新增 only with 申请 (hunt 7)', () => {
    for (const s1 of ['全年新增政府信息公开申请15件，上年结转1件。', '全年政府信息公开申请量为15件，上年结转1件。'])
      expect(ofRule(findings({ s1 }), 'prose-applications'), s1).toEqual([expect.objectContaining({ expected: 12, actual: 15 })]);
    for (const s1 of [
      '全年新增政府信息公开申请12件，上年结转1件。',
      '全年申请总量13件，其中2023年新收12件，2022年结转1件。',
      '本年度新增15件。',
      '同比新增申请3件。',
    ])
      expect(ofRule(findings({ s1 }), 'prose-applications'), s1).toEqual([]);
  });
  it('reads carrying forward to next year and over from last year named by their year (hunt 7)', () => {
    const s1 = '截至2023年底，尚在法定答复期限内的申请3件，结转至2024年继续办理。';
    expect(ofRule(findings({ s1 }), 'prose-applications')).toEqual([
      expect.objectContaining({ expected: 2, actual: 3, cells: [{ table: 't3', row: '4', column: 'total' }] }),
    ]);
    expect(ofRule(findings({ s1: '另有2022年度结转至本年度办理的申请3件。' }), 'prose-applications')).toEqual([
      expect.objectContaining({ expected: 1, actual: 3, cells: [{ table: 't3', row: '2', column: 'total' }] }),
    ]);
    for (const ok of [
      '截至2023年底，尚在法定答复期限内的申请2件，结转至2024年继续办理。',
      '另有2022年度结转至本年度办理的申请1件。',
      '另有信访件3件，结转至2024年办理。',
      '2022年尚在答复期限内的申请3件，结转至2023年继续办理。',
    ])
      expect(ofRule(findings({ s1: ok }), 'prose-applications'), ok).toEqual([]);
  });

  it('reads a sentence that restates one applicant kind’s column as that column’s, not the rows’ totals (round 8 hunt)', () => {
    // cleanT3, 商业企业: new 2, none carried either way, closed 2 (予以公开 1, 本机关不掌握 1).
    for (const s1 of ['法人或其他组织申请2件，办结2件，其中予以公开1件、无法提供1件，结转下年度0件。', '商业企业申请2件，均已办结，其中予以公开1件。'])
      expect(ofRule(findings({ s1 }), 'prose-applications'), s1).toEqual([]);
    // Its own count is still the column's; a sentence naming two kinds is not one kind's.
    expect(ofRule(findings({ s1: '法人或其他组织申请3件，办结2件，其中予以公开1件。' }), 'prose-applications')).toEqual([
      expect.objectContaining({ actual: 3 }),
    ]);
    expect(ofRule(findings({ s1: '自然人申请10件，法人或其他组织申请2件，结转下年度3件。' }), 'prose-applications')).toEqual([
      expect.objectContaining({ expected: 2, actual: 3 }),
    ]);
  });

  it('says a number two claims read once (「另有3件申请结转至2024年」), and each item of a 分别 list (round 8 hunt)', () => {
    expect(ofRule(findings({ s1: '全年收到申请12件，另有3件申请结转至2024年继续办理。' }), 'prose-applications')).toHaveLength(1);
    expect(ofRule(findings({ s1: '自然人、法人或其他组织分别提出申请10件、3件。' }), 'prose-applications')).toEqual([expect.objectContaining({ actual: 3 })]);
    expect(ofRule(findings({ s1: '自然人、法人或其他组织分别提出申请10件、2件。' }), 'prose-applications')).toEqual([]);
  });

  it('reads 「2022年全年」 as the year just named, and two organs side by side as other bodies (round 8 hunt)', () => {
    for (const s1 of ['上一年度报告显示，2022年全年收到申请47件。', '县自然资源局、县住房和城乡建设局分别收到申请38件、26件。'])
      expect(ofRule(findings({ s1 }), 'prose-applications'), s1).toEqual([]);
    for (const s1 of ['2023年全年收到申请47件。', '上一年度报告显示，2022年收到申请9件；2023年全年收到申请47件。'])
      expect(ofRule(findings({ s1 }), 'prose-applications'), s1).toEqual([expect.objectContaining({ expected: 12, actual: 47 })]);
  });

  it('reads 「自然人：新收N件」 lines and 「结转至2024年继续办理的申请N件」 (round 8 hunt)', () => {
    // cleanT3: natural new 10 (11 with carried), forward 2.
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-applications');
    expect(said('自然人：新收12件，上年结转1件，办结9件，结转下年度2件。')).toEqual([expect.objectContaining({ actual: 12 })]);
    expect(said('自然人：新收10件，上年结转1件，办结9件，结转下年度2件。')).toEqual([]);
    expect(said('全年办结11件，结转至2024年继续办理的申请3件。')).toEqual([expect.objectContaining({ expected: 2, actual: 3 })]);
    for (const ok of ['全年办结11件，结转至2024年继续办理的申请2件。', '结转至2024年继续办理的信访件5件。']) expect(said(ok), ok).toEqual([]);
  });

  it('reads a note row across table 3 (「注：…」) as prose (round 8 hunt)', () => {
    // The prose corpus's baseline page: carried forward 3.
    const base = readFileSync('test/fixtures/prose/build/common/tpl/base.html', 'utf8');
    const withNote = (note: string) => {
      const end = base.indexOf('</tr>', base.indexOf('四、结转下年度继续办理')) + 5;
      return base.slice(0, end) + `<tr><td colspan="10">${note}</td></tr>` + base.slice(end);
    };
    const said = (note: string) => ofRule(auditedHtml(withNote(note)).findings, 'prose-applications');
    expect(said('注：结转下年度继续办理的4件申请均未超过法定答复期限。')).toEqual([expect.objectContaining({ expected: 3, actual: 4 })]);
    expect(said('注：结转下年度继续办理的3件申请均未超过法定答复期限。')).toEqual([]);
    // A label cell 「说明」 and the note spanning the rest of the row (hunt 12).
    const labelled = (note: string) => said(`说明</td><td colspan="9">${note}`);
    expect(labelled('结转下年度继续办理的4件申请均未超过法定答复期限。')).toEqual([expect.objectContaining({ expected: 3, actual: 4 })]);
    expect(labelled('结转下年度继续办理的3件申请均未超过法定答复期限。')).toEqual([]);
  });

  it('reads none received said as nought, 「零申请」 and 「无一件申请」, not none of one kind or from one kind of applicant (round 10 hunt)', () => {
    // cleanT3: row 一 is 12.
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-applications');
    for (const s1 of [
      '全年政府信息公开申请数量为零。',
      '2023年度，我局依申请公开情况为“零申请”。',
      '本年度依申请公开工作无一件申请。',
      '本年度依申请公开数量：0件。',
    ])
      expect(said(s1), s1).toEqual([expect.objectContaining({ expected: 12, actual: 0 })]);
    for (const s1 of [
      '其中涉及户籍管理的申请为零。',
      '本年度没有收到外国人提出的政府信息公开申请。',
      '全年未收到人大代表、政协委员提出的政府信息公开申请。',
      '全年无一件申请超期。',
    ])
      expect(said(s1), s1).toEqual([]);
  });

  it('reads 「无上年结转申请」 against row 二 (round 10 hunt)', () => {
    expect(ofRule(findings({ s1: '共收到政府信息公开申请12件，无上年结转申请。' }), 'prose-applications')).toEqual([
      expect.objectContaining({ expected: 1, actual: 0, cells: [{ table: 't3', row: '2', column: 'total' }] }),
    ]);
    // Nothing carried over: the year's 13 new ones are rows 三 and 四.
    const t3 = { ...cleanT3(), '1': [11, 2, 0, 0, 0, 0, 13], '2': [0, 0, 0, 0, 0, 0, 0] };
    expect(ofRule(findings({ s1: '共收到政府信息公开申请13件，无上年结转申请。', t3 }), 'prose-applications')).toEqual([]);
  });

  it('reads a running total (「截至…，累计」) as no year’s count, 「全年累计」 as the year’s (round 10 hunt)', () => {
    expect(ofRule(findings({ s1: '截至2023年底，累计收到政府信息公开申请612件。' }), 'prose-applications')).toEqual([]);
    expect(ofRule(findings({ s1: '全年累计收到政府信息公开申请15件。' }), 'prose-applications')).toEqual([expect.objectContaining({ actual: 15 })]);
  });

  it('pairs years and counts given 分别 across 「收到政府信息公开申请」, and reads labels in quotes (round 10 hunt)', () => {
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-applications');
    expect(said('2022年、2023年分别收到政府信息公开申请48件、15件。')).toEqual([expect.objectContaining({ expected: 12, actual: 15 })]);
    expect(said('2022年、2023年分别收到政府信息公开申请48件、12件。')).toEqual([]);
    expect(said('表中“本年新收政府信息公开申请数量”为15件。')).toEqual([expect.objectContaining({ expected: 12, actual: 15 })]);
    for (const ok of ['表中“本年新收政府信息公开申请数量”为12件。', '表中“上年结转政府信息公开申请数量”1件。']) expect(said(ok), ok).toEqual([]);
  });

  it('reads a sentence across a PDF’s running title, and hospitals 委属 as other bodies (round 10 hunt)', () => {
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-applications');
    expect(said('2023年，我局共收到政府信息公开\n示范市测试局2023年政府信息公开工作年度报告\n申请15件。')).toEqual([
      expect.objectContaining({ expected: 12, actual: 15 }),
    ]);
    expect(said('委属医院另收到患者提出的信息公开申请142件。')).toEqual([]);
  });
  it('reads no carried-over count after a bracket closes (「收到申请（含上年结转）13件」 is the whole) (hunt 11)', () => {
    // cleanT3: 12 new, 1 carried over.
    expect(ofRule(findings({ s1: '全年共收到政府信息公开申请（含上年结转）13件。' }), 'prose-applications')).toEqual([]);
    expect(ofRule(findings({ s1: '全年共收到政府信息公开申请12件，上年结转（含退回补正）2件。' }), 'prose-applications')).toEqual([
      expect.objectContaining({ expected: 1, actual: 2 }),
    ]);
  });
  it("reads 「…申请12件，均为自然人申请」 as none from 法人或其他组织 in row 一, not 均为 of a part or a row's (hunt 13)", () => {
    // cleanT3: row 一 has 自然人 10, 商业企业 2.
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-applications');
    for (const all of ['共收到政府信息公开申请12件，均为自然人申请。', '新收的12件申请全部为自然人申请。', '共收到政府信息公开申请12件，均为个人提出。'])
      expect(said(all), all).toEqual([expect.objectContaining({ expected: 2, actual: 0 })]);
    // Said with a denial of the others too, it is one wrong statement, reported once.
    expect(said('共收到政府信息公开申请12件，均为自然人申请，未收到法人或其他组织提出的申请。')).toHaveLength(1);
    for (const part of [
      '共收到政府信息公开申请12件。予以公开的6件均为自然人申请。',
      '共收到政府信息公开申请12件。涉及养老补贴的申请均为自然人提出。',
      '共收到政府信息公开申请12件，上年结转的1件均为自然人申请。',
      '共收到政府信息公开申请12件，均为个人信息查询。',
      '共收到政府信息公开申请12件，均为书面申请。',
    ])
      expect(said(part), part).toEqual([]);
  });

  it('a comparison with a year by its number (「比2022年多收到申请5件」) holds to the end of its clause only (hunt 14)', () => {
    const said = (received: number) =>
      ofRule(
        findings({ s1: `2023年，我局共收到政府信息公开申请12件，上年结转1件。本年度比2022年多收到申请5件，共收到申请${received}件。` }),
        'prose-applications',
      );
    expect(said(15)).toEqual([expect.objectContaining({ expected: 12, actual: 15 })]);
    expect(said(12)).toEqual([]);
  });

  it('goes on from a short line cut by a <br> to the count that opens the next (hunt 14)', () => {
    // The prose corpus's baseline page: 53 new. A line of six characters with no end is no heading when its count follows.
    const base = readFileSync('test/fixtures/prose/build/common/tpl/base.html', 'utf8');
    const said = (p: string) => {
      const at = base.indexOf('<h2>五、');
      return ofRule(auditedHtml(base.slice(0, at) + `<p>${p}</p>` + base.slice(at)).findings, 'prose-applications');
    };
    expect(said('本年新收申请<br>35件，均已登记。')).toEqual([expect.objectContaining({ expected: 53, actual: 35 })]);
    expect(said('本年新收申请<br>53件，均已登记。')).toEqual([]);
  });

  it('carried-over ones in a clause of their own after parts that add up are beside the whole, not in it (recall round 9)', () => {
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-applications');
    expect(said('共收到政府信息公开申请12件，其中网上申请8件、当面申请4件，上年结转1件。')).toEqual([]);
    expect(said('共收到政府信息公开申请11件，其中网上申请7件、当面申请4件，上年结转1件。')).toEqual([expect.objectContaining({ expected: 12, actual: 11 })]);
    // Parts that do not add up to the whole without them: the whole holds the carried-over ones (rows 一 and 二).
    expect(said('共收到政府信息公开申请13件，其中新收12件，上年结转1件。')).toEqual([]);
    expect(said('共收到政府信息公开申请14件，其中新收12件，上年结转1件。')).toEqual([expect.objectContaining({ expected: 13, actual: 14 })]);
  });

  it('the body’s own part named by the whole’s verb (「全县…收到120件，其中本机关收到15件」) (recall round 9)', () => {
    const said = (n: number) => ofRule(findings({ s1: `全县各级行政机关共收到政府信息公开申请120件，其中本机关收到${n}件。` }), 'prose-applications');
    expect(said(15)).toEqual([expect.objectContaining({ expected: 12, actual: 15 })]);
    expect(said(12)).toEqual([]);
  });

  it('an applicant split in brackets after the carried-over count is of those (hunt 16)', () => {
    // Clean t3: 12 new (自然人 10, 商业企业 2), 1 carried over (自然人).
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-applications').map((f) => [f.expected, f.actual]);
    expect(said('共收到政府信息公开申请12件，上年结转1件（自然人1件）。')).toEqual([]);
    expect(said('共收到政府信息公开申请12件（其中自然人9件），上年结转1件。')).toEqual([[10, 9]]);
  });

  it('「各驻区单位另收到」 is other bodies’; a joint report’s 「本局与X局合并统计」 is the body’s own (hunt 16)', () => {
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-applications').map((f) => [f.expected, f.actual]);
    expect(said('共收到政府信息公开申请12件。园区各驻区单位另收到申请21件，由各单位自行答复。')).toEqual([]);
    expect(said('共收到政府信息公开申请12件。园区管委会收到申请21件。')).toEqual([[12, 21]]);
    expect(said('本局与区文物局合并统计，共收到政府信息公开申请15件。')).toEqual([[12, 15]]);
    expect(said('本局与区文物局合并统计共收到政府信息公开申请15件。')).toEqual([[12, 15]]);
    expect(said('本局与区文物局合并统计共收到政府信息公开申请12件。')).toEqual([]);
    // Two organs side by side, neither named as a joint report's: not the body's count.
    expect(said('区财政局与区文物局共收到政府信息公开申请15件。')).toEqual([]);
  });

  it('a company with its subsidiaries (「集团（含所属子公司）」) is other bodies’; 「其中集团本部N件」 is its own part (hunt 16)', () => {
    const said = (n: number) => ofRule(findings({ s1: `集团（含所属子公司）共收到政府信息公开申请126件，其中集团本部${n}件。` }), 'prose-applications');
    expect(said(12)).toEqual([]);
    expect(said(15)).toEqual([expect.objectContaining({ expected: 12, actual: 15 })]);
  });

  it('none of a kind table 3 counts under (五) (「未收到要求提供公开出版物的申请」「未收到重复申请」) is no denial of all (hunt 17)', () => {
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-applications').map((f) => [f.expected, f.actual]);
    expect(said('未收到要求提供公开出版物的申请，也未出现无正当理由大量反复申请的情形。')).toEqual([]);
    expect(said('全年未收到重复申请。')).toEqual([]);
    expect(said('全年未收到政府信息公开申请。')).toEqual([[12, 0]]);
    expect(said('全年未收到公民、法人或者其他组织要求公开政府信息的申请。')).toEqual([[12, 0]]);
  });

  it('「通过…等渠道共收到」 is every channel, the whole; 「窗口代为受理」 is one channel’s part (hunt 17)', () => {
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-applications').map((f) => [f.expected, f.actual]);
    expect(said('通过政务公开网上服务平台等渠道共收到政府信息公开申请15件。')).toEqual([[12, 15]]);
    expect(said('通过网站、信函等多种方式共收到政府信息公开申请15件。')).toEqual([[12, 15]]);
    expect(said('通过政务公开网上服务平台等渠道共收到政府信息公开申请12件。')).toEqual([]);
    // Controls: one channel named is a part, and channels with 等 and no total may be some of several.
    expect(said('共收到政府信息公开申请12件，通过政务公开网上服务平台收到申请8件。')).toEqual([]);
    expect(said('共收到政府信息公开申请12件，其中通过网站、信函等方式收到申请8件，当面申请4件。')).toEqual([]);
    expect(said('共收到政府信息公开申请12件。“一网通办”线下综合窗口代为受理申请3件。')).toEqual([]);
  });

  it('reads a 「主要数据」 <dl> between the title and section 一 where each value has its unit; a 数据看板’s bare numbers are not (hunt 17)', () => {
    // The prose corpus's baseline page: 53 new, 4 carried over, 3 carried forward.
    const base = readFileSync('test/fixtures/prose/build/common/tpl/base.html', 'utf8');
    const said = (box: string) => {
      const at = base.indexOf('<h2>一、');
      return ofRule(auditedHtml(base.slice(0, at) + box + base.slice(at)).findings, 'prose-applications').map((f) => [f.expected, f.actual]);
    };
    const dl = (carried: string) =>
      `<dl><dt>收到申请</dt><dd>53件</dd><dt>上年结转</dt><dd>${carried}</dd><dt>办结</dt><dd>54件</dd><dt>结转下年度</dt><dd>3件</dd></dl>`;
    expect(said(dl('5件'))).toEqual([[4, 5]]);
    expect(said(dl('4件'))).toEqual([]);
    // Tiles with each number above its label come out paired one off (「收到申请 | 54件」), their last label alone after them: not read
    // as pairs (round 21 reads them in their own order, below).
    const tile = (n: string, label: string) => `<div><p>${n}</p><p>${label}</p></div>`;
    expect(said(tile('53件', '收到申请') + tile('54件', '办结申请') + tile('3件', '结转下年度'))).toEqual([]);
    expect(said(tile('53', '收到申请（件）') + tile('54', '办结申请（件）') + tile('3', '结转下年度（件）'))).toEqual([]);
  });

  it('reads a 数据看板’s tiles in their own order: each number above its label, or under it with its unit on a line of its own (prose round 21: jx01, jx05)', () => {
    const base = readFileSync('test/fixtures/prose/build/common/tpl/base.html', 'utf8');
    const said = (box: string, rule = 'prose-applications') => {
      const at = base.indexOf('<h2>一、');
      return ofRule(auditedHtml(base.slice(0, at) + '<div class="board"><h3>数据看板</h3>' + box + '</div>' + base.slice(at)).findings, rule).map((f) => [
        f.expected,
        f.actual,
      ]);
    };
    const tile = (n: string, label: string) => `<div><p>${n}</p><p>${label}</p></div>`;
    // Number above label, the unit in the label or with the number.
    expect(said(tile('1286', '主动公开信息（条）') + tile('55', '收到申请（件）') + tile('54', '办结申请（件）') + tile('3', '结转下年度（件）'))).toEqual([
      [53, 55],
    ]);
    expect(said(tile('55件', '收到申请') + tile('54件', '办结申请') + tile('3件', '结转下年度'))).toEqual([[53, 55]]);
    expect(said(tile('53', '收到申请（件）') + tile('54', '办结申请（件）') + tile('4', '结转下年度（件）'))).toEqual([[3, 4]]);
    expect(said(tile('1286', '主动公开信息（条）') + tile('53', '收到申请（件）') + tile('5', '行政复议（件）'), 'prose-review-suit')).toEqual([[4, 5]]);
    // Label above number, the unit a line of its own.
    const lines = (...cells: string[]) => cells.map((c) => `<p>${c}</p>`).join('');
    expect(said(lines('收到申请', '55', '件', '办结申请', '54', '件'))).toEqual([[53, 55]]);
    expect(said(lines('收到申请', '53', '件', '办结申请', '54', '件', '结转下年度', '3', '件'))).toEqual([]);
    // Controls: rates and other units are not counts of the tables; tiles that do not alternate values and labels are not read.
    expect(said(tile('94.7%', '办结率') + tile('320', '现场查阅（人次）') + tile('55', '收到申请（万次）'))).toEqual([]);
    expect(said(tile('55', '收到申请（件）') + tile('54', '办结申请（件）') + '<p>12</p>' + tile('3', '结转下年度（件）'))).toEqual([]);
  });

  it('reads 遗留 as carried over, 「其中…，上年结转」 after parts of another kind either way, and a count 计入 a figure as its part (hunt 18)', () => {
    const said = (text: string) => round18('prose-applications', text);
    // 「2022年度遗留申请4件…全部答复完毕」 closes last year's, not all.
    expect(said('2022年度遗留申请4件已在本年度内全部答复完毕。')).toEqual([]);
    expect(said('全年申请已全部答复完毕。')).toEqual([[3, 0]]);
    // A part of another kind first, then the carried-over ones: the whole may be the new ones alone.
    expect(said('2023年，共收到政府信息公开申请53件，其中自然人申请40件，上年结转4件。')).toEqual([]);
    expect(said('2023年，共收到政府信息公开申请55件，其中自然人申请40件，上年结转4件。')).toEqual([[53, 55]]);
    // Controls: with the new ones named first, the whole holds both rows.
    expect(said('2023年，共收到政府信息公开申请57件，其中新收53件，上年结转4件。')).toEqual([]);
    expect(said('2023年，共收到政府信息公开申请53件，其中新收49件，上年结转4件。')).toEqual([
      [57, 53],
      [53, 49],
    ]);
    // 「…1件一并计入上年结转」 is a part of the carried-over ones.
    expect(said('机构改革中原区林业局职责划入本局，其上年结转的申请1件一并计入上年结转。')).toEqual([]);
    expect(said('机构改革中原区林业局职责划入本局，上年结转的申请1件。')).toEqual([[4, 1]]);
  });
  it('reads a year in Chinese numerals as one in digits (「二〇二二年结转5件」) (hunt 18)', () => {
    expect(round18('prose-applications', '二〇二二年结转5件。')).toEqual([[4, 5]]);
    expect(round18('prose-applications', '二〇二二年结转四件。')).toEqual([]);
  });
});

/** The prose corpus's baseline page (53 new, 4 carried over, 3 carried forward; t4 reviews 4, suits 3) with `text` at the end of section `before`'s predecessor. */
function round18(rule: string, text: string, before = '二、') {
  const base = readFileSync('test/fixtures/prose/build/common/tpl/base.html', 'utf8');
  const at = base.indexOf(`<h2>${before}`);
  return ofRule(auditedHtml(base.slice(0, at) + `<p>${text}</p>\n` + base.slice(at)).findings, rule).map((f) => [f.expected, f.actual]);
}
