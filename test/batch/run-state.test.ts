import { describe, expect, it } from 'vitest';
import { createJob, markDone, markFailed, setCancelled, type BatchJob } from '@/lib/app/batch/job';
import { INITIAL, resumesByItself, runReducer, type RunEvent, type RunState } from '@/lib/app/batch/run-state';

const base = 'https://www.demo.gov.cn/portal/';
const link = (n: number) => ({ url: `${base}r${n}.html`, title: `示范市第${n}局2023年政府信息公开工作年度报告` });
const fresh = createJob({ id: 'j', listUrl: `${base}list.html`, listTitle: '列表', links: [link(1), link(2)], next: null, now: 0 });
const result = (n: number) => ({ reportId: `${base}r${n}.html`, agency: `示范市第${n}局`, year: 2023, attachment: false });
const finished = markFailed(markDone(fresh, link(1).url, result(1), 1), link(2).url, '服务器返回 HTTP 404', 2);

const reduce = (events: RunEvent[], from: RunState = INITIAL) => events.reduce(runReducer, from);

describe('the batch page’s run state', () => {
  it('opens on a stored job: missing, waiting for Resume, finished, or going on by itself', () => {
    expect(reduce([{ type: 'loaded', job: undefined }]).phase).toEqual({ kind: 'missing' });
    expect(reduce([{ type: 'loaded', job: setCancelled(fresh, true, 1) }]).phase).toEqual({ kind: 'stopped' });
    expect(reduce([{ type: 'loaded', job: finished }]).phase).toEqual({ kind: 'finished' });
    expect(reduce([{ type: 'loaded', job: fresh }])).toEqual({ job: fresh, phase: { kind: 'running' }, active: [] });
    expect([fresh, setCancelled(fresh, true, 1), finished].map(resumesByItself)).toEqual([true, false, false]);
    expect(reduce([{ type: 'load-failed', message: 'quota' }]).phase).toEqual({ kind: 'error', message: '无法读取批量审核任务：quota' });
  });

  it('shows progress and the URLs in flight, then how the run ended', () => {
    const one = markDone(fresh, link(1).url, result(1), 1);
    const running = reduce([
      { type: 'loaded', job: fresh },
      { type: 'start' },
      { type: 'progress', job: fresh, active: [link(1).url] },
      { type: 'progress', job: one },
    ]);
    expect(running).toEqual({ job: one, phase: { kind: 'running' }, active: [link(1).url] });
    expect(runReducer(running, { type: 'ended', end: { kind: 'finished', job: finished } })).toEqual({
      job: finished,
      phase: { kind: 'finished' },
      active: [],
    });
    expect(runReducer(running, { type: 'ended', end: { kind: 'stopped', job: one } }).phase).toEqual({ kind: 'stopped' });
    expect(runReducer(running, { type: 'ended', end: { kind: 'needs-access', job: one, hosts: ['*://a.org/*'] } }).phase).toEqual({
      kind: 'needs-access',
      hosts: ['*://a.org/*'],
    });
    expect(runReducer(running, { type: 'failed', message: 'x' })).toMatchObject({ phase: { kind: 'error', message: '批量审核出错：x' }, active: [] });
  });

  it('follows another tab’s saves only while not running the job itself', () => {
    const elsewhere: BatchJob = markDone(fresh, link(2).url, result(2), 5);
    const running = reduce([{ type: 'loaded', job: fresh }, { type: 'start' }]);
    expect(runReducer(running, { type: 'stored', job: elsewhere }).job).toBe(fresh);
    const busy = runReducer(running, { type: 'busy' });
    expect(busy.phase).toEqual({ kind: 'busy' });
    expect(runReducer(busy, { type: 'stored', job: elsewhere }).job).toBe(elsewhere);
  });

  it('says when the browser refused the hosts, or could not ask', () => {
    const access = reduce([
      { type: 'loaded', job: fresh },
      { type: 'ended', end: { kind: 'needs-access', job: fresh, hosts: ['*://a.org/*'] } },
    ]);
    expect(runReducer(access, { type: 'denied' }).phase).toEqual({ kind: 'error', message: '浏览器未授予访问这些网站的权限，无法读取报告。' });
    expect(runReducer(access, { type: 'permission-failed', message: 'no gesture' }).phase).toEqual({ kind: 'error', message: '无法申请权限：no gesture' });
    expect(runReducer(access, { type: 'start' }).phase).toEqual({ kind: 'running' });
  });
});
