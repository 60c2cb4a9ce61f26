/**
 * `npm run audit -- [--json] [--follow-links] FILE|DIR|URL …` — audits saved pages, text
 * extractions, folders of them and live URLs with the engine the extension runs, then checks each
 * body's consecutive years against each other. One bad input never stops the rest.
 */
import { stat } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { auditDocument, auditText, type AuditResult } from '../lib/engine/audit';
import { crossYearFindings, factsOf, type YearFacts } from '../lib/engine/cross-year';
import { reportLinks } from '../lib/engine/list';
import type { Finding, ReportSummary } from '../lib/engine/model';
import { followAttachments } from './attachments';
import { followList } from './follow';
import { formatSummary } from './format';
import { errorText, filesIn, loadFile, loadUrl, type Loaded } from './sources';

export interface Entry {
  source: string;
  detected: boolean;
  report?: ReportSummary;
  findings: Finding[];
  /** Why a page that was read is not taken for a report. */
  reason?: string;
  /** Why an input could not be read at all. */
  error?: string;
  /** The list page a report was reached from, with --follow-links. */
  linkedFrom?: string;
  /** Report links found on a list page. */
  links?: number;
}

/** An audited input, with what cross-year checks and link following need. */
export interface Audited {
  entry: Entry;
  facts?: YearFacts;
  loaded?: Loaded;
}

export function auditLoaded(source: string, loaded: Loaded, url?: string): Audited {
  const r: AuditResult = loaded.kind === 'file' ? loaded.result : loaded.kind === 'html' ? auditDocument(loaded.doc, { url }) : auditText(loaded.text, { url });
  if (!r.detected) return { entry: { source, detected: false, findings: [], reason: r.reason }, loaded };
  const { title, agency, year, layout } = r.report;
  return { entry: { source, detected: true, report: { title, agency, year, layout }, findings: r.findings }, facts: factsOf(r.report, source), loaded };
}

/** Audits one input; for a folder, every page and text file in it. */
export async function auditInput(input: string): Promise<Audited[]> {
  const failed = (source: string, e: unknown): Audited => ({ entry: { source, detected: false, findings: [], error: errorText(e) } });
  try {
    if (/^https?:\/\//i.test(input)) return [auditLoaded(input, await loadUrl(input), input)];
    if ((await stat(input)).isDirectory()) {
      const files = await filesIn(input);
      if (!files.length) return [{ entry: { source: input, detected: false, findings: [], error: '文件夹中没有 .html/.htm/.txt 文件' } }];
      return Promise.all(files.map((f) => loadFile(f).then((l) => auditLoaded(f, l), (e) => failed(f, e))));
    }
    return [auditLoaded(input, await loadFile(input))];
  } catch (e) {
    return [failed(input, e)];
  }
}

/** Adds each report's cross-year findings, against every other report of the run. */
export function addCrossYear(all: Audited[]): void {
  const facts = all.flatMap((a) => (a.facts ? [a.facts] : []));
  for (const a of all) if (a.facts) a.entry.findings.push(...crossYearFindings(a.facts, facts));
}

export async function run(inputs: string[], follow: boolean): Promise<Entry[]> {
  const all: Audited[] = [];
  for (const input of inputs) {
    const audited = await auditInput(input);
    all.push(...audited);
    if (!follow) continue;
    for (const a of audited) {
      if (a.entry.findings.some((f) => f.rule === 'report-attachment-only')) all.push(...(await followAttachments(a, auditLoaded)));
      if (a.entry.detected || a.loaded?.kind !== 'html') continue;
      const base = /^https?:/i.test(a.entry.source) ? a.entry.source : pathToFileURL(resolvePath(a.entry.source)).toString();
      if (!reportLinks(a.loaded.doc, base).length) continue;
      const followed = await followList(base, a.loaded.doc);
      a.entry.links = followed.length;
      a.entry.reason = `报告列表页：找到 ${followed.length} 个报告链接`;
      all.push(...followed.map((f) => ({ ...f, entry: { ...f.entry, linkedFrom: a.entry.source } })));
    }
  }
  addCrossYear(all);
  return all.map((a) => a.entry);
}

const USAGE = `用法 Usage: npm run audit -- [--json] [--follow-links] 文件|文件夹|网址 …
  审核已保存的网页（.html/.htm）、文本（.txt）、文件夹或网址；同一机关相邻年度的报告互相比对。
  --json           以 JSON 数组输出（每个输入一项） / print one JSON array, one entry per input
  --follow-links   对报告列表页，逐一审核其中链接的年报（含翻页） / audit every report a list page links to`;

async function main(argv: string[]) {
  const flags = new Set(argv.filter((a) => a.startsWith('-')));
  const inputs = argv.filter((a) => !a.startsWith('-'));
  const unknown = [...flags].filter((f) => !['--json', '--follow-links', '--help', '-h'].includes(f));
  if (flags.has('--help') || flags.has('-h') || unknown.length || !inputs.length) {
    if (unknown.length) console.error(`未知选项 Unknown option: ${unknown.join(' ')}`);
    console.error(USAGE);
    process.exitCode = flags.has('--help') || flags.has('-h') ? 0 : 2;
    return;
  }
  const entries = await run(inputs, flags.has('--follow-links'));
  process.stdout.write(flags.has('--json') ? JSON.stringify(entries, null, 2) + '\n' : entries.map(formatSummary).join('\n') + '\n');
}

if (import.meta.url === `file://${process.argv[1]}`)
  main(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
