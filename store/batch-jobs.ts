/**
 * Batch jobs: one versioned storage item per job, read and written by the background only (the
 * batch page sends job:save after every link). They are this browser's working state, like the
 * settings: never exported, imported or merged. Storage survives a browser restart.
 */
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { browser } from 'wxt/browser';
import { BatchJob, isFinished } from '@/lib/app/batch/job';

const PREFIX = 'batch:';
/** Finished jobs kept for their results pages; older ones are dropped when a new job starts. */
const KEEP_FINISHED = 20;

/**
 * Version 1 is a job as the pages stored it before jobs had versions, unchecked; version 2 is
 * checked on every write by its one writer. A v1 job that does not pass reads as missing (a
 * migration's null keeps the stored value, so reads check again).
 */
export function batchJobV2(v1: unknown): BatchJob | null {
  const parsed = BatchJob.safeParse(v1);
  return parsed.success ? parsed.data : null;
}

const items = new Map<string, WxtStorageItem<BatchJob | null, Record<string, unknown>>>();

/** Items are per job; each is defined once per worker, which runs its migration on first use. */
function jobItem(id: string) {
  let item = items.get(id);
  if (!item) items.set(id, (item = storage.defineItem<BatchJob | null>(`local:${PREFIX}${id}`, { version: 2, fallback: null, migrations: { 2: batchJobV2 } })));
  return item;
}

/** A damaged job reads as missing rather than breaking the page. */
export async function loadJob(id: string): Promise<BatchJob | undefined> {
  return batchJobV2(await jobItem(id).getValue()) ?? undefined;
}

export async function saveJob(job: BatchJob): Promise<void> {
  await jobItem(job.id).setValue(BatchJob.parse(job));
}

export async function deleteJob(id: string): Promise<void> {
  await jobItem(id).removeValue({ removeMeta: true });
}

/** Every stored job, most recently changed first. */
export async function listJobs(): Promise<BatchJob[]> {
  // Keys are listed from storage (jobs of earlier runs have no item yet); `$` keys hold each job's version.
  const ids = Object.keys(await browser.storage.local.get(null)).flatMap((k) => (k.startsWith(PREFIX) && !k.endsWith('$') ? [k.slice(PREFIX.length)] : []));
  const jobs = await Promise.all(ids.map(loadJob));
  return jobs.flatMap((j) => j ?? []).sort((a, b) => b.updatedAt - a.updatedAt);
}

/** An unfinished job of the same list: a second click on the list page continues it instead of starting over. */
export async function openJobFor(listUrl: string): Promise<BatchJob | undefined> {
  return (await listJobs()).find((j) => j.listUrl === listUrl && !isFinished(j));
}

export async function pruneFinishedJobs(keep = KEEP_FINISHED): Promise<void> {
  const old = (await listJobs()).filter(isFinished).slice(keep);
  await Promise.all(old.map((j) => deleteJob(j.id)));
}
