import { describe, expect, it } from 'vitest';
import { findings, ofRule } from '../helpers/rules';

describe('prose-results', () => {
  it('a breakdown that disagrees with the rows', () => {
    const fs = ofRule(findings({ s1: '其中予以公开6件，部分公开2件，不予公开1件，无法提供3件。' }), 'prose-results');
    expect(fs).toEqual([expect.objectContaining({ expected: 1, actual: 2 })]);
  });
  it('silent when the breakdown matches the rows', () => {
    expect(ofRule(findings({ s1: '其中予以公开6件，部分公开1件，不予公开1件，无法提供3件。' }), 'prose-results')).toEqual([]);
  });
});
