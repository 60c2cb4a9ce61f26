/**
 * One link of a batch: fetched, decoded and audited exactly as the content script audits a page
 * opened by hand, so the stored record is the same whichever way the report was reached.
 */
import { auditPage, type PageAudit } from '../../engine/audit';
import { auditFile, type FileReaders } from '../../engine/audit-file';
import { reportSnapshot } from '../../engine/snapshot';
import { decodePage } from '../../engine/decode';
import { ATTACHMENT } from '../../engine/list';
import type { ReportSnapshot } from '../../engine/snapshot';
import { agencyAndYear } from '../../engine/parse/report';
import { attachmentFindings } from '../../engine/rules/report-attachment-only';
import { fileKind } from '../../engine/source/file-kind';
import { followRedirects, type BeforeRequest, type HiddenRedirects } from './hops';
import { MAX_FILE_BYTES, MAX_PAGE_BYTES } from './limits';
import { LinkError } from './link-error';

export { LinkError } from './link-error';
export type { BeforeRequest } from './hops';

/** Content types of files, not pages: a report published as one of these is a PDF/Word attachment. */
const ATTACHMENT_TYPE = /pdf|msword|officedocument|wps|ofd|octet-stream|zip|rar/i;

export type Fetched =
  /** `type` is the response's Content-Type. */
  | { kind: 'page'; url: string; text: string; type: string }
  /** A file not downloaded: the fetch was not asked to read files. */
  | { kind: 'attachment'; url: string }
  /** A PDF/Word file read (by Content-Type or its first bytes), for the engine's file reader. */
  | { kind: 'file'; url: string; bytes: Uint8Array; type: string };

export interface FetchOptions {
  /** Download PDF/Word files instead of only naming them (the extension's batch page has pdf.js). */
  readFiles?: boolean;
  /** How a browser page learns where its manual redirects point (hops.ts); Node's fetch shows it. */
  hidden?: HiddenRedirects;
}

/**
 * Fetches a page and decodes it whatever its charset. Redirects are followed by hand, each hop
 * offered to `beforeRequest` first, at most MAX_HOPS of them (hops.ts). Without `readFiles`,
 * attachment URLs are not fetched at all and an attachment found by its content type is not downloaded.
 */
export async function fetchPage(
  url: string,
  fetchImpl: typeof fetch,
  signal: AbortSignal,
  beforeRequest?: BeforeRequest,
  opts?: FetchOptions & { readFiles?: false },
): Promise<Exclude<Fetched, { kind: 'file' }>>;
export async function fetchPage(
  url: string,
  fetchImpl: typeof fetch,
  signal: AbortSignal,
  beforeRequest: BeforeRequest | undefined,
  opts: FetchOptions,
): Promise<Fetched>;
export async function fetchPage(
  url: string,
  fetchImpl: typeof fetch,
  signal: AbortSignal,
  beforeRequest?: BeforeRequest,
  opts: FetchOptions = {},
): Promise<Fetched> {
  const skip = opts.readFiles ? undefined : (u: string) => ATTACHMENT.test(u);
  const end = await followRedirects(url, fetchImpl, signal, beforeRequest, { hidden: opts.hidden, skip });
  if (!end.res) return { kind: 'attachment', url: end.url };
  return readPage(end.res, end.url, opts);
}

const FILE_KINDS = new Set(['pdf', 'ofd', 'docx', 'doc', 'wps']);

