import { browser } from 'wxt/browser';
import { defineBackground } from '#imports';
import { followUiLanguage, watchSettings } from '@/store/settings';
import { onMaybeReport } from './audit-tab';
import { onMessage } from './handle-request';
import { onToolbarClick, toolbarAction } from './toolbar';
import { syncUserSites } from './user-sites';
import { createContextMenu, onContextMenuClick } from './viewer';
import { createFlagMenu, onFlagMenuClick } from './manual-flags';

export default defineBackground(() => {
  void followUiLanguage(browser.i18n.getUILanguage());
  browser.runtime.onMessage.addListener(onMessage);
  toolbarAction().onClicked.addListener(onToolbarClick);
  browser.runtime.onConnect.addListener(onMaybeReport);
  browser.contextMenus?.onClicked.addListener(onContextMenuClick);
  // Both menus at once: the viewer's creation clears every menu first, which must not remove the other.
  browser.runtime.onInstalled.addListener(() => void createContextMenu().then(createFlagMenu));

  // No tabs.onUpdated / onRemoved: which report a tab shows is checked when asked (tab-reports.ts).

  // Registered scripts persist, but a browser may drop them (update, profile copy): re-register at startup too.
  browser.runtime.onStartup.addListener(syncUserSites);
  browser.runtime.onInstalled.addListener(syncUserSites);
  browser.contextMenus.onClicked.addListener(onFlagMenuClick);
  browser.permissions.onAdded.addListener(syncUserSites);
  browser.permissions.onRemoved.addListener(syncUserSites);
  watchSettings((next, prev) => {
    if (next.sites.join() !== prev.sites.join()) void syncUserSites();
  });
});
