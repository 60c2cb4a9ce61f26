/**
 * Where the extension's main-thread time goes on one page: a Chromium trace (devtools.timeline and
 * the V8 sampler) of one load with the bench build, summed by what ran: the extension's scripts by
 * file and function, style, layout, paint, parsing. For finding what to cut, not a figure to quote
 * (npm run bench:browser gives those).
 *
 *   npm run profile:page -- /perf/report.html
 *   UNMINIFIED=1 npm run profile:page -- /perf/report.html   # the extension's own function names
 *   PROFILE_BUILD=none npx tsx bench/profile.ts /perf/report.html   # the page alone
 */
import { launch, newProfile } from '../test/portal/browser';
import { startPortal } from '../test/portal/server';

const path = process.argv[2] ?? '/perf/report.html';
const SETTLE_MS = 3000;

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: { url?: string; frame?: string; stackTrace?: { url: string }[] } };
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time by function, and total time under each extension function called from outside the extension. */
function printProfile(p: CpuProfile) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i + 1] ?? 0) / 1000));
  const name = (id: number) => {
    const f = byId.get(id)!.callFrame;
    return `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
  };
  const ext = (id: number) => byId.get(id)!.callFrame.url.startsWith('chrome-extension://');
  const selfBy = new Map<string, number>();
  for (const [id, ms] of self) if (ext(id) || !byId.get(id)!.callFrame.url) selfBy.set(name(id), (selfBy.get(name(id)) ?? 0) + ms);
  console.log('self time (extension functions and natives):');
  for (const [k, v] of [...selfBy].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${v.toFixed(2).padStart(8)} ms  ${k}`);
  // Inclusive time per extension function (each sample counted once per distinct function on its stack).
  const incl = new Map<string, number>();
  for (const [id, ms] of self) {
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) if (ext(n)) seen.add(name(n));
    for (const k of seen) incl.set(k, (incl.get(k) ?? 0) + ms);
  }
  console.log('inclusive time (extension functions):');
  for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log(`  ${v.toFixed(2).padStart(8)} ms  ${k}`);
}

async function main() {
  const portal = await startPortal();
  const context = await launch(newProfile(), { build: (process.env.PROFILE_BUILD as 'bench' | 'none') ?? 'bench' });
  try {
    // Warm: the service worker's start and caches are not what we look for.
    const warm = await context.newPage();
    await warm.goto(portal.url(path), { waitUntil: 'load' });
    await warm.waitForTimeout(SETTLE_MS);
    await warm.close();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8.execute,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
    await page.goto(portal.url(path), { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
    await cdp.send('Tracing.end');
    await done;
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    printProfile(profile);
    // The page's renderer: the CrRendererMain thread that ran the most (the extension's pages run in another).
    const mains = events.filter((e) => e.name === 'thread_name' && (e.args as { name?: string })?.name === 'CrRendererMain');
    const busy = (m: TraceEvent) => events.filter((e) => e.name === 'RunTask' && e.tid === m.tid && e.pid === m.pid).reduce((s, e) => s + (e.dur ?? 0), 0);
    const main = mains.sort((a, b) => busy(b) - busy(a))[0];
    const onMain = events.filter((e) => e.ph === 'X' && e.tid === main?.tid && e.pid === main?.pid && e.dur);
    const tasks = onMain.filter((e) => e.name === 'RunTask');
    const total = tasks.reduce((s, e) => s + e.dur!, 0) / 1000;
    console.log(`${path}: ${tasks.length} tasks, ${total.toFixed(1)} ms on the main thread`);
    // Top-level work inside tasks, by name (and script URL for script evaluation / function calls).
    const sums = new Map<string, number>();
    for (const t of tasks) {
      const inside = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur! && e.name !== 'RunTask');
      // Only the outermost events inside the task.
      const outer = inside.filter((e) => !inside.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur! >= e.ts + e.dur! && o.dur! > e.dur!));
      for (const e of outer) {
        const url = e.args?.data?.url ?? '';
        const who = url.startsWith('chrome-extension://') ? `ext:${url.split('/').slice(3).join('/')}` : url ? 'page' : '';
        const key = `${e.name}${who ? ` [${who}]` : ''}`;
        sums.set(key, (sums.get(key) ?? 0) + e.dur! / 1000);
      }
    }
    // Layouts and style recalcs, in order: a forced one carries the script's stack.
    for (const e of onMain.filter((x) => x.name === 'Layout' || x.name === 'UpdateLayoutTree'))
      if (e.dur! > 300)
        console.log(
          `  ${e.name} ${(e.dur! / 1000).toFixed(2)} ms at ${((e.ts - tasks[0]!.ts) / 1000).toFixed(0)}${e.args?.data?.stackTrace ? ` forced by ${JSON.stringify(e.args.data.stackTrace[0])}` : ''}`,
        );
    for (const [k, v] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${v.toFixed(2).padStart(8)} ms  ${k}`);
  } finally {
    await context.close();
    await portal.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
