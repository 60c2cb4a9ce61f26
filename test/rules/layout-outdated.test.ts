import { describe, expect, it } from 'vitest';
import { findings, ofRule } from '../helpers/rules';

describe('layout-outdated', () => {
  it('fires for a 2021+ report in the 2019 layout, not for a 2020 one', () => {
    expect(ofRule(findings({ layout2019: true }), 'layout-outdated')).toHaveLength(1);
    expect(ofRule(findings({ layout2019: true, title: '示范市测试局2020年政府信息公开工作年度报告' }), 'layout-outdated')).toEqual([]);
  });
  it('does not fire for a 2023 report in the 2021 layout', () => {
    expect(ofRule(findings(), 'layout-outdated')).toEqual([]);
  });
});
