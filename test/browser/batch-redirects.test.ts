/**
 * The batch page in Chromium against a portal that redirects: to 127.0.0.1, in a loop. Chromium
 * maps *.gov.cn to 127.0.0.1, so the list's links reach this test's own server; the redirect
 * targets must never be requested.
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
  it('refuses a redirect to 127.0.0.1 and a redirect loop with a message, never requesting the targets, and audits the rest', async () => {
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
      ],
      next: null,
    };
    const [batch] = await Promise.all([context.waitForEvent('page'), page.evaluate((m) => chrome.runtime.sendMessage(m), start)]);
    await expect.poll(() => batch.locator('.batch-progress').getAttribute('data-done'), { timeout: 30_000 }).toBe('1');
    await expect.poll(() => batch.locator('.batch-progress').getAttribute('data-failed')).toBe('2');
    const failed = await batch.locator('.batch-row[data-status=failed]').allTextContents();
    expect(failed).toHaveLength(2);
    for (const text of failed) expect(text).toMatch(/重定向/);
    expect(failed.join('')).not.toMatch(/网络错误|Maximum call stack/);
    // Each redirecting link was requested once; nothing at 127.0.0.1, and the loop was not followed.
    expect(requests.filter((r) => r.startsWith('127.0.0.1'))).toEqual([]);
    expect(requests.filter((r) => r.endsWith('/loop.html'))).toHaveLength(1);
    await batch.close();
    await page.close();
  });
});
