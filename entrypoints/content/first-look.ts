/**
 * The first look, shared by the tiny always-on script and the auditor: the title, the first heading
 * and a bounded text prefix against the detection patterns. No zod, no Preact, no engine beyond
 * these patterns: it runs on every page of every portal.
 */
import { domPrefix, prefixLooksLikeReport } from '@/lib/engine/detect';
import { reportLinks } from '@/lib/engine/list';
import { MIN_LIST_LINKS, mentionsReports } from '@/lib/app/list-mention';

export type FirstLook = 'report' | 'list' | null;

/** Bounded: a heading longer than this is not a title. */
const HEADING_CHARS = 200;

/** The text the first look reads: title and prefix (domPrefix), plus the first heading when the prefix ends before it. */
export function firstLookText(doc: Document): string {
  const heading = doc.querySelector('h1, h2')?.textContent?.slice(0, HEADING_CHARS) ?? '';
  return `${domPrefix(doc)}\n${heading}`;
}

/**
 * "report" when the text reads like a report; "list" when it names reports and links enough of
 * them (a portal's navigation link 「政府信息公开年报」 alone, on every page, is not a list).
 */
export function firstLook(doc: Document, url: string): FirstLook {
  const text = firstLookText(doc);
  if (prefixLooksLikeReport(text)) return 'report';
  return mentionsReports(text) && reportLinks(doc, url).length >= MIN_LIST_LINKS ? 'list' : null;
}
