import { describe, expect, it } from 'vitest';
import { findings, ofRule } from '../helpers/rules';

describe('table-missing', () => {
  it('fires when a section has no table', () => {
    const fs = findings({ omit: ['s4'] });
    expect(ofRule(fs, 'table-missing')).toEqual([expect.objectContaining({ section: 's4' })]);
  });
  it('does not fire when the three tables are there', () => {
    expect(ofRule(findings(), 'table-missing')).toEqual([]);
  });
});
