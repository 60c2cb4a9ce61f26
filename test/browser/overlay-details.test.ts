/**
 * Issue 8 on the page: the tooltip shows inferred values and a wrong cell's evidence, the side panel's card shows
 * both, and tables published as pictures are marked on their <img> elements.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { closePortalBrowser, markers, openPortalBrowser, waitForAudit } from '../portal/browser';
import type { Portal } from '../portal/server';

let portal: Portal;
let context: BrowserContext;
let id: string;

beforeAll(async () => {
  ({ portal, context, id } = await openPortalBrowser());
});
afterAll(() => closePortalBrowser(context, portal));

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(portal.url(path));
  await waitForAudit(page);
  return page;
}

/** The side panel, following `report` (the tab it shows is the active one). */
async function panelFor(report: Page): Promise<Page> {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${id}/sidepanel.html`);
  await report.bringToFront();
  return panel;
}

describe('tooltip and finding card', () => {
  it('a wrong cell lists the identities it breaks (3.7 total of 001 changed from 1 to 2: balance, results sum, row total)', async () => {
    const page = await open('/defects/identity.html');
    const marker = page.locator('report-audit-overlay .marker[data-cell="t3/3.7/total"]');
    await marker.hover();
    const evidence = marker.locator('.tip [data-evidence]');
    await expect.poll(() => evidence.isVisible()).toBe(true);
    expect(await evidence.locator('li').count()).toBe(3);
    expect(await evidence.innerText()).toMatch(/因此不符/);
    // A finding without evidence shows none.
    const other = page.locator('report-audit-overlay .marker[data-section="s5"] .tip [data-evidence]');
    expect(await other.count()).toBe(0);

    const panel = await panelFor(page);
    const card = panel.locator('.finding', { hasText: '(七)总计' }).first();
    await expect.poll(() => card.count()).toBe(1);
    await card.locator('details.evidence summary').click();
    expect(await card.locator('details.evidence li').count()).toBe(3);
    expect(await card.locator('details.evidence summary').innerText()).toContain('（3）');
    expect(await card.locator('dt', { hasText: '推算值' }).count()).toBe(0);
    await panel.close();
    await page.close();
  });

  it('a blank cell the identities determine shows its inferred value (3.7 total of 001 is 1)', async () => {
    const page = await open('/defects/blank.html');
    const marker = page.locator('report-audit-overlay .marker[data-cell="t3/3.7/total"]');
    await expect.poll(() => marker.getAttribute('data-rule')).toContain('cell-missing');
    await marker.hover();
    const inferred = marker.locator('.tip [data-inferred]');
    await expect.poll(() => inferred.isVisible()).toBe(true);
    expect(await inferred.innerText()).toMatch(/^推算值：第三部分 · \(七\)总计 · 总计 = 1$/);

    const panel = await panelFor(page);
    const card = panel.locator('.finding', { hasText: '未填写数值' }).first();
    await expect.poll(() => card.count()).toBe(1);
    const fact = card.locator('.fact', { has: panel.locator('dt', { hasText: '推算值' }) });
    expect(await fact.locator('dd').innerText()).toBe('第三部分 · (七)总计 · 总计 = 1');
    expect(await card.locator('details.evidence').count()).toBe(0);
    await panel.close();
    await page.close();
  });

  it('tables shown as images are marked on each picture, and the logo is not', async () => {
    const page = await open('/layouts/tables-as-images.html');
    await expect.poll(async () => (await markers(page)).filter((m) => m.rule === 'tables-as-images').length).toBe(3);
    for (const src of ['/files/t2.png', '/files/t3.png', '/files/t4.png']) {
      const img = await page.locator(`img[src="${src}"]`).boundingBox();
      const marks = await page.evaluate(() =>
        Array.from(
          document.querySelector('html > report-audit-overlay')!.shadowRoot!.querySelectorAll<HTMLElement>('.marker[data-image]'),
          (m) => m.getBoundingClientRect().toJSON() as DOMRect,
        ),
      );
      expect(
        marks.some((m) => Math.abs(m.x - img!.x) < 2 && Math.abs(m.y - img!.y) < 2 && Math.abs(m.width - img!.width) < 2),
        src,
      ).toBe(true);
    }
    const logo = await page.locator('img[alt="logo"]').boundingBox();
    const all = await markers(page);
    expect(all.every((m) => !(Math.abs(m.width - logo!.width) < 1 && Math.abs(m.height - logo!.height) < 1))).toBe(true);
    await page.close();
  });
});
