import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { auditedHtml, findings, ofRule } from '../helpers/rules';

// The clean report's table 2 (test/helpers/make-report.ts): 规章 0 | 0 | 0, 行政规范性文件 1 | 0 | 5 (issued, repealed,
// in force, unless a test sets them), 行政许可 3, 行政处罚 2, 行政强制 0, 行政事业性收费 1.25 万元.
const proactive = (s1: string, normative?: (number | string)[]) => ofRule(findings({ s1, ...(normative && { normative }) }), 'prose-proactive');
const stated = (s1: string, normative?: (number | string)[]) =>
  proactive(s1, normative).map((f) => [f.cells![0]!.row + '.' + f.cells![0]!.column, f.expected, f.actual]);

describe('prose-proactive', () => {
  it('checks documents issued, repealed and in force against table 2, the kind carried to the counts after it', () => {
    expect(stated('制发行政规范性文件2件。')).toEqual([['normative.issued', 1, 2]]);
    expect(stated('2023年制发行政规范性文件1件，废止2件，现行有效6件。')).toEqual([
      ['normative.repealed', 0, 2],
      ['normative.in_force', 5, 6],
    ]);
    expect(stated('截至2023年底，现行有效的规范性文件共6件。')).toEqual([['normative.in_force', 5, 6]]);
    expect(stated('全年制发规章1件。')).toEqual([['rules.issued', 0, 1]]);
    expect(stated('全年制发2件规范性文件。')).toEqual([['normative.issued', 1, 2]]);
  });
  it('counts of 市级部门 or 县直单位 are other bodies’; an approximate count is read as its range (hunt 20)', () => {
    expect(stated('本局作出行政处罚决定2件，市级部门在园区内作出行政处罚决定300余件。')).toEqual([]);
    expect(stated('县直单位作出行政许可决定40件。')).toEqual([]);
    expect(stated('本局作出行政处罚决定300件。')).toEqual([['penalty.decisions', 2, 300]]);
    // 行政许可 3: 近5 allows 4 and 5 only, 约3 2 to 4.
    expect(proactive('全年作出行政许可决定近5件。').map((f) => [f.severity, f.actual])).toEqual([['warning', '近5件']]);
    expect(proactive('全年作出行政许可决定约3件。')).toEqual([]);
  });
  it('checks licensing, penalty and coercion decisions, named as decisions', () => {
    expect(stated('全年作出行政许可决定4件，行政处罚决定2件，行政强制决定1件。')).toEqual([
      ['licensing.decisions', 3, 4],
      ['coercion.decisions', 0, 1],
    ]);
    expect(stated('全年作出5件行政处罚决定。')).toEqual([['penalty.decisions', 2, 5]]);
  });
  it('is silent when the prose agrees', () => {
    expect(proactive('制发行政规范性文件1件，废止0件，现行有效5件；制发规章0件；作出行政许可决定3件、行政处罚决定2件。')).toEqual([]);
  });
  it('leaves parts, running totals, other years and other counts alone', () => {
    for (const s1 of [
      '以市政府名义制发规范性文件3件。',
      '其中以局名义印发规范性文件4件。',
      '累计制发规范性文件30件。',
      '2022年制发规范性文件4件。',
      '近三年制发规范性文件9件。',
      '审核规范性文件9件，备案规范性文件6件。',
      '办理行政许可事项200件，公开行政处罚信息80条。',
      '指导各部门制发规范性文件12件。',
      '县政府及部门共制发行政规范性文件20件。',
      '全市共作出行政处罚决定300件。',
      '依法撤销行政许可决定2件，被申请行政复议的行政处罚决定1件。',
      '在“双公示”专栏公开行政许可和行政处罚决定共5件。',
    ])
      expect(proactive(s1), s1).toEqual([]);
  });
  it('counts blanks as unknowns ≥ 0: a blank is no contradiction, a filled cell is', () => {
    expect(proactive('制发行政规范性文件3件。', ['', 0, 5])).toEqual([]);
    expect(stated('制发行政规范性文件3件。', [4, '', 5])).toEqual([['normative.issued', 4, 3]]);
  });
  it('checks the 行政事业性收费 amount, in 万元 or 元, against the table’s 万元: a moved decimal point, not a rounding (recall round 11)', () => {
    expect(stated('本年度收取行政事业性收费12.5万元。')).toEqual([['fees.amount', 1.25, 12.5]]);
    expect(stated('行政事业性收费金额为0.125万元。')).toEqual([['fees.amount', 1.25, 0.125]]);
    expect(stated('行政事业性收费共计125元。')).toEqual([['fees.amount', 1.25, 0.0125]]);
    expect(stated('全年行政事业性收费项目3项，收费金额12.5万元。')).toEqual([['fees.amount', 1.25, 12.5]]);
    expect(stated('本年度未收取行政事业性收费。')).toEqual([['fees.amount', 1.25, 0]]);
    for (const s1 of [
      '本年度收取行政事业性收费1.25万元。',
      '行政事业性收费1.3万元。', // the table's 1.25 to the prose's one decimal
      '收取行政事业性收费12500元。',
      '2022年行政事业性收费12.5万元。',
      '全县行政事业性收费12.5万元。',
      '减免行政事业性收费12.5万元。',
      '本年度未收取信息处理费。',
      '行政事业性收费项目3项，收费金额1.25万元。',
      '2022年未收取行政事业性收费。',
      '无违规收取行政事业性收费情况。',
      '本年度无行政事业性收费项目调整。',
      '未发生行政事业性收费标准变动。',
    ])
      expect(proactive(s1), s1).toEqual([]);
  });
  it('does not read the 2019 table, whose columns mean other things', () => {
    expect(ofRule(findings({ layout2019: true, s1: '制发规范性文件9件，现行有效规范性文件9件。' }), 'prose-proactive')).toEqual([]);
  });

  it('leaves parts of the decisions and other bodies’ documents alone (round 24 hunt)', () => {
    for (const s1 of [
      '作出准予行政许可决定1231件、不予行政许可决定3件。',
      '作出简易程序行政处罚决定30件。',
      '组织全省开展规范性文件清理，共废止行政规范性文件386件。',
    ])
      expect(ofRule(findings({ s1 }), 'prose-proactive'), s1).toEqual([]);
  });

  it('takes other counts of the same kind beside the table’s in one sentence, and joint, reissued, heard or inspected ones, as parts (round 24 hunt)', () => {
    for (const s1 of [
      '县政府印发行政规范性文件1件，县政府办公室印发行政规范性文件1件，全年共制发行政规范性文件1件。',
      '我局单独印发行政规范性文件1件，与市财政局联合印发行政规范性文件2件。',
      '全年印发行政规范性文件1件，修订后重新印发3件。',
      '对较大数额罚款的3件行政处罚决定依法组织听证。',
      '通过“双随机、一公开”监管立案9件，作出行政处罚决定9件。',
    ])
      expect(stated(s1), s1).toEqual([]);
    expect(stated('县政府印发行政规范性文件3件，县政府办公室印发行政规范性文件2件，全年共制发行政规范性文件5件。')).toHaveLength(3);
  });

  it('takes the decisions or documents of one field (领域, or 「在…领域，」 before) for parts (hunt 7)', () => {
    for (const s1 of ['医疗卫生领域，公示职业卫生领域行政处罚决定1件。', '在生态环境领域，市政府印发行政规范性文件3件，公开环境质量月报12期。'])
      expect(stated(s1), s1).toEqual([]);
    expect(stated('医疗卫生领域，公示行政处罚决定1件。')).toEqual([['penalty.decisions', 2, 1]]);
    expect(stated('在生态环境领域公开信息12条，市政府印发行政规范性文件3件。')).toEqual([['normative.issued', 1, 3]]);
  });

  it('reads a denial of documents issued or repealed, or of decisions made, against table 2 (round 10 hunt)', () => {
    expect(stated('本年度未制发行政规范性文件。')).toEqual([['normative.issued', 1, 0]]);
    expect(stated('本年度没有作出行政许可决定。')).toEqual([['licensing.decisions', 3, 0]]);
    for (const s1 of [
      '本年度未制定规章。',
      '本年度未废止行政规范性文件。',
      '本年度没有作出行政强制决定。',
      '上年度未制发行政规范性文件。',
      '本年度未以局名义制发行政规范性文件。',
      '全年作出行政处罚决定2件，对1起首次轻微违法行为依法未作出行政处罚决定。',
    ])
      expect(stated(s1), s1).toEqual([]);
  });
  it('reads counts in Chinese numerals up to the hundreds (「一百零三件」「两百件」), and leaves vague ones (「近百件」「上百件」) alone (hunt 11)', () => {
    expect(proactive('全年作出行政处罚决定一百零三件。').map((f) => f.actual)).toEqual([103]);
    expect(proactive('全年作出行政处罚决定两百件。').map((f) => f.actual)).toEqual([200]);
    expect(proactive('全年作出行政处罚决定一百一十五件。').map((f) => f.actual)).toEqual([115]);
    expect(proactive('全年作出行政处罚决定两件。')).toEqual([]);
    expect(proactive('全年作出行政处罚决定近百件。')).toEqual([]);
    expect(proactive('全年作出行政处罚决定上百件。')).toEqual([]);
  });
  it('reads counts in Chinese numerals in the thousands (「一千二百四十三件」), not a spoken 「一千二」 (hunt 13)', () => {
    expect(proactive('全年作出行政处罚决定一千二百四十三件。').map((f) => f.actual)).toEqual([1243]);
    expect(proactive('全年作出行政处罚决定两千零五件。').map((f) => f.actual)).toEqual([2005]);
    expect(proactive('全年作出行政处罚决定一千件。').map((f) => f.actual)).toEqual([1000]);
    expect(proactive('全年作出行政处罚决定一千二件。')).toEqual([]);
  });

  it("a decision count after another kind's count and 和 is of its own kind (hunt 14)", () => {
    // Table 2: 行政处罚 2, 行政强制 0.
    expect(proactive('全年作出行政处罚决定2件和行政强制决定1件。')).toEqual([expect.objectContaining({ expected: 0, actual: 1 })]);
    expect(proactive('全年作出行政处罚和行政强制决定共2件。')).toEqual([]);
  });

  it('the body’s own part after more bodies’ count (「全县…200件，其中本机关作出3件」) is checked; the count alone is not (recall round 9)', () => {
    const said = (s1: string) => ofRule(findings({ s1 }), 'prose-proactive');
    // Table 2: 行政处罚 2, 行政许可 3.
    for (const own of ['其中本机关作出3件', '其中本机关3件', '其中本机关作出行政处罚决定3件'])
      expect(said(`2023年，全县共作出行政处罚决定200件，${own}。`), own).toEqual([expect.objectContaining({ expected: 2, actual: 3 })]);
    expect(said('2023年，全县共作出行政处罚决定200件，其中本机关作出2件。')).toEqual([]);
    expect(said('2023年，全县共作出行政许可决定200件，其中本级作出行政许可决定5件。')).toEqual([expect.objectContaining({ expected: 3, actual: 5 })]);
    expect(said('2023年，全县共作出行政处罚决定200件。')).toEqual([]);
    expect(said('2023年，全县共作出行政处罚决定200件，其中涉及食品安全3件。')).toEqual([]);
  });

  it('a 数据看板 of table 2’s figures above section 一 is no table 2: its tiles paired one off do not replace the table’s values (prose round 21)', () => {
    // The prose corpus's baseline page: 行政许可 1234, 行政处罚 56 in table 2.
    const base = readFileSync('test/fixtures/prose/build/common/tpl/base.html', 'utf8');
    const said = (box: string, s2: string) => {
      const page = base.replace('<h2>一、', box + '<h2>一、').replace('<h2>二、主动公开政府信息情况</h2>', `<h2>二、主动公开政府信息情况</h2><p>${s2}</p>`);
      return ofRule(auditedHtml(page).findings, 'prose-proactive').map((f) => [f.expected, f.actual]);
    };
    const tile = (n: string, label: string) => `<div><p>${n}</p><p>${label}</p></div>`;
    const board = (licensing: string) =>
      '<div><h3>数据看板</h3>' + tile('5', '制发规范性文件（件）') + tile(licensing, '行政许可决定（件）') + tile('56', '行政处罚决定（件）') + '</div>';
    expect(said(board('1234'), '全年作出行政许可决定1234件。')).toEqual([]);
    // The board's own wrong figure is read against the table; the prose's wrong one still is.
    expect(said(board('1243'), '全年作出行政许可决定1234件。')).toEqual([[1234, 1243]]);
    expect(said(board('1234'), '全年作出行政许可决定1243件。')).toEqual([[1234, 1243]]);
  });
});
