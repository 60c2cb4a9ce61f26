/**
 * The batch page in Chromium against a portal that redirects: a chain of hops on the same site, a
 * loop, to 127.0.0.1 on another port, and to a site the user has not granted. Chromium maps
 * *.gov.cn and www.not-granted.example to 127.0.0.1, so every name reaches one of this test's two
 * servers, which log each request and when it arrived: the portal, and the target a redirect must
 * never reach.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Request as PlaywrightRequest } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser as ExtensionApi } from 'wxt/browser';
import { DEFAULT_LIMITS, MAX_HOPS } from '@/lib/app/batch/limits';
import type { Request } from '@/lib/app/messages';
import { fixtureHtml } from '../helpers/fixtures';
import { EXTENSION_DIR, extensionId, launch, newProfile } from '../portal/browser';

declare const chrome: typeof ExtensionApi;

const NOT_GRANTED = 'www.not-granted.example';
/** Requests at the portal: path (with query), when it arrived. */
const arrivals: { path: string; at: number }[] = [];
/** Requests at the server a redirect points off the portal to: none may ever arrive. */
const reachedTarget: string[] = [];
let portal: Server;
let target: Server;
let port: number;
let targetPort: number;
let context: BrowserContext;
let id: string;

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};

beforeAll(async () => {
  portal = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    arrivals.push({ path, at: performance.now() });
    const redirect = (to: string, status = 302) => res.writeHead(status, { location: to }).end();
    // A chain of same-site hops: /chain/3 → /chain/2 → /chain/1 → /moved/report.html.
    const chain = /^\/chain\/(\d+)$/.exec(path);
    if (chain) return redirect(Number(chain[1]) > 1 ? `/chain/${Number(chain[1]) - 1}` : '/moved/report.html');
    if (path === '/loop.html') return redirect('/loop.html');
    // A portal moving its reports: the old address answers with the new one on the same site.
    if (path === '/old/report.html') return redirect('/report.html', 301);
    if (path === '/to-loopback.html') return redirect(`http://127.0.0.1:${targetPort}/report.html`);
    if (path === '/to-not-granted.html') return redirect(`http://${NOT_GRANTED}:${targetPort}/report.html`);
    if (path === '/report.html' || path === '/moved/report.html')
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(fixtureHtml('001-semantic.html'));
    res.writeHead(404).end();
  });
  target = createServer((req, res) => {
    reachedTarget.push(`${req.headers.host}${req.url}`);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(fixtureHtml('001-semantic.html'));
  });
  [port, targetPort] = [await listen(portal), await listen(target)];
  context = await launch(newProfile(), { alsoLocal: [NOT_GRANTED] });
  id = await extensionId(context);
});
afterAll(async () => {
  await context?.close();
  await Promise.all([portal, target].map((s) => new Promise<void>((resolve) => (s ? s.close(() => resolve()) : resolve()))));
});

