import { describe, expect, it } from 'vitest';
import { findings, ofRule } from '../helpers/rules';

describe('s5-no-rectification', () => {
  it('fires when s5 says nothing of last year, and when it is empty', () => {
    expect(ofRule(findings({ s5: '一是公开不够及时。下一步将加强培训。' }), 's5-no-rectification')).toHaveLength(1);
    expect(ofRule(findings({ s5: '' }), 's5-no-rectification')[0]?.message).toContain('为空');
    expect(ofRule(findings(), 's5-no-rectification')).toEqual([]);
  });
  it('fires when only a heading says 整改, or last year is named without a fix', () => {
    const s5 = ['（一）存在的主要问题', '一是公开内容不够丰富。', '（二）整改措施', '下一步将加强培训，提高公开质量。'].join('\n');
    expect(ofRule(findings({ s5 }), 's5-no-rectification')).toHaveLength(1);
    expect(ofRule(findings({ s5: '上一年度工作总体平稳。下一步将加强培训。' }), 's5-no-rectification')).toHaveLength(1);
  });
  it('does not fire when a sentence says how last year’s problems were fixed, in any of the usual words', () => {
    expect(ofRule(findings({ s5: '针对上年度报告中发现的问题，我局已逐项落实。' }), 's5-no-rectification')).toEqual([]);
    expect(ofRule(findings({ s5: '2022年度报告指出的公开不及时问题已改进。' }), 's5-no-rectification')).toEqual([]);
    const s5 = ['（一）上年度问题整改情况', '已全部整改到位。', '（二）存在的主要问题', '一是公开内容不够丰富。'].join('\n');
    expect(ofRule(findings({ s5 }), 's5-no-rectification')).toEqual([]);
  });
  it('does not fire when a later sentence says 上述/这些 problems of last year were fixed', () => {
    const s5 = [
      '（一）存在的主要问题。统计数据解读不够深入，数据发布的可读性有待提高。',
      '（二）改进情况。针对2022年度报告中指出的问题，我局逐项制定措施：一是建立统计数据解读清单；二是开设“数说某某”栏目。目前上述问题已全部整改到位。',
      '下一步，我局将进一步丰富数据发布形式。',
    ].join('\n');
    expect(ofRule(findings({ s5 }), 's5-no-rectification')).toEqual([]);
    expect(ofRule(findings({ s5: '针对上年度报告指出的问题，我局研究制定了三项措施。这些问题均已得到解决。' }), 's5-no-rectification')).toEqual([]);
    // In the next paragraph, and a PDF line wrapped mid-sentence.
    const wrapped = ['针对去年报告中反映的问题，我局研究制定', '方案。', '经过半年努力，以上问题已全部改正。'].join('\n');
    expect(ofRule(findings({ s5: wrapped }), 's5-no-rectification')).toEqual([]);
  });
  it('does not fire on 上期年报, the previous report', () => {
    const s5 = ['存在的主要问题：政策解读不够通俗易懂。', '对上期年报反映的专栏内容更新不及时问题，我局已建立周更新机制，问题已整改完毕。'].join('\n');
    expect(ofRule(findings({ s5 }), 's5-no-rectification')).toEqual([]);
    expect(ofRule(findings({ s5: '上一期年度报告中指出的解读不足问题已改进。' }), 's5-no-rectification')).toEqual([]);
  });
  it('does not fire when text under a heading on last year’s problems says they were done (完成, 落实到位)', () => {
    const s5 = [
      '（一）存在的主要问题',
      '政策解读形式单一，基层医保经办政务公开不够规范。',
      '（二）改进措施',
      '加强政策解读，规范基层经办机构公开内容。',
      '（三）上年度问题整改情况',
      '对照上年度报告查找的3个问题，已于2023年6月底前全部按期完成，专栏更新及时率明显提高。',
    ].join('\n');
    expect(ofRule(findings({ s5 }), 's5-no-rectification')).toEqual([]);
    const items = ['（三）去年问题整改情况', '1.建立公开时间表', '各项措施均已按期完成。', '（四）其他'].join('\n');
    expect(ofRule(findings({ s5: items }), 's5-no-rectification')).toEqual([]);
  });
  it('fires on plans and comparisons with last year, which say nothing of its problems being fixed', () => {
    const s5 = [
      '（一）存在的主要问题。政策解读不够深入，信息更新不够及时。',
      '（二）改进措施。下一步，我局将进一步完善工作机制，力争政务公开工作比上年度有更大提升。',
    ].join('\n');
    expect(ofRule(findings({ s5 }), 's5-no-rectification')).toHaveLength(1);
    expect(ofRule(findings({ s5: '我局不断完善公开机制，全年公开信息较上年度增长20%。' }), 's5-no-rectification')).toHaveLength(1);
    expect(ofRule(findings({ s5: '下一步将针对上年度存在的问题进一步完善工作机制。' }), 's5-no-rectification')).toHaveLength(1);
    expect(ofRule(findings({ s5: ['（三）上年度问题整改情况', '下一步将持续完善相关机制。'].join('\n') }), 's5-no-rectification')).toHaveLength(1);
  });
  it('fires when 上述问题 follows no sentence on last year, says what is planned, or is in another part', () => {
    expect(ofRule(findings({ s5: '一是公开不够及时。目前上述问题已全部整改到位。' }), 's5-no-rectification')).toHaveLength(1);
    const planned = '针对上年度报告指出的问题，我局研究制定了三项措施。下一步将继续推动上述问题整改。';
    expect(ofRule(findings({ s5: planned }), 's5-no-rectification')).toHaveLength(1);
    const other = [
      '（一）上年度问题回顾',
      '针对上年度报告中指出的问题，我局逐项制定措施。',
      '（二）存在的主要问题',
      '一是解读不深。目前上述问题已基本解决。',
    ].join('\n');
    expect(ofRule(findings({ s5: other }), 's5-no-rectification')).toHaveLength(1);
  });

  it('takes 「两项问题均已整改完成」 after last year’s problems, and 「销号」 under their heading, for the account (hunt 7)', () => {
    const counted = '2022年度报告查找出指南更新不及时、解读形式单一两方面问题。2023年3月，我局修订了指南，两项问题均已整改完成。';
    expect(ofRule(findings({ s5: counted }), 's5-no-rectification')).toEqual([]);
    expect(
      ofRule(findings({ s5: '2022年度报告查找出指南更新不及时、解读形式单一两方面问题。2023年3月，我局修订了指南。' }), 's5-no-rectification'),
    ).toHaveLength(1);
    const closed = ['（一）2022年度年报问题清单销号情况', '2022年度年报共梳理问题4项，均已于2023年6月底前销号。', '（二）存在的主要问题', '一是解读不深。'];
    expect(ofRule(findings({ s5: closed.join('\n') }), 's5-no-rectification')).toEqual([]);
    closed[1] = '2022年度年报共梳理问题4项。';
    expect(ofRule(findings({ s5: closed.join('\n') }), 's5-no-rectification')).toHaveLength(1);
  });
  it('does not take a question that names last year’s problems and 整改 for the account (hunt 7)', () => {
    const asked = '问：上一年度报告指出的问题是否已经整改？';
    expect(ofRule(findings({ s5: [asked, '答：下一步将建立栏目更新提醒机制，力争2024年上半年解决。'].join('\n') }), 's5-no-rectification')).toHaveLength(1);
    expect(ofRule(findings({ s5: [asked, '答：上一年度报告指出的栏目更新不及时问题已整改到位。'].join('\n') }), 's5-no-rectification')).toEqual([]);
  });
});
