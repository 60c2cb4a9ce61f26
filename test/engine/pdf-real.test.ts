/**
 * PDFs made by a real office suite (test/fixtures/pdf-real/README.md): LibreOffice's exports of the
 * Word variants (plain, tagged PDF/A, through .odt) and of Word-like HTML pages (Writer/Web). Each
 * file is audited as the command line audits it; its findings of severity error or warning must be
 * those of its source (expected.json, from the source's sidecar: its one planted change, or none),
 * and a PDF of a Word variant must read every count of the report's model (less the planted change).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFile } from '../../cli/audit-input';
import { corpus } from '../helpers/fixtures';
import { wordModelValues, type Variant } from '../helpers/word-model';

type Expected = Variant & {
  about: string;
  source: string;
  findings: { rule: string; cell?: string }[];
};
const { dir: DIR, cases, strayOpen } = corpus<Expected>('pdf-real', 'expected.json');

describe('PDFs made by LibreOffice', () => {
  it('leave out only files there are (open.json names files of expected.json)', () => expect(strayOpen).toEqual([]));

  it.each(cases)('%s', async (file, expected) => {
    const { entry, facts } = await auditFile(join(DIR, file));
    expect(entry.detected).toBe(true);
    expect(entry.report).toMatchObject({ agency: '示范县交通运输局', year: 2023, layout: '2021' });
    if (expected.source.startsWith('docx-variants/'))
      expect(Object.entries(facts!.values).filter(([k]) => /^t[234]\//.test(k))).toEqual(expect.arrayContaining(wordModelValues(expected)));
    const found = entry.findings.filter((f) => f.severity !== 'info');
    expect(found.map((f) => f.rule)).toEqual(expected.findings.map((e) => e.rule));
    expected.findings.forEach((e, i) => {
      if (e.cell) expect(found[i]!.cells?.map((c) => `${c.table}/${c.row}/${c.column}`)).toContain(e.cell);
    });
  });
});
