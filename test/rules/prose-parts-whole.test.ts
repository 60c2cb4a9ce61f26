import { describe, expect, it } from 'vitest';
import { findings, ofRule } from '../helpers/rules';

describe('prose-parts-whole', () => {
  it('parts that do not add up, across 。其中', () => {
    const fs = ofRule(findings({ s1: '我局通过门户网站发布信息178条。其中概况类1条，动态类144条，目录类30条。' }), 'prose-parts-whole');
    expect(fs).toEqual([expect.objectContaining({ expected: 178, actual: 175 })]);
  });
  it('counts by publishing channel may add up to more than the whole: one item goes out on several', () => {
    const by = (a: number) => `全年主动公开政府信息120条，其中通过门户网站公开${a}条，通过政务新媒体公开80条。`;
    expect(ofRule(findings({ s1: by(100) }), 'prose-parts-whole')).toEqual([]);
    expect(ofRule(findings({ s1: '发布信息120条，其中门户网站80条，微信公众号40条，微博20条。' }), 'prose-parts-whole')).toEqual([]);
    // Less than the whole, in a list that claims to be whole, is still said; and kinds of information never overlap.
    expect(ofRule(findings({ s1: '发布信息120条，分别为门户网站80条、微信公众号30条。' }), 'prose-parts-whole')).toHaveLength(1);
    expect(ofRule(findings({ s1: '发布信息120条，其中政策文件100条，工作动态80条。' }), 'prose-parts-whole')).toEqual([
      expect.objectContaining({ expected: 120, actual: 180 }),
    ]);
  });
  it('a whole restated in a share after the parts (「占报送总数35条的17.1%」) is not one of them', () => {
    expect(ofRule(findings({ s1: '全年报送政务信息35条，其中被采用6条，占报送总数35条的17.1%。' }), 'prose-parts-whole')).toEqual([]);
  });
  it('silent when they add up, or the list ends with 等', () => {
    expect(ofRule(findings({ s1: '发布信息178条。其中概况类1条，动态类144条，目录类33条。' }), 'prose-parts-whole')).toEqual([]);
    expect(ofRule(findings({ s1: '发布信息178条，包括动态类144条、目录类30条等。' }), 'prose-parts-whole')).toEqual([]);
  });
});
