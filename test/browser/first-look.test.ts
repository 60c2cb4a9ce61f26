/**
 * Issue 10 §1, §3: the always-on script is tiny, ordinary pages never load the auditor, and a
 * clock on a report page re-audits nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { AUDITOR_SCRIPT, FIRST_LOOK_SCRIPT } from '@/lib/app/content-scripts';
import { RULE_META } from '@/lib/engine/rules';
import { EXTENSION_DIR, launch, newProfile, waitForAudit, watchScripts } from '../portal/browser';
import { startPortal, type Portal } from '../portal/server';

let portal: Portal;
let context: BrowserContext;

beforeAll(async () => {
  portal = await startPortal();
  context = await launch(newProfile());
});
afterAll(async () => {
  await context?.close();
  await portal?.close();
});

/** Opens a page with its scripts recorded from the start. */
async function open(path: string): Promise<{ page: Page; scripts: () => string[] }> {
  const page = await context.newPage();
  const scripts = await watchScripts(page);
  await page.goto(portal.url(path));
  return { page, scripts };
}

/** A script of the extension by its file, whatever query its URL carries (the auditor's is unique to each injection). */
const isFile = (url: string, file: string) => url.startsWith('chrome-extension://') && new URL(url).pathname === `/${file}`;
const loaded = (scripts: string[], file: string) => scripts.some((u) => isFile(u, file));

