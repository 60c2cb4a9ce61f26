import { describe, expect, it } from 'vitest';
import { findings, ofRule } from '../helpers/rules';

describe('template-text-left', () => {
  it('fires on the template’s instructions left in the published text', () => {
    const s1 = [
      '（可先适当综述，再分别对主动公开、依申请公开、政府信息管理、平台建设、监督保障等方面进行阐述。）',
      '2023年，我局共收到政府信息公开申请12件，上年结转1件。',
    ].join('\n');
    const fs = ofRule(findings({ s1 }), 'template-text-left');
    expect(fs).toEqual([expect.objectContaining({ severity: 'error', section: 's1', actual: '可先适当综述' })]);
    expect(ofRule(findings({ s5: '（此处填写存在的主要问题及改进情况）' }), 'template-text-left')).toEqual([expect.objectContaining({ section: 's5' })]);
    expect(ofRule(findings({ s6: '编写说明：本部分报告信息处理费收取情况，要注意数据间的逻辑关系。' }), 'template-text-left')).toHaveLength(1);
    expect(ofRule(findings({ s6: '20XX年度本机关未收取信息处理费。' }), 'template-text-left')).toHaveLength(1);
  });
  it('does not fire on the table’s own printed note, nor on ordinary prose about logic or summaries', () => {
    // The clean report prints 「本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和」 in t3.
    expect(ofRule(findings(), 'template-text-left')).toEqual([]);
    const s1 = '2023年，我局综述全年工作，注重数据准确，严格审核报告中各项数据的勾稽关系。2023年，我局共收到政府信息公开申请12件，上年结转1件。';
    expect(ofRule(findings({ s1 }), 'template-text-left')).toEqual([]);
  });
  it('fires on a placeholder asking to add something (「（此处可补充说明……）」)', () => {
    for (const extra of ['（此处可补充说明本机关其他需要报告的事项。）', '【此处请补充本单位特色工作】', '此处可列明其他需要报告的事项。'])
      expect(ofRule(findings({ s6: '本年度未收取信息处理费。\n' + extra }), 'template-text-left'), extra).toEqual([expect.objectContaining({ section: 's6' })]);
    expect(ofRule(findings({ s6: '本年度未收取信息处理费。需要在此处说明的是，本年度无其他事项。' }), 'template-text-left')).toEqual([]);
  });
  it('does not fire when the text cites the instructions it was written by, but does on the instructions themselves', () => {
    for (const s6 of [
      '本报告严格按照《中华人民共和国政府信息公开工作年度报告格式》及其填报说明的要求编制。',
      '本报告根据国务院办公厅政府信息与政务公开办公室印发的年报格式和编写说明编制。',
      '本报告依《年度报告格式》和填写说明编制。',
    ])
      expect(ofRule(findings({ s6 }), 'template-text-left'), s6).toEqual([]);
    for (const s6 of ['（填报说明：本表数据应与上年度报告衔接）', '编写说明：按照《年度报告格式》填报说明的要求填写本部分。'])
      expect(ofRule(findings({ s6 }), 'template-text-left'), s6).toHaveLength(1);
  });

  it('fires on 「（此处简要描述……）」 and on counts left as 「XX条」 (hunt 7)', () => {
    expect(ofRule(findings({ s6: '本年度未收取信息处理费。\n（此处简要描述本单位重点领域信息公开情况）' }), 'template-text-left')).toEqual([
      expect.objectContaining({ section: 's6' }),
    ]);
    expect(ofRule(findings({ s6: '本年度未收取信息处理费。\n（此处详细说明收费依据）' }), 'template-text-left')).toHaveLength(1);
    expect(ofRule(findings({ s6: '本年度未收取信息处理费。全年主动公开政府信息XX条，其中政策文件XX条。' }), 'template-text-left')).toHaveLength(1);
    for (const s6 of ['本年度未收取信息处理费。需要在此处简要说明的是，本年度无其他事项。', '本年度未收取信息处理费。各村统一张贴“XX村村务公开栏”标识。'])
      expect(ofRule(findings({ s6 }), 'template-text-left'), s6).toEqual([]);
  });
});
