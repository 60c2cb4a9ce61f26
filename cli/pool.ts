/**
 * Worker threads that audit files across the machine's cores. One file at a time per thread, so a
 * file that crashes its thread (memory, a native error) is that file's error entry, and the thread
 * is replaced.
 */
import { Worker } from 'node:worker_threads';
import { auditFile } from './audit-input';
import { failed, type Audited } from './entry';
import type { Done, Job } from './worker';

export interface FilePool {
  audit(path: string): Promise<Audited>;
  close(): Promise<void>;
}

/**
 * Each thread's heap is kept small so that garbage is collected early (an unbounded heap grows to
 * hundreds of MB over a thousand files); a file that needs more is audited again in this thread.
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 };

const WORKER = new URL('./worker.ts', import.meta.url);
/** The worker is TypeScript: its thread needs the loader the CLI runs under (tsx), whoever started the pool. */
const EXEC_ARGV = process.execArgv.some((a) => a.includes('tsx')) ? process.execArgv : [...process.execArgv, '--import', 'tsx'];

/**
 * `size` threads; 0 audits in this thread (a handful of files does not pay for starting threads).
 * `script` is the worker module (tests give one that crashes on purpose).
 */
export function filePool(size: number, script: URL = WORKER): FilePool {
  if (size < 1) return { audit: auditFile, close: async () => undefined };
  interface Pending extends Job {
    resolve(a: Audited | Promise<Audited>): void;
  }
  const queue: Pending[] = [];
  const busy = new Map<Worker, Pending | undefined>();
  let nextId = 0;
  let closing = false;

  const feed = (w: Worker) => {
    const job = queue.shift();
    busy.set(w, job);
    if (job) w.postMessage({ id: job.id, path: job.path } satisfies Job);
  };
  const spawn = () => {
    const w = new Worker(script, { execArgv: EXEC_ARGV, resourceLimits: WORKER_HEAP });
    w.unref();
    busy.set(w, undefined);
    w.on('message', ({ id, json }: Done) => {
      const job = busy.get(w);
      if (job?.id === id) job.resolve(JSON.parse(json) as Audited);
      feed(w);
    });
    const lost = (why: string, outOfMemory = false) => {
      const job = busy.get(w);
      busy.delete(w);
      if (job) job.resolve(outOfMemory ? auditFile(job.path) : failed(job.path, `审核时出错：${why}`));
      if (!closing) feed(spawn());
    };
    w.on('error', (e: NodeJS.ErrnoException) => lost(e.message, e.code === 'ERR_WORKER_OUT_OF_MEMORY'));
    w.on('exit', (code) => busy.has(w) && lost(`工作线程意外退出（代码 ${code}）`));
    return w;
  };
  for (let i = 0; i < size; i++) spawn();

  return {
    audit: (path) =>
      new Promise((resolve) => {
        queue.push({ id: nextId++, path, resolve });
        const idle = [...busy].find(([, job]) => !job)?.[0];
        if (idle) feed(idle);
      }),
    close: async () => {
      closing = true;
      const workers = [...busy.keys()];
      busy.clear();
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
