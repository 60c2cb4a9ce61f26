/**
 * axe-core over every page of the built extension, light and dark: side panel, records (its three views and an
 * open report), options, rules, batch and opinion. The pages show real content first (stored audits, an audited tab,
 * a finished batch), since an empty page hides most of what could fail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { buildAuditsFile } from '@/lib/app/export/json';
import { opinionPage, reportPage } from '@/lib/app/ext-pages';
import { AUDITS } from '../helpers/deliverables';
import { axeViolations } from '../portal/axe';
import { extensionId, launch, newProfile, waitForAudit } from '../portal/browser';
import { startPortal, type Portal } from '../portal/server';

let context: BrowserContext;
let id: string;
let portal: Portal;
let report: Page;
let batchUrl: string;

beforeAll(async () => {
  portal = await startPortal();
  context = await launch(newProfile());
  id = await extensionId(context);
  // Stored audits, through the records page's import.
  const records = await extensionPage('/records.html', 'light');
  const file = buildAuditsFile(
    AUDITS.map((a) => a.record),
    AUDITS.flatMap((a) => a.notes),
    new Date(),
  );
  await records.locator('input[type=file]').setInputFiles({ name: 'audits.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await records.waitForFunction(() => /已导入/.test(document.querySelector('.transfer')?.textContent ?? ''), undefined, { timeout: 15_000 });
  await records.close();
  // A batch run to its end, from the portal's list page.
  const list = await context.newPage();
  await list.goto(portal.url('/portal/list.html'));
  const offer = list.locator('report-audit-overlay .bar .list-offer button');
  await offer.waitFor({ timeout: 10_000 });
  const [batch] = await Promise.all([context.waitForEvent('page'), offer.click()]);
  await batch.locator('.done-note').waitFor({ timeout: 60_000 });
  batchUrl = new URL(batch.url()).pathname + new URL(batch.url()).search;
  await batch.close();
  await list.close();
  // An audited tab for the side panel to show.
  report = await context.newPage();
  await report.goto(portal.url('/defects/identity.html'));
  await waitForAudit(report);
});
afterAll(async () => {
  await context?.close();
  await portal?.close();
});

type Scheme = 'light' | 'dark';

async function extensionPage(path: string, colorScheme: Scheme): Promise<Page> {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme });
  await page.goto(`chrome-extension://${id}${path}`);
  return page;
}

/** Each page, what to wait for before it is checked. */
const PAGES: { name: string; path: () => string; ready: (page: Page) => Promise<unknown>; open?: (page: Page) => Promise<Page> }[] = [
  {
    name: 'side panel (an audited tab)',
    path: () => '/sidepanel.html',
    ready: async (page) => {
      await report.bringToFront();
      await expect.poll(() => page.locator('.finding').count()).toBeGreaterThan(0);
    },
  },
  {
    name: 'records: list',
    path: () => '/records.html',
    ready: (page) => expect.poll(() => page.locator('.records-table tbody tr').count()).toBeGreaterThan(3),
  },
  {
    name: 'records: a report open',
    path: () => reportPage(AUDITS[0]!.record.id),
    ready: (page) => expect.poll(() => page.locator('#detail .finding').count()).toBeGreaterThan(0),
  },
  {
    name: 'records: bodies × years',
    path: () => '/records.html#view=bodies',
    ready: (page) => expect.poll(() => page.locator('.bodies-table tbody tr').count()).toBeGreaterThan(1),
  },
  {
    name: 'records: statistics',
    path: () => '/records.html#view=stats',
    ready: (page) => expect.poll(() => page.locator('.stats-figure').count()).toBeGreaterThan(3),
  },
  { name: 'options', path: () => '/options.html', ready: (page) => expect.poll(() => page.locator('.rules li').count()).toBeGreaterThan(10) },
  { name: 'rules', path: () => '/rules.html', ready: (page) => expect.poll(() => page.locator('.rule-entry').count()).toBeGreaterThan(10) },
  { name: 'batch (finished)', path: () => batchUrl, ready: (page) => expect.poll(() => page.locator('.batch-row').count()).toBeGreaterThan(3) },
  {
    name: 'opinion',
    path: () => opinionPage(AUDITS[0]!.record.id),
    ready: (page) => expect.poll(() => page.locator('.opinion-findings li').count()).toBeGreaterThan(0),
  },
];

describe.each(['light', 'dark'] as const)('axe-core, %s pages', (scheme) => {
  it.each(PAGES)('$name has no violations', async ({ path, ready }) => {
    const page = await extensionPage(path(), scheme);
    await ready(page);
    // The scheme really applies: the page background follows it.
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe(scheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

/** What Tab reaches, in order, from the top of the page: each stop's tag, type and accessible-name hints. */
async function tabStops(page: Page, max: number): Promise<string[]> {
  const stops: string[] = [];
  await page.locator('body').focus();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      return `${el.tagName.toLowerCase()}${el instanceof HTMLInputElement ? `[${el.type}]` : ''} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 20) ?? ''}`;
    });
    if (stop === null || stops.includes(stop)) break;
    stops.push(stop);
  }
  return stops;
}

describe('keyboard', () => {
  // Every control is a Tab stop, except the records rows' roving focus (one row at a time, arrows move) and the
  // group row's toggle, which the row itself operates.
  it.each(PAGES)('$name: every control can be reached with Tab', async ({ path, ready }) => {
    const page = await extensionPage(path(), 'light');
    await ready(page);
    const unreachable = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')]
        .filter((el) => el.tabIndex < 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0)
        .filter((el) => !el.matches('.records-table tbody tr[data-key], .group-toggle'))
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unreachable).toEqual([]);
    await page.close();
  });

  it('reaches every control of the records page’s toolbar, the import included', async () => {
    const page = await extensionPage('/records.html', 'light');
    await expect.poll(() => page.locator('.records-table tbody tr').count()).toBeGreaterThan(3);
    const stops = await tabStops(page, 30);
    for (const want of [
      /^input\[search\] 搜索/,
      /^select 年度/,
      /^select 格式/,
      /^select 导出范围/,
      /^button 导出 CSV/,
      /^input\[file\]/,
      /^button 导出 Excel/,
    ]) {
      expect(
        stops.some((s) => want.test(s)),
        `${want} in ${stops.join(' | ')}`,
      ).toBe(true);
    }
    // The import is a native file input (Space opens its picker), hidden visually: its label shows the focus instead.
    await page.locator('input[type=file]').focus();
    expect(await page.locator('label.button:has(input[type=file])').evaluate((l) => getComputedStyle(l).outlineStyle)).toBe('solid');
    await page.locator('input[type=search]').focus();
    expect(await page.locator('label.button:has(input[type=file])').evaluate((l) => getComputedStyle(l).outlineStyle)).toBe('none');
    await page.close();
  });
});
