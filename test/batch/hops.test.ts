/**
 * A batch against a hostile or broken portal: redirects to local addresses, to sites not granted,
 * in a loop; a page too large; and the spacing of request starts measured at the server while
 * parsing keeps the thread busy.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressProblem, isLocalHost } from '@/lib/app/batch/address';
import { createJob, type BatchJob } from '@/lib/app/batch/job';
import { DEFAULT_LIMITS, MAX_HOPS, MAX_PAGE_BYTES } from '@/lib/app/batch/limits';
import { abortableSleep, linkErrorText, runJob, type RunDeps } from '@/lib/app/batch/runner';
import { isRedirectStatus } from '@/lib/app/batch/hops';
import { redirectLog } from '@/lib/app/batch/redirect-log';
import { fixtureHtml, htmlDoc } from '../helpers/fixtures';

/** Hosts that address.ts calls local, in spellings the URL parser accepts; and public hosts that only look alike. */
const LOCAL_HOSTS = [
  '127.0.0.1',
  '127.8.9.10',
  '0x7f.1',
  '2130706433',
  '10.1.2.3',
  '172.16.0.1',
  '172.31.255.255',
  '192.168.0.10',
  '169.254.169.254',
  '0.0.0.0',
  'localhost',
  'LOCALHOST.',
  'a.localhost',
  '[::1]',
  '[::]',
  '[fc00::1]',
  '[fd12:3456::1]',
  '[fe80::1]',
  '[febf::1]',
  '[::ffff:127.0.0.1]',
  '[::ffff:192.168.1.1]',
];
const PUBLIC_HOSTS = [
  'www.gov.cn',
  '172.15.0.1',
  '172.32.0.1',
  '192.169.0.1',
  '11.0.0.1',
  '8.8.8.8',
  '[2001:db8::1]',
  '[fec0::1]',
  '127.gov.cn',
  'localhost.gov.cn',
  '10.0.0.1.nip.example',
];

const REPORT = fixtureHtml('001-semantic.html');

