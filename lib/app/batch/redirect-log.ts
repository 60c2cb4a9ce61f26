/**
 * A browser answers fetch(url, { redirect: 'manual' }) with an opaque redirect whose Location is
 * hidden. The extension still sees its own requests to the sites it may read (webRequest), Location
 * header included: this pairs those reports with the hop fetches that caused them. Pure: the page
 * feeds it the browser's events.
 */
import type { HiddenRedirects } from './hops';
import { LinkError } from './link-error';

export interface RedirectLog extends HiddenRedirects {
  /** A redirect response the browser reported for `url` (its Location header, null when it had none). */
  saw(url: string, location: string | null): void;
}

interface Expected {
  /** Set once the browser reported this request's redirect; undefined until then. */
  location?: string | null;
  notify?: () => void;
}

/**
 * How long to wait for the browser's report after fetch returned: the event and the response travel
 * separately and either may come first (a few ms apart in Chromium).
 */
export const REPORT_WAIT_MS = 5_000;

/**
 * Requests are expected before they are sent, so a report always finds its request. Two requests
 * for the same URL at once are paired in the order they were expected; they ask the same server the
 * same thing, so either report will do.
 */
export function redirectLog(waitMs = REPORT_WAIT_MS): RedirectLog {
  const pending = new Map<string, Expected[]>();
  const forget = (url: string, entry: Expected) => {
    const list = pending.get(url)?.filter((e) => e !== entry) ?? [];
    if (list.length) pending.set(url, list);
    else pending.delete(url);
  };
  return {
    saw(url, location) {
      // A report for a request not expected (or already settled) is no hop of ours.
      const entry = pending.get(url)?.find((e) => e.location === undefined);
      if (!entry) return;
      entry.location = location;
      entry.notify?.();
    },
    expect(url) {
      const entry: Expected = {};
      pending.set(url, [...(pending.get(url) ?? []), entry]);
      return {
        done: () => forget(url, entry),
        location: (signal) =>
          new Promise<string | null>((resolve, reject) => {
            const settle = (fn: () => void) => {
              clearTimeout(timer);
              signal.removeEventListener('abort', abort);
              forget(url, entry);
              fn();
            };
            const abort = () => settle(() => reject(signal.reason));
            const timer = setTimeout(
              () => settle(() => reject(new LinkError('网站要求重定向，但浏览器未告知重定向目标，无法核对是否为已授权的网站，未跟随'))),
              waitMs,
            );
            entry.notify = () => settle(() => resolve(entry.location ?? null));
            if (signal.aborted) return abort();
            signal.addEventListener('abort', abort, { once: true });
            if (entry.location !== undefined) entry.notify();
          }),
      };
    },
  };
}
