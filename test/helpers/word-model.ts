/**
 * The report the Word variants are written from (test/fixtures/docx-variants/build/model.json), as the counts a
 * reader must find: its tests and those of files made from it (LibreOffice's PDFs) compare every cell with it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './fixtures';

type Model = {
  title: string;
  agency: string;
  year: number;
  t3Keys: string[];
  t2: Record<string, (number | string)[]>;
  t3: Record<string, number[]>;
  t4: number[];
};
export const WORD_MODEL: Model = JSON.parse(readFileSync(join(FIXTURES, 'docx-variants', 'build', 'model.json'), 'utf8'));

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

export interface Variant {
  /** The one count changed from the model, and by how much. */
  plant?: { cell: string; by: number };
  /** The model's zeros are written blank or as a word: read as no number. */
  zerosUnread?: true;
}

/** Every count of the model by its key (`t3/3.1/natural`) with the planted change; null for a zero the file leaves unread. */
export function wordModelValues({ plant, zerosUnread }: Variant): [string, number | null][] {
  const v: Record<string, number> = {};
  for (const [row, cols] of Object.entries(T2_COLUMNS)) cols.forEach((c, i) => (v[`t2/${row}/${c}`] = Number(WORD_MODEL.t2[row]![i])));
  for (const k of WORD_MODEL.t3Keys) T3_COLUMNS.forEach((c, i) => (v[`t3/${k}/${c}`] = WORD_MODEL.t3[k]![i]!));
  T4_COLUMNS.forEach((c, i) => (v[`t4/1/${c}`] = WORD_MODEL.t4[i]!));
  if (plant) v[plant.cell]! += plant.by;
  return Object.entries(v).map(([k, n]) => [k, zerosUnread && n === 0 && k.startsWith('t3/') && !k.endsWith('/total') ? null : n]);
}
