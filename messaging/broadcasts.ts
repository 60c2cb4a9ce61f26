/** What the background broadcasts to the extension pages (PageMessage), as subscriptions. */
import { browser } from 'wxt/browser';
import { PageMessage } from '@/lib/app/messages';

/** Calls back on each broadcast that `accept` picks; returns the unsubscribe. */
export function onPageMessage(accept: (m: PageMessage) => boolean, then: () => void): () => void {
  const listener = (message: unknown) => {
    const parsed = PageMessage.safeParse(message);
    if (parsed.success && accept(parsed.data)) then();
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
