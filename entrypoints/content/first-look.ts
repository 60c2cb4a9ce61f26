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

/**
 * "report" when the text reads like a report and the page has the template's words (or, a report
 * published as a file, an attachment link; or tables shown as images under a dated report title): news about reports and budget tables with 上年结转
 * pass the prefix but not this, and never load the auditor. "list" when the title or first
 * heading names reports (a list column calls itself so; the navigation link 「政府信息公开年报」
 * on every page of a portal is neither) and the page links enough of them.
 */
export function firstLook(doc: Document, url: string): FirstLook {
  const heading = firstHeading(doc);
  // Title and prefix (domPrefix), plus the first heading when the prefix ends before it.
  const prefix = `${domPrefix(doc)}\n${heading}`;
  // 公開: traditional characters (a portal's 简/繁 switch, which may leave the title simplified), whose template words
  // only the auditor reads (traditional.ts).
  if (prefixLooksLikeReport(prefix) || /公開.{0,9}報告/.test(prefix)) {
    const text = (doc.body ?? doc.documentElement).textContent ?? '';
    // Tables shown as images: a dated report title with the template's headings or its citation.
    if (confirmsReport(text) || /公開/.test(text) || hasAttachment(doc) || titledReport(doc.title, text) || titledReport(heading, text)) return 'report';
  }
  return mentionsReports(`${doc.title}\n${heading}`) && reportLinks(doc, url).length >= MIN_LIST_LINKS ? 'list' : null;
}

function hasAttachment(doc: Document): boolean {
  return Array.from(doc.querySelectorAll('a[href]')).some((a) => isReportFile(a.getAttribute('href')!, linkText(a)));
}
