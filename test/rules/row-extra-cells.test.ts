import { describe, expect, it } from 'vitest';
import { cleanT3 } from '../helpers/make-report';
import { findings, ofRule } from '../helpers/rules';

describe('row-extra-cells', () => {
  it('reports a row with one value too many', () => {
    const t3 = cleanT3();
    t3['2'] = [1, 0, 0, 0, 0, 0, 1, 0];
    expect(ofRule(findings({ t3 }), 'row-extra-cells')).toHaveLength(1);
  });
  it('does not fire when rows have as many values as columns', () => {
    expect(ofRule(findings(), 'row-extra-cells')).toEqual([]);
  });
});
