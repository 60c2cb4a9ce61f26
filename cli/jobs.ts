/**
 * What the pool and its worker threads say to each other. A thread is sent several files at once
 * (it never waits on the main thread between files), audits them one after another and answers
 * each as soon as it is done, so that a thread that dies is known to have died on the first file
 * it has not answered.
 */
import { parentPort } from 'node:worker_threads';
import type { AuditedLine } from './entry';

export interface Job {
  id: number;
  path: string;
}
/** The main thread's message: files to audit in this order. */
export interface Jobs {
  jobs: Job[];
}
/** A thread's answer for one file: plain data, the entry already serialised. */
export interface Done {
  id: number;
  audited: AuditedLine;
}

/** Runs in a worker thread: audits every file it is sent with `audit`, in order, one at a time. */
export function serveJobs(audit: (path: string) => Promise<AuditedLine>): void {
  const port = parentPort!;
  const queue: Job[] = [];
  let running = false;
  const drain = async () => {
    running = true;
    for (let job = queue.shift(); job; job = queue.shift()) port.postMessage({ id: job.id, audited: await audit(job.path) } satisfies Done);
    running = false;
  };
  port.on('message', ({ jobs }: Jobs) => {
    queue.push(...jobs);
    if (!running) void drain();
  });
}
