/**
 * Whether a page that is not a report is a portal's list of reports, worth offering to audit them
 * all at once. The content script runs this on every page of *.gov.cn, so it is gated on the text
 * prefix the cheap first look has already read: only a page that names reports near its top pays
 * for reading its links.
 */
import { HttpUrl } from './batch/job';
import { nextPage, reportLinks, type ReportLink } from '../engine/list';

import { MIN_LIST_LINKS } from './list-mention';

export { MIN_LIST_LINKS, mentionsReports } from './list-mention';

export interface ListOffer {
  links: ReportLink[];
  next: string | null;
}

/** Only what a batch job takes (lib/batch/job): an extension page fetches http(s) only. */
const fetchable = (url: string | null) => url !== null && HttpUrl.safeParse(url).success;

/** The page's report links and next page, when it lists enough of them. */
export function listOffer(doc: Document, url: string): ListOffer | null {
  if (!fetchable(url)) return null;
  const links = reportLinks(doc, url).filter((l) => fetchable(l.url));
  const next = nextPage(doc, url);
  return links.length >= MIN_LIST_LINKS ? { links, next: fetchable(next) ? next : null } : null;
}