async function readPage(res: Response, url: string, opts: FetchOptions): Promise<Fetched> {
  const type = res.headers.get('content-type') ?? '';
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new LinkError(`服务器返回 HTTP ${res.status}`);
  }
  const fileByType = ATTACHMENT_TYPE.test(type) || ATTACHMENT.test(url);
  if (!opts.readFiles) {
    if (!ATTACHMENT_TYPE.test(type)) return { kind: 'page', url, text: decodePage(await readCapped(res, MAX_PAGE_BYTES), type), type };
    await res.body?.cancel().catch(() => undefined);
    return { kind: 'attachment', url };
  }
  const bytes = await readCapped(res, fileByType ? MAX_FILE_BYTES : MAX_PAGE_BYTES);
  // The first bytes decide: a download.do link may serve a PDF as text/html, a .pdf link an error page.
  const kind = fileKind(bytes, '', '');
  if (FILE_KINDS.has(kind) && !OTHER_ZIP.test(`${url} ${type}`)) return { kind: 'file', url, bytes, type };
  // Spreadsheets, archives: files the engine cannot read, still named as the report's attachment.
  if (fileByType && kind !== 'html') return { kind: 'attachment', url };
  return { kind: 'page', url, text: decodePage(bytes, type), type };
}

/** Zip files that are neither Word documents nor OFDs (a .docx and an .ofd are zips too; fileKind tells those two apart). */
const OTHER_ZIP = /\.(?:xlsx|zip)(?:$|[?#\s])|spreadsheetml|application\/(?:x-)?zip/i;

/** The body, refused past `limit` bytes whether or not the server announced its length. */
async function readCapped(res: Response, limit: number): Promise<Uint8Array> {
  const tooLarge = () => new LinkError(`${limit === MAX_PAGE_BYTES ? '页面' : '文件'}过大（超过 ${limit / 1024 / 1024} MB），未读取`);
  if (Number(res.headers.get('content-length')) > limit) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    size += r.value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(r.value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export interface LinkAudit {
  title: string;
  disabledRules: readonly string[];
  /** HTML text to a Document: DOMParser in the batch page, linkedom in tests. */
  parse(html: string): Document;
}

/**
 * What to store for a fetched link: one report, or each report of a compilation (汇编) in page
 * order, as the content script splits a page opened by hand. Throws a LinkError when the page is not a report.
 */
export function auditFetched(fetched: Exclude<Fetched, { kind: 'file' }>, opts: LinkAudit): ReportSnapshot[] {
  if (fetched.kind === 'attachment') return [attachmentAudit(fetched.url, opts.title, opts.disabledRules)];
  const audit = auditPage(opts.parse(fetched.text), { url: fetched.url, disabledRules: opts.disabledRules });
  return snapshotsOf(audit, fetched.url, '不是年度报告');
}

/** Each report a page or file holds, stored under its URL (the part is named when it is saved); a LinkError when it holds none. */
function snapshotsOf(audit: PageAudit, url: string, notReport: string): ReportSnapshot[] {
  if (!audit.detected) throw new LinkError(`${notReport}：${audit.reason}`);
  return audit.parts.map((p) => reportSnapshot(p.report, p.findings, url));
}

/**
 * A link straight to a PDF/Word file: a report with one report-attachment-only finding, named from
 * the link's text, so the records show it rather than leave it out.
 */
export function attachmentAudit(url: string, title: string, disabledRules: readonly string[]): ReportSnapshot {
  const { agency, year } = agencyAndYear(title);
  return {
    url,
    title,
    agency,
    year,
    layout: 'unknown',
    published: null,
    sections: [],
    tables: [],
    values: {},
    findings: attachmentFindings([{ url, title }], disabledRules),
  };
}

/**
 * A fetched PDF/Word file, audited by the engine's file reader and stored under the file's URL, as
 * the viewer page stores it: one report, or each report of a compilation. Throws a LinkError when
 * the file is no report, the reader's own error (in words) when the file is damaged.
 */
export async function auditFetchedFile(
  fetched: Extract<Fetched, { kind: 'file' }>,
  readers: FileReaders,
  disabledRules: readonly string[],
): Promise<ReportSnapshot[]> {
  const path = new URL(fetched.url).pathname;
  // The reader decodes the name for a title; a stray % must not make that throw.
  const name = URL.canParse(`x:${path}`) && !/%(?![0-9a-f]{2})/i.test(path) ? path : path.replace(/%/g, '%25');
  const { audit } = await auditFile(fetched.bytes, readers, { url: fetched.url, name, contentType: fetched.type, disabledRules });
  return snapshotsOf(audit, fetched.url, '附件不是年度报告');
}
