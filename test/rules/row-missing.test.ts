import { describe, expect, it } from 'vitest';
import { findings, keys, ofRule } from '../helpers/rules';

describe('row-missing', () => {
  it('names the row that is not printed', () => {
    const fs = ofRule(findings({ omitRows: ['3.5.3'] }), 'row-missing');
    expect(fs).toHaveLength(1);
    expect(keys(fs[0]!)[0]).toBe('t3/3.5.3/natural');
  });
  it('does not fire when every row of the layout is printed (2021 and 2019)', () => {
    expect(ofRule(findings(), 'row-missing')).toEqual([]);
    expect(ofRule(findings({ layout2019: true, title: '示范市测试局2020年政府信息公开工作年度报告' }), 'row-missing')).toEqual([]);
  });
});
