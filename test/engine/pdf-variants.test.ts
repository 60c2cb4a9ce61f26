/**
 * The PDF variants (test/fixtures/pdf-variants/README.md): one consistent report drawn the way
 * Word, WPS and CMS printers write a PDF's text layer (runs, per-glyph items, Tc spacing, rulings
 * as rectangles, rotated pages, watermarks, seals, two columns…). Each file is audited as the
 * command line audits it; its findings of severity error or warning must be exactly what
 * expected.json says its one planted change breaks (none for a clean file).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFile } from '../../cli/audit-input';
import { corpus } from '../helpers/fixtures';

const { dir: DIR, cases, strayOpen } = corpus<{ about: string; findings: { rule: string; cell?: string }[] }>('pdf-variants', 'expected.json');

describe('PDF variants', () => {
  it('leave out only files there are (open.json names files of expected.json)', () => expect(strayOpen).toEqual([]));

  it.each(cases)('%s', async (file, { findings: expected }) => {
    const { entry } = await auditFile(join(DIR, file));
    expect(entry.detected).toBe(true);
    // A file that cannot be read is named after itself: no body or year to read.
    if (expected[0]?.rule !== 'file-unreadable') expect(entry.report).toMatchObject({ agency: '示范县交通运输局', year: 2023, layout: '2021' });
    const found = entry.findings.filter((f) => f.severity !== 'info');
    expect(found.map((f) => f.rule)).toEqual(expected.map((e) => e.rule));
    expected.forEach((e, i) => {
      if (e.cell) expect(found[i]!.cells?.map((c) => `${c.table}/${c.row}/${c.column}`)).toContain(e.cell);
    });
  });
});
