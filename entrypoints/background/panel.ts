/** Opening the side panel (Chrome) or the sidebar (Firefox). */
import { browser } from 'wxt/browser';
import { t } from '@/lib/app/i18n';

/** Firefox's sidebar API, which the Chrome-based types do not describe. */
interface SidebarAction {
  open(): Promise<void>;
}

/**
 * Both browsers allow this only while handling a user action, and an `await` before the call ends
 * that: call it first, synchronously, in the click or message handler.
 */
export function openPanel(tabId: number | undefined): Promise<void> {
  // The polyfill passes sidePanel through unwrapped; in MV3 it returns promises itself.
  if (browser.sidePanel?.open && tabId !== undefined) return browser.sidePanel.open({ tabId });
  const sidebar = (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;
  if (sidebar) return sidebar.open();
  return Promise.reject(new Error(t('bg_noPanel')));
}

export const PANEL_NEEDS_CLICK = () => t('bg_panelNeedsClick');
