import { describe, expect, it } from 'vitest';
import { auditDocument } from '../../lib/engine/audit';
import { cellKey, type Finding } from '../../lib/engine/model';
import { fixtureHtml, htmlDoc } from '../helpers/fixtures';

/**
 * For every cell of t3 and t4 in a clean report: changing that one value must yield exactly one
 * error, naming the cell (in t3, with its original value as the expected one: every t3 cell sits in
 * its own pair of identities), and blanking it a missing-data finding on it. Done on the page's own cells, in
 * clean semantic markup and in Word markup with a split t3 and full-width digits.
 */
describe.each(['001-semantic.html', '001-word.html', '004-semantic.html'])('mutating each cell of %s', (name) => {
  const doc = htmlDoc(fixtureHtml(name));
  const audit = () => {
    const r = auditDocument(doc);
    if (!r.detected) throw new Error('not detected');
    return r;
  };
  const clean = audit();
  const errorsIn = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');
  const cells = (['t3', 't4'] as const).flatMap((t) =>
    Object.entries(clean.report.tables[t]!.rows).flatMap(([row, cols]) => Object.entries(cols).map(([column, cell]) => ({ ref: { table: t, row, column }, cell }))),
  );

  it('starts clean, with all 190 cells read from their own elements', () => {
    expect(errorsIn(clean.findings)).toEqual([]);
    expect(cells).toHaveLength(175 + 15);
    expect(cells.every((c) => c.cell.el && (c.cell.el as Element).tagName.toUpperCase() === 'TD')).toBe(true);
  });

  it('flags every changed value and every blanked cell by name', () => {
    const missed: string[] = [];
    for (const { ref, cell } of cells) {
      const el = cell.el as Element;
      const original = el.innerHTML;
      const key = cellKey(ref);
      el.textContent = String((cell.value ?? 0) + 1);
      const errors = errorsIn(audit().findings);
      if (!errors.some((f) => f.cells?.some((c) => cellKey(c) === key))) missed.push(`changed ${key}`);
      if (errors.length !== 1) missed.push(`changed ${key}: ${errors.length} errors`);
      if (ref.table === 't3' && errors[0]?.expected !== cell.value) missed.push(`changed ${key}: expected ${errors[0]?.expected}, was ${cell.value}`);
      el.textContent = '';
      if (!audit().findings.some((f) => f.rule === 'cell-missing' && f.cells?.some((c) => cellKey(c) === key))) missed.push(`blanked ${key}`);
      el.innerHTML = original;
    }
    expect(missed).toEqual([]);
    expect(errorsIn(audit().findings)).toEqual([]);
  }, 60_000);
});
