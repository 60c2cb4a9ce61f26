/**
 * The auditor's link to the background: every request it sends (through messaging.ts's `ask`) and
 * the messages it listens for. Failures come back as Chinese text for the overlay's bar.
 */
import { browser } from 'wxt/browser';
import { TabMessage, type Request, type ReportState } from '@/lib/app/messages';
import type { ReportSnapshot } from '@/lib/engine/snapshot';
import { ask } from './messaging';

export type BatchStart = Omit<Extract<Request, { type: 'batch:start' }>, 'type'>;

export async function disabledRules(): Promise<string[]> {
  const { settings } = await ask({ type: 'settings:get' });
  return settings?.disabledRules ?? [];
}

/** Saves the page's audit; the stored record comes back (with cross-year findings and which are new). */
export async function saveAudit(report: ReportSnapshot): Promise<ReportState | null> {
  return (await ask({ type: 'audit:save', report })).state ?? null;
}

export async function storedReport(reportId: string): Promise<ReportState | null> {
  return (await ask({ type: 'report:get', reportId })).state ?? null;
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
