import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFile } from '../../cli/audit-input';
import { cleanT3, cleanT4 } from '../helpers/make-report';
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
  it('makes one finding of three or more cells of a table holding the same word (「—」 for every zero), with what the identities give', () => {
    const t3 = cleanT3();
    const zeros: string[] = [];
    for (const [row, vs] of Object.entries(t3))
      t3[row] = vs.map((v, i) => {
        if (v !== 0) return v;
        zeros.push(`t3/${row}/${['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other', 'total'][i]}`);
        return '—';
      });
    const fs = findings({ t3 });
    expect(fs.filter((f) => f.severity !== 'info').map((f) => f.rule)).toEqual(['cell-invalid']);
    const [f] = ofRule(fs, 'cell-invalid');
    expect([...keys(f!)].sort()).toEqual([...zeros].sort());
    // Every part of a row whose filled cells already make its total is 0 (identity 3), and so on.
    expect(f).toMatchObject({ actual: '—', expected: 0 });
    expect(f!.inferred).toHaveLength(zeros.length);
    expect(f!.message).toContain(`等 ${zeros.length} 格的值都是「—」`);
  });
  it('keeps two cells of the same word, or words of different tables, as findings of their own', () => {
    const t3 = cleanT3();
    t3['3.5.1'] = ['/', '/', 0, 0, 0, 0, 0];
    const t4 = cleanT4();
    t4[5] = '/';
    expect(ofRule(findings({ t3, t4 }), 'cell-invalid').map((f) => keys(f))).toEqual([['t3/3.5.1/natural'], ['t3/3.5.1/commercial'], ['t4/1/suit.upheld']]);
  });
  it('makes one finding of a table whose digits an icon font draws as private-use glyphs (variants Y11), whatever each glyph, and never reads a number', () => {
    // An anti-scraping font: each digit a code point of its own, so every value is a different 「word」.
    const glyph = (v: string | number) => String(v).replace(/\d/g, (d) => String.fromCodePoint(0xe600 + Number(d)));
    const t3 = cleanT3();
    for (const [row, vs] of Object.entries(t3)) t3[row] = vs.map(glyph);
    const fs = findings({ t3 });
    // 「3.其他」, its values all glyphs, is still its row: a glyph never joins the label.
    expect(fs.filter((f) => f.severity !== 'info').map((f) => f.rule)).toEqual(['cell-invalid']);
    const [f] = ofRule(fs, 'cell-invalid');
    expect(keys(f!)).toHaveLength(Object.keys(t3).length * 7);
    expect(f!.expected).toBeUndefined();
    expect(f!.message).toContain('私用区字符');
    expect(f!.actual).toMatch(/^U\+E6/);
  });
  it('keeps one or two glyph cells, or three of a word, apart from glyphs: the words are not the same', () => {
    const t3 = cleanT3();
    t3['3.5.1'] = ['\ue601', '/', '/', '/', 0, 0, 0];
    const fs = ofRule(findings({ t3 }), 'cell-invalid');
    expect(fs.map((f) => keys(f))).toEqual([['t3/3.5.1/natural'], ['t3/3.5.1/commercial', 't3/3.5.1/research', 't3/3.5.1/nonprofit']]);
    expect(fs[0]!.message).toContain('「U+E601」是字体显示的私用区字符');
  });
  it('says which of the same word’s cells the identities cannot determine', () => {
    const t4 = cleanT4();
    t4[0] = t4[3] = '—'; // review upheld and pending (1 and 1): together the group's 2, each unknown
    t4[6] = '—'; // suit corrected: 0 in a group whose upheld already makes its total
    const [f] = ofRule(findings({ t4 }), 'cell-invalid');
    expect(keys(f!)).toEqual(['t4/1/review.upheld', 't4/1/review.pending', 't4/1/suit.corrected']);
    expect(f!.expected).toBeUndefined();
    expect(f!.inferred).toEqual([{ cell: { table: 't4', row: '1', column: 'suit.corrected' }, value: 0 }]);
    expect(f!.message).toContain('其余 2 格无法确定');
  });
  it('reads rows of dashes under a group caption (rowspan) as rows, not as header rows (probe R17)', async () => {
    const { entry } = await auditFile(join(import.meta.dirname, '../fixtures/probes/R17-html-dash-for-zero.html'));
    expect(entry.findings.map((f) => f.rule)).toEqual(['cell-invalid']);
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
