import { describe, expect, it } from 'vitest';
import { auditText } from '../../lib/engine/audit';
import { cleanT3, cleanT4, makeReport } from '../helpers/make-report';
import { findings, keys, ofRule } from '../helpers/rules';

const errors = (fs: ReturnType<typeof findings>) => fs.filter((f) => f.severity === 'error');

describe('cell-wrong: the smallest set of cells that explains the broken identities', () => {
  it('names one wrong cell once, with its expected value and the identities it breaks as evidence', () => {
    const t3 = cleanT3();
    t3['3.7'] = [9, 2, 0, 0, 0, 0, 12]; // (七)总计·总计: 9 + 2 = 11 and 1 + 2 + … = 11, printed 12
    const fs = findings({ t3 });
    expect(errors(fs)).toEqual([
      expect.objectContaining({ rule: 'cell-wrong', cells: [{ table: 't3', row: '3.7', column: 'total' }], expected: 11, actual: 12 }),
    ]);
    expect(fs[0]!.message).toContain('「(七)总计·总计」 应为 11，实为 12');
    expect(fs[0]!.evidence!.map((e) => e.rule).sort()).toEqual(['t3-balance', 't3-results-sum', 't3-row-total']);
  });
  it('names two wrong cells of one table as two findings', () => {
    const t3 = cleanT3();
    t3['3.1'] = [6, 1, 0, 0, 0, 0, 6]; // natural 5 → 6
    t3['3.4.1'] = [2, 1, 0, 0, 0, 0, 4]; // total 3 → 4
    const fs = ofRule(findings({ t3 }), 'cell-wrong');
    expect(fs.map((f) => [keys(f), f.expected, f.actual])).toEqual([
      [['t3/3.1/natural'], 5, 6],
      [['t3/3.4.1/total'], 3, 4],
    ]);
    expect(errors(findings({ t3 }))).toHaveLength(2);
  });
  it('says so and lists the candidates when the identities cannot tell which cell is wrong', () => {
    const t4 = cleanT4();
    t4[0] = 2; // 行政复议·结果维持 1 → 2: the total (2) or another outcome could be the wrong one
    const fs = ofRule(findings({ t4 }), 'cell-wrong');
    expect(fs).toHaveLength(1);
    // Only cells whose correction stays ≥ 0: upheld → 1, pending → 0, total → 3.
    expect(keys(fs[0]!)).toEqual(['t4/1/review.upheld', 't4/1/review.pending', 't4/1/review.total']);
    expect(fs[0]!.inferred).toEqual([
      { cell: { table: 't4', row: '1', column: 'review.upheld' }, value: 1 },
      { cell: { table: 't4', row: '1', column: 'review.pending' }, value: 0 },
      { cell: { table: 't4', row: '1', column: 'review.total' }, value: 3 },
    ]);
    expect(fs[0]!.message).toContain('无法确定');
    expect(fs[0]!.expected).toBeUndefined();
  });
  it('takes the candidate a prose number also contradicts, with that sentence as evidence', () => {
    const t4 = cleanT4();
    t4[4] = 3; // 行政复议·总计 2 → 3, while the prose says 2
    const fs = findings({ t4, s1: '2023年，我局共收到政府信息公开申请12件，上年结转1件。全年行政复议2件。' });
    expect(errors(fs)).toEqual([
      expect.objectContaining({ rule: 'cell-wrong', cells: [{ table: 't4', row: '1', column: 'review.total' }], expected: 2, actual: 3 }),
    ]);
    expect(fs[0]!.evidence!.map((e) => e.rule)).toEqual(['t4-group-total', 'prose-review-suit']);
  });
  it('finds the wrong cell beside a blank, and infers the blank', () => {
    const t3 = cleanT3();
    t3['3.1'] = [5, 1, '', 0, 0, 0, 5]; // known parts already 6 > 5, whatever the blank holds
    const fs = findings({ t3 });
    expect(errors(fs)).toEqual([
      expect.objectContaining({ rule: 'cell-wrong', cells: [{ table: 't3', row: '3.1', column: 'total' }], expected: 6, actual: 5 }),
    ]);
    expect(ofRule(fs, 'cell-missing')).toEqual([
      expect.objectContaining({ severity: 'info', inferred: [{ cell: { table: 't3', row: '3.1', column: 'research' }, value: 0 }] }),
    ]);
  });
  it('gives the per-identity findings back when switched off', () => {
    const t3 = cleanT3();
    t3['3.7'] = [9, 2, 0, 0, 0, 0, 12];
    const r = auditText(makeReport({ t3 }), { disabledRules: ['cell-wrong'] });
    expect(r.detected && r.findings.map((f) => f.rule).sort()).toEqual(['t3-balance', 't3-results-sum', 't3-row-total']);
  });
  it('does not fire on consistent tables, with or without blanks', () => {
    expect(ofRule(findings(), 'cell-wrong')).toEqual([]);
    const t3 = cleanT3();
    t3['1'] = ['', '', 0, 0, 0, 0, 12];
    expect(ofRule(findings({ t3 }), 'cell-wrong')).toEqual([]);
  });

  it('names the broken identities, not rows that could take the gap whole, when a gap of 2 or more may be split over rows (round 35 recall hunt)', () => {
    const t3 = cleanT3();
    t3['3.1'] = [6, 1, 0, 0, 0, 0, 7]; // natural and total one too many
    t3['3.3.4'] = [2, 0, 0, 0, 0, 0, 2]; // so here: each row adds up, (七)总计 is 2 short in natural and total
    const fs = findings({ t3 });
    // One row 2 too many (3.1, 3.3.4 or 3.4.1) explains it as well as two rows 1 too many: listing those rows would name 3.4.1, a right row.
    expect(ofRule(fs, 'cell-wrong')).toEqual([]);
    expect(ofRule(fs, 't3-results-sum').map((f) => f.message)).toEqual([expect.stringContaining('「自然人」列'), expect.stringContaining('「总计」列')]);
    // A gap of 1 cannot be split: the rows that can take it are named (the test below); a gap of 2 another identity places stays a cell.
    const one = cleanT3();
    one['3.1'] = [7, 1, 0, 0, 0, 0, 6];
    expect(ofRule(findings({ t3: one }), 'cell-wrong').map((f) => [keys(f), f.expected, f.actual])).toEqual([[['t3/3.1/natural'], 5, 7]]);
  });
  it('does not settle on one cell, by a prose number, a finding of two wrong cells among several (round 24 recall hunt)', () => {
    const t3 = cleanT3();
    t3['4'] = [3, 0, 0, 0, 0, 0, 3]; // 结转下年度: natural and total both 1 too many; the row adds up, two columns do not
    const fs = findings({ t3, s1: '2023年，我局结转下年度继续办理申请2件。' });
    const [wrong] = ofRule(fs, 'cell-wrong');
    expect(wrong!.message).toMatch(/格中有 2 格有误/);
    expect(keys(wrong!)).toEqual(expect.arrayContaining(['t3/4/natural', 't3/4/total']));
  });
});
