/**
 * Pairing the browser's reports of redirects (webRequest) with the hop fetches that caused them:
 * the report may come before or after fetch returns, never goes to a request not expected, and a
 * request whose report never comes is refused in words.
 */
import { describe, expect, it } from 'vitest';
import { redirectLog } from '@/lib/app/batch/redirect-log';

const live = () => new AbortController().signal;
const U = 'https://www.demo.gov.cn/a.html';

describe('redirectLog', () => {
  it('answers a report that came before the fetch returned', async () => {
    const log = redirectLog(1000);
    const hop = log.expect(U);
    log.saw(U, '/b.html');
    await expect(hop.location(live())).resolves.toBe('/b.html');
  });

  it('waits for a report that comes after the fetch returned', async () => {
    const log = redirectLog(1000);
    const hop = log.expect(U);
    const answer = hop.location(live());
    setTimeout(() => log.saw(U, 'https://www.demo.gov.cn/c.html'), 5);
    await expect(answer).resolves.toBe('https://www.demo.gov.cn/c.html');
  });

  it('says null when the redirect gave no Location (the hop logic refuses it in words)', async () => {
    const log = redirectLog(1000);
    const hop = log.expect(U);
    log.saw(U, null);
    await expect(hop.location(live())).resolves.toBeNull();
  });

  it('ignores reports of requests it was not told of, or that ended without a redirect', async () => {
    const log = redirectLog(30);
    log.saw(U, '/stale.html'); // no request expected yet
    const other = log.expect('https://www.demo.gov.cn/other.html');
    other.done(); // answered 200
    log.saw('https://www.demo.gov.cn/other.html', '/late.html');
    const hop = log.expect(U);
    await expect(hop.location(live())).rejects.toThrow('浏览器未告知重定向目标');
  });

  it('pairs two requests of one URL with two reports, in order', async () => {
    const log = redirectLog(1000);
    const first = log.expect(U);
    const second = log.expect(U);
    log.saw(U, '/1.html');
    log.saw(U, '/2.html');
    await expect(Promise.all([first.location(live()), second.location(live())])).resolves.toEqual(['/1.html', '/2.html']);
  });

  it('refuses, in words, a redirect the browser never reports', async () => {
    const log = redirectLog(20);
    await expect(log.expect(U).location(live())).rejects.toThrow('网站要求重定向，但浏览器未告知重定向目标，无法核对是否为已授权的网站，未跟随');
  });

  it('stops waiting when the run is cancelled', async () => {
    const log = redirectLog(10_000);
    const cancel = new AbortController();
    const answer = log.expect(U).location(cancel.signal);
    cancel.abort(new Error('取消'));
    await expect(answer).rejects.toThrow('取消');
  });

  it('a settled request takes no later report: the next request of the URL gets its own', async () => {
    const log = redirectLog(1000);
    const first = log.expect(U);
    log.saw(U, '/1.html');
    await first.location(live());
    const second = log.expect(U);
    log.saw(U, '/2.html');
    await expect(second.location(live())).resolves.toBe('/2.html');
  });
});
