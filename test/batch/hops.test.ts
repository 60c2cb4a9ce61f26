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
import { FOLLOW_FAILED } from '@/lib/app/batch/audit-link';
import { LOCAL_HOST_REGEXES, localBlockRules } from '@/lib/app/batch/local-block';
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

/** What the browser's host-resolver rules do in the browser tests: every name reaches this server. The URL asked for is logged. */
const asked: string[] = [];
const resolving: typeof fetch = (input, init) => {
  const url = new URL(String(input));
  asked.push(url.href);
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
 * A browser's fetch with redirect: 'follow' and the background's rule installed: it follows up to
 * 20 redirects itself, fails with "Failed to fetch" past that or when the rule blocks a hop to a
 * local address, and says where it ended (response.url, redirected).
 */
const blockedHops: string[] = [];
const browserFetch: typeof fetch = async (input, init) => {
  expect(init?.redirect).toBe('follow');
  let url = String(input);
  for (let hop = 0; hop <= 20; hop++) {
    if (LOCAL_HOST_REGEXES.some((r) => new RegExp(r, 'i').test(url))) {
      blockedHops.push(url);
      throw new TypeError('Failed to fetch'); // net::ERR_BLOCKED_BY_CLIENT
    }
    if (!/^https?:/.test(url)) throw new TypeError('Failed to fetch');
    const res = await resolving(url, { ...init, redirect: 'manual' });
    const location = res.headers.get('location');
    if (!location) return Object.defineProperties(res, { url: { value: url }, redirected: { value: hop > 0 } });
    url = new URL(location, url).href;
  }
  throw new TypeError('Failed to fetch');
};

describe('redirects followed by the browser (the extension’s batch page)', () => {
  const follow = (paths: string[], over: Partial<RunDeps> = {}) => run(paths, { fetch: browserFetch, followRedirects: true, ...over });

  it('reads a page the portal redirects to on the granted site (http→https, canonical paths)', async () => {
    const end = await follow([`/hops/${MAX_HOPS - 1}`, '/report.html']);
    expect(end.job.links.map((l) => l.status)).toEqual(['done', 'done']);
  });

  it('refuses a redirect loop with a message saying so', async () => {
    const end = await follow(['/loop.html']);
    expect(end.job.links[0]).toMatchObject({ status: 'failed', error: FOLLOW_FAILED });
    expect(FOLLOW_FAILED).toMatch(/重定向次数过多或无法连接/);
  });

  it('never requests a local address a redirect names (the rule blocks it), nor uses a body that ended on one or off the granted sites', async () => {
    blockedHops.length = 0;
    arrivals.length = 0;
    const end = await follow(['/to-loopback.html', '/to-private.html', '/to-other-site.html', '/to-file.html']);
    expect(end.job.links.map((l) => l.error)).toEqual([FOLLOW_FAILED, FOLLOW_FAILED, '重定向到未授权的网站（www.example.org），未读取', FOLLOW_FAILED]);
    expect(blockedHops).toEqual([`http://127.0.0.1:${port}/report.html`, `http://192.168.1.1:${port}/report.html`]);
    expect(arrivals.filter((a) => a.path === '/report.html')).toHaveLength(1); // only example.org's, whose body is refused
    // Without the rule (a browser without declarativeNetRequest), the final URL is still refused.
    const unguarded: typeof fetch = async (input, init) => {
      const res = await resolving(input, { ...init, redirect: 'manual' });
      return Object.defineProperties(new Response('<p>secret</p>'), {
        url: { value: new URL(res.headers.get('location')!, String(input)).href },
        redirected: { value: true },
      });
    };
    const refused = await follow(['/to-loopback.html'], { fetch: unguarded });
    expect(refused.job.links[0]!.error).toBe('重定向被拒绝：不访问本机或内网地址（127.0.0.1）');
  });
});

describe('the declarativeNetRequest rule', () => {
  const blocks = (url: string) => LOCAL_HOST_REGEXES.some((r) => new RegExp(r, 'i').test(new URL(url).href));
  it('blocks every host address.ts calls local, in the URL as the browser writes it', () => {
    for (const h of LOCAL_HOSTS) {
      expect(isLocalHost(new URL(`http://${h}/`).hostname), h).toBe(true);
      for (const url of [`http://${h}/`, `https://user:pw@${h}:8080/a?b#c`, `http://${h}`]) expect(blocks(url), url).toBe(true);
    }
  });
  it('lets public hosts through, even when a local address is in the path or query', () => {
    for (const h of PUBLIC_HOSTS) expect(blocks(`http://${h}/`), h).toBe(false);
    expect(blocks('https://www.gov.cn/r?next=http://127.0.0.1/')).toBe(false);
    expect(blocks('https://www.gov.cn/127.0.0.1/')).toBe(false);
  });
  it('applies to the extension’s own requests only', () => {
    expect(localBlockRules('abc')).toEqual(
      LOCAL_HOST_REGEXES.map((regexFilter, i) =>
        expect.objectContaining({ id: i + 1, action: { type: 'block' }, condition: { initiatorDomains: ['abc'], regexFilter } }),
      ),
    );
  });
});

describe('spacing measured at the server', () => {
  it('keeps actual request starts ≥ 480 ms apart while parsing delays the timers, redirect hops included', async () => {
    arrivals.length = 0;
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
    expect(arrivals).toHaveLength(6);
    const gaps = arrivals.slice(1).map((a, i) => a.at - arrivals[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(480);
  }, 20_000);
});

describe('addresses', () => {
  it('knows loopback, private, link-local and unspecified hosts by their literal, in every spelling the URL parser accepts', () => {
    for (const h of LOCAL_HOSTS) expect(isLocalHost(new URL(`http://${h}/`).hostname), h).toBe(true);
    // A public IPv4 address mapped into IPv6 is public here; the browser rule blocks every mapped address, to be safe.
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
