/**
 * Worker threads that audit files across the machine's cores. Each thread is sent a few files at
 * a time so that it never waits for the main thread; a file that crashes its thread (memory, a
 * native error) is that file's error entry, its thread is replaced and the files it had not
 * reached go to the other threads.
 */
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { failed, lineOf, type AuditedLine } from './entry';
import type { Done, Job, Jobs } from './jobs';
import { bundledWorker } from './worker-bundle';

export interface FilePool {
  audit(path: string): Promise<AuditedLine>;
  close(): Promise<void>;
}

/**
 * Each thread's heap is kept small so that garbage is collected early (an unbounded heap grows to
 * hundreds of MB over a thousand files); a file that needs more is audited again in this thread.
 * A small young generation keeps the process's memory down; the old one needs room above the
 * engine's live data (some 20 MB once warm), or full collections come one after another. On
 * 1 000 files and 2 cores (sizes interleaved, as npm run bench runs the CLI, quiet machine, round
 * 33): 32 MB old / 16 MB young took 4.2 s and ~195 MB resident; 64 / 4 took 3.6 s and ~182 MB;
 * 64 / 8 took 3.45 s but went over 200 MB in two runs of four.
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 4 };
/**
 * V8's optimising compiler (TurboFan) is switched off once threads are started: each thread audits
 * a few hundred files from a cold start, too few for TurboFan's code to pay for compiling it. On
 * 1 000 files the threads' own CPU was the same with and without it, while its background compiles
 * took 0.7–1.0 s of CPU and some 20 MB (Maglev, the mid tier, still compiles hot code). V8's flags
 * are the process's (a thread cannot take its own), so this thread runs without TurboFan too; it
 * mostly hands out files. A folder of PDFs, the heaviest inputs, took 16–22% less CPU as well.
 */
const PROCESS_V8_FLAGS = '--no-turbofan';
/** Files sent to a thread ahead of its answers. */
const AHEAD = 4;

const TS_WORKER = new URL('./worker.ts', import.meta.url);
/** A TypeScript worker needs the loader the CLI runs under (tsx), whoever started the pool. */
const TSX_ARGV = process.execArgv.some((a) => a.includes('tsx')) ? process.execArgv : [...process.execArgv, '--import', 'tsx'];
/**
 * The bundled worker needs no loader, nor this thread's preloads (a TypeScript one would need the
 * loader again): only a profiler's options are passed on.
 */
const PLAIN_ARGV = process.execArgv.filter((a) => /^--(?:cpu|heap)-prof/.test(a));

/** A thread with this thread's options, or without those a thread does not take (heap sizes, say). */
function thread(url: URL, execArgv: string[], bare: string[]): Worker {
  try {
    return new Worker(url, { execArgv, resourceLimits: WORKER_HEAP });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw e;
    return new Worker(url, { execArgv: bare, resourceLimits: WORKER_HEAP });
  }
}

/** Audits in this thread; the engine is loaded only when a file is audited here. */
async function auditHere(path: string): Promise<AuditedLine> {
  const { auditFile } = await import('./audit-input');
  return lineOf(await auditFile(path));
}

/**
 * `size` threads; 0 audits in this thread (a handful of files does not pay for starting threads).
 * `script` is a TypeScript worker module (tests give one that crashes on purpose); by default the
 * bundled cli/worker.ts.
 */
export function filePool(size: number, script?: URL): FilePool {
  if (size < 1) return { audit: auditHere, close: async () => undefined };
  setFlagsFromString(PROCESS_V8_FLAGS);
  interface Pending extends Job {
    resolve(a: AuditedLine | Promise<AuditedLine>): void;
  }
  const queue: Pending[] = [];
  /** Each live thread's files, in the order it audits them. */
  const sent = new Map<Worker, Pending[]>();
  let nextId = 0;
  let closing = false;
  /** Threads that died before answering anything, since the last answer. */
  let deaths = 0;
  let broken: string | null = null;

  const feed = (w: Worker) => {
    const mine = sent.get(w);
    if (!mine || !queue.length || mine.length >= AHEAD) return;
    const jobs = queue.splice(0, AHEAD - mine.length);
    mine.push(...jobs);
    w.postMessage({ jobs: jobs.map(({ id, path }) => ({ id, path })) } satisfies Jobs);
  };
  const feedAll = () => [...sent.keys()].sort((a, b) => sent.get(a)!.length - sent.get(b)!.length).forEach(feed);

  const start = (url: URL, execArgv: string[], bare: string[]) => {
    const spawn = () => {
      const w = thread(url, execArgv, bare);
      w.unref();
      sent.set(w, []);
      let answered = false;
      w.on('message', ({ id, audited }: Done) => {
        answered = true;
        deaths = 0;
        const mine = sent.get(w);
        if (mine?.[0]?.id === id) mine.shift()!.resolve(audited);
        feed(w);
      });
      const lost = (why: string, outOfMemory = false) => {
        const mine = sent.get(w);
        if (!mine) return;
        sent.delete(w);
        // The thread died on the first file it had not answered; the others go back to the queue.
        const [culprit, ...rest] = mine;
        queue.unshift(...rest);
        culprit?.resolve(outOfMemory ? auditHere(culprit.path) : lineOf(failed(culprit.path, `审核时出错：${why}`)));
        if (closing) return;
        // Threads that keep dying before answering anything cannot start (a broken install, a removed bundle): fail the files, do not respawn forever.
        if (!answered && ++deaths > 2 * size + 3) {
          broken = `工作线程无法启动：${why}`;
          for (const job of queue.splice(0)) job.resolve(lineOf(failed(job.path, broken)));
          return;
        }
        spawn();
        feedAll();
      };
      // The thread's error can arrive before answers it posted; at its exit every answer has been delivered (Node drains the port first).
      let error: NodeJS.ErrnoException | undefined;
      w.on('error', (e: NodeJS.ErrnoException) => (error ??= e));
      w.on('exit', (code) => lost(error?.message ?? `工作线程意外退出（代码 ${code}）`, error?.code === 'ERR_WORKER_OUT_OF_MEMORY'));
      return w;
    };
    for (let i = 0; i < size; i++) spawn();
    feedAll();
  };
  // Threads start once the script is ready; files asked for meanwhile wait in the queue.
  const ready = (script ? Promise.resolve(null) : bundledWorker()).then((bundle) =>
    closing ? undefined : bundle ? start(bundle, PLAIN_ARGV, []) : start(script ?? TS_WORKER, TSX_ARGV, ['--import', 'tsx']),
  );

  return {
    audit: (path) =>
      new Promise((resolve) => {
        if (broken) return resolve(lineOf(failed(path, broken)));
        queue.push({ id: nextId++, path, resolve });
        feedAll();
      }),
    close: async () => {
      closing = true;
      await ready;
      const workers = [...sent.keys()];
      sent.clear();
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
