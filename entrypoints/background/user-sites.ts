/**
 * The first look (the tiny always-on script, which asks for the auditor) on sites the user added in the options page: registered at run time for the
 * sites whose host permission is granted, and re-registered whenever the list or a grant changes.
 */
import { browser } from 'wxt/browser';
import { FIRST_LOOK_SCRIPT } from '@/lib/app/content-scripts';
import { loadSettings } from '@/store/settings';

const SCRIPT_ID = 'user-sites';

let queue: Promise<void> = Promise.resolve();

/** Serialised: two overlapping runs would both try to register the same id and one would fail. */
export function syncUserSites(): Promise<void> {
  queue = queue.then(register).catch((e) => console.error('[年报审计助手] 无法为添加的网站注册内容脚本', e));
  return queue;
}

async function register(): Promise<void> {
  const { sites } = await loadSettings();
  const granted: string[] = [];
  for (const site of sites) if (await browser.permissions.contains({ origins: [site] })) granted.push(site);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (!granted.length) return;
  await browser.scripting.registerContentScripts([{ id: SCRIPT_ID, js: [FIRST_LOOK_SCRIPT], matches: granted, runAt: 'document_idle', allFrames: true }]);
}
