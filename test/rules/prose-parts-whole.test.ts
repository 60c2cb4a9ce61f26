import { describe, expect, it } from 'vitest';
import { findings, ofRule } from '../helpers/rules';

describe('prose-parts-whole', () => {
  it('parts that do not add up, across 。其中', () => {
    const fs = ofRule(findings({ s1: '我局通过门户网站发布信息178条。其中概况类1条，动态类144条，目录类30条。' }), 'prose-parts-whole');
    expect(fs).toEqual([expect.objectContaining({ expected: 178, actual: 175 })]);
  });
  it('silent when they add up, or the list ends with 等', () => {
    expect(ofRule(findings({ s1: '发布信息178条。其中概况类1条，动态类144条，目录类33条。' }), 'prose-parts-whole')).toEqual([]);
    expect(ofRule(findings({ s1: '发布信息178条，包括动态类144条、目录类30条等。' }), 'prose-parts-whole')).toEqual([]);
  });
});
