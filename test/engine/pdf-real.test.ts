/**
 * PDFs made by a real office suite (test/fixtures/pdf-real/README.md): LibreOffice's exports of the
 * Word variants (plain, tagged PDF/A, through .odt) and of Word-like HTML pages (Writer/Web). Each
 * file is audited as the command line audits it; its findings of severity error or warning must be
 * those of its source (expected.json, from the source's sidecar: its one planted change, or none),
 * and a PDF of a Word variant must read every count of the report's model (less the planted change).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFile } from '../../cli/audit-input';
import { corpus, FIXTURES } from '../helpers/fixtures';

type Expected = {
  about: string;
  source: string;
  findings: { rule: string; cell?: string }[];
  /** The one count changed from the model, and by how much. */
  plant?: { cell: string; by: number };
  /** The model's zeros are written blank or as a word: read as no number. */
  zerosUnread?: true;
};
const { dir: DIR, cases, strayOpen } = corpus<Expected>('pdf-real', 'expected.json');

type Model = { agency: string; year: number; t3Keys: string[]; t2: Record<string, (number | string)[]>; t3: Record<string, number[]>; t4: number[] };
const MODEL: Model = JSON.parse(readFileSync(join(FIXTURES, 'docx-variants', 'build', 'model.json'), 'utf8'));
const T3_COLUMNS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other', 'total'];
const T4_COLUMNS = ['review', 'suit', 'suit_after_review'].flatMap((g) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `${g}.${c}`));
const T2_COLUMNS: Record<string, string[]> = {
  rules: ['issued', 'repealed', 'in_force'],
  normative: ['issued', 'repealed', 'in_force'],
  licensing: ['decisions'],
  penalty: ['decisions'],
  coercion: ['decisions'],
  fees: ['amount'],
};

/** Every count of the Word variants' model by its key (`t3/3.1/natural`), with the planted change. */
function modelValues({ plant, zerosUnread }: Expected): [string, number | null][] {
  const v: Record<string, number> = {};
  for (const [row, cols] of Object.entries(T2_COLUMNS)) cols.forEach((c, i) => (v[`t2/${row}/${c}`] = Number(MODEL.t2[row]![i])));
  for (const k of MODEL.t3Keys) T3_COLUMNS.forEach((c, i) => (v[`t3/${k}/${c}`] = MODEL.t3[k]![i]!));
  T4_COLUMNS.forEach((c, i) => (v[`t4/1/${c}`] = MODEL.t4[i]!));
  if (plant) v[plant.cell]! += plant.by;
  return Object.entries(v).map(([k, n]) => [k, zerosUnread && n === 0 && k.startsWith('t3/') && !k.endsWith('/total') ? null : n]);
}

describe('PDFs made by LibreOffice', () => {
  it('leave out only files there are (open.json names files of expected.json)', () => expect(strayOpen).toEqual([]));

  it.each(cases)('%s', async (file, expected) => {
    const { entry, facts } = await auditFile(join(DIR, file));
    expect(entry.detected).toBe(true);
    expect(entry.report).toMatchObject({ agency: '示范县交通运输局', year: 2023, layout: '2021' });
    if (expected.source.startsWith('docx-variants/'))
      expect(Object.entries(facts!.values).filter(([k]) => /^t[234]\//.test(k))).toEqual(expect.arrayContaining(modelValues(expected)));
    const found = entry.findings.filter((f) => f.severity !== 'info');
    expect(found.map((f) => f.rule)).toEqual(expected.findings.map((e) => e.rule));
    expected.findings.forEach((e, i) => {
      if (e.cell) expect(found[i]!.cells?.map((c) => `${c.table}/${c.row}/${c.column}`)).toContain(e.cell);
    });
  });
});
