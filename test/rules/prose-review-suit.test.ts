import { describe, expect, it } from 'vitest';
import { findings, ofRule } from '../helpers/rules';

describe('prose-review-suit', () => {
  it('「均获维持」 while cases are pending', () => {
    const fs = ofRule(findings({ s1: '本年度发生的行政复议案件均获维持。' }), 'prose-review-suit');
    expect(fs).toEqual([expect.objectContaining({ actual: 1 })]);
  });
  it('「未发生行政复议」 while the table has reviews, and a stated count', () => {
    const fs = ofRule(findings({ s1: '全年未发生政府信息公开行政复议。全年行政诉讼3件。' }), 'prose-review-suit');
    expect(fs.map((f) => f.actual)).toEqual([3, 0]);
  });
  it('「未经复议直接起诉」 is not a denial', () => {
    expect(ofRule(findings({ s1: '全年未经复议直接起诉的行政诉讼1件，行政复议2件。' }), 'prose-review-suit')).toEqual([]);
  });
  it('silent when the prose agrees', () => {
    expect(ofRule(findings({ s1: '全年行政复议2件，行政诉讼1件。' }), 'prose-review-suit')).toEqual([]);
  });
});
