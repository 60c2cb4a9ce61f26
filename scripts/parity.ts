/**
 * Browser parity: opens every HTML page of the corpora (test/fixtures/{variants,prose,recall,probes,html})
 * in Chromium with the test build (`npx wxt build --mode test` first) and compares what the extension
 * found with what the CLI finds for the same file. A tool, not a test: it prints each mismatch and a summary.
 *
 *   npx tsx scripts/parity.ts [filter] [--jobs=2] [--json=out.json]
 *
 * `filter` keeps the pages whose `corpus/file` contains it. Pages in test/fixtures/parity-known.json
 * are compared too but counted apart, with their reason.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, newProfile } from '../test/portal/browser';
import { BrowserSide, type Reading, CORPORA, cliReading, difference, FIXTURES, knownDifferences, startCorpusServer } from '../test/portal/parity';

const args = process.argv.slice(2);
const filter = args.find((a) => !a.startsWith('--')) ?? '';
const jobs = Number(args.find((a) => a.startsWith('--jobs='))?.slice(7) ?? 2);
const jsonOut = args.find((a) => a.startsWith('--json='))?.slice(7);

const pages = CORPORA.flatMap((corpus) =>
  readdirSync(join(FIXTURES, corpus))
    .filter((f) => /\.html?$/.test(f))
    .sort()
    .map((file) => ({ corpus, file, name: `${corpus}/${file}` })),
).filter((p) => p.name.includes(filter));

const known = knownDifferences();
const server = await startCorpusServer();
const context = await launch(newProfile());
const side = await BrowserSide.open(context);
const results: { name: string; diff: string[]; known?: string; auto: boolean; cli: Reading; browser: Reading }[] = [];
const started = Date.now();
let next = 0;

async function worker() {
  for (let i = next++; i < pages.length; i = next++) {
    const { corpus, file, name } = pages[i]!;
    const url = server.url(corpus, file);
    const cli = await cliReading(join(FIXTURES, corpus, file), url);
    const browser = await side.read(url);
    const diff = difference(cli, browser);
    if (browser.error) diff.push(`browser error: ${browser.error}`);
    // The first look not picking a report the CLI detects is a mismatch of its own (the page shows nothing by itself).
    if (cli.detected && browser.detected && !browser.auto) diff.push('first look: did not pick the page (audited only when asked)');
    results.push({ name, diff, known: known[name], auto: browser.auto, cli, browser: { detected: browser.detected, parts: browser.parts } });
    if (diff.length) console.log(`${known[name] ? 'KNOWN ' : 'MISMATCH '}${name}\n  ${diff.join('\n  ')}${known[name] ? `\n  (${known[name]})` : ''}`);
    if (results.length % 50 === 0) console.error(`… ${results.length}/${pages.length} in ${Math.round((Date.now() - started) / 1000)} s`);
  }
}

try {
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
} finally {
  await side.close().catch(() => undefined);
  await context.close();
  await server.close();
}

const mismatches = results.filter((r) => r.diff.length && !r.known);
const knownCount = results.filter((r) => r.diff.length && r.known).length;
const firstLookMisses = results.filter((r) => r.diff.some((d) => d.startsWith('first look'))).length;
console.log(
  `\n${results.length} pages compared in ${Math.round((Date.now() - started) / 1000)} s: ${results.length - mismatches.length - knownCount} agree, ${mismatches.length} mismatch, ${knownCount} known differences; first look missed ${firstLookMisses} detected reports`,
);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 1));
process.exitCode = mismatches.length ? 1 : 0;
