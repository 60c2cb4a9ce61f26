/**
 * `npm run bench:browser`: what the extension costs a page, side by side in Chromium — the same
 * pages with the extension loaded (A) and without any extension (B), runs interleaved
 * (ABBA…), ≥ 6 a side. A is the bench build: the production build plus one performance mark in
 * the frame that draws the first marker (entrypoints/content/bench-mark.ts), which the page cannot
 * otherwise see behind the closed shadow root. Per run: CDP Performance.getMetrics (ScriptDuration,
 * TaskDuration), the load event (navigation timing), long tasks (PerformanceObserver), and on report
 * pages when the overlay's host was attached and when its first marker was drawn; for pages with a
 * clock, script time per second while the page sits idle.
 * Prints medians of the paired differences A − B with their spread (min … max). On the typical report
 * a third side, bench/floor-extension (the least an extension of this design does: read the page,
 * post it, draw a static bar and one marker), shows what no implementation avoids. Figures, not a
 * test: they depend on the machine and its load.
 *
 *   BENCH_RUNS=8 BENCH_ONLY=clock npm run bench:browser
 */
import type { BrowserContext, Page } from 'playwright-core';
import { FIRST_MARKER_MARK } from '../entrypoints/content/bench-mark';
import { launch, newProfile } from '../test/portal/browser';
import { startPortal, type Portal } from '../test/portal/server';

const RUNS = Math.max(6, Number(process.env.BENCH_RUNS ?? 6));
const ONLY = process.env.BENCH_ONLY;
/** Long enough for the first look, the auditor's injection, the audit, its save and the first redraws. */
const SETTLE_MS = 3000;
/** The idle window of the clock pages. */
const IDLE_MS = 5000;

interface Scenario {
  name: string;
  path: string;
  /** Measure script time per second while idle (pages with a clock). */
  idle?: boolean;
  /** A report page: time from the load event to the overlay's host. */
  report?: boolean;
  settle?: number;
  /** Also this many quick loads a side (no settling), for the load event alone: its spread is wide over 6 runs. */
  quickLoads?: number;
  /** Also measure bench/floor-extension, interleaved with the two sides: the least an extension of this design costs the page. */
  floor?: boolean;
}

const SCENARIOS: Scenario[] = [
  { name: '普通小页面 tiny ordinary gov.cn page', path: '/perf/tiny.html', quickLoads: 40 },
  { name: '1 MB 普通门户页面 1 MB ordinary portal page', path: '/perf/large.html', quickLoads: 30 },
  { name: '典型年报页面 typical report page (296 cells)', path: '/perf/report.html', report: true, floor: true },
  { name: '100 份年报汇编 100-report compilation (34 000 cells)', path: '/perf/compilation.html', report: true, settle: 8000 },
  { name: '100 份年报汇编，每份一处错误 100-report compilation, one wrong cell each', path: '/perf/compilation-errors.html', report: true, settle: 8000 },
  { name: '超过上限的页面 a page over the 50 000-cell cap (160 reports)', path: '/perf/over-cap.html', report: true, settle: 10000 },
  { name: '带时钟的年报页面 report page with a 1 Hz clock', path: '/perf/report-clock.html', idle: true, report: true },
  { name: '带时钟的 1 MB 页面 1 MB page with a clock', path: '/perf/large-clock.html', idle: true },
  { name: '同页 10 份年报 + 时钟 10 reports on one page with a clock', path: '/perf/ten-clock.html', idle: true, report: true },
];

/** Installed before any page script: long tasks and the moment the overlay's host is attached (a child of <html>). */
const PROBE = `(() => {
  const b = (window.__bench = { long: [], host: null });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) b.long.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });
  const seen = () => { if (b.host === null && document.querySelector('html > report-audit-overlay')) b.host = performance.now(); };
  const watchHtml = () => new MutationObserver(seen).observe(document.documentElement, { childList: true });
  if (document.documentElement) watchHtml();
  else new MutationObserver((_, o) => { if (document.documentElement) { o.disconnect(); watchHtml(); } }).observe(document, { childList: true });
})();`;

