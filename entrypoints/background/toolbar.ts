/** The toolbar button: open the panel, audit the tab, and show on the button what went wrong. */
import { browser, type Browser } from 'wxt/browser';
import { auditTab } from './audit-tab';
import { openPanel } from './panel';
import { isPdfUrl, openViewer } from './viewer';
import { t } from '@/lib/app/i18n';

/** MV3 has `action`; Firefox's MV2 build has `browser_action`, which is the same API. */
export function toolbarAction(): typeof browser.action {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

export function onToolbarClick(tab: Browser.tabs.Tab): void {
  // A PDF the browser shows (its URL known through activeTab): audited in the viewer, which draws markers on it.
  if (isPdfUrl(tab.url)) {
    const tabId = tab.id;
    void openViewer(tab.url!, tab).catch((e: Error) => {
      if (tabId !== undefined) void showProblem(tabId, t('bg_viewerFailed', { error: e.message })).catch(() => undefined);
    });
    return;
  }
  // First and synchronously: the click allows opening the panel only until the first await.
  const opening = openPanel(tab.id).catch((e: Error) => Promise.reject(new Error(t('bg_panelFailed', { error: e.message }))));
  const tabId = tab.id;
  if (tabId === undefined) return;
  // activeTab, granted by this click, lets the audit inject into any site.
  void Promise.allSettled([opening, auditTab(tabId)]).then((results) => {
    const errors = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as Error).message] : []));
    // Fails only when the tab closed meanwhile: then there is no button state to show.
    return showProblem(tabId, errors.join('\n')).catch(() => undefined);
  });
}

/** The badge is the one place a toolbar click can report a failure: there may be no panel to show it. */
async function showProblem(tabId: number, problem: string): Promise<void> {
  const action = toolbarAction();
  // The window-wide title is the manifest's; the tab's own title adds the problem to it.
  const title = await action.getTitle({});
  await action.setBadgeBackgroundColor({ tabId, color: '#c62828' });
  await action.setBadgeText({ tabId, text: problem ? '!' : '' });
  await action.setTitle({ tabId, title: problem ? `${title}\n\n${problem}` : title });
}
