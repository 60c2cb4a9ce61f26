import { describe, expect, it } from 'vitest';
import { auditDocument, auditText, type AuditResult } from '../../lib/engine/audit';
import { cellKey, type Cell, type CellRef, type Finding } from '../../lib/engine/model';
import { fixtureHtml, htmlDoc } from '../helpers/fixtures';
import { LAYOUT_NAMES, layoutFixture } from '../helpers/layouts';

const errorsIn = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');
const names = (fs: Finding[], key: string) => fs.some((f) => f.cells?.some((c) => cellKey(c) === key));

function detected(r: AuditResult) {
  if (!r.detected) throw new Error('not detected: ' + r.reason);
  return r;
}

function cellsOf(r: ReturnType<typeof detected>): { ref: CellRef; cell: Cell }[] {
  return (['t3', 't4'] as const).flatMap((t) =>
    Object.entries(r.report.tables[t]!.rows).flatMap(([row, cols]) => Object.entries(cols).map(([column, cell]) => ({ ref: { table: t, row, column }, cell }))),
  );
}

/**
 * For every cell of t3 and t4 in a clean report: changing that one value must yield exactly one
 * error, naming the cell (in t3, with its original value as the expected one: every t3 cell sits in
 * its own pair of identities), and blanking it a missing-data finding on it. Done on the page's own cells, in
 * clean semantic markup and in Word markup with a split t3 and full-width digits.
 */
describe.each(['001-semantic.html', '001-word.html', '004-semantic.html'])('mutating each cell of %s', (name) => {
  const doc = htmlDoc(fixtureHtml(name));
  const audit = () => detected(auditDocument(doc));
  const clean = audit();
  const cells = cellsOf(clean);

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
      if (
        !names(
          audit().findings.filter((f) => f.rule === 'cell-missing'),
          key,
        )
      )
        missed.push(`blanked ${key}`);
      el.innerHTML = original;
    }
    expect(missed).toEqual([]);
    expect(errorsIn(audit().findings)).toEqual([]);
  }, 60_000);
});

/**
 * The same over every text layout of test/fixtures/layouts: each cell is changed (and blanked with
 * the layout's blank token) where the reader says it read it, in the text itself.
 */
describe.each(LAYOUT_NAMES)('mutating each cell of text layout %s', (name) => {
  const fx = layoutFixture(name);
  const lines = fx.text.split('\n');
  const clean = detected(auditText(fx.text));
  // Cells of rows printed short have no place to mutate; the parsing test covers them. Nor do those of a row
  // whose blank's column the identities told: a value changed beside it leaves the row unplaced (blank-place.ts).
  const short = new Set(Object.keys({ ...fx.unplaced, ...fx.deduced }));
  const cells = cellsOf(clean).filter((c) => c.cell.status !== 'absent' && !short.has(`${c.ref.table}/${c.ref.row}`));
  const withCell = (cell: Cell, text: string) => {
    const at = cell.at!;
    const line = lines[at.line]!;
    const copy = lines.slice();
    copy[at.line] = line.slice(0, at.start) + text + line.slice(at.start + cell.raw.length);
    return copy.join('\n');
  };

  it('reads every cell at a place in the text that holds its value', () => {
    expect(cells.length).toBe(190 - [...short].filter((k) => k.startsWith('t3') || k.startsWith('t4')).length * 7);
    const misplaced = cells.filter(({ cell }) => !cell.at || lines[cell.at.line]!.slice(cell.at.start, cell.at.start + cell.raw.length) !== cell.raw);
    expect(misplaced.map((c) => cellKey(c.ref))).toEqual([]);
  });

  it('flags every changed value and every blanked cell by name', () => {
    const baseline = new Set(errorsIn(clean.findings).map((f) => f.message));
    const missed: string[] = [];
    for (const { ref, cell } of cells) {
      const key = cellKey(ref);
      const changed = detected(auditText(withCell(cell, String((cell.value ?? 0) + 1))));
      if (
        !names(
          errorsIn(changed.findings).filter((f) => !baseline.has(f.message)),
          key,
        )
      )
        missed.push(`changed ${key}`);
      // An empty cell is missing data; a 「—」 in its place is an invalid cell (report-format.md): either way, named.
      const blanked = detected(auditText(withCell(cell, fx.blank)));
      const expectedRule = fx.blank === '' ? 'cell-missing' : 'cell-invalid';
      if (
        !names(
          blanked.findings.filter((f) => f.rule === expectedRule),
          key,
        )
      )
        missed.push(`blanked ${key}`);
    }
    expect(missed).toEqual([]);
  }, 60_000);
});
