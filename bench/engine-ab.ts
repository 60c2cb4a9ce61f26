/**
 * Interleaved A/B of the CLI's per-file path (read + parse + rules) between two checkouts in one
 * process: passes over the files by both builds in turn (the order alternating), and the median of
 * the paired differences of the passes is printed, so that a shared, noisy machine still gives a figure. The
 * outputs of both builds are compared line by line as well. Times are the main thread's CPU time.
 *
 *   npx tsx bench/engine-ab.ts <old checkout> <new checkout> [rounds=3] [files…]
 *   PROFILE=1 npx tsx bench/engine-ab.ts <checkout> - [rounds] [files…]   # one build only (for --cpu-prof)
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

type AuditFile = (path: string) => Promise<unknown>;
type LineOf = (a: never) => { line: string };

async function build(root: string): Promise<{ audit: AuditFile; lineOf: LineOf }> {
  const input = (await import(join(resolve(root), 'cli/audit-input.ts'))) as { auditFile: AuditFile };
  const entry = (await import(join(resolve(root), 'cli/entry.ts'))) as { lineOf: LineOf };
  return { audit: input.auditFile, lineOf: entry.lineOf };
}

/** The bench's corpus (bench/cli.ts): the pages in three markup styles and the text seeds. */
function benchFiles(root: string): string[] {
  return [
    ...readdirSync(join(root, 'test/fixtures/html'))
      .filter((f) => /^\d{3}-\w+\.html$/.test(f))
      .map((f) => join('test/fixtures/html', f)),
    ...readdirSync(join(root, 'test/fixtures/seeds'))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join('test/fixtures/seeds', f)),
  ];
}

const cpuMs = (): number => {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
};

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN;
};

const [oldRoot = '.', newRoot = '-', roundsArg = '3', ...named] = process.argv.slice(2);
const rounds = Number(roundsArg);
const files = named.length ? named : benchFiles(oldRoot);
const cwd = process.cwd();

if (newRoot === '-') {
  const a = await build(oldRoot);
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const f of files) await a.audit(resolve(cwd, f));
  const ms = performance.now() - t0;
  console.log(`${files.length * rounds} audits in ${ms.toFixed(0)} ms: ${((files.length * rounds) / (ms / 1000)).toFixed(1)} reports/s`);
} else {
  const a = await build(oldRoot);
  const b = await build(newRoot);
  // warm both builds (JIT) before timing
  for (const f of files) {
    await a.audit(resolve(cwd, f));
    await b.audit(resolve(cwd, f));
  }
  // Whole passes, old and new in turn (the order alternating): a garbage collection falls inside some pass, not on
  // one file's account. Each pass audits one kind of file REPEAT times over, so that it takes some hundreds of
  // milliseconds: the thread's CPU time is counted in the kernel's ticks (4 ms here), too coarse for one file.
  const REPEAT = Number(process.env.REPEAT ?? 4);
  const kinds = [...new Set(files.map((f) => f.split('.').at(-1)!))];
  const passes = { a: new Map<string, number[]>(), b: new Map<string, number[]>() };
  let differ = 0;
  const outputs = new Map<string, string>();
  for (let r = 0; r < rounds; r++) {
    for (const kind of kinds) {
      const ofKind = files.filter((f) => f.endsWith('.' + kind));
      for (const side of r % 2 ? (['b', 'a'] as const) : (['a', 'b'] as const)) {
        const x = side === 'a' ? a : b;
        const t = cpuMs();
        for (let k = 0; k < REPEAT; k++)
          for (const f of ofKind) {
            const out = await x.audit(resolve(cwd, f));
            if (r === 0 && k === 0) {
              const line = JSON.stringify(x.lineOf(out as never));
              const seen = outputs.get(f);
              if (seen === undefined) outputs.set(f, line);
              else if (seen !== line) {
                differ++;
                console.log(`OUTPUT DIFFERS: ${f}`);
              }
            }
          }
        passes[side].set(kind, [...(passes[side].get(kind) ?? []), (cpuMs() - t) / REPEAT]);
      }
    }
  }
  for (const kind of kinds) {
    const pa = passes.a.get(kind)!;
    const pb = passes.b.get(kind)!;
    const n = files.filter((f) => f.endsWith('.' + kind)).length;
    const diffs = pa.map((x, k) => pb[k]! - x);
    const ma = median(pa);
    const md = median(diffs);
    const sorted = [...diffs].sort((x, y) => x - y);
    const q = (p: number) => sorted[Math.floor(p * (sorted.length - 1))]!;
    console.log(
      `${kind}: ${n} files × ${rounds} passes; per report old ${(ma / n).toFixed(3)} ms, new ${(median(pb) / n).toFixed(3)} ms; ` +
        `median paired diff ${(md / n).toFixed(3)} ms/report (${((md / ma) * 100).toFixed(1)}%; quartiles ${((q(0.25) / ma) * 100).toFixed(1)}% … ${((q(0.75) / ma) * 100).toFixed(1)}%)`,
    );
  }
  console.log(differ ? `${differ} files differ` : 'outputs identical');
}
