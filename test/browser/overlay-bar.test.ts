/**
 * Issue 12 §8: the bar collapses and moves (keyboard and pointer), stands aside from the current finding, Esc closes a
 * tooltip, a clean report says 「未发现问题」, a framed report's bar is on screen, and axe-core finds nothing inside the overlay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations } from '../portal/axe';
import { launch, markers, newProfile, waitForAudit } from '../portal/browser';
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

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(portal.url(path));
  await waitForAudit(page);
  return page;
}

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const bar = (page: Page) => page.locator('report-audit-overlay .bar');

/** The bar's box, and which corner of the viewport it is nearest. */
async function barPlace(page: Page) {
  const box = (await bar(page).boundingBox())!;
  const view = page.viewportSize()!;
  const corner = `${box.y + box.height / 2 < view.height / 2 ? 't' : 'b'}${box.x + box.width / 2 < view.width / 2 ? 'l' : 'r'}`;
  return { box, corner };
}

describe('the bar', () => {
  it('a clean report says 「未发现问题」, and a report with findings does not', async () => {
    const clean = await open('/portal/2022/jyj/t20230120_32022.html');
    expect(await clean.locator('report-audit-overlay .bar [data-counts]').innerText()).toBe('未发现问题');
    expect(await markers(clean)).toEqual([]);
    await clean.close();
    const defect = await open('/defects/identity.html');
    expect(await defect.locator('report-audit-overlay .bar [data-counts]').innerText()).not.toContain('未发现问题');
    await defect.close();
  });

  it('collapses to one line and opens again, by keyboard', async () => {
    const page = await open('/defects/identity.html');
    const toggle = page.locator('report-audit-overlay .bar button.collapse');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const tall = (await bar(page).boundingBox())!.height;
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    expect((await bar(page).boundingBox())!.height).toBeLessThan(tall);
    expect(await page.locator('report-audit-overlay .bar button', { hasText: '隐藏标记' }).count()).toBe(0);
    // Collapsed, the counts stay in view.
    expect(await page.locator('report-audit-overlay .bar [data-counts]').innerText()).toMatch(/错误 \d+/);
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await page.close();
  });

  it('moves to each corner with the arrow keys and snaps to the corner it is dragged to', async () => {
    const page = await open('/defects/identity.html');
    expect((await barPlace(page)).corner).toBe('br');
    const handle = page.locator('report-audit-overlay .bar [data-bar-handle]');
    await handle.focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await barPlace(page)).corner).toBe('tr');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await barPlace(page)).corner).toBe('tl');
    const { box } = await barPlace(page);
    expect(box.x).toBeLessThan(40);
    expect(box.y).toBeLessThan(40);
    // Dragged with the pointer to the lower right, dropped there.
    const h = (await handle.boundingBox())!;
    await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
    await page.mouse.down();
    await page.mouse.move(1100, 800, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await barPlace(page)).corner).toBe('br');
    // A page script's key presses move nothing.
    await page.evaluate(() =>
      document
        .querySelector('report-audit-overlay')!
        .shadowRoot!.querySelector('[data-bar-handle]')!
        .dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true })),
    );
    await page.waitForTimeout(300);
    expect((await barPlace(page)).corner).toBe('br');
    await page.close();
  });

  it('never covers the current finding or its tooltip: it moves to another corner', async () => {
    const page = await context.newPage();
    // Small enough that, at the lower right, the bar would cover the marker's tooltip.
    await page.setViewportSize({ width: 1280, height: 520 });
    await page.goto(portal.url('/defects/identity.html'));
    await waitForAudit(page);
    const size = (await bar(page).boundingBox())!;
    await page.keyboard.press('Alt+Shift+N');
    const current = page.locator('report-audit-overlay .marker[data-cell="t3/3.7/total"]');
    await expect.poll(() => current.locator('.tip').isVisible()).toBe(true);
    await page.waitForTimeout(400);
    const marker = (await current.boundingBox())!;
    const tip = (await current.locator('.tip').boundingBox())!;
    // Where the user left it (lower right), it would cover them: the test can fail.
    const atHome = { x: 1280 - 16 - size.width, y: 520 - 16 - size.height, width: size.width, height: size.height };
    expect(overlap(atHome, marker) || overlap(atHome, tip)).toBe(true);
    await expect.poll(async () => (await barPlace(page)).corner).not.toBe('br');
    const now = (await barPlace(page)).box;
    expect(overlap(now, marker)).toBe(false);
    expect(overlap(now, tip)).toBe(false);
    await page.close();
  });

  it('Esc closes an open tooltip; pointing at a marker again opens it', async () => {
    const page = await open('/defects/identity.html');
    const marker = page.locator('report-audit-overlay .marker[data-cell="t3/3.7/total"]');
    await marker.hover();
    const tip = marker.locator('.tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
    await page.mouse.move(5, 5);
    await marker.hover();
    await expect.poll(() => tip.isVisible()).toBe(true);
    // Focused by keyboard, Esc closes it too.
    await page.keyboard.press('Alt+Shift+N');
    await expect
      .poll(() => page.evaluate(() => document.querySelector('report-audit-overlay')!.shadowRoot!.activeElement?.classList.contains('marker')))
      .toBe(true);
    await page.mouse.move(5, 5);
    const focused = page.locator('report-audit-overlay .marker:focus .tip');
    await expect.poll(() => focused.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => focused.isVisible()).toBe(false);
    await page.close();
  });

  it('a report in a tall iframe shows its bar on screen, also after the page scrolls', async () => {
    const page = await context.newPage();
    await page.goto(portal.url('/framed.html'));
    const frameBar = page.frameLocator('#article').locator('report-audit-overlay .bar');
    await frameBar.waitFor({ timeout: 10_000 });
    const view = page.viewportSize()!;
    const inView = async () => {
      const b = await frameBar.boundingBox(); // in the top page's coordinates
      return !!b && b.y >= 0 && b.y + b.height <= view.height && b.x >= 0 && b.x + b.width <= view.width;
    };
    await expect.poll(inView).toBe(true);
    await page.mouse.wheel(0, 900);
    await page.waitForTimeout(300);
    await expect.poll(inView).toBe(true);
    await page.close();
  });
});

describe('accessibility inside the overlay', () => {
  it('axe-core finds no violation in the bar and markers, with a tooltip open and with the bar collapsed', async () => {
    const page = await open('/defects/identity.html');
    expect(await axeViolations(page, 'report-audit-overlay')).toEqual([]);
    await page.keyboard.press('Alt+Shift+N');
    await expect.poll(() => page.locator('report-audit-overlay .marker:focus .tip').isVisible()).toBe(true);
    expect(await axeViolations(page, 'report-audit-overlay')).toEqual([]);
    await page.locator('report-audit-overlay .bar button.collapse').click();
    expect(await axeViolations(page, 'report-audit-overlay')).toEqual([]);
    await page.close();
    const attachments = await open('/pdf-portal/attachment-page.html');
    expect(await axeViolations(attachments, 'report-audit-overlay')).toEqual([]);
    await attachments.close();
  });
});
