/**
 * The CLI's throughput and memory on a folder of many reports: copies of the fixtures (pages in
 * three markup styles and text seeds), audited by `cli/audit.ts --jsonl` as a user runs it.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

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
  peakMiB: number;
  /** CPU seconds of all its threads: on a busy machine, files / (cpu / cores) estimates the idle rate. */
  cpuSeconds: number;
  lines: number;
}

/** Runs the CLI over the folder; wall time from spawn to exit, startup included. */
export function runCli(dir: string, files: number, extra: string[] = []): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', './bench/peak-memory.ts', 'cli/audit.ts', '--jsonl', ...extra, dir], { cwd: ROOT });
    let lines = 0;
    let err = '';
    child.stdout.on('data', (b: Buffer) => {
      for (const c of b) if (c === 10) lines++;
    });
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', reject);
    child.on('close', () => {
      const seconds = (performance.now() - started) / 1000;
      const kib = Number(/bench:maxrss=(\d+)/.exec(err)?.[1] ?? NaN);
      const cpuSeconds = Number(/bench:cpu=([\d.]+)/.exec(err)?.[1] ?? NaN);
      resolve({ files, seconds, reportsPerSecond: files / seconds, peakMiB: kib / 1024, cpuSeconds, lines });
    });
  });
}

export async function benchCli(count: number): Promise<void> {
  const dir = corpus(count);
  const [load] = loadavg();
  console.log(`  load average 负载 ${load!.toFixed(1)} on ${availableParallelism()} cores: figures below are only as good as the machine is idle`);
  try {
    for (const [label, extra] of [
      ['worker threads, one per core 每核一个工作线程', []],
      ['one thread 单线程 (--workers=0)', ['--workers=0']],
    ] as const) {
      const r = await runCli(dir, count, [...extra]);
      console.log(
        `  ${label.padEnd(44)} ${r.reportsPerSecond.toFixed(0).padStart(5)} reports/s · ${r.seconds.toFixed(2)} s (CPU ${r.cpuSeconds.toFixed(1)} s) · peak ${r.peakMiB.toFixed(0)} MiB resident · ${r.lines} lines`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
