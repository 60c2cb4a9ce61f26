/**
 * `npm run audit -- [--json] FILE|DIR|URL …` — audits saved pages, text extractions, folders of
 * them and live URLs with the same engine the extension runs. One bad input never stops the rest.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { parseHTML } from 'linkedom';
import { auditDocument, auditText, type AuditResult } from '../lib/audit';
import { decodePage } from '../lib/decode';
import type { Finding, ReportSummary } from '../lib/model';
import { formatSummary } from './format';

export interface Entry {
  source: string;
  detected: boolean;
  report?: ReportSummary;
  findings: Finding[];
  /** Why a page that was read is not taken for a report. */
  reason?: string;
  /** Why an input could not be read at all. */
  error?: string;
}

const PAGE = new Set(['.html', '.htm', '.shtml', '.xhtml']);
const TEXT = new Set(['.txt', '.md']);

function toEntry(source: string, r: AuditResult): Entry {
  if (!r.detected) return { source, detected: false, findings: [], reason: r.reason };
  const { title, agency, year, layout } = r.report;
  return { source, detected: true, report: { title, agency, year, layout }, findings: r.findings };
}

export function auditHtml(source: string, html: string): Entry {
  const { document } = parseHTML(html);
  return toEntry(source, auditDocument(document as unknown as Document));
}

export function auditPlain(source: string, text: string): Entry {
  return toEntry(source, auditText(text));
}

async function auditUrl(url: string): Promise<Entry> {
  const res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(30_000) });
  if (!res.ok) return { source: url, detected: false, findings: [], error: `HTTP ${res.status}` };
  const type = res.headers.get('content-type') ?? '';
  const body = decodePage(new Uint8Array(await res.arrayBuffer()), type);
  return /html|xml/i.test(type) || /^\s*</.test(body) ? auditHtml(url, body) : auditPlain(url, body);
}

async function auditFile(path: string): Promise<Entry> {
  const ext = extname(path).toLowerCase();
  if (!PAGE.has(ext) && !TEXT.has(ext))
    return { source: path, detected: false, findings: [], error: `不支持的文件类型「${ext || '无扩展名'}」：只审核 .html/.htm 网页和 .txt 文本（PDF、Word 附件请先转为文本）` };
  const text = decodePage(new Uint8Array(await readFile(path)));
  return PAGE.has(ext) ? auditHtml(path, text) : auditPlain(path, text);
}

/** Files of a folder, recursively, in a stable order; only the kinds we read. */
async function filesIn(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const p = join(dir, name);
    if ((await stat(p)).isDirectory()) out.push(...(await filesIn(p)));
    else if (PAGE.has(extname(p).toLowerCase()) || TEXT.has(extname(p).toLowerCase())) out.push(p);
  }
  return out;
}

export async function auditInput(input: string): Promise<Entry[]> {
  try {
    if (/^https?:\/\//i.test(input)) return [await auditUrl(input)];
    if ((await stat(input)).isDirectory()) {
      const files = await filesIn(input);
      return files.length ? Promise.all(files.map(auditOne)) : [{ source: input, detected: false, findings: [], error: '文件夹中没有 .html/.htm/.txt 文件' }];
    }
    return [await auditFile(input)];
  } catch (e) {
    return [{ source: input, detected: false, findings: [], error: errorText(e) }];
  }
}

async function auditOne(path: string): Promise<Entry> {
  try {
    return await auditFile(path);
  } catch (e) {
    return { source: path, detected: false, findings: [], error: errorText(e) };
  }
}

function errorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return '找不到该文件或文件夹';
  if (err?.code === 'EACCES') return '没有读取权限';
  if (err?.name === 'TimeoutError') return '请求超时';
  return err?.message ?? String(e);
}

const USAGE = `用法 Usage: npm run audit -- [--json] 文件|文件夹|网址 …
  审核已保存的网页（.html/.htm）、文本（.txt）、文件夹或网址。
  --json   以 JSON 数组输出（每个输入一项） / print one JSON array, one entry per input`;

async function main(argv: string[]) {
  const json = argv.includes('--json');
  const inputs = argv.filter((a) => a !== '--json');
  if (argv.includes('--help') || argv.includes('-h') || !inputs.length || inputs.some((a) => a.startsWith('--'))) {
    console.error(USAGE);
    process.exitCode = inputs.length || argv.includes('--help') || argv.includes('-h') ? 0 : 2;
    if (inputs.some((a) => a.startsWith('--'))) process.exitCode = 2;
    return;
  }
  const entries: Entry[] = [];
  for (const input of inputs) entries.push(...(await auditInput(input)));
  process.stdout.write(json ? JSON.stringify(entries, null, 2) + '\n' : entries.map(formatSummary).join('\n') + '\n');
}

if (import.meta.url === `file://${process.argv[1]}`)
  main(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
