/**
 * Everything the batch page asks of the browser and the background, in one place: the stored
 * job, the settings, saving an audit, and host permissions.
 */
import { browser, type Browser } from 'wxt/browser';
import { isRedirectStatus, type HiddenRedirects } from '@/lib/app/batch/hops';
import { redirectLog } from '@/lib/app/batch/redirect-log';
import type { RunDeps } from '@/lib/app/batch/runner';
import { hostPatterns } from '@/lib/app/sites';
import { ask } from '@/messaging/ask';

export { loadJob, saveJob, watchJobs } from '@/messaging/jobs';

/** Host patterns among these URLs that the extension may not fetch yet. */
export async function missingHosts(urls: string[]): Promise<string[]> {
  const hosts = hostPatterns(urls);
  const granted = await Promise.all(hosts.map((origin) => browser.permissions.contains({ origins: [origin] })));
  return hosts.filter((_, i) => !granted[i]);
}

/** Asks the browser for the hosts; call it straight from a click (the prompt needs the user's gesture). */
export function requestHosts(hosts: string[]): Promise<boolean> {
  return browser.permissions.request({ origins: hosts });
}

export async function disabledRules(): Promise<readonly string[]> {
  const { settings } = await ask({ type: 'settings:get' });
  return settings?.disabledRules ?? [];
}

/** Stores an audit exactly as a page audited by hand is stored (a compilation's part as its part), cross-year checks included. */
export const saveAudit: RunDeps['save'] = async (report, part, parts) => {
  const { state } = await ask({ type: 'audit:save', report, part, parts });
  return { reportId: state.reportId, agency: state.agency, year: state.year };
};

/**
 * Where this page's manual redirects point: fetch hides a redirect's Location (an opaque redirect),
 * but the browser reports the page's own requests to sites the extension may read, headers
 * included (webRequest, observing only). Undefined without the API; `stop` when the run ends.
 */
export async function watchRedirects(): Promise<(HiddenRedirects & { stop(): void }) | undefined> {
  const headers = browser.webRequest?.onHeadersReceived;
  if (!headers) return undefined;
  const tab = await browser.tabs.getCurrent();
  const log = redirectLog();
  const listener = (d: Browser.webRequest.OnHeadersReceivedDetails) => {
    if (isRedirectStatus(d.statusCode)) log.saw(d.url, d.responseHeaders?.find((h) => h.name.toLowerCase() === 'location')?.value ?? null);
    return undefined; // Observing only: nothing is blocked or changed.
  };
  // Only this tab's fetches: another extension page reading the same URL is no hop of ours.
  headers.addListener(listener, { urls: ['<all_urls>'], types: ['xmlhttprequest'], ...(tab?.id !== undefined && { tabId: tab.id }) }, ['responseHeaders']);
  return { expect: (url) => log.expect(url), stop: () => headers.removeListener(listener) };
}
