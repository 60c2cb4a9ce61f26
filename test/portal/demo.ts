/**
 * `npm run demo`: serves the sample portal on 127.0.0.1 and opens it in Chromium with the built
 * extension. With a display, a browser window to explore; without one, headless: prints what the
 * extension found on each page and saves screenshots under artifacts/demo/.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { extensionId, launch, markers, newProfile } from './browser';
import { showDeliverables } from './deliverables-demo';
import { NONREPORT_FILES, REPORT_FILES } from './pages';
import { startPortal, type Portal } from './server';

const OUT = resolve(import.meta.dirname, '..', '..', 'artifacts', 'demo');
const headed = !!process.env.DISPLAY && !process.env.CI && !process.argv.includes('--headless');

const PAGES = [
  '/defects/identity.html',
  '/defects/missing-section.html',
  '/hostile-css.html',
  '/late.html',
  ...REPORT_FILES.map((f) => `/reports/${f}`),
  ...NONREPORT_FILES.map((f) => `/reports/${f}`),
];

async function summarize(page: Page): Promise<string> {
  const bar = await page
    .waitForFunction(() => document.querySelector('report-audit-overlay')?.shadowRoot?.querySelector('.bar [data-counts]'), undefined, { timeout: 6000 })
    .then(
      () => true,
      () => false,
    );
  if (!bar) return '未识别为年报，无标记 · not a report, no overlay';
  const ms = await markers(page);
  const text = await page.evaluate(() =>
    document
      .querySelector('report-audit-overlay')!
      .shadowRoot!.querySelector('.bar .row')!
      .textContent!.replace(/^年报审计助手/, ''),
  );
  const counts = await page.evaluate(() =>
    Array.from(document.querySelector('report-audit-overlay')!.shadowRoot!.querySelectorAll('[data-counts] span'), (s) => s.textContent).join(' '),
  );
  const rules = [...new Set(ms.flatMap((m) => m.rule.split(' ')))].join(' ');
  return `${text.trim()} | ${counts} | ${ms.length} 个标记 markers${rules ? ` (${rules})` : ''}`;
}

/** A PDF report with findings on its cells (a blank cell in a wrapped-label table). */
const VIEWER_PDF = '003-wrapped.pdf';

/** The viewer page on one of the portal's PDF reports: audited, marked, the first finding shown. */
async function showViewer(context: Awaited<ReturnType<typeof launch>>, src: string, shot: string): Promise<string> {
  const id = await extensionId(context);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/viewer.html?src=${encodeURIComponent(src)}`);
  const marked = await page.waitForSelector('.pdf-page .marker', { timeout: 60_000 }).then(
    () => true,
    () => false,
  );
  if (marked) {
    await page.keyboard.press('Alt+Shift+N');
    await page.waitForTimeout(600);
  }
  await page.screenshot({ path: shot });
  const cells = await page
    .locator('.marker')
    .evaluateAll((ms) => ms.map((m) => (m as HTMLElement).dataset.cell ?? (m as HTMLElement).dataset.section).join(' '));
  await page.close();
  return `附件查看 Viewer: ${src}\n    ${marked ? `标记 markers: ${cells}` : '没有标记 no markers'}\n    截图 screenshot: ${shot}`;
}

async function main() {
  const portal = await startPortal(Number(process.env.PORT ?? 0));
  const context = await launch(newProfile(), { headed });
  try {
    await show(portal, context);
  } finally {
    // A failed step must not leave the browser and the portal running (the process would never end).
    await context.close().catch(() => undefined);
    await portal.close();
  }
}

async function show(portal: Portal, context: BrowserContext) {
  console.log(`示范门户 Demo portal: ${portal.url('/')}  (*.gov.cn → 127.0.0.1)`);
  if (headed) {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(portal.url('/'));
    for (const p of ['/defects/identity.html', '/reports/002-semantic.html', '/portal/list.html', '/pdf-portal/list.html'])
      await (await context.newPage()).goto(portal.url(p));
    console.log('浏览器已打开：关闭窗口即结束。Close the browser window to finish.');
    await new Promise((r) => context.on('close', r));
  } else {
    mkdirSync(OUT, { recursive: true });
    const page = await context.newPage();
    for (const path of PAGES) {
      await page.goto(portal.url(path));
      const line = await summarize(page);
      // Show the first finding, as an auditor would with the ▶ button.
      if (/个标记/.test(line) && !line.includes(' 0 个标记')) {
        await page.keyboard.press('Alt+Shift+N');
        await page.waitForTimeout(900);
      }
      const shot = join(OUT, path.replace(/^\//, '').replace(/[/.]/g, '_') + '.png');
      await page.screenshot({ path: shot });
      console.log(`${path}\n    ${line}\n    截图 screenshot: ${shot}`);
    }
    console.log(await showViewer(context, portal.url(`/files/pdf/${VIEWER_PDF}`), join(OUT, 'viewer-pdf.png')));
    console.log(`交付材料 Deliverables:\n    ${(await showDeliverables(context, OUT)).join('\n    ')}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
