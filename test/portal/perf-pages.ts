/**
 * Pages for `npm run bench:browser` (bench/browser.ts) and the idle tests: ordinary portal pages of
 * two sizes, a typical report, a 100-report compilation (clean, and with an error in every report), and the same with a 1 Hz clock — the
 * kind of widget that re-rendered the whole audit every second before issue 10.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compilationPage, wrongResultsTotal } from '../helpers/compilation';

const HTML = join(import.meta.dirname, '..', 'fixtures', 'html');
const fixture = (name: string) => readFileSync(join(HTML, name), 'utf8');

/** A clock in the page header, as many portals show: one text change a second. */
const CLOCK = `<div id="clock" style="position:fixed;top:0;right:0;background:#fff">--:--:--</div>
<script>setInterval(() => { document.getElementById('clock').textContent = new Date().toISOString().slice(11, 19); }, 1000);</script>`;

const withClock = (html: string) => html.replace(/<body([^>]*)>/i, `<body$1>${CLOCK}`);

function tinyPage(): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>示范区召开防汛工作会议 - 示范区人民政府</title></head>
<body><header>示范区人民政府门户网站 <a href="/zwgk/ndbg/">政府信息公开年报</a></header>
<h1>示范区召开防汛工作会议</h1><p>7月3日，示范区召开防汛工作会议，部署下一阶段防汛重点工作。</p></body></html>`;
}

export const PERF_PAGES: Record<string, () => string> = {
  '/perf/tiny.html': tinyPage,
  '/perf/large.html': () => fixture('nonreport-large.html'),
  '/perf/report.html': () => fixture('000-word.html'),
  '/perf/compilation.html': () => compilationPage(100),
  /** 100 reports, each with one wrong cell (3.7 总计): every part has a marker to draw. */
  '/perf/compilation-errors.html': () => compilationPage(100, (n) => ({ t3: wrongResultsTotal(1 + (n % 5)).t3 })),
  /** Beyond the engine's cap of 50 000 cells (160 reports of 340): read up to the cap, with a 「页面过大」 finding. */
  '/perf/over-cap.html': () => compilationPage(160),
  '/perf/report-clock.html': () => withClock(fixture('000-word.html')),
  '/perf/large-clock.html': () => withClock(fixture('nonreport-large.html')),
  '/perf/ten-clock.html': () => withClock(compilationPage(10)),
};
