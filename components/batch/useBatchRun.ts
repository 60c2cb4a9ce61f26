/**
 * Runs one batch job in this page and says where it stands. The page is the job's only runner: a
 * Web Lock per job keeps a second tab of the same job from fetching too; that tab follows the
 * stored job instead.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isFinished, retryFailed, setCancelled, type BatchJob } from '@/lib/app/batch/job';
import type { BatchLimits } from '@/lib/app/batch/limits';
import { abortableSleep, runJob, type RunDeps } from '@/lib/app/batch/runner';
import { hostPatterns } from '@/lib/app/sites';
import { ask } from '@/messaging/ask';
import { loadJob, saveJob, watchJobs } from '@/messaging/jobs';

export type Phase =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'running' }
  /** Cancelled or interrupted, with links still pending. */
  | { kind: 'stopped' }
  | { kind: 'finished' }
  /** Hosts the extension may not fetch yet: the user must allow them (a click, for the browser's prompt). */
  | { kind: 'needs-access'; hosts: string[] }
  /** Another tab runs this job. */
  | { kind: 'busy' }
  | { kind: 'error'; message: string };

export interface BatchRun {
  job?: BatchJob;
  phase: Phase;
  /** URLs being fetched now. */
  active: readonly string[];
  start(): void;
  cancel(): void;
  retry(): void;
  /** Asks the browser for the hosts; call it straight from a click. */
  allow(): void;
}

async function missingHosts(urls: string[]): Promise<string[]> {
  const hosts = hostPatterns(urls);
  const granted = await Promise.all(hosts.map((origin) => browser.permissions.contains({ origins: [origin] })));
  return hosts.filter((_, i) => !granted[i]);
}

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** Stores an audit exactly as a page audited by hand is stored, cross-year checks included. */
async function save(report: Parameters<RunDeps['save']>[0]) {
  const { state } = await ask({ type: 'audit:save', report });
  return { reportId: state.reportId, agency: state.agency, year: state.year };
}

export function useBatchRun(jobId: string, limits: BatchLimits): BatchRun {
  const [job, setJob] = useState<BatchJob>();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [active, setActive] = useState<readonly string[]>([]);
  const jobRef = useRef<BatchJob | undefined>(undefined);
  const run = useRef<AbortController | undefined>(undefined);
  const show = (j: BatchJob) => {
    jobRef.current = j;
    setJob(j);
  };

  const start = () => {
    const current = jobRef.current;
    if (!current || run.current) return;
    const controller = new AbortController();
    run.current = controller;
    setPhase({ kind: 'running' });
    // Held while the run lasts and released when the tab closes: one runner per job, across tabs.
    void navigator.locks
      .request(`batch-job:${jobId}`, { ifAvailable: true }, async (lock) => {
        if (!lock) return setPhase({ kind: 'busy' });
        let j = setCancelled(current, false, Date.now());
        await saveJob(j);
        show(j);
        const { settings } = await ask({ type: 'settings:get' });
        const deps: RunDeps = {
          fetch: (input, init) => fetch(input, init),
          parse,
          disabledRules: settings.disabledRules,
          save,
          persist: saveJob,
          onChange: (next, now) => {
            show(next);
            setActive(now);
          },
          missingHosts,
          now: Date.now,
          sleep: abortableSleep,
        };
        const end = await runJob(j, deps, limits, controller.signal);
        j = end.job;
        // Saved after the runner's last write, so Cancel is what a reopened page finds.
        if (controller.signal.aborted) {
          j = setCancelled(j, true, Date.now());
          await saveJob(j);
        }
        show(j);
        setActive([]);
        setPhase(end.kind === 'needs-access' ? { kind: 'needs-access', hosts: end.hosts } : { kind: end.kind });
      })
      .catch((e: Error) => setPhase({ kind: 'error', message: `批量审核出错：${e.message}` }))
      .finally(() => {
        run.current = undefined;
      });
  };

  useEffect(() => {
    let live = true;
    void loadJob(jobId).then(
      (j) => {
        if (!live) return;
        if (!j) return setPhase({ kind: 'missing' });
        show(j);
        // A job the user cancelled waits for Resume; one interrupted by a closed tab or a restart goes on.
        if (j.cancelled) setPhase({ kind: 'stopped' });
        else if (isFinished(j)) setPhase({ kind: 'finished' });
        else start();
      },
      (e: Error) => live && setPhase({ kind: 'error', message: `无法读取批量审核任务：${e.message}` }),
    );
    // While another tab runs the job (or this one does not), show what it stores.
    const unwatch = watchJobs(() => {
      if (!run.current) void loadJob(jobId).then((j) => live && j && show(j));
    });
    return () => {
      live = false;
      unwatch();
      run.current?.abort();
    };
  }, [jobId]);

  return {
    job,
    phase,
    active,
    start,
    cancel: () => run.current?.abort(),
    retry: () => {
      if (!jobRef.current || run.current) return;
      show(retryFailed(jobRef.current, Date.now()));
      start();
    },
    allow: () => {
      if (phase.kind !== 'needs-access') return;
      // First thing in the click: the browser shows its prompt only while handling the user's gesture.
      browser.permissions.request({ origins: phase.hosts }).then(
        (granted) => (granted ? start() : setPhase({ kind: 'error', message: '浏览器未授予访问这些网站的权限，无法读取报告。' })),
        (e: Error) => setPhase({ kind: 'error', message: `无法申请权限：${e.message}` }),
      );
    },
  };
}
