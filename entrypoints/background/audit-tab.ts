/** Auditing a tab on demand: the tab's content script if it has one, else one injected now. */
import { browser } from 'wxt/browser';
import type { TabMessage } from '@/lib/app/messages';

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
    if (!NO_RECEIVER.test(messageOf(e))) throw new Error(`审计未能完成：${messageOf(e)}`);
  }
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] });
    await browser.tabs.sendMessage(tabId, RUN);
  } catch (e) {
    throw new Error(
      `无法在此页面运行审计：浏览器不允许扩展读取此页（如浏览器内部页面、扩展商店），或尚未授权此网站。请在该页点击工具栏上的「年报审计助手」按钮，或在设置中添加该网站。（${messageOf(e)}）`,
    );
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
