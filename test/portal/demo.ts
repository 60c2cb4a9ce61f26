/**
 * `npm run demo`: serves the sample portal on 127.0.0.1 and opens it in Chromium with the built
 * extension. With a display, a browser window to explore; without one, headless: prints what the
 * extension found on each page and saves screenshots under artifacts/demo/.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, markers, newProfile } from './browser';
import { showDeliverables } from './deliverables-demo';
import { NONREPORT_FILES, REPORT_FILES } from './pages';
import { startPortal } from './server';

const OUT = resolve(import.meta.dirname, '..', '..', 'artifacts', 'demo');
const headed = !!process.env.DISPLAY && !process.env.CI && !process.argv.includes('--headless');

const PAGES = [
  '/defects/identity.html', '/defects/missing-section.html', '/hostile-css.html', '/late.html',
  ...REPORT_FILES.map((f) => `/reports/${f}`), ...NONREPORT_FILES.map((f) => `/reports/${f}`),
];

async function summarize(page: Page): Promise<string> {
  const bar = await page
    .waitForFunction(() => document.querySelector('report-audit-overlay')?.shadowRoot?.querySelector('.bar [data-counts]'), undefined, { timeout: 6000 })
    .then(() => true, () => false);
  if (!bar) return '未识别为年报，无标记 · not a report, no overlay';
  const ms = await markers(page);
  const text = await page.evaluate(() => document.querySelector('report-audit-overlay')!.shadowRoot!.querySelector('.bar .row')!.textContent!.replace(/^年报审计助手/, ''));
  const counts = await page.evaluate(() => Array.from(document.querySelector('report-audit-overlay')!.shadowRoot!.querySelectorAll('[data-counts] span'), (s) => s.textContent).join(' '));
  const rules = [...new Set(ms.flatMap((m) => m.rule.split(' ')))].join(' ');
  return `${text.trim()} | ${counts} | ${ms.length} 个标记 markers${rules ? ` (${rules})` : ''}`;
}

async function main() {
  const portal = await startPortal(Number(process.env.PORT ?? 0));
  const context = await launch(newProfile(), { headed });
  console.log(`示范门户 Demo portal: ${portal.url('/')}  (*.gov.cn → 127.0.0.1)`);
  if (headed) {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(portal.url('/'));
    for (const p of ['/defects/identity.html', '/reports/002-semantic.html', '/portal/list.html']) await (await context.newPage()).goto(portal.url(p));
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
    console.log(`交付材料 Deliverables:\n    ${(await showDeliverables(context, OUT)).join('\n    ')}`);
    await context.close();
  }
  await portal.close();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
