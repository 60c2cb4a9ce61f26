/**
 * Runs one batch job in this page and says where it stands (lib/app/batch/run-state). The page is
 * the job's only runner: a Web Lock per job keeps a second tab of the same job from fetching too;
 * that tab follows the stored job instead.
 */
import { useEffect, useReducer, useRef } from 'preact/hooks';
import { retryFailed, setCancelled, type BatchJob } from '@/lib/app/batch/job';
import type { BatchLimits } from '@/lib/app/batch/limits';
import { INITIAL, resumesByItself, runReducer, type Phase } from '@/lib/app/batch/run-state';
import { abortableSleep, runJob } from '@/lib/app/batch/runner';
import { pageFileReaders } from '../file-readers';
import { disabledRules, loadJob, missingHosts, requestHosts, saveAudit, saveJob, watchJobs, watchRedirects } from './batch-link';

export type { Phase } from '@/lib/app/batch/run-state';

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

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

export function useBatchRun(jobId: string, limits: BatchLimits): BatchRun {
  const [state, dispatch] = useReducer(runReducer, INITIAL);
  // The latest job for start(), which runs outside render.
  const jobRef = useRef<BatchJob | undefined>(undefined);
  jobRef.current = state.job;
  const run = useRef<AbortController | undefined>(undefined);

  const start = (from = jobRef.current) => {
    if (!from || run.current) return;
    const controller = new AbortController();
    run.current = controller;
    dispatch({ type: 'start' });
    // Held while the run lasts and released when the tab closes: one runner per job, across tabs.
    void navigator.locks
      .request(`batch-job:${jobId}`, { ifAvailable: true }, async (lock) => {
        if (!lock) return dispatch({ type: 'busy' });
        const job = setCancelled(from, false, Date.now());
        await saveJob(job);
        dispatch({ type: 'progress', job });
        const deps = {
          fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
          parse,
          disabledRules: await disabledRules(),
          save: saveAudit,
          persist: saveJob,
          onChange: (next: BatchJob, active: readonly string[]) => dispatch({ type: 'progress', job: next, active }),
          missingHosts,
          now: Date.now,
          sleep: abortableSleep,
          // PDF/Word reports are read here: pdf.js loads (dynamically) in this page, never in a content script.
          files: pageFileReaders(parse),
          // Redirects are followed hop by hop; the browser hides each hop's Location from fetch, its webRequest report does not.
          hidden: await watchRedirects(),
        };
        const end = await runJob(job, deps, limits, controller.signal).finally(() => deps.hidden?.stop());
        // Saved after the runner's last write, so Cancel is what a reopened page finds.
        const cancelled = controller.signal.aborted ? setCancelled(end.job, true, Date.now()) : undefined;
        if (cancelled) await saveJob(cancelled);
        dispatch({ type: 'ended', end: cancelled ? { ...end, job: cancelled } : end });
      })
      .catch((e: Error) => dispatch({ type: 'failed', message: e.message }))
      .finally(() => {
        run.current = undefined;
      });
  };

  useEffect(() => {
    let live = true;
    void loadJob(jobId).then(
      (job) => {
        if (!live) return;
        dispatch({ type: 'loaded', job });
        if (job && resumesByItself(job)) start(job);
      },
      (e: Error) => live && dispatch({ type: 'load-failed', message: e.message }),
    );
    // While another tab runs the job (or this one does not), show what it stores.
    const unwatch = watchJobs(() => {
      if (!run.current) void loadJob(jobId).then((job) => live && job && dispatch({ type: 'stored', job }));
    });
    return () => {
      live = false;
      unwatch();
      run.current?.abort();
    };
  }, [jobId]);

  return {
    ...state,
    start: () => start(),
    cancel: () => run.current?.abort(),
    retry: () => {
      const job = jobRef.current;
      if (!job || run.current) return;
      const retried = retryFailed(job, Date.now());
      dispatch({ type: 'progress', job: retried });
      start(retried);
    },
    allow: () => {
      if (state.phase.kind !== 'needs-access') return;
      // First thing in the click: the browser shows its prompt only while handling the user's gesture.
      requestHosts(state.phase.hosts).then(
        (granted) => (granted ? start() : dispatch({ type: 'denied' })),
        (e: Error) => dispatch({ type: 'permission-failed', message: e.message }),
      );
    },
  };
}
