import { browser } from 'wxt/browser';

const ASKED = 'storagePersistAsked';

/**
 * Asks once that the browser never evict the audit database under storage pressure. Called from
 * the extension pages because the service worker has no navigator.storage.persist().
 */
export async function requestPersistentStorage(): Promise<void> {
  if (!navigator.storage?.persist || (await navigator.storage.persisted())) return;
  if ((await browser.storage.local.get(ASKED))[ASKED]) return;
  await browser.storage.local.set({ [ASKED]: true });
  await navigator.storage.persist();
}
