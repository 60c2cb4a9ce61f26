import { describe, expect, it } from 'vitest';
import { cleanT3 } from '../helpers/make-report';
import { audit, findings, keys, ofRule } from '../helpers/rules';

describe('cell-invalid', () => {
  it('reports negative, fractional and non-numeric counts', () => {
    const t3 = cleanT3();
    t3['3.5.1'] = [-1, 0.5, '三', 0, 0, 0, 0];
    const fs = ofRule(findings({ t3 }), 'cell-invalid');
    expect(fs.map((f) => keys(f)[0])).toEqual(['t3/3.5.1/natural', 't3/3.5.1/commercial', 't3/3.5.1/research']);
  });
  it('reports 「—」「/」「无」 and 「未统计」 as invalid cells in their own columns, not as blanks', () => {
    const t3 = cleanT3();
    t3['3.5.1'] = ['—', '/', '无', '未统计', 0, 0, 0];
    const fs = findings({ t3 });
    expect(ofRule(fs, 'cell-invalid').map((f) => keys(f)[0])).toEqual(['t3/3.5.1/natural', 't3/3.5.1/commercial', 't3/3.5.1/research', 't3/3.5.1/nonprofit']);
    expect(ofRule(fs, 'cell-missing')).toEqual([]);
  });
  it('accepts full-width digits and a decimal fee amount', () => {
    const t3 = cleanT3();
    t3['1'] = ['１０', '２', '0', '0', '0', '0', '１２'];
    const fs = findings({ t3 });
    expect(fs).toEqual([]);
  });
  it('reports digits apart in one cell (「0 0」: 0, or two values run together) where the row has all its cells', () => {
    const t3 = cleanT3();
    t3['3.5.1'] = ['0 0', 0, 0, 0, 0, 0, 0];
    const fs = findings({ t3 });
    expect(ofRule(fs, 'cell-invalid').map((f) => keys(f)[0])).toEqual(['t3/3.5.1/natural']);
  });
  it('reads digits apart as the columns a row lacks when they fill it exactly, and 「1 000」 as one number', () => {
    const t3 = cleanT3();
    t3['3.4.1'] = ['2 1', 0, 0, 0, 0, 3]; // six cells for seven columns: 2 and 1 lost the tab between them
    const r = audit({ t3, normative: [1, 0, '1 000'] });
    expect(r.findings).toEqual([]);
    const row = r.report.tables.t3!.rows['3.4.1']!;
    expect([row.natural!.value, row.commercial!.value, row.total!.value]).toEqual([2, 1, 3]);
    expect(r.report.tables.t2!.rows.normative!.in_force!.value).toBe(1000);
  });
  it('keeps digits apart in their cell when the row has a blank among its cells (no separator was lost there)', () => {
    const t3 = cleanT3();
    t3['3.4.1'] = ['2 1', '', 0, 0, 0, 0, 3]; // seven cells, one of them blank: 「2 1」 stays in its own
    const fs = findings({ t3 });
    expect(ofRule(fs, 'cell-invalid').map((f) => keys(f)[0])).toEqual(['t3/3.4.1/natural']);
  });
  it('says what the identities make of an unreadable count', () => {
    const t3 = cleanT3();
    t3['3.5.1'] = [0, 0, '三', 0, 0, 0, 0]; // a row total of 0: the research count can only be 0
    const fs = ofRule(findings({ t3 }), 'cell-invalid');
    expect(fs).toEqual([
      expect.objectContaining({ expected: 0, actual: '三', inferred: [{ cell: { table: 't3', row: '3.5.1', column: 'research' }, value: 0 }] }),
    ]);
    expect(fs[0]!.message).toContain('推算应为 0');
  });
});
