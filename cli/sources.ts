/** Reading inputs for the CLI: files, folders, http(s) and file: URLs, decoded whatever their charset. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { fetchPage } from '../lib/app/batch/audit-link';
import { decodePage } from '../lib/engine/decode';

export const PAGE_EXT = new Set(['.html', '.htm', '.shtml', '.xhtml']);
export const TEXT_EXT = new Set(['.txt', '.md']);

export type Loaded = { kind: 'html'; text: string; doc: Document } | { kind: 'text'; text: string };

export class InputError extends Error {}

const parse = (text: string): Loaded => ({ kind: 'html', text, doc: parseHTML(text).document as unknown as Document });

const withUserAgent: typeof fetch = (input, init) => fetch(input, { ...init, headers: { 'user-agent': 'gov-report-auditor/0.1' } });

/** Loads a page by URL (http, https or file), fetched as the extension's batch audit fetches it. */
export async function loadUrl(url: string): Promise<Loaded> {
  if (url.startsWith('file:')) return loadFile(fileURLToPath(url));
  const page = await fetchPage(url, withUserAgent, AbortSignal.timeout(30_000));
  if (page.kind === 'attachment') throw new InputError('网址是附件（PDF、Word 等），不是网页：附件解析尚未支持');
  return /html|xml/i.test(page.type) || /^\s*</.test(page.text) ? parse(page.text) : { kind: 'text', text: page.text };
}

export async function loadFile(path: string): Promise<Loaded> {
  const ext = extname(path).toLowerCase();
  if (!PAGE_EXT.has(ext) && !TEXT_EXT.has(ext))
    throw new InputError(`不支持的文件类型「${ext || '无扩展名'}」：只审核 .html/.htm 网页和 .txt 文本（PDF、Word 附件请先转为文本）`);
  const text = decodePage(new Uint8Array(await readFile(path)));
  return PAGE_EXT.has(ext) ? parse(text) : { kind: 'text', text };
}

/** Files of a folder, recursively, in a stable order; only the kinds we read. */
export async function filesIn(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const p = join(dir, name);
    if ((await stat(p)).isDirectory()) out.push(...(await filesIn(p)));
    else if (PAGE_EXT.has(extname(p).toLowerCase()) || TEXT_EXT.has(extname(p).toLowerCase())) out.push(p);
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
