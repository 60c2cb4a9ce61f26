/**
 * A portal's list of reports (「政府信息公开年报」 column): the report links on it, its next page,
 * and attachments (a report published only as a PDF or Word file).
 */
import { compact } from './text';

export interface ReportLink {
  url: string;
  title: string;
  year: number | null;
}

const REPORT_LINK = /(?:政府信息公开|政务公开|信息公开).{0,10}?(?:年度报告|年报)/;
const NEXT_PAGE = /^(?:下一页|下页|后一页|>|›|»|>>)$/;
export const ATTACHMENT = /\.(?:pdf|docx?|wps|ofd|xlsx?|rar|zip)(?:$|[?#])/i;

function resolve(href: string, base: string): string | null {
  try {
    const u = new URL(href, base);
    return /^(?:https?|file):$/.test(u.protocol) ? u.toString() : null;
  } catch {
    return null;
  }
}

const linkText = (a: Element) => compact(a.textContent || a.getAttribute('title') || '');

/** Links whose text reads like a report title, each once, in page order. */
export function reportLinks(doc: Document, base: string): ReportLink[] {
  const seen = new Set<string>();
  const out: ReportLink[] = [];
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    const title = linkText(a).length >= 8 ? linkText(a) : compact(a.getAttribute('title') ?? '');
    if (!REPORT_LINK.test(title) || !/(?:19|20)\d{2}/.test(title)) continue;
    const url = resolve(a.getAttribute('href')!, base);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    out.push({ url, title, year: Number(/((?:19|20)\d{2})/.exec(title)?.[1]) || null });
  }
  return out;
}

/** The list's next page, from rel=next or a 「下一页」 link. */
export function nextPage(doc: Document, base: string): string | null {
  const rel = doc.querySelector('a[rel~="next"][href]');
  const a = rel ?? Array.from(doc.querySelectorAll('a[href]')).find((x) => NEXT_PAGE.test(linkText(x)));
  const url = a ? resolve(a.getAttribute('href')!, base) : null;
  return url && url !== base ? url : null;
}

/** Attachment links on a page (a report that is only a PDF or Word file). */
export function attachmentLinks(doc: Document, base: string): { url: string; title: string }[] {
  return Array.from(doc.querySelectorAll('a[href]'))
    .filter((a) => ATTACHMENT.test(a.getAttribute('href')!))
    .flatMap((a) => {
      const url = resolve(a.getAttribute('href')!, base);
      return url ? [{ url, title: linkText(a) || url.split('/').pop()! }] : [];
    });
}
