/**
 * `npm run bench [-- --files=N]`: prints what the engine costs on a report page and on a large
 * ordinary page — detection, parsing and rules — beside the floor: one plain pass reading every
 * table cell's text, and what reading the HTML costs on linkedom and on the CLI's light DOM; then
 * the CLI's rate (reports/s) and peak memory on N files (1 000; BENCH_RUNS=n runs, median), and
 * cross-year matching over 8 000 stored reports. Figures, not assertions: run it on the machine you care about.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { auditDocument, looksLikeReport } from '../lib/engine/audit';
import { confirmReport } from '../lib/engine/detect';
import { buildReport } from '../lib/engine/parse/report';
import { runRules } from '../lib/engine/rules';
import { domToBlocks } from '../lib/engine/source/dom';
import { parseLightDocument } from '../lib/engine/source/light-dom';
import { benchCli } from './cli';
import { benchCrossYear } from './cross-year';

const FILES = Number(/^--files=(\d+)$/.exec(process.argv.slice(2).find((a) => a.startsWith('--files=')) ?? '')?.[1] ?? 1000);

const PAGES = [
  ['年报页面 report page (001, Word markup)', 'test/fixtures/html/001-word.html'],
  ['年报页面 report page (003, semantic)', 'test/fixtures/html/003-semantic.html'],
  ['大型普通页面 large non-report page', 'test/fixtures/html/nonreport-large.html'],
] as const;

/** Median time of `fn` in milliseconds over enough runs to fill ~300 ms. */
function time(fn: () => unknown): number {
  const samples: number[] = [];
  const until = performance.now() + 300;
  do {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  } while (performance.now() < until || samples.length < 5);
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const fmt = (ms: number) => `${ms < 1 ? ms.toFixed(3) : ms.toFixed(2)} ms`.padStart(11);

for (const [name, path] of PAGES) {
  const html = readFileSync(path, 'utf8');
  const doc = parseHTML(html).document as unknown as Document;
  const root = doc.body ?? doc.documentElement;
  const floor = time(() => {
    let n = 0;
    for (const td of Array.from(doc.querySelectorAll('td,th'))) n += (td.textContent ?? '').length;
    return n;
  });
  const likely = looksLikeReport(doc);
  const detect = time(() => looksLikeReport(doc) && confirmReport(root.textContent ?? '').ok);
  const parse = time(() => buildReport(domToBlocks(root), { pageTitle: doc.title }));
  const report = buildReport(domToBlocks(root), { pageTitle: doc.title });
  const rules = time(() => runRules(report));
  const cells = doc.querySelectorAll('td,th').length;
  const linkedom = time(() => parseHTML(html).document);
  const light = time(() => parseLightDocument(html));
  const lightAudit = time(() => auditDocument(parseLightDocument(html)));
  const linkedAudit = time(() => auditDocument(parseHTML(html).document as unknown as Document));
  console.log(`\n${name}\n  ${path} — ${(html.length / 1024).toFixed(0)} KiB, ${cells} cells, ${likely ? 'passes' : 'fails'} the cheap first look`);
  console.log(`  floor 遍历单元格文本 read every cell once ${fmt(floor)}`);
  console.log(`  detect 识别                              ${fmt(detect)}  (${(detect / floor).toFixed(2)} × floor)`);
  console.log(`  parse 解析                               ${fmt(parse)}  (${(parse / floor).toFixed(2)} × floor)`);
  console.log(`  rules 规则                               ${fmt(rules)}  (${(rules / floor).toFixed(2)} × floor)`);
  console.log(`  HTML → DOM: linkedom ${fmt(linkedom)} · light DOM (CLI) ${fmt(light)}  (${(linkedom / light).toFixed(1)} × faster)`);
  console.log(`  whole audit from HTML: on linkedom ${fmt(linkedAudit)} · on the light DOM (CLI) ${fmt(lightAudit)}`);
}

await (await import('./pdf')).benchPdf();
console.log(`\n命令行 CLI: cli/audit.ts --jsonl on ${FILES} files (fixtures copied; startup included; BENCH_RUNS=n runs each)`);
await benchCli(FILES);
console.log('\n跨年度比对 Cross-year matching over stored reports');
benchCrossYear(8000);
