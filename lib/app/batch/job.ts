/**
 * A batch audit of a portal's list of reports: the links collected from its list pages and where
 * each one stands. Pure: the batch page holds the job, applies these transitions and persists the
 * result after each one, so an interrupted run resumes with exactly the links still pending.
 */
// zod/mini: HttpUrl and MAX_LINKS reach the auditor content script through content-messages.ts.
import * as z from 'zod/mini';
import { lazySchema } from '../../engine/lazy-schema';

/** Only http(s): an extension page cannot fetch file: or other schemes. */
export const HttpUrl = lazySchema(() => z.string().check(z.maxLength(2048), z.regex(/^https?:\/\//i)));

export const LinkStatus = lazySchema(() => z.enum(['pending', 'done', 'failed']));
export type LinkStatus = z.infer<typeof LinkStatus>;

/**
 * What a done link produced: the stored report's id and identity. Finding counts are not kept
 * here: cross-year re-checks change them after the fact, so pages read them live from the records.
 */
/** A report a done link stored: its id and identity. */
export const StoredReport = lazySchema(() =>
  z.object({
    reportId: z.string().check(z.minLength(1)),
    agency: z.string(),
    year: z.nullable(z.int()),
  }),
);
export type StoredReport = z.infer<typeof StoredReport>;

export const LinkResult = lazySchema(() =>
  z.extend(StoredReport, {
    /** A compilation (汇编): its further reports, stored as parts 2, 3… of the page or file; the fields above are its first. */
    more: z.optional(z.array(StoredReport)),
    /** Published only as a PDF/Word file: stored with one report-attachment-only finding, unless `file` was read. */
    attachment: z.boolean(),
    /** The PDF/Word file the report was read from and is stored under (the link itself, or a file its page links). */
    file: z.optional(HttpUrl),
  }),
);
export type LinkResult = z.infer<typeof LinkResult>;

/** The reports a done link stored: one, or each of a compilation's (汇编) in page order. */
export const storedReports = (link: { result?: LinkResult }): StoredReport[] => (link.result ? [link.result, ...(link.result.more ?? [])] : []);

export const BatchLink = lazySchema(() =>
  z.object({
    url: HttpUrl,
    title: z.string(),
    status: LinkStatus,
    /** Why a failed link failed (network, HTTP status, not a report), in Chinese. */
    error: z.optional(z.string()),
    result: z.optional(LinkResult),
  }),
);
export type BatchLink = z.infer<typeof BatchLink>;

export const BatchJob = lazySchema(() =>
  z.object({
    id: z.string().check(z.minLength(1)),
    listUrl: HttpUrl,
    listTitle: z.string(),
    createdAt: z.number(),
    updatedAt: z.number(),
    /** The next list page to read for more links; null once pagination is done (or gave up). */
    nextListPage: z.nullable(HttpUrl),
    /** List pages already read, the first one included: stops loops and bounds pagination. */
    listPagesRead: z.array(z.string()),
    /** Why pagination stopped early, if it did. */
    listError: z.optional(z.string()),
    links: z.array(BatchLink),
    /** The user pressed Cancel: reopening the page then waits for Resume instead of going on by itself. */
    cancelled: z.boolean(),
  }),
);
export type BatchJob = z.infer<typeof BatchJob>;

export interface FoundLink {
  url: string;
  title: string;
}

/** A list page holds dozens of links; a portal column rarely more than a few hundred reports. */
export const MAX_LINKS = 1000;

export interface NewJob {
  id: string;
  listUrl: string;
  listTitle: string;
  links: readonly FoundLink[];
  next: string | null;
  now: number;
}

export function createJob({ id, listUrl, listTitle, links, next, now }: NewJob): BatchJob {
  const job: BatchJob = {
    id,
    listUrl,
    listTitle,
    createdAt: now,
    updatedAt: now,
    nextListPage: null,
    listPagesRead: [listUrl],
    links: [],
    cancelled: false,
  };
  return withListPage(job, links, next, Infinity, now);
}

/** Adds a list page's links (each URL once) and where pagination goes next, at most `maxPages` pages in all. */
export function addListPage(job: BatchJob, pageUrl: string, links: readonly FoundLink[], next: string | null, maxPages: number, now: number): BatchJob {
  const read = job.listPagesRead.includes(pageUrl) ? job.listPagesRead : [...job.listPagesRead, pageUrl];
  return withListPage({ ...job, listPagesRead: read }, links, next, maxPages, now);
}

function withListPage(job: BatchJob, links: readonly FoundLink[], next: string | null, maxPages: number, now: number): BatchJob {
  const known = new Set(job.links.map((l) => l.url));
  const added: BatchLink[] = [];
  for (const l of links) {
    if (known.has(l.url) || !HttpUrl.safeParse(l.url).success || job.links.length + added.length >= MAX_LINKS) continue;
    known.add(l.url);
    added.push({ url: l.url, title: l.title, status: 'pending' });
  }
  const goOn = next !== null && HttpUrl.safeParse(next).success && !job.listPagesRead.includes(next) && job.listPagesRead.length < maxPages;
  return { ...job, links: [...job.links, ...added], nextListPage: goOn ? next : null, updatedAt: now };
}

/** Pagination failed (HTTP error, not a list): audit what was collected and say why the rest is missing. */
export function stopPagination(job: BatchJob, error: string, now: number): BatchJob {
  return { ...job, nextListPage: null, listError: error, updatedAt: now };
}

/** Links still to fetch, in list order: all a resumed run looks at. */
export function pendingLinks(job: BatchJob): BatchLink[] {
  return job.links.filter((l) => l.status === 'pending');
}

function setLink(job: BatchJob, url: string, now: number, patch: (l: BatchLink) => BatchLink): BatchJob {
  return { ...job, updatedAt: now, links: job.links.map((l) => (l.url === url ? patch(l) : l)) };
}

export function markDone(job: BatchJob, url: string, result: LinkResult, now: number): BatchJob {
  return setLink(job, url, now, ({ error: _e, ...l }) => ({ ...l, status: 'done', result }));
}

export function markFailed(job: BatchJob, url: string, error: string, now: number): BatchJob {
  return setLink(job, url, now, ({ result: _r, ...l }) => ({ ...l, status: 'failed', error }));
}

/** Failed links go back to pending, for a Retry: network errors and overloaded portals are often passing. */
export function retryFailed(job: BatchJob, now: number): BatchJob {
  const retry = ({ error: _e, ...l }: BatchLink): BatchLink => ({ ...l, status: 'pending' });
  return { ...job, updatedAt: now, links: job.links.map((l) => (l.status === 'failed' ? retry(l) : l)) };
}

export function setCancelled(job: BatchJob, cancelled: boolean, now: number): BatchJob {
  return { ...job, cancelled, updatedAt: now };
}

export interface Progress {
  total: number;
  done: number;
  failed: number;
  pending: number;
  /** Reports the done links stored: more than `done` when some link was a compilation. */
  reports: number;
}

export function progressOf(job: BatchJob): Progress {
  const count = (s: LinkStatus) => job.links.filter((l) => l.status === s).length;
  const reports = job.links.reduce((n, l) => n + storedReports(l).length, 0);
  return { total: job.links.length, done: count('done'), failed: count('failed'), pending: count('pending'), reports };
}

/** Nothing left to read or fetch. Failed links do not keep a job open; Retry reopens it. */
export function isFinished(job: BatchJob): boolean {
  return job.nextListPage === null && job.links.every((l) => l.status !== 'pending');
}
