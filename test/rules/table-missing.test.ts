import { describe, expect, it } from 'vitest';
import { T3_ROWS } from '../../lib/engine/parse/table-specs';
import { findings, ofRule } from '../helpers/rules';

describe('table-missing', () => {
  it('fires when a section has no table', () => {
    const fs = findings({ omit: ['s4'] });
    expect(ofRule(fs, 'table-missing')).toEqual([expect.objectContaining({ section: 's4' })]);
  });
  it('fires once, not row-missing per row, when a table shows its header and no row of the template', () => {
    const fs = findings({ omitRows: T3_ROWS.map((r) => r.key) });
    expect(ofRule(fs, 'table-missing')).toEqual([expect.objectContaining({ section: 's3', message: expect.stringContaining('读不出任何数据行') })]);
    expect(ofRule(fs, 'row-missing')).toEqual([]);
  });
  it('does not fire when the three tables are there, nor when a table lacks some rows (row-missing names them)', () => {
    expect(ofRule(findings(), 'table-missing')).toEqual([]);
    const fs = findings({ omitRows: ['3.5.3'] });
    expect(ofRule(fs, 'table-missing')).toEqual([]);
    expect(ofRule(fs, 'row-missing')).toHaveLength(1);
  });
});
