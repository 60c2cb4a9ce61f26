/** How hard a batch audit may hit a portal. Government portals are small servers behind strict WAFs. */

export interface BatchLimits {
  /** Requests in flight at once. */
  concurrency: number;
  /** Least time between two request starts, in ms, across all workers. */
  intervalMs: number;
  /** List pages read at most when following pagination. */
  maxListPages: number;
  /** One request's time limit, in ms. */
  timeoutMs: number;
}

/** Redirects followed at most for one link: enough for http→https→canonical host, not for a loop. */
export const MAX_HOPS = 5;

/** A fetched page larger than this is refused rather than read: a report page is well under 2 MB. */
export const MAX_PAGE_BYTES = 20 * 1024 * 1024;

/** A PDF/Word report above this is refused: scanned reports run to tens of MB, text ones are far smaller. */
export const MAX_FILE_BYTES = 60 * 1024 * 1024;

export const DEFAULT_LIMITS: BatchLimits = { concurrency: 3, intervalMs: 500, maxListPages: 20, timeoutMs: 30_000 };

/**
 * Limits from the batch page's query (`?concurrency=1&interval=50`), for tests and for a user who
 * knows the portal; clamped, so a typo cannot flood a server.
 */
export function limitsFromQuery(params: URLSearchParams): BatchLimits {
  const num = (key: string, min: number, max: number, fallback: number) => {
    const raw = params.get(key);
    const v = raw === null || raw.trim() === '' ? NaN : Number(raw);
    return Number.isFinite(v) ? Math.min(max, Math.max(min, Math.round(v))) : fallback;
  };
  return {
    concurrency: num('concurrency', 1, 6, DEFAULT_LIMITS.concurrency),
    intervalMs: num('interval', 0, 60_000, DEFAULT_LIMITS.intervalMs),
    maxListPages: num('pages', 1, 100, DEFAULT_LIMITS.maxListPages),
    timeoutMs: DEFAULT_LIMITS.timeoutMs,
  };
}
