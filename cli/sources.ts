/** Reading inputs for the CLI: pages, text, PDF and Word files, folders, http(s) and file: URLs. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { fetchPage } from '../lib/app/batch/audit-link';
import type { AuditResult } from '../lib/engine/audit';
import { decodePage } from '../lib/engine/decode';
import { fileKind } from '../lib/engine/source/file-kind';
import { auditBytes, fetchAndAudit, FILE_EXT } from './files';

export const PAGE_EXT = new Set(['.html', '.htm', '.shtml', '.xhtml']);
export const TEXT_EXT = new Set(['.txt', '.md']);

/** A page or text to audit, or a PDF/Word file already audited while reading it (pdf.js is asynchronous). */
export type Loaded = { kind: 'html'; text: string; doc: Document } | { kind: 'text'; text: string } | { kind: 'file'; result: AuditResult };

export class InputError extends Error {}

const parse = (text: string): Loaded => ({ kind: 'html', text, doc: parseHTML(text).document as unknown as Document });

const withUserAgent: typeof fetch = (input, init) => fetch(input, { ...init, headers: { 'user-agent': 'gov-report-auditor/0.1' } });

/** Loads a page by URL (http, https or file), fetched as the extension's batch audit fetches it. */
export async function loadUrl(url: string): Promise<Loaded> {
  if (url.startsWith('file:')) return loadFile(fileURLToPath(url));
  const page = await fetchPage(url, withUserAgent, AbortSignal.timeout(30_000));
  if (page.kind === 'attachment') return { kind: 'file', result: (await fetchAndAudit(page.url)).result };
  return /html|xml/i.test(page.type) || /^\s*</.test(page.text) ? parse(page.text) : { kind: 'text', text: page.text };
}

export async function loadFile(path: string): Promise<Loaded> {
  const ext = extname(path).toLowerCase();
  const known = PAGE_EXT.has(ext) || TEXT_EXT.has(ext) || FILE_EXT.has(ext);
  const bytes = new Uint8Array(await readFile(path));
  // A file without a known extension is still read when its first bytes say PDF or Word.
  const kind = fileKind(bytes, '', known ? path : '');
  if (FILE_EXT.has(ext) || (!known && ['pdf', 'docx', 'doc', 'wps'].includes(kind))) return { kind: 'file', result: (await auditBytes(bytes, path)).result };
  if (!known) throw new InputError(`不支持的文件类型「${ext || '无扩展名'}」：只审核 .html/.htm 网页、.txt 文本、PDF 与 Word（.docx）文件`);
  const text = decodePage(bytes);
  return PAGE_EXT.has(ext) ? parse(text) : { kind: 'text', text };
}

/** Files of a folder, recursively, in a stable order; only the kinds we read. */
export async function filesIn(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const p = join(dir, name);
    if ((await stat(p)).isDirectory()) out.push(...(await filesIn(p)));
    else if ([PAGE_EXT, TEXT_EXT, FILE_EXT].some((set) => set.has(extname(p).toLowerCase()))) out.push(p);
  }
  return out;
}

export function errorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return '找不到该文件或文件夹';
  if (err?.code === 'EACCES') return '没有读取权限';
  if (err?.name === 'TimeoutError') return '请求超时';
  if (err instanceof TypeError && /fetch failed/.test(err.message)) return `无法连接：${(err.cause as Error)?.message ?? err.message}`;
  return err?.message ?? String(e);
}
