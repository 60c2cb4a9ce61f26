import { describe, expect, it } from 'vitest';
import { cleanT3, cleanT4 } from '../helpers/make-report';
import { bodyTitle, pageOf, reportSection } from '../helpers/compilation';
import { auditedHtml, findings, keys, ofRule } from '../helpers/rules';

describe('cell-missing (identity 5)', () => {
  it('reports blank cells as missing, not zero, leaves 「—」「无」 to cell-invalid, and skips identities over them', () => {
    const t3 = cleanT3();
    t3['3.5.2'] = ['', '—', '无', 0, 0, 0, 0];
    const fs = findings({ t3 });
    const missing = ofRule(fs, 'cell-missing');
    expect(missing).toHaveLength(1);
    expect(keys(missing[0]!)).toEqual(['t3/3.5.2/natural']);
    expect(ofRule(fs, 'cell-invalid').flatMap(keys)).toEqual(['t3/3.5.2/commercial', 't3/3.5.2/research']);
    expect(ofRule(fs, 't3-results-sum').filter((f) => ['natural', 'commercial', 'research'].includes(f.cells![0]!.column))).toEqual([]);
  });
  it('does not fire when every cell holds a number, 0 included', () => {
    expect(ofRule(findings(), 'cell-missing')).toEqual([]);
  });
  it('is one finding per table listing every blank, with the values the identities determine (info when all are)', () => {
    const t3 = cleanT3();
    t3['3.5.2'] = ['', '', 0, 0, 0, 0, 0]; // a total of 0: its blank parts can only be 0
    t3['3.4.1'] = [2, 1, 0, 0, 0, 0, '']; // the row gives 3
    const fs = ofRule(findings({ t3 }), 'cell-missing');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'info', section: 's3' });
    expect(keys(fs[0]!).sort()).toEqual(['t3/3.4.1/total', 't3/3.5.2/commercial', 't3/3.5.2/natural']);
    expect(fs[0]!.inferred!.map((x) => [`${x.cell.row}/${x.cell.column}`, x.value]).sort()).toEqual([
      ['3.4.1/total', 3],
      ['3.5.2/commercial', 0],
      ['3.5.2/natural', 0],
    ]);
    expect(fs[0]!.message).toContain('可由勾稽关系推算');
  });
  it('is a warning when some blank cannot be determined (a whole t4 group left blank)', () => {
    const t4 = cleanT4();
    t4.splice(0, 5, '', '', '', '', '');
    const fs = ofRule(findings({ t4 }), 'cell-missing');
    expect(fs).toEqual([expect.objectContaining({ severity: 'warning', section: 's4' })]);
    expect(fs[0]!.inferred).toBeUndefined();
    expect(keys(fs[0]!)).toEqual(['t4/1/review.upheld', 't4/1/review.corrected', 't4/1/review.other', 't4/1/review.pending', 't4/1/review.total']);
  });
  it("says a t4 blank's column was deduced, unconfirmed, when a row printed one value short fits only there", () => {
    // A table of cells whose t4 row lost a cell: 复议's total (3). Only its own place lets all three groups add up
    // (a lost part fits anywhere in its group; text laid out with spaces leaves the values unplaced, see blank-place.ts).
    const t4 = [2, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0];
    const fs = ofRule(auditedHtml(pageOf(bodyTitle(1), reportSection(1, { t4 }))).findings, 'cell-missing');
    expect(fs).toEqual([expect.objectContaining({ severity: 'warning', section: 's4' })]);
    expect(keys(fs[0]!)).toEqual(['t4/1/review.total']);
    expect(fs[0]!.message).toContain('由勾稽关系推定');
    expect(fs[0]!.message).toContain('三组');
  });
  it('says nothing deduced of a t4 blank the row shows in its place', () => {
    const t4 = cleanT4();
    t4[4] = '';
    const fs = ofRule(findings({ t4 }), 'cell-missing');
    expect(keys(fs[0]!)).toEqual(['t4/1/review.total']);
    expect(fs[0]!.message).not.toContain('推定');
  });
});
