/**
 * Batch jobs live in browser.storage.local, one key per job, not in the audit database. They are
 * this browser's working state, like the settings: never exported, imported or merged. The batch
 * page saves its job after every link, and a message round-trip to the background plus a schema
 * version for that would buy nothing; the audits themselves still go through the background
 * (audit:save), which stays the only writer of the database. Storage survives a browser restart,
 * and storage.onChanged tells the records page when a job moves.
 */
import { browser } from 'wxt/browser';
import { BatchJob, isFinished } from '@/lib/app/batch/job';

const PREFIX = 'batch:';
/** Finished jobs kept for their results pages; older ones are dropped when a new job starts. */
const KEEP_FINISHED = 20;

/** A damaged or older-shaped job reads as missing rather than breaking the page. */
function read(value: unknown): BatchJob | undefined {
  const parsed = BatchJob.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export async function loadJob(id: string): Promise<BatchJob | undefined> {
  return read((await browser.storage.local.get(PREFIX + id))[PREFIX + id]);
}

export async function saveJob(job: BatchJob): Promise<void> {
  await browser.storage.local.set({ [PREFIX + job.id]: job });
}

export async function deleteJob(id: string): Promise<void> {
  await browser.storage.local.remove(PREFIX + id);
}

/** Every stored job, most recently changed first. */
export async function listJobs(): Promise<BatchJob[]> {
  const all = await browser.storage.local.get(null);
  return Object.entries(all)
    .flatMap(([key, value]) => (key.startsWith(PREFIX) ? (read(value) ?? []) : []))
    .sort((a, b) => b.updatedAt - a.updatedAt);
}

/** An unfinished job of the same list: a second click on the list page continues it instead of starting over. */
export async function openJobFor(listUrl: string): Promise<BatchJob | undefined> {
  return (await listJobs()).find((j) => j.listUrl === listUrl && !isFinished(j));
}

export async function pruneFinishedJobs(keep = KEEP_FINISHED): Promise<void> {
  const old = (await listJobs()).filter(isFinished).slice(keep);
  if (old.length) await browser.storage.local.remove(old.map((j) => PREFIX + j.id));
}

/** Calls back whenever any context saves or deletes a job; returns the unsubscribe. */
export function watchJobs(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.keys(changes).some((k) => k.startsWith(PREFIX))) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
