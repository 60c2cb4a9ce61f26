/**
 * Places the auditor flagged (Alt+Shift+M or the context menu), one per tab, waiting for their note
 * and severity in the side panel. In storage.session: the service worker may sleep between the flag
 * and the save.
 */
import { browser, type Browser } from 'wxt/browser';
import { ManualFlag, type TabMessage } from '@/lib/app/content-messages';
import type { ManualTarget } from '@/lib/engine/rules/manual-finding';
import { notifyPages } from './notify';
import { openPanel } from './panel';
import { t } from '@/lib/app/i18n';

const PREFIX = 'manual:';
export const FLAG_MENU_ID = 'flag-finding';

export async function rememberFlag(tabId: number, reportId: string, target: ManualTarget, now: number): Promise<void> {
  await browser.storage.session.set({ [PREFIX + tabId]: { reportId, target, at: now } satisfies ManualFlag });
  notifyPages({ type: 'manual:flag-changed', tabId });
}

export async function pendingFlag(tabId: number): Promise<ManualFlag | null> {
  const parsed = ManualFlag.safeParse((await browser.storage.session.get(PREFIX + tabId))[PREFIX + tabId]);
  return parsed.success ? parsed.data : null;
}

export async function forgetFlag(tabId: number): Promise<void> {
  await browser.storage.session.remove(PREFIX + tabId);
  notifyPages({ type: 'manual:flag-changed', tabId });
}

/** The page's context menu item, on every page the extension may audit (menus persist; recreated on install). */
export function createFlagMenu(): void {
  browser.contextMenus.create(
    { id: FLAG_MENU_ID, title: t('menu_flag'), contexts: ['selection', 'page', 'link', 'image'] },
    () => void browser.runtime.lastError,
  );
}

/**
 * The menu item clicked: the panel opens at once (the click still counts as the user's), then the
 * frame's content script says what was selected or right-clicked, and sends it back as manual:flag.
 */
export function onFlagMenuClick(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): void {
  if (info.menuItemId !== FLAG_MENU_ID || tab?.id === undefined) return;
  openPanel(tab.id).catch(() => undefined);
  browser.tabs.sendMessage(tab.id, { type: 'manual:pick' } satisfies TabMessage, { frameId: info.frameId ?? 0 }).catch(() => undefined);
}