describe('batch audit against redirects', () => {
  it('follows hops by hand: each checked, counted and spaced; a loop, a local address and a site not granted are refused', async () => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/records.html`);
    const at = (path: string) => `http://www.redirects.gov.cn:${port}${path}`;
    const title = (n: number) => `示范市第${n}局2023年政府信息公开工作年度报告`;
    const paths = ['/chain/3', '/loop.html', '/to-loopback.html', '/to-not-granted.html', '/report.html', '/old/report.html'];
    const start: Request = {
      type: 'batch:start',
      listUrl: at('/list.html'),
      title: '重定向测试',
      links: paths.map((p, i) => ({ url: at(p), title: title(i + 1) })),
      next: null,
    };
    // The batch's requests, as the browser reports them.
    const requests: PlaywrightRequest[] = [];
    const onRequest = (r: PlaywrightRequest) => void (r.url().startsWith(at('/')) && requests.push(r));
    context.on('request', onRequest);
    const [batch] = await Promise.all([context.waitForEvent('page'), page.evaluate((m) => chrome.runtime.sendMessage(m), start)]);
    await expect.poll(() => batch.locator('.batch-progress').getAttribute('data-done'), { timeout: 60_000 }).toBe('3');
    await expect.poll(() => batch.locator('.batch-progress').getAttribute('data-failed'), { timeout: 30_000 }).toBe('3');
    const rows = async (status: string) =>
      Object.fromEntries(
        await batch
          .locator(`.batch-row[data-status=${status}]`)
          .evaluateAll((els) => els.map((r) => [new URL((r as HTMLElement).dataset.url!).pathname, r.textContent ?? ''])),
      ) as Record<string, string>;
    const failed = await rows('failed');
    expect(Object.keys(failed).sort()).toEqual(['/loop.html', '/to-loopback.html', '/to-not-granted.html']);
    expect(failed['/loop.html']).toContain(`重定向次数过多（超过 ${MAX_HOPS} 次）`);
    expect(failed['/to-loopback.html']).toContain('重定向被拒绝：不访问本机或内网地址（127.0.0.1）');
    expect(failed['/to-not-granted.html']).toContain(`重定向到未授权的网站（${NOT_GRANTED}），未跟随`);
    // The redirected links are stored under the addresses the list gave, after their hops on the same site.
    expect(Object.keys(await rows('done')).sort()).toEqual(['/chain/3', '/old/report.html', '/report.html']);

    // Nothing ever reached the other server, by its address or by a name not granted.
    expect(reachedTarget).toEqual([]);
    const count = (path: string) => arrivals.filter((a) => a.path === path).length;
    // The chain: the link and its three hops, each asked for once.
    expect(['/chain/3', '/chain/2', '/chain/1', '/moved/report.html'].map(count)).toEqual([1, 1, 1, 1]);
    // The loop: the link and MAX_HOPS hops, then given up.
    expect(count('/loop.html')).toBe(MAX_HOPS + 1);
    expect(count('/old/report.html')).toBe(1);
    // The report itself: once as a link, once after /old/.
    expect(count('/report.html')).toBe(2);
    // The requests the batch made, as the browser started them (its own clock: the server in this test process, on a
    // busy machine, once saw two arrive 34 ms apart after a stall). Playwright also lists each redirect's target as a
    // request redirected from the hop; the batch fetches it anew, by hand.
    context.off('request', onRequest);
    const sent = requests.filter((r) => !r.redirectedFrom()).map((r) => ({ path: new URL(r.url()).pathname, at: r.timing().startTime }));
    expect(sent.map((r) => r.path).sort()).toEqual(arrivals.map((a) => a.path).sort());
    // Each hop waits its turn like a request: ≥ 450 ms after the request before it in its chain (the browser
    // following redirects itself sends them within a few ms).
    const times = (path: string) => sent.filter((r) => r.path === path).map((r) => r.at);
    const chain = ['/chain/3', '/chain/2', '/chain/1', '/moved/report.html'].map((p) => times(p)[0]!);
    for (const hops of [chain, times('/loop.html')]) {
      expect(Math.min(...hops.slice(1).map((t, i) => t - hops[i]!))).toBeGreaterThanOrEqual(DEFAULT_LIMITS.intervalMs - 50);
    }
    // And no two requests of the batch, hops included, go together: the gate starts them 500 ms apart.
    const startTimes = sent.map((r) => r.at).sort((x, y) => x - y);
    const gaps = startTimes.slice(1).map((t, i) => t - startTimes[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(DEFAULT_LIMITS.intervalMs - 100);
    await batch.close();
    await page.close();
  }, 120_000);

  it('the viewer follows a file link’s redirects the same way: a loop and a local address are refused in words', async () => {
    const page = await context.newPage();
    const view = async (path: string) => {
      await page.goto(`chrome-extension://${id}/viewer.html?src=${encodeURIComponent(`http://www.redirects.gov.cn:${port}${path}`)}`);
      await expect.poll(() => page.locator('.error').count(), { timeout: 30_000 }).toBe(1);
      return page.locator('.error').textContent();
    };
    const loopsBefore = arrivals.filter((a) => a.path === '/loop.html').length;
    expect(await view('/to-loopback.html')).toContain('重定向被拒绝：不访问本机或内网地址（127.0.0.1）');
    expect(await view('/to-not-granted.html')).toContain(`重定向到未授权的网站（${NOT_GRANTED}），未跟随`);
    expect(await view('/loop.html')).toContain(`重定向次数过多（超过 ${MAX_HOPS} 次）`);
    expect(arrivals.filter((a) => a.path === '/loop.html').length - loopsBefore).toBe(MAX_HOPS + 1);
    expect(reachedTarget).toEqual([]);
    await page.close();
  }, 90_000);

  it('learns the hops by observing (webRequest), with no permission that shows an install warning for it', () => {
    const { permissions } = JSON.parse(readFileSync(`${EXTENSION_DIR}/manifest.json`, 'utf8')) as { permissions: string[] };
    expect(permissions).toContain('webRequest');
    // Chrome warns at install for these ("Block content on any page", "Read your browsing history", …).
    const warned = ['declarativeNetRequest', 'declarativeNetRequestFeedback', 'webRequestBlocking', 'tabs', 'webNavigation', 'history', 'proxy', 'debugger'];
    expect(permissions.filter((p) => warned.includes(p))).toEqual([]);
  });
});
