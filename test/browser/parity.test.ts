/**
 * Parity on a sample of the corpora: the extension on the live page (first look, page tree, the
 * background's engine) finds what the CLI finds in the file, page by page. scripts/parity.ts runs the
 * same comparison over every page; this keeps a fixed, diverse sample of it in CI: the middle page of
 * evenly spaced name prefixes (the corpora's rounds and kinds) of each corpus.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launch, newProfile } from '../portal/browser';
import { BrowserSide, cliReading, difference, FIXTURES, knownDifferences, startCorpusServer, type CorpusServer } from '../portal/parity';

/** How many prefixes to sample per corpus. */
const SAMPLE: Record<string, number> = { variants: 12, prose: 9, recall: 7, probes: 4, html: 4, parity: 6 };
/** A page's group: its letters (a corpus's round or kind), the parity pages' their number (each a page and its neighbour with an error). */
const groupOf = (corpus: string, file: string) => (corpus === 'parity' ? /^P\d+/ : /^[A-Za-z]+|^\d/).exec(file)?.[0] ?? file;

function sample(corpus: string, count: number): string[] {
  const groups = new Map<string, string[]>();
  for (const f of readdirSync(join(FIXTURES, corpus))
    .filter((f) => f.endsWith('.html'))
    .sort()) {
    const prefix = groupOf(corpus, f);
    groups.set(prefix, [...(groups.get(prefix) ?? []), f]);
  }
  const all = [...groups.values()];
  const step = all.length / Math.min(count, all.length);
  return Array.from({ length: Math.min(count, all.length) }, (_, i) => {
    const files = all[Math.floor(i * step)]!;
    // The middle page of one group, the first of the next: clean pages and pages with errors both.
    return files[i % 2 ? 0 : Math.floor(files.length / 2)]!;
  });
}

const PAGES = Object.entries(SAMPLE).flatMap(([corpus, count]) => sample(corpus, count).map((file) => ({ corpus, file })));
const known = knownDifferences();

let server: CorpusServer;
let context: BrowserContext;
let side: BrowserSide;

beforeAll(async () => {
  server = await startCorpusServer();
  context = await launch(newProfile());
  side = await BrowserSide.open(context);
});
afterAll(async () => {
  await side?.close();
  await context?.close();
  await server?.close();
});

describe('the extension on a live page reads what the CLI reads in the file', () => {
  it('samples about forty pages across the corpora', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(36);
    expect(new Set(PAGES.map((p) => p.corpus)).size).toBe(Object.keys(SAMPLE).length);
  });

  it('finds the same reports and the same errors and warnings on every sampled page', { timeout: 240_000 }, async () => {
    const mismatches: string[] = [];
    let reports = 0;
    let withFindings = 0;
    for (const { corpus, file } of PAGES) {
      const name = `${corpus}/${file}`;
      if (known[name]) continue;
      const url = server.url(corpus, file);
      const cli = await cliReading(join(FIXTURES, corpus, file), url);
      const browser = await side.read(url);
      const diff = difference(cli, browser);
      if (browser.error) diff.push(browser.error);
      if (cli.detected && !browser.auto) diff.push('the first look did not pick it');
      if (diff.length) mismatches.push(`${name}: ${diff.join('; ')}`);
      if (cli.detected) reports++;
      if (cli.parts.some((keys) => keys.length)) withFindings++;
    }
    expect(mismatches).toEqual([]);
    // Mostly reports, some with findings, and a few pages that are none: each outcome compared.
    expect(reports).toBeGreaterThanOrEqual(PAGES.length * 0.75);
    expect(reports).toBeLessThan(PAGES.length);
    expect(withFindings).toBeGreaterThanOrEqual(5);
  });
});
