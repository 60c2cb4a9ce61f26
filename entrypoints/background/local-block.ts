/** Installs the session rule that blocks the extension's own requests to local addresses (lib/app/batch/local-block.ts). */
import { browser } from 'wxt/browser';
import { LOCAL_BLOCK_RULE_IDS, localBlockRules } from '@/lib/app/batch/local-block';

/** Session rules last until the browser closes: installed at every service-worker start (idempotent). */
export async function installLocalBlock(): Promise<void> {
  const dnr = browser.declarativeNetRequest;
  if (!dnr?.updateSessionRules) return;
  await dnr.updateSessionRules({ removeRuleIds: LOCAL_BLOCK_RULE_IDS, addRules: localBlockRules(browser.runtime.id) as never });
}
