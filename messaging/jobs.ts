/**
 * Batch jobs as the extension pages see them: read and written through the background, which owns
 * their storage (store/batch-jobs.ts). Same names as the store's functions, so callers read alike.
 */
import type { BatchJob } from '@/lib/app/batch/job';
import { ask } from './ask';
import { onPageMessage } from './broadcasts';

export async function loadJob(jobId: string): Promise<BatchJob | undefined> {
  return (await ask({ type: 'job:get', jobId })).job ?? undefined;
}

export async function saveJob(job: BatchJob): Promise<void> {
  await ask({ type: 'job:save', job });
}

export async function deleteJob(jobId: string): Promise<void> {
  await ask({ type: 'job:delete', jobId });
}

/** Every stored job, most recently changed first. */
export async function listJobs(): Promise<BatchJob[]> {
  return (await ask({ type: 'jobs:list' })).jobs;
}

/** Calls back whenever the background saves or deletes a job (for any page); returns the unsubscribe. */
export function watchJobs(onChange: () => void): () => void {
  return onPageMessage((m) => m.type === 'jobs:changed', onChange);
}
