import { describe, expect, it } from 'vitest';
import { findings, ofRule } from '../helpers/rules';

describe('s5-no-rectification', () => {
  it('fires when s5 says nothing of last year, and when it is empty', () => {
    expect(ofRule(findings({ s5: '一是公开不够及时。下一步将加强培训。' }), 's5-no-rectification')).toHaveLength(1);
    expect(ofRule(findings({ s5: '' }), 's5-no-rectification')[0]?.message).toContain('为空');
    expect(ofRule(findings(), 's5-no-rectification')).toEqual([]);
  });
});
