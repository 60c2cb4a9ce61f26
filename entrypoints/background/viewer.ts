/**
 * Ways into the viewer page (viewer.html?src=…) for a PDF/OFD/Word report: a context-menu item on
 * attachment links, the toolbar button on a tab that shows a PDF, and the overlay's request.
 * The background opens the viewer itself, and only on http(s) URLs.
 */
import { browser, type Browser } from 'wxt/browser';
import { viewerPage } from '@/lib/app/ext-pages';
import { openTab } from './batch';
import { t } from '@/lib/app/i18n';
import { READABLE_FILE_EXTENSIONS } from '@/lib/engine/source/file-kind';

export const CONTEXT_MENU_ID = 'audit-attachment';

/** Links the context-menu item shows on: the files the viewer reads, by their name (query allowed). */
export const ATTACHMENT_LINK_PATTERNS = READABLE_FILE_EXTENSIONS.flatMap((ext) => [ext, ext.toUpperCase()]).flatMap((ext) => [
  `*://*/*.${ext}`,
  `*://*/*.${ext}?*`,
]);

/** The URL when it is an http(s) address the viewer may fetch; null otherwise. */
export function viewableUrl(url: string | undefined): string | null {
  if (!url || !URL.canParse(url)) return null;
  const u = new URL(url);
  return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
}

/** A tab showing a PDF, as far as its URL says (Chromium's PDF viewer keeps the file's URL). */
export function isPdfUrl(url: string | undefined): boolean {
  return !!viewableUrl(url) && /\.pdf$/i.test(new URL(url!).pathname);
}

export async function openViewer(url: string, opener: Browser.tabs.Tab | undefined): Promise<void> {
  const src = viewableUrl(url);
  if (!src) throw new Error(t('bg_badAttachmentUrl', { url: url.slice(0, 200) }));
  await openTab(viewerPage(src), opener);
}

/** Context menus persist across restarts; created again on install and update (removeAll first: ids must be unique). */
export async function createContextMenu(): Promise<void> {
  if (!browser.contextMenus) return;
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: CONTEXT_MENU_ID,
    title: t('menu_auditAttachment'),
    contexts: ['link'],
    targetUrlPatterns: ATTACHMENT_LINK_PATTERNS,
  });
}

export function onContextMenuClick(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): void {
  if (info.menuItemId !== CONTEXT_MENU_ID || !info.linkUrl) return;
  void openViewer(info.linkUrl, tab).catch((e: Error) => console.warn('[年报审计助手]', e.message));
}
