/**
 * Where the batch page's run of one job stands, as a pure reducer: the page's hook feeds it what
 * happened (the job loaded, the run started, progressed, ended, failed) and renders the state.
 */
import { isFinished, type BatchJob } from './job';
import type { RunEnd } from './runner';
import { t } from '../i18n';

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

export interface RunState {
  job?: BatchJob;
  phase: Phase;
  /** URLs being fetched now. */
  active: readonly string[];
}

export type RunEvent =
  /** The stored job was read when the page opened (undefined: not found). */
  | { type: 'loaded'; job: BatchJob | undefined }
  | { type: 'load-failed'; message: string }
  /** Another tab saved the job; shown only while this page is not running it. */
  | { type: 'stored'; job: BatchJob }
  /** Start or Resume: the run is about to take the job's lock. */
  | { type: 'start' }
  /** Another tab holds the job's lock. */
  | { type: 'busy' }
  /** The runner (or the page) saved a new state of the job. */
  | { type: 'progress'; job: BatchJob; active?: readonly string[] }
  | { type: 'ended'; end: RunEnd }
  | { type: 'failed'; message: string }
  /** The browser's permission prompt could not be shown. */
  | { type: 'permission-failed'; message: string }
  /** The browser refused the hosts the run needs. */
  | { type: 'denied' };

export const INITIAL: RunState = { phase: { kind: 'loading' }, active: [] };

/** A job reopened after a closed tab or a restart goes on by itself; one the user cancelled waits for Resume. */
export function resumesByItself(job: BatchJob): boolean {
  return !job.cancelled && !isFinished(job);
}

export function runReducer(state: RunState, event: RunEvent): RunState {
  switch (event.type) {
    case 'loaded': {
      const { job } = event;
      if (!job) return { ...state, phase: { kind: 'missing' } };
      const phase: Phase = job.cancelled ? { kind: 'stopped' } : isFinished(job) ? { kind: 'finished' } : { kind: 'running' };
      return { ...state, job, phase };
    }
    case 'load-failed':
      return { ...state, phase: { kind: 'error', message: `${t('common_jobsUnreadable')}：${event.message}` } };
    case 'stored':
      return state.phase.kind === 'running' ? state : { ...state, job: event.job };
    case 'start':
      return { ...state, phase: { kind: 'running' } };
    case 'busy':
      return { ...state, phase: { kind: 'busy' } };
    case 'progress':
      return { ...state, job: event.job, active: event.active ?? state.active };
    case 'ended': {
      const { end } = event;
      return { job: end.job, active: [], phase: end.kind === 'needs-access' ? { kind: 'needs-access', hosts: end.hosts } : { kind: end.kind } };
    }
    case 'failed':
      return { ...state, active: [], phase: { kind: 'error', message: t('batch_error', { error: event.message }) } };
    case 'permission-failed':
      return { ...state, phase: { kind: 'error', message: t('batch_permissionError', { error: event.message }) } };
    case 'denied':
      return { ...state, phase: { kind: 'error', message: t('batch_permissionDenied') } };
  }
}
