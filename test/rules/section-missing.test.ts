import { describe, expect, it } from 'vitest';
import { findings, ofRule } from '../helpers/rules';

describe('section-missing', () => {
  it('fires for a section that is not there, and not otherwise', () => {
    const fs = ofRule(findings({ omit: ['s5'] }), 'section-missing');
    expect(fs).toEqual([expect.objectContaining({ section: 's5', severity: 'error' })]);
    expect(ofRule(findings(), 'section-missing')).toEqual([]);
  });
});