interface Sample {
  scriptMs: number;
  taskMs: number;
  loadMs: number;
  longCount: number;
  longMaxMs: number;
  /** Longest task that began after the load event: the page's own parsing is done by then, the audit runs. */
  longAfterLoadMaxMs: number;
  /** Load event to overlay host, when there was one. */
  hostAfterLoadMs: number | null;
  /** Load event to the frame that drew the first marker, when there was one. */
  markerAfterLoadMs: number | null;
  idleScriptMsPerS: number | null;
}

async function metrics(page: Page, cdp: Awaited<ReturnType<BrowserContext['newCDPSession']>>) {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const get = (n: string) => (metrics.find((m) => m.name === n)?.value ?? 0) * 1000;
  return { script: get('ScriptDuration'), task: get('TaskDuration') };
}

async function measure(context: BrowserContext, portal: Portal, s: Scenario): Promise<Sample> {
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(portal.url(s.path), { waitUntil: 'load' });
  await page.waitForTimeout(s.settle ?? SETTLE_MS);
  const settled = await metrics(page, cdp);
  let idle: number | null = null;
  if (s.idle) {
    await page.waitForTimeout(IDLE_MS);
    const after = await metrics(page, cdp);
    idle = (after.script - settled.script) / (IDLE_MS / 1000);
  }
  const probe = await page.evaluate((markName) => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const b = (window as unknown as { __bench: { long: { start: number; duration: number }[]; host: number | null } }).__bench;
    const late = b.long.filter((t) => t.start >= nav.loadEventEnd).map((t) => t.duration);
    const marker = performance.getEntriesByName(markName, 'mark')[0];
    return {
      load: nav.loadEventStart,
      long: b.long.map((t) => t.duration),
      late,
      host: b.host === null ? null : b.host - nav.loadEventStart,
      marker: marker ? marker.startTime - nav.loadEventStart : null,
    };
  }, FIRST_MARKER_MARK);
  await cdp.detach();
  await page.close();
  return {
    scriptMs: settled.script,
    taskMs: settled.task,
    loadMs: probe.load,
    longCount: probe.long.length,
    longMaxMs: probe.long.length ? Math.max(...probe.long) : 0,
    longAfterLoadMaxMs: Math.max(0, ...probe.late),
    hostAfterLoadMs: probe.host,
    markerAfterLoadMs: probe.marker,
    idleScriptMsPerS: idle,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(1));
const spread = (xs: number[]) => `${fmt(median(xs))} (${fmt(Math.min(...xs))} … ${fmt(Math.max(...xs))})`;

function report(s: Scenario, a: Sample[], b: Sample[], floor: Sample[]): void {
  const diff = (f: (x: Sample) => number) => a.map((x, i) => f(x) - f(b[i]!));
  const lines = [
    `脚本 script ms: +${spread(diff((x) => x.scriptMs))}  [无扩展 without: ${fmt(median(b.map((x) => x.scriptMs)))}]`,
    `主线程任务 task ms: +${spread(diff((x) => x.taskMs))}  [无扩展 without: ${fmt(median(b.map((x) => x.taskMs)))}]`,
    `load 事件 load event ms later: ${spread(diff((x) => x.loadMs))}`,
    `长任务 long tasks (count, with − without): ${spread(diff((x) => x.longCount))}; 最长 longest with: ${spread(a.map((x) => x.longMaxMs))}, without: ${spread(b.map((x) => x.longMaxMs))}`,
    `load 之后最长任务 longest task begun after load, with: ${spread(a.map((x) => x.longAfterLoadMaxMs))}, without: ${spread(b.map((x) => x.longAfterLoadMaxMs))}`,
  ];
  if (s.report) {
    const hosts = a.flatMap((x) => (x.hostAfterLoadMs === null ? [] : [x.hostAfterLoadMs]));
    const markers = a.flatMap((x) => (x.markerAfterLoadMs === null ? [] : [x.markerAfterLoadMs]));
    lines.push(
      hosts.length ? `审计栏出现 overlay host after load event ms: ${spread(hosts)} (${hosts.length}/${a.length} runs)` : '审计栏未出现 no overlay appeared',
      markers.length
        ? `首个标记 first marker drawn after load event ms: ${spread(markers)} (${markers.length}/${a.length} runs)`
        : '未画出标记 no marker drawn',
    );
  }
  if (floor.length) {
    const task = (x: Sample) => x.taskMs;
    const over = floor.map((x, i) => task(x) - task(b[i]!));
    const base = median(b.map(task));
    lines.push(
      `最小扩展 floor extension (bench/floor-extension) 主线程任务 task ms: +${spread(over)} = +${fmt((100 * median(over)) / base)}%; 本扩展 this extension: +${fmt((100 * median(diff(task))) / base)}%, 高出 over the floor +${spread(a.map((x, i) => task(x) - task(floor[i]!)))}`,
    );
  }
  if (s.idle)
    lines.push(
      `空闲 idle script ms/s: +${spread(diff((x) => x.idleScriptMsPerS ?? 0))}  [无扩展 without: ${fmt(median(b.map((x) => x.idleScriptMsPerS ?? 0)))}]`,
    );
  console.log(`\n${s.name}  (${s.path}, ${a.length} runs a side)\n  ${lines.join('\n  ')}`);
}

