import '../helpers/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createJob, isFinished, markDone } from '@/lib/app/batch/job';
import { deleteJob, listJobs, loadJob, pruneFinishedJobs, saveJob } from '@/store/batch-jobs';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

beforeEach(() => fakeBrowser.reset());

const job = (id: string, now: number) =>
  createJob({
    id,
    listUrl: `https://www.demo.gov.cn/${id}/list.html`,
    listTitle: '年报',
    links: [{ url: `https://www.demo.gov.cn/${id}/r.html`, title: 'r' }],
    next: null,
    now,
  });

describe('batch jobs in storage', () => {
  it('reads a job stored before jobs had versions, and marks it version 2', async () => {
    const old = job('old', 1000);
    await fakeBrowser.storage.local.set({ 'batch:old': old });
    expect(await loadJob('old')).toEqual(old);
    expect((await fakeBrowser.storage.local.get('batch:old$'))['batch:old$']).toEqual({ v: 2 });
  });

  it('reads a damaged job as missing, and lists only the readable ones, newest first', async () => {
    await fakeBrowser.storage.local.set({ 'batch:bad': { id: 'bad', links: 'x' } });
    expect(await loadJob('bad')).toBeUndefined();
    await saveJob(job('a', 1000));
    await saveJob(job('b', 2000));
    expect((await listJobs()).map((j) => j.id)).toEqual(['b', 'a']);
  });

  it('refuses to store a job that does not pass its schema', async () => {
    await expect(saveJob({ ...job('c', 1), listUrl: 'file:///x' })).rejects.toThrow();
    expect(await loadJob('c')).toBeUndefined();
  });

  it('deletes a job with its version, and prunes the oldest finished jobs', async () => {
    await saveJob(job('d', 1));
    await deleteJob('d');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    for (let i = 0; i < 3; i++) {
      const j = job(`f${i}`, i);
      await saveJob(markDone(j, j.links[0]!.url, { reportId: 'r', agency: '', year: null, attachment: false }, 10 + i));
    }
    await saveJob(job('open', 5));
    await pruneFinishedJobs(1);
    const left = await listJobs();
    expect(left.map((j) => [j.id, isFinished(j)])).toEqual([
      ['f2', true],
      ['open', false],
    ]);
  });
});
