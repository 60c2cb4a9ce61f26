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
});
