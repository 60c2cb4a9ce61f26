import { describe, expect, it } from 'vitest';
import { cleanT3 } from '../helpers/make-report';
import { findings, keys, ofRule } from '../helpers/rules';

describe('cell-missing (identity 5)', () => {
  it('reports blank, dash and 无 cells as missing, not zero, and skips identities over them', () => {
    const t3 = cleanT3();
    t3['3.5.2'] = ['', '—', '无', 0, 0, 0, 0];
    const fs = findings({ t3 });
    const missing = ofRule(fs, 'cell-missing');
    expect(missing).toHaveLength(1);
    expect(keys(missing[0]!)).toEqual(['t3/3.5.2/natural', 't3/3.5.2/commercial', 't3/3.5.2/research']);
    expect(ofRule(fs, 't3-results-sum').filter((f) => ['natural', 'commercial', 'research'].includes(f.cells![0]!.column))).toEqual([]);
  });
  it('does not fire when every cell holds a number, 0 included', () => {
    expect(ofRule(findings(), 'cell-missing')).toEqual([]);
  });
});
