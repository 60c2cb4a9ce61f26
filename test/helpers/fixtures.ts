import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const SEED_IDS = ['000', '001', '002', '003', '004'] as const;
export const STYLES = ['semantic', 'word', 'plain'] as const;

export function seedText(id: string): string {
  const file = readdirSync(join(FIXTURES, 'seeds')).find((f) => f.startsWith(id + '_') && f.endsWith('.txt'))!;
  return readFileSync(join(FIXTURES, 'seeds', file), 'utf8');
}

export function fixtureHtml(name: string): string {
  return readFileSync(join(FIXTURES, 'html', name), 'utf8');
}

export function htmlDoc(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}
