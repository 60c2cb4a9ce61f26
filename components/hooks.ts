/** Data hooks of the extension pages that ask the background (stored audits: store/live.ts). */
import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import type { BatchJob } from '@/lib/app/batch/job';
import type { PageMessage, TabPart } from '@/lib/app/messages';
import type { Settings } from '@/lib/app/schema';
import { ask } from '@/messaging/ask';
import { onPageMessage } from '@/messaging/broadcasts';
import { listJobs } from '@/messaging/jobs';
import type { Loaded } from '@/store/live';
import { t, type MessageKey } from '@/lib/app/i18n';

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

/** How long the saves and loads of one burst are gathered before the tab is asked about again. */
const ASK_AGAIN_MS = 150;

/**
 * What the background answers about a tab, asked again when the tab finishes loading and when the
 * background says the tab saved an audit.
 */
function useTabAnswer<T>(tabId: number | undefined, load: (tabId: number) => Promise<T>): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  // A new tab must not show the previous tab's answer while its own is being looked up.
  useEffect(() => setState({ status: 'loading' }), [tabId]);
  useEffect(() => {
    if (tabId === undefined) return;
    // A compilation saves its reports one after another: the saves of one burst make one question, not one each.
    let pending: ReturnType<typeof setTimeout> | undefined;
    const bump = () => {
      pending ??= setTimeout(() => {
        pending = undefined;
        setVersion((n) => n + 1);
      }, ASK_AGAIN_MS);
    };
    const onUpdated = (id: number, change: Browser.tabs.OnUpdatedInfo) => {
      if (id === tabId && change.status === 'complete') bump();
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    const unlisten = onPageMessage((m) => m.type === 'state:changed' && m.tabId === tabId, bump);
    return () => {
      clearTimeout(pending);
      browser.tabs.onUpdated.removeListener(onUpdated);
      unlisten();
    };
  }, [tabId]);
  useEffect(() => {
    if (tabId === undefined) return;
    let current = true;
    load(tabId).then(
      (value) => current && setState({ status: 'ready', value }),
      (e: Error) => current && setState({ status: 'error', error: e.message }),
    );
    return () => {
      current = false;
    };
  }, [tabId, version]);
  return state;
}

/** Which stored report the tab shows (a compilation's first); its contents then come from store/live.ts. */
export function useTabReportId(tabId: number | undefined): Loaded<string | null> {
  return useTabAnswer(tabId, async (id) => (await ask({ type: 'tab:report', tabId: id })).state?.record.id ?? null);
}

/** The reports of the compilation the tab shows, in page order; none for a page of one report. */
export function useTabParts(tabId: number | undefined): Loaded<TabPart[]> {
  return useTabAnswer(tabId, async (id) => (await ask({ type: 'tab:parts', tabId: id })).parts);
}

/** Asks `load` now and again after every broadcast `accept` picks; the latest answer wins. */
function useAsked<T>(load: () => Promise<T>, accept: (m: PageMessage) => boolean, what: MessageKey): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  useEffect(() => {
    let asked = 0;
    const ask = () => {
      const n = ++asked;
      load().then(
        (value) => n === asked && setState({ status: 'ready', value }),
        (e: Error) => n === asked && setState({ status: 'error', error: `${t(what)}：${e.message}` }),
      );
    };
    ask();
    const unlisten = onPageMessage(accept, ask);
    return () => {
      asked = -1;
      unlisten();
    };
  }, []);
  return state;
}

/** Settings as stored, following changes saved from any page. */
export function useSettings(): Loaded<Settings> {
  return useAsked(
    async () => (await ask({ type: 'settings:get' })).settings,
    (m) => m.type === 'settings:changed',
    'common_settingsUnreadable',
  );
}

/** Stored batch jobs, most recent first, following changes made by any page. */
export function useBatchJobs(): Loaded<BatchJob[]> {
  return useAsked(listJobs, (m) => m.type === 'jobs:changed', 'common_jobsUnreadable');
}
