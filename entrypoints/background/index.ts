import '@/lib/app/zod-without-eval';
import { browser } from 'wxt/browser';
import { defineBackground } from '#imports';
import { followUiLanguage, loadSettings } from '@/store/settings';
import { onPageAudit } from './page-audit';
import { onMaybeReport } from './audit-tab';
import { onMessage } from './handle-request';
import { HANDLERS } from './handlers';
import { onToolbarClick, toolbarAction } from './toolbar';
import { dropOldRegistration, lookIntoOpenTabs, onFrameLoaded, onTabUpdated } from './first-look';
import { createContextMenu, onContextMenuClick } from './viewer';
import { createFlagMenu, onFlagMenuClick } from './manual-flags';

export default defineBackground(() => {
  void followUiLanguage(browser.i18n.getUILanguage());
  browser.runtime.onMessage.addListener(onMessage);
  toolbarAction().onClicked.addListener(onToolbarClick);
  browser.runtime.onConnect.addListener(onMaybeReport);
  browser.runtime.onConnect.addListener((port) =>
    onPageAudit(port, {
      disabledRules: async () => (await loadSettings()).disabledRules,
      save: async (report, part, parts, sender) =>
        (await HANDLERS['audit:save']({ type: 'audit:save', report, part, parts }, { sender, fromPage: false })).state,
    }),
  );
  browser.contextMenus?.onClicked.addListener(onContextMenuClick);
  // Both menus at once: the viewer's creation clears every menu first, which must not remove the other.
  browser.runtime.onInstalled.addListener(() => void createContextMenu().then(createFlagMenu));

  browser.contextMenus.onClicked.addListener(onFlagMenuClick);

  // The first look, after each load of a tab the extension may read. Which report a tab shows is
  // checked when asked (tab-reports.ts), so this is the one tabs listener.
  browser.tabs.onUpdated.addListener(onTabUpdated);
  browser.runtime.onConnect.addListener(onFrameLoaded);
  browser.runtime.onInstalled.addListener(() => {
    void lookIntoOpenTabs();
    void dropOldRegistration().catch(() => undefined);
  });
});
