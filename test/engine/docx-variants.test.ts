/**
 * The Word variants (test/fixtures/docx-variants/README.md): one consistent report in the shapes real
 * Word and WPS documents take. Each file is audited as the command line audits it; its title, body and
 * year must be the report's, every count it reads must be the model's (less any planted change), and its
 * findings of severity error or warning must be exactly what expected.json says its one planted change
 * breaks (none for a clean file).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFile } from '../../cli/audit-input';
import { corpus } from '../helpers/fixtures';

type Expected = {
  about: string;
  findings: { rule: string; cell?: string }[];
  /** The one count changed from the model, and by how much. */
  plant?: { cell: string; by: number };
  /** The model's zeros are written blank or as a word: read as no number. */
  zerosUnread?: true;
};
const { dir: DIR, cases, strayOpen } = corpus<Expected>('docx-variants', 'expected.json');

type Model = {
  title: string;
  agency: string;
  year: number;
  t3Keys: string[];
  t2: Record<string, (number | string)[]>;
  t3: Record<string, number[]>;
  t4: number[];
};
const MODEL: Model = JSON.parse(readFileSync(join(DIR, 'build', 'model.json'), 'utf8'));
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

/** Every count of the model by its key (`t3/3.1/natural`), with the planted change. */
function modelValues(plant?: Expected['plant']): Record<string, number> {
  const v: Record<string, number> = {};
  for (const [row, cols] of Object.entries(T2_COLUMNS)) cols.forEach((c, i) => (v[`t2/${row}/${c}`] = Number(MODEL.t2[row]![i])));
  for (const k of MODEL.t3Keys) T3_COLUMNS.forEach((c, i) => (v[`t3/${k}/${c}`] = MODEL.t3[k]![i]!));
  T4_COLUMNS.forEach((c, i) => (v[`t4/1/${c}`] = MODEL.t4[i]!));
  if (plant) v[plant.cell]! += plant.by;
  return v;
}

describe('Word variants', () => {
  it('leave out only files there are (open.json names files of expected.json)', () => expect(strayOpen).toEqual([]));

  it.each(cases)('%s', async (file, { findings: expected, plant, zerosUnread }) => {
    const { entry, facts } = await auditFile(join(DIR, file));
    expect(entry.detected).toBe(true);
    expect(entry.report).toMatchObject({ title: MODEL.title, agency: MODEL.agency, year: MODEL.year, layout: '2021' });
    const want = Object.entries(modelValues(plant)).map(([k, n]) => [k, zerosUnread && n === 0 && k.startsWith('t3/') && !k.endsWith('/total') ? null : n]);
    expect(Object.entries(facts!.values).filter(([k]) => /^t[234]\//.test(k))).toEqual(expect.arrayContaining(want));
    const found = entry.findings.filter((f) => f.severity !== 'info');
    expect(found.map((f) => f.rule)).toEqual(expected.map((e) => e.rule));
    expected.forEach((e, i) => {
      if (e.cell) expect(found[i]!.cells?.map((c) => `${c.table}/${c.row}/${c.column}`)).toContain(e.cell);
    });
  });
});