/** Navigation timing of one load: DOMContentLoaded and load event starts, ms from navigation start. */
async function quickLoad(context: BrowserContext, portal: Portal, path: string) {
  const page = await context.newPage();
  await page.goto(portal.url(path), { waitUntil: 'load' });
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { dcl: nav.domContentLoadedEventStart, load: nav.loadEventStart };
  });
  // Long enough for the first look, which waits for the load event, to run before the page closes.
  await page.waitForTimeout(300);
  await page.close();
  return t;
}

/** Many quick loads, ABBA: the load event's delay, and how much of it falls between DOMContentLoaded and load. */
async function quickLoads(withExt: BrowserContext, without: BrowserContext, portal: Portal, s: Scenario): Promise<void> {
  const a: { dcl: number; load: number }[] = [];
  const b: typeof a = [];
  for (let i = 0; i < s.quickLoads!; i++) {
    if (i % 2 === 0) {
      a.push(await quickLoad(withExt, portal, s.path));
      b.push(await quickLoad(without, portal, s.path));
    } else {
      b.push(await quickLoad(without, portal, s.path));
      a.push(await quickLoad(withExt, portal, s.path));
    }
  }
  const diff = (f: (x: { dcl: number; load: number }) => number) => a.map((x, i) => f(x) - f(b[i]!));
  console.log(
    `  快速加载 ${a.length} quick loads a side: load 事件 load event later ${spread(diff((x) => x.load))} · DOMContentLoaded later ${spread(diff((x) => x.dcl))} · DOMContentLoaded→load gap longer ${spread(diff((x) => x.load - x.dcl))}  [无扩展 without: load at ${fmt(median(b.map((x) => x.load)))} ms]`,
  );
}

async function main() {
  const portal = await startPortal();
  const scenarios = SCENARIOS.filter((x) => !ONLY || x.path.includes(ONLY));
  const withExt = await launch(newProfile(), { build: 'bench' });
  const without = await launch(newProfile(), { build: 'none' });
  const floorExt = scenarios.some((x) => x.floor) ? await launch(newProfile(), { build: 'floor' }) : undefined;
  console.log(
    `Chromium side by side: bench build (production + first-marker mark) vs no extension, ${RUNS} interleaved runs a side; differences are with − without.`,
  );
  try {
    for (const s of scenarios) {
      const floor = s.floor ? floorExt : undefined;
      // One warm-up each, not counted: the first load pays for caches and the service worker's start.
      await measure(withExt, portal, s);
      await measure(without, portal, s);
      if (floor) await measure(floor, portal, s);
      const a: Sample[] = [];
      const b: Sample[] = [];
      const f: Sample[] = [];
      for (let i = 0; i < RUNS; i++) {
        // ABBA order (A, B, floor, then floor, B, A): drift in machine load falls on every side alike.
        const sides: [BrowserContext, Sample[]][] = [
          [withExt, a],
          [without, b],
        ];
        if (floor) sides.push([floor, f]);
        for (const [context, samples] of i % 2 === 0 ? sides : sides.reverse()) samples.push(await measure(context, portal, s));
      }
      report(s, a, b, f);
      if (s.quickLoads) await quickLoads(withExt, without, portal, s);
    }
  } finally {
    await withExt.close();
    await without.close();
    await floorExt?.close();
    await portal.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
