/**
 * Which report each tab shows, as its content script last saved it. Kept in storage.session
 * because the MV3 service worker loses its memory whenever it sleeps; one key per tab so two tabs
 * saving at once cannot overwrite each other.
 */
import { browser } from 'wxt/browser';
import { pageKey, reportKey } from '@/lib/engine/finding-id';

const PREFIX = 'tab:';

export async function rememberTabReport(tabId: number, reportId: string): Promise<void> {
  await browser.storage.session.set({ [PREFIX + tabId]: reportId });
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(PREFIX + tabId);
}

/**
 * On a tab starting to load: keep the report while the tab is still on its page (a reload, or a
 * late iframe, which also sets the tab loading); forget it once the tab shows another page, or a
 * page whose URL the extension may not read (activeTab ends when the tab navigates away).
 */
export async function forgetIfNavigated(tabId: number, url: string | undefined): Promise<void> {
  const kept = await tabReportId(tabId);
  // A compilation's part (#part=N) is still the tab's page.
  if (url === undefined || kept === undefined || pageKey(reportKey(url)) !== pageKey(kept)) await forgetTab(tabId);
}

export async function tabReportId(tabId: number): Promise<string | undefined> {
  const value = (await browser.storage.session.get(PREFIX + tabId))[PREFIX + tabId];
  return typeof value === 'string' ? value : undefined;
}

/** Tabs currently showing one of these reports, by tab id. */
export async function tabsShowing(reportIds: readonly string[]): Promise<{ tabId: number; reportId: string }[]> {
  const all = await browser.storage.session.get(null);
  return Object.entries(all).flatMap(([key, reportId]) =>
    key.startsWith(PREFIX) && typeof reportId === 'string' && reportIds.includes(reportId) ? [{ tabId: Number(key.slice(PREFIX.length)), reportId }] : [],
  );
}
