/**
 * The Word variants (test/fixtures/docx-variants/README.md): one consistent report in the shapes real
 * Word and WPS documents take. Each file is audited as the command line audits it; its title, body and
 * year must be the report's, every count it reads must be the model's (less any planted change), and its
 * findings of severity error or warning must be exactly what expected.json says its one planted change
 * breaks (none for a clean file).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFile } from '../../cli/audit-input';
import { corpus } from '../helpers/fixtures';
import { wordModelValues, WORD_MODEL, type Variant } from '../helpers/word-model';

type Expected = Variant & {
  about: string;
  findings: { rule: string; cell?: string }[];
  /** The tables are only pictures (embedded objects): no count is in the text, so none may be read. */
  tablesUnread?: true;
};
const { dir: DIR, cases, strayOpen } = corpus<Expected>('docx-variants', 'expected.json');

describe('Word variants', () => {
  it('leave out only files there are (open.json names files of expected.json)', () => expect(strayOpen).toEqual([]));

  it.each(cases)('%s', async (file, variant) => {
    const expected = variant.findings;
    const { entry, facts } = await auditFile(join(DIR, file));
    expect(entry.detected).toBe(true);
    expect(entry.report).toMatchObject({
      title: WORD_MODEL.title,
      agency: WORD_MODEL.agency,
      year: WORD_MODEL.year,
      ...(variant.tablesUnread ? {} : { layout: '2021' }),
    });
    const counts = Object.entries(facts!.values).filter(([k]) => /^t[234]\//.test(k));
    if (variant.tablesUnread) expect(counts.filter(([, v]) => v !== null)).toEqual([]);
    else expect(counts).toEqual(expect.arrayContaining(wordModelValues(variant)));
    const found = entry.findings.filter((f) => f.severity !== 'info');
    expect(found.map((f) => f.rule)).toEqual(expected.map((e) => e.rule));
    expected.forEach((e, i) => {
      if (e.cell) expect(found[i]!.cells?.map((c) => `${c.table}/${c.row}/${c.column}`)).toContain(e.cell);
    });
  });
});
