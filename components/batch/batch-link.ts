/**
 * Everything the batch page asks of the browser and the background, in one place: the stored
 * job, the settings, saving an audit, and host permissions.
 */
import { browser } from 'wxt/browser';
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

/** Stores an audit exactly as a page audited by hand is stored, cross-year checks included. */
export const saveAudit: RunDeps['save'] = async (report) => {
  const { state } = await ask({ type: 'audit:save', report });
  return { reportId: state.reportId, agency: state.agency, year: state.year };
};
