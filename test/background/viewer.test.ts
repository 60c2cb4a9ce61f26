import '../helpers/fake-browser';
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onMessage } from '@/entrypoints/background/handle-request';
import { onToolbarClick } from '@/entrypoints/background/toolbar';
import { ATTACHMENT_LINK_PATTERNS, CONTEXT_MENU_ID, createContextMenu, isPdfUrl, onContextMenuClick } from '@/entrypoints/background/viewer';
import type { Request, Response } from '@/lib/app/messages';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const tabCreate = vi.fn();
const sidePanelOpen = vi.fn();
const executeScript = vi.fn();
const menuCreate = vi.fn();
const menuRemoveAll = vi.fn();

beforeEach(() => {
  fakeBrowser.reset();
  for (const f of [tabCreate, sidePanelOpen, executeScript, menuCreate, menuRemoveAll]) f.mockReset().mockResolvedValue(undefined);
  Object.assign(fakeBrowser.tabs, { create: tabCreate });
  Object.assign(fakeBrowser.sidePanel, { open: sidePanelOpen });
  Object.assign(fakeBrowser.scripting, { executeScript });
  Object.assign(fakeBrowser.contextMenus, { create: menuCreate, removeAll: menuRemoveAll });
});

const PDF = 'https://www.demo.gov.cn/files/2023年报.pdf?id=3';
const tab = (url: string) => ({ id: 7, index: 2, windowId: 1, url }) as never;
const viewerUrl = (src: string) => `chrome-extension://${fakeBrowser.runtime.id}/viewer.html?src=${encodeURIComponent(src)}`;
const send = <M extends Request>(message: M, sender: Parameters<typeof onMessage>[1]) => onMessage(message, sender) as Promise<Response<M['type']>>;

describe('viewer:open', () => {
  it('opens the viewer on an http(s) attachment next to the asking tab', async () => {
    const answer = await send({ type: 'viewer:open', url: PDF }, { tab: tab('https://www.demo.gov.cn/a.html'), url: 'https://www.demo.gov.cn/a.html' });
    expect(answer).toEqual({ ok: true });
    expect(tabCreate).toHaveBeenCalledWith({ url: viewerUrl(new URL(PDF).href), openerTabId: 7, index: 3, windowId: 1 });
  });

  it('refuses any other scheme, and a request without a URL, opening nothing', async () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'chrome-extension://x/records.html', 'not a url']) {
      const answer = await send({ type: 'viewer:open', url }, { tab: tab('https://www.demo.gov.cn/a.html'), url: 'https://www.demo.gov.cn/a.html' });
      expect(answer.ok, url).toBe(false);
      if (!answer.ok) expect(answer.error).toMatch(/不是可审核的附件地址/);
    }
    expect((await onMessage({ type: 'viewer:open' }, { url: 'https://www.demo.gov.cn/a.html' })) as { ok: boolean }).toMatchObject({ ok: false });
    expect(tabCreate).not.toHaveBeenCalled();
  });
});

describe('the toolbar button', () => {
  it('opens the viewer for a tab that shows a PDF, and not the side panel', async () => {
    onToolbarClick(tab(PDF));
    await vi.waitFor(() => expect(tabCreate).toHaveBeenCalledWith(expect.objectContaining({ url: viewerUrl(new URL(PDF).href), openerTabId: 7 })));
    expect(sidePanelOpen).not.toHaveBeenCalled();
  });

  it('audits an ordinary page as before, without opening the viewer', async () => {
    onToolbarClick(tab('https://www.demo.gov.cn/pdf-guide.html'));
    await vi.waitFor(() => expect(sidePanelOpen).toHaveBeenCalled());
    expect(tabCreate).not.toHaveBeenCalled();
  });

  it('knows a PDF by the path of an http(s) URL only', () => {
    expect(isPdfUrl('https://a.gov.cn/x/REPORT.PDF#page=2')).toBe(true);
    expect(isPdfUrl('https://a.gov.cn/x.html?file=a.pdf')).toBe(false);
    expect(isPdfUrl('file:///home/a.pdf')).toBe(false);
    expect(isPdfUrl(undefined)).toBe(false);
  });
});

describe('the context menu', () => {
  it('is created once on PDF/Word links with its Chinese title', async () => {
    await createContextMenu();
    expect(menuRemoveAll).toHaveBeenCalledBefore(menuCreate);
    expect(menuCreate).toHaveBeenCalledWith({
      id: CONTEXT_MENU_ID,
      title: '用年报审计助手审核此附件',
      contexts: ['link'],
      targetUrlPatterns: ATTACHMENT_LINK_PATTERNS,
    });
    expect(ATTACHMENT_LINK_PATTERNS).toEqual(expect.arrayContaining(['*://*/*.pdf', '*://*/*.docx?*', '*://*/*.ofd', '*://*/*.OFD?*']));
  });

  it('opens the viewer on the clicked link; other items and non-web links open nothing', async () => {
    onContextMenuClick({ menuItemId: CONTEXT_MENU_ID, linkUrl: PDF } as never, tab('https://www.demo.gov.cn/a.html'));
    await vi.waitFor(() => expect(tabCreate).toHaveBeenCalledTimes(1));
    expect(tabCreate.mock.calls[0]![0].url).toBe(viewerUrl(new URL(PDF).href));
    onContextMenuClick({ menuItemId: 'other', linkUrl: PDF } as never, tab('https://www.demo.gov.cn/a.html'));
    onContextMenuClick({ menuItemId: CONTEXT_MENU_ID, linkUrl: 'javascript:void(0)//.pdf' } as never, tab('https://www.demo.gov.cn/a.html'));
    await new Promise((r) => setTimeout(r, 20));
    expect(tabCreate).toHaveBeenCalledTimes(1);
  });
});
