/**
 * Report files for the CLI: PDF and Word files, saved or fetched, audited through the engine's
 * file reader with pdf.js's character maps and fonts from the installed pdfjs-dist (never a CDN).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseHTML } from 'linkedom';
import { auditFile, type FileAudit, type FileReaders } from '../lib/engine/audit-file';

const PDFJS_ROOT = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs')), '..', '..');

export const NODE_READERS: FileReaders = {
  pdf: { cMapUrl: join(PDFJS_ROOT, 'cmaps') + '/', standardFontDataUrl: join(PDFJS_ROOT, 'standard_fonts') + '/', wasmUrl: join(PDFJS_ROOT, 'wasm') + '/' },
  parseHtml: (html) => parseHTML(html).document as unknown as Document,
};

/** Extensions read as report files (by their bytes; the name only breaks ties). */
export const FILE_EXT = new Set(['.pdf', '.docx', '.doc', '.wps']);

export function auditBytes(bytes: Uint8Array, name: string, contentType = '', url?: string): Promise<FileAudit> {
  return auditFile(bytes, NODE_READERS, { name, contentType, url });
}

const withUserAgent: typeof fetch = (input, init) => fetch(input, { ...init, headers: { 'user-agent': 'gov-report-auditor/0.1' } });

/** Fetches an attachment (a PDF or Word link) and audits it; HTTP errors are thrown in words. */
export async function fetchAndAudit(url: string): Promise<FileAudit> {
  const res = await withUserAgent(url, { signal: AbortSignal.timeout(60_000), redirect: 'follow' });
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new Error(`服务器返回 HTTP ${res.status}`);
  }
  return auditBytes(new Uint8Array(await res.arrayBuffer()), new URL(res.url || url).pathname, res.headers.get('content-type') ?? '', res.url || url);
}
