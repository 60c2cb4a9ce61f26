/**
 * The first look, shared by the tiny always-on script and the auditor: the title, the first heading
 * and a bounded text prefix against the detection patterns. No zod, no Preact, no engine beyond
 * these patterns: it runs on every page of every portal.
 */
import { confirmsReport, domPrefix, prefixLooksLikeReport, titledReport } from '@/lib/engine/detect';
import { isReportFile, linkText, reportLinks } from '@/lib/engine/list';
import { MIN_LIST_LINKS, mentionsReports } from '@/lib/app/list-mention';

export type FirstLook = 'report' | 'list' | null;

/** Bounded: a heading longer than this is not a title. */
const HEADING_CHARS = 200;

const firstHeading = (doc: Document) => doc.querySelector('h1, h2')?.textContent?.slice(0, HEADING_CHARS) ?? '';

/** The text the first look reads: title and prefix (domPrefix), plus the first heading when the prefix ends before it. */
export function firstLookText(doc: Document): string {
  return `${domPrefix(doc)}\n${firstHeading(doc)}`;
}

/**
 * "report" when the text reads like a report and the page has the template's words (or, a report
 * published as a file, an attachment link; or tables shown as images under a dated report title): news about reports and budget tables with 上年结转
 * pass the prefix but not this, and never load the auditor. "list" when the title or first
 * heading names reports (a list column calls itself so; the navigation link 「政府信息公开年报」
 * on every page of a portal is neither) and the page links enough of them.
 */
export function firstLook(doc: Document, url: string): FirstLook {
  const prefix = firstLookText(doc);
  // In traditional characters (a portal's 简/繁 switch), whose template words only the auditor reads (traditional.ts).
  if (/公開.{0,9}報告/.test(prefix)) return 'report';
  if (prefixLooksLikeReport(prefix)) {
    const text = (doc.body ?? doc.documentElement).textContent ?? '';
    // Tables shown as images: a dated report title with the template's headings or its citation.
    // 公開: a 简/繁 switch may rewrite the body and leave the title simplified.
    if (confirmsReport(text) || /公開/.test(text) || hasAttachment(doc) || titledReport(doc.title, text) || titledReport(firstHeading(doc), text))
      return 'report';
  }
  return mentionsReports(`${doc.title}\n${firstHeading(doc)}`) && reportLinks(doc, url).length >= MIN_LIST_LINKS ? 'list' : null;
}

function hasAttachment(doc: Document): boolean {
  return Array.from(doc.querySelectorAll('a[href]')).some((a) => isReportFile(a.getAttribute('href')!, linkText(a)));
}
