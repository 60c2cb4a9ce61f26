/** The batch page's last word: 「已完成」 only when every link was audited, otherwise how many failed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { browser as ExtensionApi } from 'wxt/browser';
import type { Request, Response } from '@/lib/app/messages';
import { axeViolations } from '../portal/axe';
import { closePortalBrowser, openPortalBrowser } from '../portal/browser';
import type { Portal } from '../portal/server';

/** The page's own `chrome`, inside page.evaluate callbacks. */
declare const chrome: typeof ExtensionApi;

let portal: Portal;
let context: BrowserContext;
let id: string;

beforeAll(async () => {
  ({ portal, context, id } = await openPortalBrowser());
});
afterAll(() => closePortalBrowser(context, portal));

/** Starts a batch over `paths` of the portal, as the overlay does; resolves with the batch page it opens. */
async function batchOf(paths: string[]): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/records.html`);
  const links = paths.map((p, i) => ({ url: portal.url(p), title: `示范市第${i + 1}局2023年政府信息公开工作年度报告` }));
  const message: Request = { type: 'batch:start', listUrl: portal.url('/portal/list.html'), title: '测试列表', links, next: null };
  const [batch] = await Promise.all([context.waitForEvent('page'), page.evaluate((m) => chrome.runtime.sendMessage(m) as Promise<Response>, message)]);
  await page.close();
  return batch;
}

const progress = (page: Page, key: 'done' | 'failed' | 'total') => page.locator('.batch-progress').getAttribute(`data-${key}`);

describe('the finished batch', () => {
  it('says how many links failed, not 「已完成」, when some could not be read', async () => {
    const batch = await batchOf(['/defects/identity.html', '/no-such-report-1.html', '/no-such-report-2.html']);
    await expect.poll(() => progress(batch, 'failed'), { timeout: 60_000 }).toBe('2');
    const note = batch.locator('.failed-note');
    await expect.poll(() => note.count(), { timeout: 30_000 }).toBe(1);
    expect(await note.textContent()).toContain('有 2 个链接失败（共 3 个，已审核 1 个）');
    expect(await note.getAttribute('role')).toBe('alert');
    expect(await batch.locator('.done-note').count()).toBe(0);
    expect(await batch.getByRole('button', { name: '重试失败的 2 个链接' }).count()).toBe(1);
    expect(await axeViolations(batch)).toEqual([]);
    await batch.close();
  });

  it('says 已完成 when every link was audited', async () => {
    const batch = await batchOf(['/defects/identity.html', '/reports/003-word.html']);
    const note = batch.locator('.done-note');
    await expect.poll(() => note.count(), { timeout: 60_000 }).toBe(1);
    expect(await note.textContent()).toContain('批量审核已完成：2 份报告均已审核。');
    expect(await batch.locator('.failed-note').count()).toBe(0);
    await batch.close();
  });
});
