/**
 * PDFs printed by a browser (test/fixtures/pdf-print/README.md): Chromium's 打印 → 另存为PDF of pages of
 * the markup variants, on A4, landscape, shrunk to 70 % and on narrow paper, some with the browser's
 * header/footer line (date, title, URL, page numbers). Each file is audited as the command line audits
 * it; its findings of severity error or warning must be those of its source page (expected.json, from
 * the page's sidecar: its one planted change, or none).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFile } from '../../cli/audit-input';
import { corpus } from '../helpers/fixtures';

type Expected = { about: string; source: string; printed: string; findings: { rule: string; cell?: string }[] };
const { dir: DIR, cases, strayOpen } = corpus<Expected>('pdf-print', 'expected.json');

describe('PDFs printed by Chromium', () => {
  it('leave out only files there are (open.json names files of expected.json)', () => expect(strayOpen).toEqual([]));

  it.each(cases)('%s', async (file, expected) => {
    const { entry } = await auditFile(join(DIR, file));
    expect(entry.detected).toBe(true);
    expect(entry.report).toMatchObject({ agency: '示范县交通运输局', year: 2023, layout: '2021' });
    const found = entry.findings.filter((f) => f.severity !== 'info');
    expect(found.map((f) => f.rule)).toEqual(expected.findings.map((e) => e.rule));
    expected.findings.forEach((e, i) => {
      if (e.cell) expect(found[i]!.cells?.map((c) => `${c.table}/${c.row}/${c.column}`)).toContain(e.cell);
    });
  });
});
