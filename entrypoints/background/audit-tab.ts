/**
 * Putting the auditor into a page: into the frame whose first look asked for it, or into the tab on
 * demand (the toolbar button), where it runs the audit even if the first look saw nothing.
 */
import { browser, type Browser } from 'wxt/browser';
import { AUDITOR_SCRIPT, MAYBE_REPORT_PORT } from '@/lib/app/content-scripts';
import type { TabMessage } from '@/lib/app/messages';
import { t } from '@/lib/app/i18n';

const NO_RECEIVER = /Receiving end does not exist/i;
const RUN: TabMessage = { type: 'audit:run' };

/** Rejects with a message for the user. */
export async function auditTab(tabId: number): Promise<void> {
  try {
    await browser.tabs.sendMessage(tabId, RUN);
    return;
  } catch (e) {
    // Only "nobody listening" means the script is missing (tab opened before install, or a site
    // reached through activeTab); any other error came from a running script, and a second copy would not help.
    if (!NO_RECEIVER.test(messageOf(e))) throw new Error(t('bg_auditFailed', { error: messageOf(e) }));
  }
  try {
    await injectAuditor({ tabId });
    await browser.tabs.sendMessage(tabId, RUN);
  } catch (e) {
    throw new Error(t('bg_cannotInject', { error: messageOf(e) }));
  }
}

/**
 * In Chromium the auditor goes in as a module the frame imports from the extension (web_accessible_resources,
 * under a per-session URL), not as a script executed in the frame: Chromium parses and compiles an
 * imported module off the page's main thread, where executeScript compiles all of it on that thread
 * (≈ 8 ms of the typical report's cost, bench/browser.ts). A query unique to each injection makes the
 * browser evaluate it anew, as executeScript would, so a re-injected copy still replaces the old one
 * (content/lifetime.ts). Where the import fails (a scheme outside the resource's matches), the same
 * file is executed. Firefox executes the file: the gain was measured in Chromium only, and AMO's
 * linter rejects an import() of a computed URL.
 */
export async function injectAuditor(target: { tabId: number; frameIds?: number[] }): Promise<void> {
  if (!import.meta.env.FIREFOX) {
    const url = `${browser.runtime.getURL(`/${AUDITOR_SCRIPT}`)}?${crypto.randomUUID()}`;
    const imported = await browser.scripting.executeScript({ target, func: importModule, args: [url] });
    if (imported.length && imported.every((r) => r.result === true)) return;
  }
  await browser.scripting.executeScript({ target, files: [`/${AUDITOR_SCRIPT}` as const] });
}

/** Runs in the frame (serialized by executeScript): true once the module has been evaluated. */
function importModule(url: string): Promise<boolean> {
  return import(/* @vite-ignore */ url).then(
    () => true,
    () => false,
  );
}

/** An error's own words, whatever was thrown. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * A frame's first look saw a report or a list: inject the auditor into that frame only. The port
 * carries nothing but its name; tab and frame come from the browser, so a page cannot aim it elsewhere.
 */
export function onMaybeReport(port: Browser.runtime.Port): void {
  if (port.name !== MAYBE_REPORT_PORT) return;
  const tabId = port.sender?.tab?.id;
  const frameId = port.sender?.frameId ?? 0;
  port.disconnect();
  if (tabId === undefined) return;
  injectAuditor({ tabId, frameIds: [frameId] })
    // The frame may have navigated or closed meanwhile; its next first look asks again.
    .catch((e: unknown) => console.warn('[年报审计助手] 无法注入审计脚本', messageOf(e)));
}
