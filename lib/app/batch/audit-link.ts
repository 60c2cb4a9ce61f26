/**
 * One link of a batch: fetched, decoded and audited exactly as the content script audits a page
 * opened by hand, so the stored record is the same whichever way the report was reached.
 */
import { auditDocument } from '../../engine/audit';
import { reportSnapshot } from '../../engine/snapshot';
import { decodePage } from '../../engine/decode';
import { ATTACHMENT } from '../../engine/list';
import type { ReportSnapshot } from '../../engine/snapshot';
import { agencyAndYear } from '../../engine/parse/report';
import { attachmentFindings } from '../../engine/rules/report-attachment-only';

/** Content types of files the engine cannot read (yet): a report published only as one of these. */
const ATTACHMENT_TYPE = /pdf|msword|officedocument|wps|ofd|octet-stream|zip|rar/i;

export type Fetched =
  /** `type` is the response's Content-Type. */
  | { kind: 'page'; url: string; text: string; type: string }
  | { kind: 'attachment'; url: string };

/** An error whose message is for the user as it stands (HTTP status, not a report). */
export class LinkError extends Error {
  override name = 'LinkError';
}

/**
 * Fetches a page and decodes it whatever its charset. Attachment URLs are not fetched at all
 * (a PDF can be large and would not be read); an attachment found by its content type is not downloaded.
 */
export async function fetchPage(url: string, fetchImpl: typeof fetch, signal: AbortSignal): Promise<Fetched> {
  if (ATTACHMENT.test(url)) return { kind: 'attachment', url };
  // No cookies: the page is read as the public sees it, and a portal session is not touched.
  const res = await fetchImpl(url, { signal, credentials: 'omit', redirect: 'follow' });
  const finalUrl = res.url || url;
  const type = res.headers.get('content-type') ?? '';
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new LinkError(`服务器返回 HTTP ${res.status}`);
  }
  if (ATTACHMENT_TYPE.test(type)) {
    await res.body?.cancel().catch(() => undefined);
    return { kind: 'attachment', url: finalUrl };
  }
  return { kind: 'page', url: finalUrl, text: decodePage(new Uint8Array(await res.arrayBuffer()), type), type };
}

export interface LinkAudit {
  title: string;
  disabledRules: readonly string[];
  /** HTML text to a Document: DOMParser in the batch page, linkedom in tests. */
  parse(html: string): Document;
}

/** What to store for a fetched link; throws a LinkError when the page is not a report. */
export function auditFetched(fetched: Fetched, opts: LinkAudit): ReportSnapshot {
  if (fetched.kind === 'attachment') return attachmentAudit(fetched.url, opts.title, opts.disabledRules);
  const result = auditDocument(opts.parse(fetched.text), { url: fetched.url, disabledRules: opts.disabledRules });
  if (!result.detected) throw new LinkError(`不是年度报告：${result.reason}`);
  return reportSnapshot(result.report, result.findings, fetched.url);
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
