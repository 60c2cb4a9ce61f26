import { describe, expect, it } from 'vitest';
import {
  addListPage,
  BatchJob,
  createJob,
  isFinished,
  markDone,
  markFailed,
  pendingLinks,
  progressOf,
  retryFailed,
  setCancelled,
  stopPagination,
} from '@/lib/app/batch/job';
import { DEFAULT_LIMITS, limitsFromQuery } from '@/lib/app/batch/limits';
import { hostPatterns } from '@/lib/app/sites';

const base = 'https://www.demo.gov.cn/portal/';
const link = (n: number) => ({ url: `${base}r${n}.html`, title: `示范市第${n}局2023年政府信息公开工作年度报告` });
const result = (n: number) => ({ reportId: `${base}r${n}.html`, agency: `示范市第${n}局`, year: 2023, attachment: false });

const job = () =>
  createJob({ id: 'j1', listUrl: `${base}list.html`, listTitle: '年报', links: [link(1), link(2), link(2), link(3)], next: `${base}list_1.html`, now: 1 });

describe('batch job', () => {
  it('starts with each link once, pending, and the list page read', () => {
    const j = job();
    expect(j.links.map((l) => [l.url, l.status])).toEqual([1, 2, 3].map((n) => [link(n).url, 'pending']));
    expect(j.listPagesRead).toEqual([`${base}list.html`]);
    expect(j.nextListPage).toBe(`${base}list_1.html`);
    expect(BatchJob.parse(j)).toEqual(j);
  });

  it('drops links an extension page cannot fetch', () => {
    const j = createJob({
      id: 'j',
      listUrl: `${base}list.html`,
      listTitle: '',
      links: [{ url: 'file:///x.html', title: 'x' }, link(1)],
      next: 'javascript:void(0)',
      now: 1,
    });
    expect(j.links.map((l) => l.url)).toEqual([link(1).url]);
    expect(j.nextListPage).toBeNull();
  });

  it('follows pagination without loops and at most maxPages pages', () => {
    let j = addListPage(job(), `${base}list_1.html`, [link(3), link(4)], `${base}list.html`, 20, 2);
    expect(j.links).toHaveLength(4);
    expect(j.nextListPage).toBeNull(); // back to the first page: a loop
    j = addListPage(job(), `${base}list_1.html`, [link(4)], `${base}list_2.html`, 2, 2);
    expect(j.nextListPage).toBeNull(); // two pages read: the bound
    j = addListPage(job(), `${base}list_1.html`, [link(4)], `${base}list_2.html`, 20, 2);
    expect(j.nextListPage).toBe(`${base}list_2.html`);
    expect(stopPagination(j, '404', 3)).toMatchObject({ nextListPage: null, listError: '404' });
  });

  it('moves links from pending to done or failed, and counts them', () => {
    let j = job();
    j = markDone(j, link(1).url, result(1), 5);
    j = markFailed(j, link(2).url, '服务器返回 HTTP 500', 6);
    expect(j.links[0]).toMatchObject({ status: 'done', result: result(1) });
    expect(j.links[1]).toMatchObject({ status: 'failed', error: '服务器返回 HTTP 500' });
    expect(j.updatedAt).toBe(6);
    expect(progressOf(j)).toEqual({ total: 3, done: 1, failed: 1, pending: 1, reports: 1 });
    expect(BatchJob.parse(j)).toEqual(j);
  });

  it('counts every report of a compilation link, and keeps its further parts through a stored round trip', () => {
    const part = (n: number) => ({ reportId: `${base}r1.html#part=${n}`, agency: `示范市第${n}局`, year: 2023 });
    const compilation = { ...part(1), more: [part(2), part(3)], attachment: false };
    const j = markDone(markDone(job(), link(1).url, compilation, 5), link(2).url, result(2), 6);
    expect(progressOf(j)).toEqual({ total: 3, done: 2, failed: 0, pending: 1, reports: 4 });
    expect(BatchJob.parse(j).links[0]!.result).toEqual(compilation);
  });

  it('resumes with the pending links only; Retry puts failed ones back', () => {
    let j = markFailed(markDone(job(), link(1).url, result(1), 5), link(2).url, 'x', 6);
    expect(pendingLinks(j).map((l) => l.url)).toEqual([link(3).url]);
    j = retryFailed(j, 7);
    expect(pendingLinks(j).map((l) => l.url)).toEqual([link(2).url, link(3).url]);
    expect(j.links[1]).not.toHaveProperty('error');
    expect(j.links[0]).toMatchObject({ status: 'done', result: result(1) });
  });

  it('is finished when pagination is done and nothing is pending, failures included', () => {
    let j = job();
    expect(isFinished(j)).toBe(false);
    j = stopPagination(j, 'x', 2);
    j = markDone(markDone(j, link(1).url, result(1), 3), link(2).url, result(2), 3);
    expect(isFinished(j)).toBe(false);
    j = markFailed(j, link(3).url, 'x', 4);
    expect(isFinished(j)).toBe(true);
    expect(setCancelled(j, true, 5).cancelled).toBe(true);
  });
});

describe('batch limits', () => {
  it('defaults to 3 at once, 500 ms apart, 20 list pages', () => {
    expect(limitsFromQuery(new URLSearchParams('job=x'))).toEqual(DEFAULT_LIMITS);
    expect(DEFAULT_LIMITS).toMatchObject({ concurrency: 3, intervalMs: 500, maxListPages: 20 });
  });
  it('takes overrides from the query, clamped', () => {
    expect(limitsFromQuery(new URLSearchParams('concurrency=2&interval=50&pages=3'))).toMatchObject({ concurrency: 2, intervalMs: 50, maxListPages: 3 });
    expect(limitsFromQuery(new URLSearchParams('concurrency=99&interval=-5&pages=abc'))).toMatchObject({ concurrency: 6, intervalMs: 0, maxListPages: 20 });
  });
});

describe('hostPatterns', () => {
  it('gives each http(s) host once, ports and schemes aside', () => {
    expect(hostPatterns(['http://www.demo.gov.cn:8080/a', 'https://www.demo.gov.cn/b', 'https://x.org/c', 'file:///d', 'nonsense'])).toEqual([
      '*://www.demo.gov.cn/*',
      '*://x.org/*',
    ]);
  });
});
