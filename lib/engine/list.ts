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

const REPORT_LINK = /(?:政务|信息)公开.{0,10}?(?:年度报告|年报)/;
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

/**
 * What the page's relative links are relative to: its <base href> (resolved against its own
 * address), else that address. The browser's document.baseURI, for documents that have none (a
 * saved file, the tree a content script sends, which keeps <base>).
 */
export function documentBase(doc: Document, url: string): string {
  const href = doc.querySelector('base[href]')?.getAttribute('href');
  return (href && resolve(href, url)) || url;
}

/**
 * The other pages of the same article, when a CMS splits a long one (TRS 「上一页 1 2 3 下一页」:
 * t20240120_123.html, t20240120_123_1.html …): links whose address is the page's own with another
 * page number. 「上一篇」「下一篇」 link other articles, never these.
 */
export function articlePages(doc: Document, url: string): string[] {
  const here = url.split(/[?#]/)[0]!;
  const stem = pageStem(here);
  if (!stem) return [];
  const pages = new Set<string>();
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    const link = resolve(a.getAttribute('href')!, url)?.split(/[?#]/)[0];
    if (link && link !== here && pageStem(link) === stem) pages.add(link);
  }
  return [...pages];
}

/** An article page's address without its page number (「_1」…「_99」) and with its extension: what its pages share. */
function pageStem(address: string): string | undefined {
  const m = /^(.*?)(?:_\d{1,2})?(\.s?html?)$/i.exec(address);
  return m ? m[1]! + m[2]!.toLowerCase() : undefined;
}

/** A link's words, compacted (its title attribute when it has no text). */
export const linkText = (a: Element) => compact(a.textContent || a.getAttribute('title') || '');

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

/** Files a portal offers beside any page (the application form, a template, a guide): never a report. */
const NOT_A_REPORT = /申请表|登记表|申请书|表格|模板|样表|样本|指南|目录|须知|清单/;
/** A link that names no file of its own: 「附件」「点击下载」「原文」, or the bare file name. */
const PLAIN_LABEL = /^(?:附件\d*|附件下载|下载附件|点击下载|下载|原文|全文|查看原文|查看全文|阅读原文|文件下载|pdf版?|word版?)[:：]?$|^[\w.-]+$/i;

/**
 * Whether a file link may be the report itself: a file that names a report (年度报告, 年报) in its
 * text or its file name, or one the link does not name at all; never a form the portal attaches to
 * every page (a news item about a report that links the 申请表 is not an attachment-only report).
 */
export function isReportFile(href: string, text: string): boolean {
  if (!ATTACHMENT.test(href)) return false;
  let file = href.split(/[?#]/)[0]!.split('/').pop()!;
  try {
    file = decodeURIComponent(file);
  } catch {
    // A malformed escape: the name as written.
  }
  const named = `${text}${file}`;
  return !NOT_A_REPORT.test(named) && (/年度报告|年报/.test(named) || PLAIN_LABEL.test(text));
}

/** Links to the page's report as files (a report that is only a PDF or Word file): see isReportFile. */
export function attachmentLinks(doc: Document, base: string): { url: string; title: string }[] {
  return Array.from(doc.querySelectorAll('a[href]'))
    .filter((a) => isReportFile(a.getAttribute('href')!, linkText(a)))
    .flatMap((a) => {
      const url = resolve(a.getAttribute('href')!, base);
      return url ? [{ url, title: linkText(a) || url.split('/').pop()! }] : [];
    });
}
