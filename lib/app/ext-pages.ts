/**
 * Paths of the extension's own pages, for links between them (relative to the extension's origin)
 * and for the tabs the background opens (through runtime.getURL).
 */

/** The rule reference, at one rule's entry. */
export const rulePage = (ruleId: string): `/rules.html#${string}` => `/rules.html#${encodeURIComponent(ruleId)}`;

export const batchPage = (jobId: string): `/batch.html?${string}` => `/batch.html?job=${encodeURIComponent(jobId)}`;

/** The viewer of a PDF/Word report file (an http(s) URL). */
export const viewerPage = (src: string): `/viewer.html?${string}` => `/viewer.html?src=${encodeURIComponent(src)}`;

/** The records page with one report's findings open. */
export const reportPage = (reportId: string): `/records.html#${string}` => `/records.html#report=${encodeURIComponent(reportId)}`;

/** The records page's bodies × years view. */
export const BODIES_PAGE = '/records.html#view=bodies';

export const RECORDS_VIEWS = ['reports', 'bodies', 'stats'] as const;
export type RecordsTarget = { view: (typeof RECORDS_VIEWS)[number]; reportId?: string };

/** What a records page URL's fragment asks for (reportPage, BODIES_PAGE, #view=stats); anything else is the plain list. */
export function recordsTarget(hash: string): RecordsTarget {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const reportId = params.get('report') ?? undefined;
  const view = RECORDS_VIEWS.find((v) => v === params.get('view')) ?? 'reports';
  return { view, ...(reportId ? { reportId } : {}) };
}

/** The printable 审核意见书 of one report. */
export const opinionPage = (reportId: string): `/opinion.html?${string}` => `/opinion.html?report=${encodeURIComponent(reportId)}`;
