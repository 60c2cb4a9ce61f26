/**
 * The auditor's link to the background: every request it sends (through messaging.ts's `ask`) and
 * the messages it listens for. Failures come back as Chinese text for the overlay's bar. Replies
 * carry what the overlay may show (findings, statuses), never the auditor's notes.
 */
import { browser } from 'wxt/browser';
import { TabMessage, type OverlayReport } from '@/lib/app/content-messages';
import type { Request } from '@/lib/app/messages';
import { ask } from './messaging';

export type BatchStart = Omit<Request<'batch:start'>, 'type'>;

/** This frame's stored report (or its part's, on a compilation), after a state:changed. */
export async function storedReport(part?: number): Promise<OverlayReport | null> {
  return (await ask({ type: 'overlay:state', part })).state;
}

export async function startBatch(batch: BatchStart): Promise<void> {
  await ask({ type: 'batch:start', ...batch });
}

export async function openPanel(): Promise<void> {
  await ask({ type: 'panel:open' });
}

export async function openRule(ruleId: string): Promise<void> {
  await ask({ type: 'rules:open', ruleId });
}

/** Opens the extension's viewer on an attachment the page links (the background accepts http(s) only). */
export async function openViewer(url: string): Promise<void> {
  await ask({ type: 'viewer:open', url });
}

/** Listens for the background's and the side panel's messages; returns the way to stop. */
export function onTabMessage(handle: (message: TabMessage) => void): () => void {
  const listener = (raw: unknown) => {
    // A page can forge messages to content scripts of some browsers: only well-formed ones count.
    const parsed = TabMessage.safeParse(raw);
    if (parsed.success) handle(parsed.data);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