/** Every request as the server saw it: path, the host the client asked for, when it arrived. */
const arrivals: { path: string; host: string; at: number }[] = [];
let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    arrivals.push({ path: url.pathname, host: String(req.headers['x-asked-host']), at: performance.now() });
    const redirect = (to: string) => res.writeHead(302, { location: to }).end();
    const hops = /^\/hops\/(\d+)$/.exec(url.pathname);
    if (hops) return redirect(Number(hops[1]) > 0 ? `/hops/${Number(hops[1]) - 1}` : '/report.html');
    switch (url.pathname) {
      case '/report.html':
        return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(REPORT);
      case '/loop.html':
        return redirect('/loop.html');
      case '/to-loopback.html':
        return redirect(`http://127.0.0.1:${port}/report.html`);
      case '/to-private.html':
        return redirect(`http://192.168.1.1:${port}/report.html`);
      case '/to-other-site.html':
        return redirect(`http://www.example.org:${port}/report.html`);
      case '/to-file.html':
        return redirect('file:///etc/passwd');
      case '/huge.html': {
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        for (let i = 0; i <= MAX_PAGE_BYTES / chunk.length; i++) res.write(chunk);
        return res.end();
      }
      default:
        return res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/**
 * What the browser's host-resolver rules do in the browser tests: every name reaches this server. The URL asked for is
 * logged, and when the request started: the server runs in this thread, so it sees a request only when the thread is free.
 */
const asked: string[] = [];
const started: number[] = [];
const resolving: typeof fetch = (input, init) => {
  const url = new URL(String(input));
  asked.push(url.href);
  started.push(performance.now());
  const host = url.hostname;
  url.hostname = '127.0.0.1';
  return fetch(url, { ...init, headers: { 'x-asked-host': host } });
};

const at = (path: string) => `http://www.demo.gov.cn:${port}${path}`;
const job = (paths: string[]): BatchJob =>
  createJob({
    id: 'j',
    listUrl: at('/list.html'),
    listTitle: '',
    links: paths.map((p) => ({ url: at(p), title: '示范市司法局2023年政府信息公开工作年度报告' })),
    next: null,
    now: 0,
  });

function deps(over: Partial<RunDeps> = {}): RunDeps {
  return {
    fetch: resolving,
    parse: htmlDoc,
    disabledRules: [],
    save: async (report) => ({ reportId: report.url, agency: report.agency, year: report.year }),
    persist: async () => undefined,
    onChange: () => undefined,
    // As in the extension: *.gov.cn is granted, anything else is not.
    missingHosts: async (urls) => urls.filter((u) => !new URL(u).hostname.endsWith('.gov.cn')).map((u) => `*://${new URL(u).hostname}/*`),
    now: () => performance.now(),
    sleep: abortableSleep,
    ...over,
  };
}

const FAST = { ...DEFAULT_LIMITS, intervalMs: 5, concurrency: 1 };
const run = (paths: string[], over: Partial<RunDeps> = {}, limits = FAST) => runJob(job(paths), deps(over), limits, new AbortController().signal);

describe('redirects in a batch', () => {
  it('follows a few redirects on the granted site to the report', async () => {
    const end = await run([`/hops/${MAX_HOPS - 1}`]);
    expect(end.job.links[0]).toMatchObject({ status: 'done', result: { agency: expect.stringContaining('开封市') } });
  });

  it('refuses a redirect loop, and a chain longer than the limit, with a message saying so', async () => {
    asked.length = 0;
    const end = await run(['/loop.html', `/hops/${MAX_HOPS + 1}`]);
    expect(end.job.links.map((l) => [l.status, l.error])).toEqual([
      ['failed', `重定向次数过多（超过 ${MAX_HOPS} 次）`],
      ['failed', `重定向次数过多（超过 ${MAX_HOPS} 次）`],
    ]);
    // The link and its MAX_HOPS redirects, no more, for each of the two links.
    expect(asked).toHaveLength(2 * (MAX_HOPS + 1));
  });

  it('never follows a redirect to a loopback or private address, or to a non-http scheme', async () => {
    asked.length = 0;
    const end = await run(['/to-loopback.html', '/to-private.html', '/to-file.html']);
    expect(end.job.links.map((l) => l.error)).toEqual([
      '重定向被拒绝：不访问本机或内网地址（127.0.0.1）',
      '重定向被拒绝：不访问本机或内网地址（192.168.1.1）',
      '重定向被拒绝：不访问 file 地址：只读取 http(s) 网页',
    ]);
    expect(asked.map((u) => new URL(u).hostname)).toEqual(['www.demo.gov.cn', 'www.demo.gov.cn', 'www.demo.gov.cn']);
  });

  it('never follows a redirect to a site the user has not granted', async () => {
    asked.length = 0;
    const end = await run(['/to-other-site.html']);
    expect(end.job.links[0]!.error).toBe('重定向到未授权的网站（www.example.org），未跟随');
    expect(asked.some((u) => u.includes('example.org'))).toBe(false);
  });

  it('refuses a link to a local address itself, unless the user named that host (the CLI on a local mirror)', async () => {
    const local = createJob({
      id: 'j',
      listUrl: at('/list.html'),
      listTitle: '',
      links: [{ url: `http://127.0.0.1:${port}/report.html`, title: '' }],
      next: null,
      now: 0,
    });
    const refused = await runJob(local, deps({ missingHosts: async () => [] }), FAST, new AbortController().signal);
    expect(refused.job.links[0]!.error).toBe('不访问本机或内网地址（127.0.0.1）');
    const trusted = await runJob(local, deps({ missingHosts: async () => [], trustedHosts: [`127.0.0.1:${port}`] }), FAST, new AbortController().signal);
    expect(trusted.job.links[0]!.status).toBe('done');
  });

  it('says a page is too large rather than reading it', async () => {
    const end = await run(['/huge.html']);
    expect(end.job.links[0]!.error).toBe(`页面过大（超过 ${MAX_PAGE_BYTES / 1024 / 1024} MB），未读取`);
  });

  it('a browser’s opaque redirect is not followed blind', async () => {
    // What a browser answers to redirect: 'manual' — status 0, no Location.
    const opaque = async () => Object.defineProperty(new Response(null), 'type', { value: 'opaqueredirect' });
    const end = await run(['/report.html'], { fetch: opaque });
    expect(end.job.links[0]!.error).toMatch(/浏览器不公开重定向目标/);
  });
});

/**
 * A browser page's fetch with redirect: 'manual': a redirect comes back opaque (no status, no
 * Location), and the browser reports the response, Location included, to the extension's
 * webRequest listener a moment later (after the fetch resolved, as Chromium did in our trial).
 * `report: false`: a browser that never tells.
 */
function browserPage({ waitMs, report = true }: { waitMs?: number; report?: boolean } = {}) {
  const hidden = redirectLog(waitMs);
  const opaqueFetch: typeof fetch = async (input, init) => {
    expect(init?.redirect).toBe('manual');
    const res = await resolving(input, init);
    if (!isRedirectStatus(res.status)) return res;
    await res.body?.cancel();
    const location = res.headers.get('location');
    if (report) setTimeout(() => hidden.saw(String(input), location), 2);
    return Object.defineProperty(new Response(null), 'type', { value: 'opaqueredirect' });
  };
  return { fetch: opaqueFetch, hidden };
}

describe('redirects in the extension’s batch page (opaque redirects, Location from the browser’s report)', () => {
  it('follows a few hops on the granted site to the report, each one requested once', async () => {
    asked.length = 0;
    const end = await run([`/hops/${MAX_HOPS - 1}`], browserPage());
    expect(end.job.links[0]).toMatchObject({ status: 'done', result: { agency: expect.stringContaining('开封市') } });
    // The link, its redirects down to /hops/0, and that one's redirect to the report.
    expect(asked.map((u) => new URL(u).pathname)).toEqual([...Array.from({ length: MAX_HOPS }, (_, i) => `/hops/${MAX_HOPS - 1 - i}`), '/report.html']);
  });

  it('gives up a loop after MAX_HOPS hops with a message saying so', async () => {
    asked.length = 0;
    const end = await run(['/loop.html'], browserPage());
    expect(end.job.links[0]).toMatchObject({ status: 'failed', error: `重定向次数过多（超过 ${MAX_HOPS} 次）` });
    expect(asked).toHaveLength(MAX_HOPS + 1);
  });

  it('never requests a local address, a non-http scheme or a site not granted that a redirect names', async () => {
    asked.length = 0;
    const end = await run(['/to-loopback.html', '/to-private.html', '/to-file.html', '/to-other-site.html'], browserPage());
    expect(end.job.links.map((l) => l.error)).toEqual([
      '重定向被拒绝：不访问本机或内网地址（127.0.0.1）',
      '重定向被拒绝：不访问本机或内网地址（192.168.1.1）',
      '重定向被拒绝：不访问 file 地址：只读取 http(s) 网页',
      '重定向到未授权的网站（www.example.org），未跟随',
    ]);
    expect(asked.map((u) => new URL(u).hostname)).toEqual(Array(4).fill('www.demo.gov.cn'));
  });

  it('refuses a redirect whose target the browser never reports, rather than guess', async () => {
    asked.length = 0;
    const end = await run(['/hops/1'], browserPage({ waitMs: 50, report: false }));
    expect(end.job.links[0]!.error).toBe('网站要求重定向，但浏览器未告知重定向目标，无法核对是否为已授权的网站，未跟随');
    expect(asked).toHaveLength(1);
  });
});

describe('spacing of the requests', () => {
  it('keeps actual request starts ≥ 480 ms apart while parsing delays the timers, redirect hops included', async () => {
    arrivals.length = 0;
    started.length = 0;
    // Parsing that holds the thread longer than the interval, as a large report can in the batch
    // page: the timers of the requests waiting their turn all fire late, at once.
    const slowParse = (html: string) => {
      const until = performance.now() + 1100;
      while (performance.now() < until);
      return htmlDoc(html);
    };
    const end = await run(
      ['/report.html?1', '/report.html?2', '/hops/1', '/report.html?3'],
      { parse: slowParse },
      {
        ...DEFAULT_LIMITS,
        concurrency: 3,
        intervalMs: 500,
      },
    );
    expect(end.job.links.every((l) => l.status === 'done')).toBe(true);
    // Every request reached the server, and each was started when the fetch was called: the busy parse holds the
    // server's thread too, so its arrival times can bunch two requests that started 500 ms apart.
    expect(arrivals).toHaveLength(6);
    expect(started).toHaveLength(6);
    const gaps = started.slice(1).map((t, i) => t - started[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(480);
  });
});

describe('addresses', () => {
  it('knows loopback, private, link-local and unspecified hosts by their literal, in every spelling the URL parser accepts', () => {
    for (const h of LOCAL_HOSTS) expect(isLocalHost(new URL(`http://${h}/`).hostname), h).toBe(true);
    // A public IPv4 address mapped into IPv6 is public.
    for (const h of [...PUBLIC_HOSTS, '[::ffff:8.8.8.8]']) expect(isLocalHost(new URL(`http://${h}/`).hostname), h).toBe(false);
  });
  it('accepts http(s) only', () => {
    expect(addressProblem(new URL('https://www.gov.cn/'))).toBeNull();
    expect(addressProblem(new URL('ftp://www.gov.cn/'))).toMatch(/ftp/);
    expect(addressProblem(new URL('javascript:alert(1)'))).toMatch(/javascript/);
  });
});

describe('error messages', () => {
  it('say what happened, never a vague 网络错误 nor a stack overflow text', () => {
    const failedFetch = linkErrorText(new TypeError('Failed to fetch'));
    expect(failedFetch).toMatch(/^无法连接网站（/);
    expect(failedFetch).not.toContain('网络错误');
    expect(linkErrorText(new RangeError('Maximum call stack size exceeded'))).toBe('页面嵌套过深，无法处理');
    expect(linkErrorText(Object.assign(new Error('t'), { name: 'TimeoutError' }))).toBe('请求超时');
  });
});
