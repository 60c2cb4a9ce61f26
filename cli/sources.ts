/** Reading inputs for the CLI: pages, text, PDF and Word files, folders, http(s) and file: URLs. */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertFetchable } from '../lib/app/batch/address';
import { fetchPage } from '../lib/app/batch/audit-link';
import { DEFAULT_LIMITS } from '../lib/app/batch/limits';
import { linkErrorText, type RequestGate } from '../lib/app/batch/runner';
import type { PageAudit } from '../lib/engine/audit';
import { decodePage } from '../lib/engine/decode';
import { fileKind } from '../lib/engine/source/file-kind';
import { parseLightDocument } from '../lib/engine/source/light-dom';
import { auditBytes } from './files';
import { FILE_EXT, fileErrorText, PAGE_EXT, TEXT_EXT } from './inputs';

export const USER_AGENT = 'gov-report-auditor/0.1';

/** A page or text to audit, or a PDF/Word file already audited while reading it (pdf.js is asynchronous). */
export type Loaded = { kind: 'html'; text: string; doc: Document } | { kind: 'text'; text: string } | { kind: 'file'; audit: PageAudit };

export class InputError extends Error {}

/** The light DOM (htmlparser2): the engine reads no more of a page than it offers, several times faster than linkedom. */
export const parseDocument = parseLightDocument;

/** Markup or not by what the text starts with: a saved "page" that is plain text (a PDF extraction) is read as text. */
const startsWithMarkup = (text: string) => /^\uFEFF?\s*</.test(text);

const asLoaded = (text: string, html: boolean): Loaded =>
  html && startsWithMarkup(text) ? { kind: 'html', text, doc: parseDocument(text) } : { kind: 'text', text };

export const withUserAgent: typeof fetch = (input, init) => fetch(input, { ...init, headers: { 'user-agent': USER_AGENT } });

/**
 * Loads a page by URL (http, https or file), fetched as the extension's batch audit fetches it.
 * Redirects may stay on the host the user named or go to public hosts, never to a local address;
 * every request, hops included, waits its turn at `gate` (one per run: the inputs may share a portal).
 */
export async function loadUrl(url: string, gate?: RequestGate): Promise<Loaded> {
  if (!URL.canParse(url)) throw new InputError(`无法识别的网址：${url}`);
  if (url.startsWith('file:')) return loadFile(fileURLToPath(url));
  const named = new URL(url).host;
  const never = new AbortController().signal;
  const spaced: typeof fetch = (input, init) => {
    gate?.started();
    return withUserAgent(input, init);
  };
  const page = await fetchPage(
    url,
    spaced,
    AbortSignal.timeout(DEFAULT_LIMITS.timeoutMs),
    async (hop, n) => {
      assertFetchable(hop, n, [named]);
      await gate?.(never);
    },
    { readFiles: true },
  );
  // A PDF/Word file comes through the same checked, spaced hops as a page, downloaded once.
  if (page.kind === 'file') return { kind: 'file', audit: (await auditBytes(page.bytes, new URL(page.url).pathname, page.type, page.url)).audit };
  if (page.kind === 'attachment') throw new InputError(`网址是引擎无法读取的附件（如压缩包、电子表格）：${page.url}`);
  return asLoaded(page.text, /html|xml/i.test(page.type) || startsWithMarkup(page.text));
}

export async function loadFile(path: string): Promise<Loaded> {
  const ext = extname(path).toLowerCase();
  const known = PAGE_EXT.has(ext) || TEXT_EXT.has(ext) || FILE_EXT.has(ext);
  // Read at once: a thread audits one file at a time, and the asynchronous read costs more than it waits.
  const bytes = new Uint8Array(readFileSync(path));
  // A file without a known extension is still read when its first bytes say PDF, OFD or Word.
  const kind = fileKind(bytes, '', known ? path : '');
  if (FILE_EXT.has(ext) || (!known && ['pdf', 'ofd', 'docx', 'doc', 'wps'].includes(kind)))
    return { kind: 'file', audit: (await auditBytes(bytes, path)).audit };
  if (!known) throw new InputError(`不支持的文件类型「${ext || '无扩展名'}」：只审核 .html/.htm 网页、.txt 文本、PDF、OFD 与 Word（.docx）文件`);
  return asLoaded(decodePage(bytes), PAGE_EXT.has(ext));
}

/**
 * The address a browser saved a page from (「<!-- saved from url=(0067)http://… -->」, at its top): a saved
 * page of a split article is audited as that address's page, whose other pages it links (list.ts articlePages).
 */
export function savedFromUrl(html: string): string | undefined {
  return /<!--\s*saved from url=\(\d+\)(https?:\/\/[^\s>]+?)\s*-->/i.exec(html.slice(0, 1024))?.[1];
}

/** Why an input could not be read: the file system's reasons here, the rest as the batch words them. */
export function errorText(e: unknown): string {
  const err = e as Error;
  const file = fileErrorText(e);
  if (file) return file;
  if (err instanceof TypeError && /fetch failed/.test(err.message)) return `无法连接：${(err.cause as Error)?.message ?? err.message}`;
  return linkErrorText(e);
}
