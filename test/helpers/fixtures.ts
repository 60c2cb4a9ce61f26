import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/** A page of the probe cases (test/fixtures/probes). */
export function probeHtml(name: string): string {
  return readFileSync(join(FIXTURES, 'probes', name), 'utf8');
}

export function htmlDoc(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/**
 * A corpus of pages in test/fixtures/<name> with a sidecar of what each must give: its cases, less
 * the pages still misread that its open.json names (with why), and the names in open.json that are
 * no page of the sidecar (a test expects none: a stale entry would hide nothing and say otherwise).
 */
export function corpus<T>(name: string, sidecar: string): { dir: string; cases: [string, T][]; strayOpen: string[] } {
  const dir = join(FIXTURES, name);
  const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
  const all = read(sidecar) as Record<string, T>;
  const open = existsSync(join(dir, 'open.json')) ? read('open.json') : {};
  return { dir, cases: Object.entries(all).filter(([file]) => !(file in open)), strayOpen: Object.keys(open).filter((file) => !(file in all)) };
}
