/** Issue 12 §5 on the page: a finding marked 误报 in the side panel is dimmed and uncounted, and stays so after a reload. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { closePortalBrowser, openPortalBrowser, waitForAudit } from '../portal/browser';
import type { Portal } from '../portal/server';

let portal: Portal;
let context: BrowserContext;
let id: string;

beforeAll(async () => {
  ({ portal, context, id } = await openPortalBrowser());
});
afterAll(() => closePortalBrowser(context, portal));

const CELL = 't3/3.7/total';

/** The marker on the wrong cell: whether it is dimmed, and its opacity as drawn. */
const markerState = (page: Page) =>
  page.evaluate((cell) => {
    const m = document.querySelector('html > report-audit-overlay')!.shadowRoot!.querySelector<HTMLElement>(`.marker[data-cell="${cell}"]`);
    return m ? { settled: m.dataset.settled !== undefined, opacity: Number(getComputedStyle(m).opacity) } : null;
  }, CELL);

const errorCount = async (page: Page) => Number(/错误 (\d+)/.exec(await page.locator('report-audit-overlay .bar [data-counts]').innerText())![1]);

describe('误报 on the page', () => {
  it('a finding marked 误报 is dimmed and uncounted, and stays so after the page is reloaded and audited again', async () => {
    const report = await context.newPage();
    await report.goto(portal.url('/defects/identity.html'));
    await waitForAudit(report);
    await expect.poll(() => markerState(report)).toEqual({ settled: false, opacity: 1 });
    const before = await errorCount(report);
    expect(before).toBeGreaterThanOrEqual(1);
    expect(await report.locator('report-audit-overlay .bar [data-settled-toggle]').count()).toBe(0);

    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${id}/sidepanel.html`);
    await report.bringToFront();
    const card = panel.locator('.finding', { hasText: '(七)总计' }).first();
    await expect.poll(() => card.count()).toBe(1);
    await card.locator('select.status').selectOption('false_positive');

    await expect.poll(() => markerState(report)).toMatchObject({ settled: true });
    expect((await markerState(report))!.opacity).toBeLessThan(1);
    await expect.poll(() => errorCount(report)).toBe(before - 1);
    // The toggle counts it again, and leaves it out again.
    const toggle = report.locator('report-audit-overlay .bar [data-settled-toggle]');
    await toggle.click();
    await expect.poll(() => errorCount(report)).toBe(before);
    await toggle.click();
    await expect.poll(() => errorCount(report)).toBe(before - 1);

    await report.reload();
    await waitForAudit(report);
    await expect.poll(() => markerState(report)).toMatchObject({ settled: true });
    await expect.poll(() => errorCount(report)).toBe(before - 1);

    // Back to 待核实: bright and counted again.
    await panel.bringToFront();
    await report.bringToFront();
    const again = panel.locator('.finding', { hasText: '(七)总计' }).first();
    await again.locator('select.status').selectOption('pending');
    await expect.poll(() => markerState(report)).toEqual({ settled: false, opacity: 1 });
    await expect.poll(() => errorCount(report)).toBe(before);
    await panel.close();
    await report.close();
  });
});
