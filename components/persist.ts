const ASKED = 'storagePersistAsked';

/**
 * Asks once that the browser never evict the audit database under storage pressure. Called from
 * the extension pages because the service worker has no navigator.storage.persist(). The "asked"
 * flag is the pages' own, so it lives in their origin's localStorage: browser.storage belongs to
 * the background, its only writer.
 */
export async function requestPersistentStorage(): Promise<void> {
  if (!navigator.storage?.persist || (await navigator.storage.persisted())) return;
  if (localStorage.getItem(ASKED)) return;
  localStorage.setItem(ASKED, '1');
  await navigator.storage.persist();
}
