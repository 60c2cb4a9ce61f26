/**
 * The CLI's throughput and memory on a folder of many reports: copies of the fixtures (pages in
 * three markup styles and text seeds), audited by `cli/audit.ts --jsonl` as a user runs it, several
 * times over: the machine may be shared, so the median and the spread are printed.
 *
 * Memory is measured two ways. The kernel's high-water mark of the CLI's process (maxRSS from
 * getrusage, printed by peak-memory.ts at exit) covers the main thread and every worker thread:
 * threads share the process. The tree's peak is sampled from /proc every 20 ms over the process
 * and its children (a build step's esbuild, say); a sample can miss a short peak, the high-water
 * mark cannot.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const PAGE = 4096;

/** A folder of `count` report files cycling through the fixtures. */
export function corpus(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'gra-bench-'));
  const sources = [
    ...readdirSync(join(ROOT, 'test/fixtures/html'))
      .filter((f) => /^\d{3}-\w+\.html$/.test(f))
      .map((f) => join(ROOT, 'test/fixtures/html', f)),
    ...readdirSync(join(ROOT, 'test/fixtures/seeds'))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join(ROOT, 'test/fixtures/seeds', f)),
  ];
  for (let i = 0; i < count; i++) {
    const src = sources[i % sources.length]!;
    copyFileSync(src, join(dir, `${String(i).padStart(5, '0')}-${src.split('/').at(-1)}`));
  }
  return dir;
}

export interface CliRun {
  files: number;
  seconds: number;
  reportsPerSecond: number;
  /** The process's resident high-water mark (all its threads), MiB. */
  peakMiB: number;
  /** The largest sampled resident size of the process and its children, MiB (NaN without /proc). */
  treeMiB: number;
  /** CPU seconds of all its threads: on a busy machine, files / (cpu / cores) estimates the idle rate. */
  cpuSeconds: number;
  lines: number;
}

/** Resident bytes of a process and its descendants, from /proc; NaN where there is none. */
function treeResident(pid: number): number {
  try {
    let bytes = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(' ') : []) bytes += treeResident(Number(child)) || 0;
    }
    return bytes;
  } catch {
    return NaN;
  }
}

/** Runs the CLI over the folder; wall time from spawn to exit, startup included. */
export function runCli(dir: string, files: number, extra: string[] = []): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', './bench/peak-memory.ts', 'cli/audit.ts', '--jsonl', ...extra, dir], { cwd: ROOT });
    let lines = 0;
    let err = '';
    let tree = NaN;
    // A sample taken as a thread or child ends reads NaN: it is skipped, not allowed to spoil the maximum (NaN stays only without /proc).
    const sample = setInterval(() => {
      const now = treeResident(child.pid!);
      if (!Number.isNaN(now)) tree = Number.isNaN(tree) ? now : Math.max(tree, now);
    }, 20);
    child.stdout.on('data', (b: Buffer) => {
      for (const c of b) if (c === 10) lines++;
    });
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', reject);
    child.on('close', () => {
      clearInterval(sample);
      const seconds = (performance.now() - started) / 1000;
      const kib = Number(/bench:maxrss=(\d+)/.exec(err)?.[1] ?? NaN);
      const cpuSeconds = Number(/bench:cpu=([\d.]+)/.exec(err)?.[1] ?? NaN);
      resolve({ files, seconds, reportsPerSecond: files / seconds, peakMiB: kib / 1024, treeMiB: tree / 2 ** 20, cpuSeconds, lines });
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const spread = (xs: number[], digits = 0) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;

/** `runs` runs of each mode, after one untimed run that fills the caches (tsx's, the worker bundle). */
export async function benchCli(count: number, runs = Number(process.env.BENCH_RUNS ?? 5)): Promise<void> {
  const dir = corpus(count);
  const cores = availableParallelism();
  try {
    await runCli(dir, count);
    for (const [label, extra, n] of [
      ['worker threads, one per core 每核一个工作线程', [], runs],
      ['one thread 单线程 (--workers=0)', ['--workers=0'], Math.min(runs, 2)],
    ] as const) {
      const all: CliRun[] = [];
      const loads: number[] = [];
      for (let i = 0; i < n; i++) {
        loads.push(loadavg()[0]!);
        all.push(await runCli(dir, count, [...extra]));
      }
      const rate = all.map((r) => r.reportsPerSecond);
      const peak = all.map((r) => r.peakMiB);
      const tree = all.map((r) => r.treeMiB);
      const cpu = all.map((r) => r.cpuSeconds);
      const bound = all.map((r) => count / (r.cpuSeconds / cores));
      console.log(`  ${label}, ${n} runs (load average 负载 ${spread(loads, 1)} on ${cores} cores):`);
      console.log(
        `    rate 速度      median ${median(rate).toFixed(0)} reports/s (${spread(rate)}) · wall ${median(all.map((r) => r.seconds)).toFixed(2)} s, startup included`,
      );
      console.log(
        `    CPU            median ${median(cpu).toFixed(2)} s of all threads (${spread(cpu, 2)}) → at most ≈ ${median(bound).toFixed(0)} reports/s on ${cores} idle cores`,
      );
      console.log(
        `    memory 内存    peak RSS median ${median(peak).toFixed(0)} MiB (${spread(peak)}; the process with all its threads) · process tree sampled ${median(tree).toFixed(0)} MiB (${spread(tree)})`,
      );
      console.log(`    output 输出    ${all.map((r) => r.lines).join(', ')} lines for ${count} files`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
