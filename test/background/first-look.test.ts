import '../helpers/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dropOldRegistration, lookIntoOpenTabs, onFrameLoaded, onTabUpdated } from '@/entrypoints/background/first-look';
import { FIRST_LOOK_SCRIPT, FRAME_LOADED_PORT } from '@/lib/app/content-scripts';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const executeScript = vi.fn();
const registered: { id: string }[] = [];

beforeEach(() => {
  vi.clearAllMocks();
  fakeBrowser.reset();
  registered.length = 0;
  executeScript.mockResolvedValue([]);
  Object.assign(fakeBrowser.scripting, {
    executeScript,
    getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => registered.filter((s) => ids.includes(s.id)),
    unregisterContentScripts: async ({ ids }: { ids: string[] }) =>
      void registered.splice(0, registered.length, ...registered.filter((s) => !ids.includes(s.id))),
  });
});

const tab = (url?: string) => ({ id: 3, index: 0, windowId: 1, url }) as never;

describe('the first look, injected after a load', () => {
  it('goes into every frame of a tab that completed loading a page the extension may read', () => {
    onTabUpdated(3, { status: 'complete' }, tab('https://www.example.gov.cn/art/2024/1/15/art_1.html'));
    expect(executeScript).toHaveBeenCalledExactlyOnceWith({ target: { tabId: 3, allFrames: true }, files: [`/${FIRST_LOOK_SCRIPT}`] });
  });

  it('waits for the load: nothing while the tab is loading, on a title change, or without the status', () => {
    onTabUpdated(3, { status: 'loading' }, tab('https://www.example.gov.cn/'));
    onTabUpdated(3, { title: '新闻' }, tab('https://www.example.gov.cn/'));
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('leaves alone a tab whose URL the browser does not show it (a site not granted) and pages that are not web pages', () => {
    onTabUpdated(3, { status: 'complete' }, tab(undefined));
    onTabUpdated(3, { status: 'complete' }, tab('chrome://newtab/'));
    onTabUpdated(3, { status: 'complete' }, tab('file:///tmp/a.html'));
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('takes a refused injection (the tab closed, a protected page) quietly', async () => {
    executeScript.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    onTabUpdated(3, { status: 'complete' }, tab('https://www.example.gov.cn/'));
    // Vitest fails the run on an unhandled rejection.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(executeScript).toHaveBeenCalledOnce();
  });

  it('on install, goes into the tabs already open that it may read, loaded or loading', async () => {
    Object.assign(fakeBrowser.tabs, {
      query: async () => [
        { id: 1, status: 'complete', url: 'https://www.example.gov.cn/a.html' },
        { id: 2, status: 'complete' },
        { id: 4, status: 'loading', url: 'https://www.example.gov.cn/b.html' },
        { id: 5, status: 'complete', url: 'chrome://extensions/' },
      ],
    });
    await lookIntoOpenTabs();
    expect(executeScript.mock.calls.map((call) => (call[0] as { target: { tabId: number } }).target.tabId)).toEqual([1, 4]);
  });

  it("removes an earlier version's registration of the first look for added sites, and nothing else", async () => {
    registered.push({ id: 'user-sites' }, { id: 'other' });
    await dropOldRegistration();
    expect(registered).toEqual([{ id: 'other' }]);
    await dropOldRegistration();
    expect(registered).toEqual([{ id: 'other' }]);
  });
});

describe('a frame loaded later', () => {
  const port = (name: string, tabUrl?: string) => ({ name, disconnect: vi.fn(), sender: { tab: { id: 8, url: tabUrl }, frameId: 2 } }) as never;

  it("looks into the sender's tab again, as the browser names it", () => {
    onFrameLoaded(port(FRAME_LOADED_PORT, 'https://www.example.gov.cn/'));
    expect(executeScript).toHaveBeenCalledExactlyOnceWith({ target: { tabId: 8, allFrames: true }, files: [`/${FIRST_LOOK_SCRIPT}`] });
  });

  it('ignores other ports and tabs whose URL it may not read', () => {
    onFrameLoaded(port('something-else', 'https://www.example.gov.cn/'));
    onFrameLoaded(port(FRAME_LOADED_PORT, undefined));
    expect(executeScript).not.toHaveBeenCalled();
  });
});
