import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './fixtures';

/** A text layout of test/fixtures/layouts and its sidecar (see build.ts there). */
export interface LayoutFixture {
  name: string;
  text: string;
  about: string;
  /** What blanks a cell in this layout. */
  blank: string;
  agency: string;
  year: number;
  layout: string;
  sections: string[];
  tables: Record<'t2' | 't3' | 't4', Record<string, Record<string, number | 'absent' | 'blank'>>>;
  unplaced: Record<string, string[]>;
  /** Rows printed one value short whose blank's column the identities tell: 「t3/ROW」 → that column. */
  deduced: Record<string, string>;
}

const DIR = join(FIXTURES, 'layouts');

export const LAYOUT_NAMES = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4))
  .sort();

export function layoutFixture(name: string): LayoutFixture {
  const side = JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as Omit<LayoutFixture, 'name' | 'text'>;
  return { name, text: readFileSync(join(DIR, `${name}.txt`), 'utf8'), ...side };
}
