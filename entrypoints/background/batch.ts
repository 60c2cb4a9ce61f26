/** Starting a batch audit from a list page, and opening the extension's pages for content scripts. */
import { browser, type Browser } from 'wxt/browser';
import { createJob } from '@/lib/app/batch/job';
import { batchPage, rulePage } from '@/lib/app/ext-pages';
import type { Request } from '@/lib/app/messages';
import { openJobFor, pruneFinishedJobs, saveJob } from '@/store/batch-jobs';

type BatchStart = Extract<Request, { type: 'batch:start' }>;

/**
 * Stores the job (or finds the unfinished one of the same list) and opens its page next to the
 * list's tab. The background only creates it: the batch page, which has DOMParser, runs it.
 */
export async function startBatch(req: BatchStart, tab: Browser.tabs.Tab | undefined): Promise<string> {
  let job = await openJobFor(req.listUrl);
  if (!job) {
    job = createJob({ id: crypto.randomUUID(), listUrl: req.listUrl, listTitle: req.title, links: req.links, next: req.next, now: Date.now() });
    await saveJob(job);
    await pruneFinishedJobs();
  }
  await openTab(batchPage(job.id), tab);
  return job.id;
}

export async function openRulePage(ruleId: string, tab: Browser.tabs.Tab | undefined): Promise<void> {
  await openTab(rulePage(ruleId), tab);
}

/** Opens one of the extension's pages next to the tab it was asked from. */
export function openTab(path: Parameters<typeof browser.runtime.getURL>[0], opener: Browser.tabs.Tab | undefined) {
  return browser.tabs.create({
    url: browser.runtime.getURL(path),
    ...(opener?.id !== undefined && { openerTabId: opener.id, index: opener.index + 1, windowId: opener.windowId }),
  });
}

/** Extension pages (the batch page) save audits too; only a content script's tab shows the report it saved. */
export function isExtensionPage(url: string | undefined): boolean {
  return !!url && url.startsWith(browser.runtime.getURL('/'));
}
