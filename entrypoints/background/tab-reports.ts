/**
 * Which report each tab shows, as its content script last saved it. Kept in storage.session
 * because the MV3 service worker loses its memory whenever it sleeps; one key per tab so two tabs
 * saving at once cannot overwrite each other.
 */
import { browser } from 'wxt/browser';
import { pageKey, partOf, reportKey } from '@/lib/engine/finding-id';

const PREFIX = 'tab:';
/** The parts of a compilation the tab saved (their report ids, in part order): what the side panel offers to show. */
const PARTS = 'parts:';

export async function rememberTabReport(tabId: number, reportId: string): Promise<void> {
  await browser.storage.session.set({ [PREFIX + tabId]: reportId });
}

async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove([PREFIX + tabId, PARTS + tabId]);
}

/** The parts kept for the tab, of one page. */
async function keptParts(tabId: number): Promise<string[]> {
  const kept: unknown = (await browser.storage.session.get(PARTS + tabId))[PARTS + tabId];
  return Array.isArray(kept) ? kept.filter((id): id is string => typeof id === 'string') : [];
}

/** One read-modify-write of a tab's parts at a time: a compilation's parts are saved all at once. */
let partsWritten: Promise<void> = Promise.resolve();

/** A part of a compilation the tab saved; the parts of another page the tab showed before are dropped. */
export function rememberTabPart(tabId: number, reportId: string): Promise<void> {
  const write = async () => {
    const ids = (await keptParts(tabId)).filter((id) => pageKey(id) === pageKey(reportId) && id !== reportId);
    ids.push(reportId);
    ids.sort((a, b) => partOf(a) - partOf(b));
    await browser.storage.session.set({ [PARTS + tabId]: ids });
  };
  return (partsWritten = partsWritten.then(write, write));
}

/** The parts of the compilation the tab shows, in part order; none when it shows one report, or nothing. */
export async function tabParts(tabId: number): Promise<string[]> {
  const shown = await tabReportId(tabId);
  if (!shown || !partOf(shown)) return [];
  return (await keptParts(tabId)).filter((id) => pageKey(id) === pageKey(shown));
}

/**
 * The report the tab shows: kept while the tab is still on its page (a reload, a late iframe, a
 * #fragment, a compilation's part), forgotten once the tab shows another page, or a page whose URL
 * the extension may not read (activeTab ends when the tab navigates away), or has closed. Checked
 * against the tab's URL when asked, not kept up to date on every navigation: right even for a
 * navigation the background never saw, and a closed tab needs no listener of its own.
 */
export async function tabReportId(tabId: number): Promise<string | undefined> {
  const kept = (await browser.storage.session.get(PREFIX + tabId))[PREFIX + tabId];
  return typeof kept === 'string' ? stillShown(tabId, kept) : undefined;
}

async function stillShown(tabId: number, reportId: string): Promise<string | undefined> {
  const url = (await browser.tabs.get(tabId).catch(() => undefined))?.url;
  if (url !== undefined && pageKey(reportKey(url)) === pageKey(reportId)) return reportId;
  await forgetTab(tabId);
  return undefined;
}

/** Tabs currently showing one of these reports (a page's, or a compilation's part), by tab id. */
export async function tabsShowing(reportIds: readonly string[]): Promise<{ tabId: number; reportId: string }[]> {
  const all = await browser.storage.session.get(null);
  const kept = Object.entries(all).flatMap(([key, value]) => {
    const prefix = [PREFIX, PARTS].find((p) => key.startsWith(p));
    if (!prefix) return [];
    const tabId = Number(key.slice(prefix.length));
    const ids: unknown[] = Array.isArray(value) ? value : [value];
    return ids.filter((id): id is string => typeof id === 'string' && reportIds.includes(id)).map((reportId) => ({ tabId, reportId }));
  });
  // A part is still shown while the tab shows its page (the tab's report is the page's first part).
  const shown = await Promise.all(kept.map(async (t) => ((await stillShown(t.tabId, t.reportId)) ? [t] : [])));
  return shown.flat().filter((t, i, all) => all.findIndex((o) => o.tabId === t.tabId && o.reportId === t.reportId) === i);
}
