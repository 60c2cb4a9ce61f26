/**
 * The batch page in Chromium against a portal that redirects: to 127.0.0.1, in a loop, and
 * ordinarily to another path of the same site. Chromium maps *.gov.cn to 127.0.0.1, so the list's
 * links reach this test's own server; a redirect whose Location is literally 127.0.0.1 must never
 * be requested (the background's declarativeNetRequest rule blocks it), which the server's log shows.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser as ExtensionApi } from 'wxt/browser';
import type { Request } from '@/lib/app/messages';
import { fixtureHtml } from '../helpers/fixtures';
import { extensionId, launch, newProfile } from '../portal/browser';

declare const chrome: typeof ExtensionApi;

const requests: string[] = [];
let server: Server;
let port: number;
let context: BrowserContext;
let id: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(`${req.headers.host?.split(':')[0]}${path}`);
    if (path === '/loop.html') return res.writeHead(302, { location: '/loop.html' }).end();
    // A portal moving its reports: the old address answers with the new one on the same site.
    if (path === '/old/report.html') return res.writeHead(301, { location: '/report.html' }).end();
    if (path === '/to-loopback.html') return res.writeHead(302, { location: `http://127.0.0.1:${port}/secret.html` }).end();
    if (path === '/report.html') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(fixtureHtml('001-semantic.html'));
    res.writeHead(200, { 'content-type': 'text/html' }).end('<p>secret</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  context = await launch(newProfile());
  id = await extensionId(context);
});
afterAll(async () => {
  await context?.close();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

describe('batch audit against redirects', () => {
  it('blocks a redirect to 127.0.0.1 before it is sent, refuses a loop, and follows an ordinary redirect on the same site', async () => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/records.html`);
    const at = (path: string) => `http://www.redirects.gov.cn:${port}${path}`;
    const title = (n: number) => `示范市第${n}局2023年政府信息公开工作年度报告`;
    const start: Request = {
      type: 'batch:start',
      listUrl: at('/list.html'),
      title: '重定向测试',
      links: [
        { url: at('/to-loopback.html'), title: title(1) },
        { url: at('/loop.html'), title: title(2) },
        { url: at('/report.html'), title: title(3) },
        { url: at('/old/report.html'), title: title(4) },
      ],
      next: null,
    };
    const [batch] = await Promise.all([context.waitForEvent('page'), page.evaluate((m) => chrome.runtime.sendMessage(m), start)]);
    await expect.poll(() => batch.locator('.batch-progress').getAttribute('data-done'), { timeout: 60_000 }).toBe('2');
    await expect.poll(() => batch.locator('.batch-progress').getAttribute('data-failed'), { timeout: 30_000 }).toBe('2');
    const failed = await batch.locator('.batch-row[data-status=failed]').allTextContents();
    expect(failed).toHaveLength(2);
    for (const text of failed) expect(text).toMatch(/重定向次数过多或无法连接/);
    expect(failed.join('')).not.toMatch(/网络错误|Maximum call stack/);
    // The redirected link is stored under the address the list gave, after its one hop on the same site.
    expect(await batch.locator('.batch-row[data-status=done]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.url))).toEqual([
      at('/report.html'),
      at('/old/report.html'),
    ]);
    expect(requests.filter((r) => r.endsWith('/old/report.html'))).toHaveLength(1);
    // Nothing ever reached 127.0.0.1 by that name: the rule blocked the hop inside the browser.
    expect(requests.filter((r) => r.startsWith('127.0.0.1'))).toEqual([]);
    expect(requests.filter((r) => r.endsWith('/to-loopback.html'))).toHaveLength(1);
    // The loop was given up at the browser's own limit (20 redirects), not followed forever.
    expect(requests.filter((r) => r.endsWith('/loop.html')).length).toBeLessThanOrEqual(21);
    await batch.close();
    await page.close();
  }, 120_000);
});
