import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_READERS } from '../../cli/files';
import { auditDocument, type AuditResult } from '../../lib/engine/audit';
import { auditFile } from '../../lib/engine/audit-file';
import { cellKey, type CellRef, type Finding } from '../../lib/engine/model';
import { NARROW_LABELS, RULED } from '../fixtures/build-pdf';
import { fixtureHtml, htmlDoc } from '../helpers/fixtures';
import { onePart } from '../helpers/one-part';
import { PdfPrinter, type PrintShape } from '../helpers/print-pdf';

/**
 * The per-cell mutation test of mutation.test.ts, on PDFs: change or blank cells of the HTML page,
 * print it to PDF with Chromium, audit the PDF, and find every changed or blanked cell by name.
 *
 * Printing and reading a PDF takes about a second, so not all 190 cells are printed one by one:
 * every 8th cell of t3 and t4 (24 cells per layout, spread over all rows and columns) is mutated,
 * and the sample is printed in batches of cells that share no t3 row, no t3 column and no t4 group
 * (each cell's identities then break independently): 2 × ~5 PDFs per layout.
 */
const STEP = 8;
const LAYOUTS: [string, PrintShape][] = [
  ['001-semantic.html', { css: RULED }],
  ['001-word.html', { css: NARROW_LABELS, headerFooter: true }],
];

let printer: PdfPrinter;
beforeAll(async () => {
  printer = await PdfPrinter.start();
}, 60_000);
afterAll(() => printer?.close());

const detected = (r: AuditResult) => {
  if (!r.detected) throw new Error(`not detected: ${r.reason}`);
  return r;
};
const errorsIn = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');
const names = (f: Finding, key: string) => !!f.cells?.some((c) => cellKey(c) === key);

/** Cells sharing no t3 row or column, and no t4 group, go in one batch. */
function batches(refs: CellRef[]): CellRef[][] {
  const out: CellRef[][] = [];
  const clash = (a: CellRef, b: CellRef) =>
    a.table === b.table && (a.table === 't4' ? a.column.split('.')[0] === b.column.split('.')[0] : a.row === b.row || a.column === b.column);
  for (const ref of refs) {
    const batch = out.find((b) => b.every((other) => !clash(ref, other)));
    if (batch) batch.push(ref);
    else out.push([ref]);
  }
  return out;
}

describe.each(LAYOUTS)('mutating sampled cells of %s, printed to PDF', (name, shape) => {
  const doc = htmlDoc(fixtureHtml(name));
  const clean = detected(auditDocument(doc));
  const cells = (['t3', 't4'] as const).flatMap((t) =>
    Object.entries(clean.report.tables[t]!.rows).flatMap(([row, cols]) =>
      Object.entries(cols).map(([column, cell]) => ({ ref: { table: t, row, column }, cell })),
    ),
  );
  const sample = cells.filter((_, i) => i % STEP === 0);
  const auditPdf = async () => detected(onePart((await auditFile(await printer.print(doc.toString(), shape), NODE_READERS, { name: 'report.pdf' })).audit));

  it('starts clean: the printed page reads with no error', async () => {
    expect(cells).toHaveLength(175 + 15);
    expect(sample.length).toBeGreaterThanOrEqual(24);
    expect(errorsIn((await auditPdf()).findings)).toEqual([]);
  }, 60_000);

  it('flags every changed value and every blanked cell of the sample by name', async () => {
    const missed: string[] = [];
    const byKey = new Map(sample.map((c) => [cellKey(c.ref), c]));
    for (const batch of batches(sample.map((c) => c.ref))) {
      const targets = batch.map((ref) => byKey.get(cellKey(ref))!);
      const originals = targets.map((c) => (c.cell.el as Element).innerHTML);
      const restore = () => targets.forEach((c, i) => ((c.cell.el as Element).innerHTML = originals[i]!));
      targets.forEach((c) => ((c.cell.el as Element).textContent = String((c.cell.value ?? 0) + 1)));
      const changed = (await auditPdf()).findings;
      targets.forEach((c) => ((c.cell.el as Element).textContent = ''));
      const blanked = (await auditPdf()).findings;
      restore();
      for (const ref of batch) {
        const key = cellKey(ref);
        if (!errorsIn(changed).some((f) => names(f, key))) missed.push(`changed ${key}`);
        if (!blanked.some((f) => f.rule === 'cell-missing' && names(f, key))) missed.push(`blanked ${key}`);
      }
    }
    expect(missed).toEqual([]);
  }, 300_000);
});
