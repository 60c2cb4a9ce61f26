import { describe, expect, it } from 'vitest';
import { Finding } from '../../lib/engine/model';
import { cellBound, solveReport } from '../../lib/engine/rules/arithmetic';
import { T3_ROWS } from '../../lib/engine/parse/table-specs';
import { cleanT3, type T3Values } from '../helpers/make-report';
import { audit } from '../helpers/rules';

const ref = (row: string, column: string) => ({ table: 't3' as const, row, column });

describe('blank-aware arithmetic', () => {
  it('reads a table whose only filled column is 总计 (a common real layout): parts of a 0 total are 0, the rest stay open', () => {
    const t3: T3Values = {};
    for (const [row, cols] of Object.entries(cleanT3())) t3[row] = [...cols.slice(0, 6).map(() => ''), cols[6]!];
    const r = audit({ t3 });
    const [solution] = solveReport(r.report);
    expect(solution!.status).toBe('consistent');
    expect(cellBound(r.report, ref('3.5.2', 'natural'))).toEqual({ lo: 0, hi: 0 });
    // Row 一 总计 12 over six blank columns: each is between 0 and 12, none determined.
    expect(cellBound(r.report, ref('1', 'natural'))).toEqual({ lo: 0, hi: 12 });
    const missing = r.findings.filter((f) => f.rule === 'cell-missing');
    expect(missing).toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect(missing[0]!.cells).toHaveLength(25 * 6);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
  it('finds a prose contradiction through blanks: stated 5 while (一)予以公开 has 5 + 1 filled and a blank total the column determines', () => {
    const t3: T3Values = {};
    for (const [row, cols] of Object.entries(cleanT3())) t3[row] = [...cols.slice(0, 6).map(() => ''), cols[6]!];
    t3['3.1'] = [5, 1, '', '', '', '', ''];
    const r = audit({ t3, s1: '2023年，我局共收到政府信息公开申请12件，上年结转1件。其中予以公开5件。' });
    expect(r.findings.filter((f) => f.rule === 'prose-results')).toEqual([expect.objectContaining({ expected: 6, actual: 5 })]);
    // With the whole total column blank too, the identities leave it open; the filled 5 + 1 still exceed 5.
    for (const row of Object.keys(t3)) t3[row]![6] = '';
    const open = audit({ t3, s1: '2023年，我局共收到政府信息公开申请12件，上年结转1件。其中予以公开5件。' });
    expect(open.findings.filter((f) => f.rule === 'prose-results')).toEqual([expect.objectContaining({ expected: '≥ 6', actual: 5 })]);
  });
  it("names (七)总计's three cells when it was summed without one row: no two cells touch the six broken sums, three can", () => {
    // Row 3.4.1 (2, 1 and 3) left out of the hand sum in every column: the row still adds up, and in 自然人, 商业企业 and
    // 总计 both the results' sum and the balance break at (七)总计; 75 cells are in those sums.
    const t3 = cleanT3();
    t3['3.7'] = [7, 1, 0, 0, 0, 0, 8];
    const [solution] = solveReport(audit({ t3 }).report);
    expect(solution!.status).toBe('located');
    expect(solution!.sets.map((set) => set.map((w) => [w.cell.row, w.cell.column, w.actual, w.expected]))).toEqual([
      [
        ['3.7', 'natural', 7, 9],
        ['3.7', 'commercial', 1, 2],
        ['3.7', 'total', 8, 11],
      ],
    ]);
    // A fourth mistake elsewhere (3.1 科研机构 0→1, its 总计 kept): eight broken sums, beyond three cells: still unlocated.
    t3['3.1'] = [5, 1, 1, 0, 0, 0, 6];
    expect(solveReport(audit({ t3 }).report)[0]!.status).toBe('unlocated');
  });
  it('stays well-formed on hostile numbers: every cell huge and inconsistent', () => {
    const t3: T3Values = {};
    for (const spec of T3_ROWS) if (spec.layouts.includes('2021')) t3[spec.key] = [0, 1, 2, 3, 4, 5, 6].map((i) => 10 ** 12 + i * 7919 + spec.key.length);
    const r = audit({ t3 });
    for (const f of r.findings) expect(() => Finding.parse(f)).not.toThrow();
    expect(r.findings.some((f) => f.severity === 'error' && /^t3-|^cell-wrong$/.test(f.rule))).toBe(true);
  });
});
