/** Issue 11 on the page: an attachment-only report offers 「审核附件」, which opens the viewer on that file (trusted clicks only). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { closePortalBrowser, openPortalBrowser, waitForAudit } from '../portal/browser';
import { PDF_REPORT_FILES } from '../portal/pages';
import type { Portal } from '../portal/server';

let portal: Portal;
let context: BrowserContext;
let id: string;

beforeAll(async () => {
  ({ portal, context, id } = await openPortalBrowser());
});
afterAll(() => closePortalBrowser(context, portal));

describe('审核附件', () => {
  it('opens viewer.html?src=<the link> on a click, and nothing on a page script’s click', async () => {
    const page = await context.newPage();
    await page.goto(portal.url('/pdf-portal/attachment-page.html'));
    await waitForAudit(page);
    const link = await page.locator('article a[href$=".pdf"]').evaluate((a) => (a as HTMLAnchorElement).href);
    expect(link).toBe(portal.url(`/files/pdf/${PDF_REPORT_FILES[0]}`));
    const button = page.locator('report-audit-overlay .bar .attachments button', { hasText: '审核附件' });
    await expect.poll(() => button.count()).toBe(1);
    expect(await button.getAttribute('data-attachment')).toBe(link);

    // A page script's click is untrusted: no tab opens.
    const pagesBefore = context.pages().length;
    await page.evaluate(() => document.querySelector('report-audit-overlay')!.shadowRoot!.querySelector<HTMLButtonElement>('.attachments button')!.click());
    await page.waitForTimeout(800);
    expect(context.pages().length).toBe(pagesBefore);

    const [viewer] = await Promise.all([context.waitForEvent('page'), button.click()]);
    await expect.poll(() => viewer.url()).toBe(`chrome-extension://${id}/viewer.html?src=${encodeURIComponent(link)}`);
    await viewer.close();
    await page.close();
  });

  it('a report with its text on the page offers no attachment', async () => {
    const page = await context.newPage();
    await page.goto(portal.url('/defects/identity.html'));
    await waitForAudit(page);
    expect(await page.locator('report-audit-overlay .bar .attachments').count()).toBe(0);
    await page.close();
  });
});
