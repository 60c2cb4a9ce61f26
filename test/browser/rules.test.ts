import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { RULE_META } from '@/lib/engine/rules';
import { closePortalBrowser, openPortalBrowser, waitForAudit } from '../portal/browser';
import type { Portal } from '../portal/server';

let portal: Portal;
let context: BrowserContext;
let id: string;

beforeAll(async () => {
  ({ portal, context, id } = await openPortalBrowser());
});
afterAll(() => closePortalBrowser(context, portal));

const t3Balance = RULE_META.find((r) => r.id === 't3-balance')!;

async function opened(action: () => Promise<unknown>): Promise<Page> {
  const [page] = await Promise.all([context.waitForEvent('page'), action()]);
  await page.waitForLoadState();
  return page;
}

describe('rule reference', () => {
  it('rules.html#t3-balance shows that rule, in view: what it checks, why, an example', async () => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/rules.html#t3-balance`);
    const entry = page.locator('.rule-entry.current');
    await entry.waitFor();
    expect(await entry.getAttribute('id')).toBe('t3-balance');
    const text = await entry.innerText();
    for (const part of [t3Balance.title.zh, t3Balance.title.en, '错误', t3Balance.description.zh, t3Balance.basis, t3Balance.example])
      expect(text).toContain(part);
    const top = await entry.evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(100);
    expect(await page.locator('.rule-entry').count()).toBe(RULE_META.length);
    // Following another rule's anchor moves the highlight.
    await page.locator('.toc a[href="#cross-year-carryover"]').click();
    await expect.poll(() => page.locator('.rule-entry.current').getAttribute('id')).toBe('cross-year-carryover');
    await page.close();
  });

  it('opens from a marker’s tooltip on the page, through the background', async () => {
    const report = await context.newPage();
    await report.goto(portal.url('/defects/identity.html'));
    await waitForAudit(report);
    // The changed (七)总计 is marked once, as the wrong cell that breaks the identities.
    const marker = report.locator('report-audit-overlay .marker[data-rule~="cell-wrong"]').first();
    await marker.hover();
    const rules = await opened(() => marker.locator('[data-rule-link="cell-wrong"]').click());
    expect(rules.url()).toBe(`chrome-extension://${id}/rules.html#cell-wrong`);
    await rules.locator('.rule-entry.current#cell-wrong').waitFor();
    await rules.close();
    await report.close();
  });

  it('opens from a finding card’s rule name, and from the options page', async () => {
    const records = await context.newPage();
    await records.goto(`chrome-extension://${id}/records.html`);
    await records.locator('.records-table tbody tr').first().click();
    const link = records.locator('#detail .finding a.rule').first();
    const rule = (await link.getAttribute('href'))!.replace('/rules.html#', '');
    expect(RULE_META.map((r) => r.id)).toContain(rule);
    const fromCard = await opened(() => link.click());
    expect(fromCard.url()).toBe(`chrome-extension://${id}/rules.html#${rule}`);
    await fromCard.close();
    await records.close();

    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    const refs = options.locator('.rules li a.rule-ref');
    await expect.poll(() => refs.count()).toBe(RULE_META.length);
    expect(await refs.first().getAttribute('href')).toBe(`/rules.html#${RULE_META[0]!.id}`);
    await options.close();
  });
});