describe('the first look', () => {
  it('is at most 3 KB gzip in the production build, and the manifest injects nothing (the background injects it)', () => {
    const file = join(EXTENSION_DIR, FIRST_LOOK_SCRIPT);
    const gzip = gzipSync(readFileSync(file)).length;
    expect(gzip).toBeLessThanOrEqual(3 * 1024);
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { content_scripts?: unknown[] };
    expect(manifest.content_scripts ?? []).toEqual([]);
  });

  it('runs after the load event, and once per frame however often the tab completes', async () => {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const parsed: { url: string; at: number }[] = [];
    cdp.on('Debugger.scriptParsed', (e: { url: string }) => parsed.push({ url: e.url, at: Date.now() }));
    await cdp.send('Debugger.enable');
    const count = (file: string) => parsed.filter((s) => isFile(s.url, file)).length;
    await page.goto(portal.url('/perf/report.html'));
    await waitForAudit(page).catch((e) => {
      throw new Error(`${(e as Error).message} ${JSON.stringify(parsed.filter((p) => p.url.startsWith('chrome-extension')))}`);
    });
    const loadEnd = await page.evaluate(
      () => performance.timeOrigin + (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
    );
    expect(parsed.find((s) => isFile(s.url, FIRST_LOOK_SCRIPT))!.at).toBeGreaterThanOrEqual(Math.floor(loadEnd));
    expect([count(FIRST_LOOK_SCRIPT), count(AUDITOR_SCRIPT)]).toEqual([1, 1]);
    // Imported as a module by the first look itself, under the session's URL with a query of its own (entrypoints/first-look.ts),
    // not executed as a file (that would compile it on the page's main thread) nor injected through the background (a round trip).
    const auditor = new URL(parsed.find((s) => isFile(s.url, AUDITOR_SCRIPT))!.url);
    expect(auditor.search).toMatch(/^\?0\.\d+$/);
    // A frame loaded later (no tab load completes for it): the first look comes into every frame again,
    // the new frame gets its look, and the report's frame, which has looked already, asks for no second auditor.
    await page.evaluate(async (src) => {
      const frame = Object.assign(document.createElement('iframe'), { src });
      document.body.append(frame);
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    }, portal.url('/perf/tiny.html'));
    await expect.poll(() => count(FIRST_LOOK_SCRIPT), { timeout: 10_000 }).toBe(3);
    await page.waitForTimeout(1500);
    expect(count(AUDITOR_SCRIPT)).toBe(1);
    await page.close();
  });

  it('brings an auditor of at most 56 KB gzip in the production build (49 KB; 74 KB while it held the engine)', () => {
    const gzip = gzipSync(readFileSync(join(EXTENSION_DIR, AUDITOR_SCRIPT))).length;
    expect(gzip).toBeLessThanOrEqual(56 * 1024);
  });

  it("both scripts that run in portal pages carry V8's compile hint, and only they (wxt.config.ts compileEagerly)", () => {
    const HINT = '//# allFunctionsCalledOnLoad\n';
    for (const file of [FIRST_LOOK_SCRIPT, AUDITOR_SCRIPT]) expect(readFileSync(join(EXTENSION_DIR, file), 'utf8').startsWith(HINT)).toBe(true);
    expect(readFileSync(join(EXTENSION_DIR, 'background.js'), 'utf8')).not.toContain(HINT);
  });

  it('leaves the parse and the rules to the background: the auditor bundles no rule', () => {
    const auditor = readFileSync(join(EXTENSION_DIR, AUDITOR_SCRIPT), 'utf8');
    const background = readFileSync(join(EXTENSION_DIR, 'background.js'), 'utf8');
    for (const r of RULE_META) {
      // The description's opening words mark the rule's module: a description may end in a shared note the bundle keeps apart.
      const marker = r.description.zh.slice(0, 40);
      expect(background, r.id).toContain(marker);
      expect(auditor, r.id).not.toContain(marker);
    }
  });

  it.each(['/perf/tiny.html', '/perf/large-clock.html', '/reports/nonreport-news.html', '/reports/nonreport-budget.html'])(
    '%s runs the first look and never loads the auditor',
    async (path) => {
      const { page, scripts } = await open(path);
      await page.waitForTimeout(2500);
      expect(loaded(scripts(), FIRST_LOOK_SCRIPT)).toBe(true);
      expect(loaded(scripts(), AUDITOR_SCRIPT)).toBe(false);
      await page.close();
    },
  );

  it('a report page and a list of reports do load the auditor', async () => {
    for (const path of ['/perf/report.html', '/portal/list.html']) {
      const { page, scripts } = await open(path);
      await expect.poll(() => loaded(scripts(), AUDITOR_SCRIPT), { timeout: 10_000 }).toBe(true);
      await page.close();
    }
  });
});

describe('nothing while idle', () => {
  it('a clock on a report page re-audits nothing and redraws nothing', async () => {
    const { page } = await open('/perf/report-clock.html');
    await waitForAudit(page);
    // Past the save's reply (which re-renders with the stored record) and the first layout pass.
    await page.waitForTimeout(1500);
    const runs = () => page.evaluate(() => document.querySelector('html > report-audit-overlay')!.getAttribute('data-audit-runs'));
    const before = await runs();
    const changes = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let n = 0;
          const root = document.querySelector('html > report-audit-overlay')!.shadowRoot!;
          const observer = new MutationObserver((records) => (n += records.length));
          observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
          setTimeout(() => {
            observer.disconnect();
            resolve(n);
          }, 3500);
        }),
    );
    const clock = await page.locator('#clock').innerText();
    expect(clock).toMatch(/^\d\d:\d\d:\d\d$/); // the clock did tick
    expect(changes).toBe(0);
    expect(await runs()).toBe(before);
    await page.close();
  });

  it('an edit of a cell of the report does re-audit it', async () => {
    const { page } = await open('/perf/report-clock.html');
    await waitForAudit(page);
    await page.waitForTimeout(1000);
    const runs = () => page.evaluate(() => Number(document.querySelector('html > report-audit-overlay')!.getAttribute('data-audit-runs')));
    const before = await runs();
    await page.evaluate(() => {
      const cell = Array.from(document.querySelectorAll('td')).find((td) => /^\d+$/.test(td.textContent!.trim()))!;
      cell.textContent = String(Number(cell.textContent) + 7);
    });
    await expect.poll(runs, { timeout: 5000 }).toBeGreaterThan(before);
    await page.close();
  });
});
