/** Telling content scripts and extension pages that stored state changed. */
import { browser } from 'wxt/browser';
import type { PageMessage, TabMessage } from '@/lib/app/messages';
import { tabsShowing } from './tab-reports';

export async function notifyTabs(reportIds: readonly string[]): Promise<void> {
  const tabs = await tabsShowing(reportIds);
  await Promise.all(
    tabs.map(({ tabId, reportId }) =>
      browser.tabs
        .sendMessage(tabId, { type: 'state:changed', reportId } satisfies TabMessage)
        // The tab may have closed or navigated since: nothing there to update.
        .catch(() => undefined),
    ),
  );
}

export function notifyPages(message: PageMessage): void {
  // Rejects when no extension page is open to listen, which is fine.
  browser.runtime.sendMessage(message).catch(() => undefined);
}
