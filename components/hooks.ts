/** Data hooks of the extension pages. */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import type { BatchJob } from '@/lib/app/batch/job';
import { PageMessage } from '@/lib/app/messages';
import type { Settings } from '@/lib/app/schema';
import { storageErrorMessage } from '@/store/errors';
import { listJobs, watchJobs } from '@/store/batch-jobs';
import { loadSettings, watchSettings } from '@/store/settings';
import { ask } from './ask';

export type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: string };

/**
 * A Dexie query kept current: it re-runs on writes from any extension context (the background's
 * included), which Dexie relays between them over a BroadcastChannel.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  useEffect(() => {
    setState({ status: 'loading' });
    const sub = liveQuery(query).subscribe({
      next: (value) => setState({ status: 'ready', value }),
      error: (e: unknown) => setState({ status: 'error', error: storageErrorMessage(e) }),
    });
    return () => sub.unsubscribe();
  }, deps); // the caller lists what the query depends on
  return state;
}

/** The active tab of the window this page (side panel or sidebar) belongs to. */
export function useActiveTabId(): number | undefined {
  const [tabId, setTabId] = useState<number>();
  useEffect(() => {
    let windowId: number | undefined;
    const onActivated = (info: Browser.tabs.OnActivatedInfo) => {
      if (info.windowId === windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    void browser.windows.getCurrent().then(async (w) => {
      windowId = w.id;
      const [tab] = await browser.tabs.query({ active: true, windowId });
      setTabId(tab?.id);
    });
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, []);
  return tabId;
}

/**
 * Which stored report the tab shows. Asked again when the tab finishes loading and when the
 * background says the tab saved an audit; the report's contents then come from useLiveQuery.
 */
export function useTabReportId(tabId: number | undefined): Loaded<string | null> {
  const [state, setState] = useState<Loaded<string | null>>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const bump = () => setVersion((n) => n + 1);
  // A new tab must not show the previous tab's report while its own is being looked up.
  useEffect(() => setState({ status: 'loading' }), [tabId]);
  useEffect(() => {
    if (tabId === undefined) return;
    const onUpdated = (id: number, change: Browser.tabs.OnUpdatedInfo) => {
      if (id === tabId && change.status === 'complete') bump();
    };
    const onMessage = (message: unknown) => {
      const parsed = PageMessage.safeParse(message);
      if (parsed.success && parsed.data.tabId === tabId) bump();
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [tabId]);
  useEffect(() => {
    if (tabId === undefined) return;
    let current = true;
    ask({ type: 'tab:report', tabId }).then(
      (a) => current && setState({ status: 'ready', value: a.state?.record.id ?? null }),
      (e: Error) => current && setState({ status: 'error', error: e.message }),
    );
    return () => {
      current = false;
    };
  }, [tabId, version]);
  return state;
}

/** Settings as stored, following changes saved by any page. */
export function useSettings(): Loaded<Settings> {
  const [state, setState] = useState<Loaded<Settings>>({ status: 'loading' });
  useEffect(() => {
    loadSettings().then(
      (value) => setState({ status: 'ready', value }),
      (e: Error) => setState({ status: 'error', error: `无法读取设置：${e.message}` }),
    );
    return watchSettings((value) => setState({ status: 'ready', value }));
  }, []);
  return state;
}

/** Stored batch jobs, most recent first, following changes made by any page. */
export function useBatchJobs(): Loaded<BatchJob[]> {
  const [state, setState] = useState<Loaded<BatchJob[]>>({ status: 'loading' });
  useEffect(() => {
    const load = () =>
      void listJobs().then(
        (value) => setState({ status: 'ready', value }),
        (e: Error) => setState({ status: 'error', error: `无法读取批量审核任务：${e.message}` }),
      );
    load();
    return watchJobs(load);
  }, []);
  return state;
}
