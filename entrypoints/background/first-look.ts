/**
 * The first look (entrypoints/first-look.ts) goes into a tab's frames once the tab has finished
 * loading: after the load event, never before it. A manifest content script, even one that waits
 * for the load event itself, is run before the load event in Chromium, and on a large page the load event then also waited for
 * the page's first rendering (npm run bench:browser: load 60 ms later on the 100-report page, 7 ms
 * on a tiny one; injected afterwards, within the noise).
 *
 * `tab.url` is there only where the extension may read the page (*.gov.cn, a site the user granted,
 * activeTab): every other tab is left alone, and frames of other sites are skipped by the browser.
 * A frame that loads later completes no tab load: the first look in its parent says so
 * (onFrameLoaded). Injected again, the first look does nothing in a frame that already has it.
 */
import { browser, type Browser } from 'wxt/browser';
import { FIRST_LOOK_SCRIPT, FRAME_LOADED_PORT } from '@/lib/app/content-scripts';

export function onTabUpdated(tabId: number, change: Browser.tabs.OnUpdatedInfo, tab: Browser.tabs.Tab): void {
  if (change.status !== 'complete' || !tab.url || !/^https?:/.test(tab.url)) return;
  browser.scripting
    .executeScript({ target: { tabId, allFrames: true }, files: [`/${FIRST_LOOK_SCRIPT}` as const] })
    // Closed or navigated meanwhile, or a page the browser keeps from extensions (the web store): nothing to look at.
    .catch(() => undefined);
}

/**
 * A frame loaded inside a page that has the first look (an iframe added late, a link opened in a
 * named frame) completes no tab load: its first look comes this way. The tab is the sender's, as
 * the browser reports it; the page can only make the same tiny script look at frames again.
 */
export function onFrameLoaded(port: Browser.runtime.Port): void {
  if (port.name !== FRAME_LOADED_PORT) return;
  const tab = port.sender?.tab;
  port.disconnect();
  if (tab?.id !== undefined) onTabUpdated(tab.id, { status: 'complete' }, tab);
}

/**
 * On install and update: the tabs already open get their first look too, no reload needed (one still
 * loading gets it once its document is idle, the injection's default).
 */
export async function lookIntoOpenTabs(): Promise<void> {
  for (const tab of await browser.tabs.query({})) if (tab.id !== undefined) onTabUpdated(tab.id, { status: 'complete' }, tab);
}

/**
 * Earlier versions registered the first look as a content script for the sites the user added; a
 * registration outlives updates, so it is removed once.
 */
export async function dropOldRegistration(): Promise<void> {
  const old = await browser.scripting.getRegisteredContentScripts({ ids: ['user-sites'] });
  if (old.length) await browser.scripting.unregisterContentScripts({ ids: ['user-sites'] });
}
