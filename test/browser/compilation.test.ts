/**
 * Issue 10 §4: a compilation of 100 reports is audited report by report, each part with its own
 * findings and markers. How long its tasks take is a figure of `npm run bench:browser`, not a test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { browser as ExtensionApi } from 'wxt/browser';
import type { Request, Response } from '@/lib/app/messages';
import { partKey } from '@/lib/engine/finding-id';
import { bodyAgency, bodyTitle, PLANTED_BODY } from '../helpers/compilation';
import { closePortalBrowser, openPortalBrowser, waitForAudit } from '../portal/browser';
import type { Portal } from '../portal/server';

/** The extension page's own `chrome`, inside page.evaluate callbacks. */
declare const chrome: typeof ExtensionApi;

let portal: Portal | undefined;
let context: BrowserContext | undefined;
let id = '';

beforeAll(async () => {
  ({ portal, context, id } = await openPortalBrowser());
});

function request<M extends Request>(page: Page, message: M): Promise<Response<M['type']>> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m) as Promise<Response<M['type']>>, message);
}
afterAll(() => closePortalBrowser(context, portal));

/** Which parts (from the `pN-` of the finding ids) have a marker on the cell. */
const partsMarkedOn = (cell: string) =>
  Array.from(document.querySelector('html > report-audit-overlay')!.shadowRoot!.querySelectorAll<HTMLElement>(`.marker[data-cell="${cell}"]`), (m) =>
    (m.dataset.finding ?? '').split(' ').map((id) => Number(/^p(\d+)-/.exec(id)?.[1] ?? 0)),
  )
    .flat()
    .sort((a, b) => a - b);

describe('a compilation of 100 reports on one page', () => {
  it('marks the wrong cell of every report, each marker its own report’s finding, and counts them all', async () => {
    const page = await context!.newPage();
    await page.goto(portal!.url('/perf/compilation-errors.html'));
    await waitForAudit(page, 60_000);
    const all = Array.from({ length: 100 }, (_, i) => i + 1);
    await expect.poll(() => page.evaluate(partsMarkedOn, 't3/3.7/total'), { timeout: 30_000 }).toEqual(all);
    const bar = await page.evaluate(() => document.querySelector('html > report-audit-overlay')!.shadowRoot!.querySelector<HTMLElement>('.bar')!.innerText);
    expect(bar).toContain('年报汇编（100 份）');
    // One wrong cell per report, nothing else: the combined count is the reports'.
    expect(bar).toContain('错误 100');
    await page.close();
  });

  it('stores each report as a record of its own, under the page’s URL and its part', async () => {
    const url = portal!.url('/perf/compilation-errors.html');
    const page = await context!.newPage();
    await page.goto(url);
    await waitForAudit(page, 60_000);
    const records = await context!.newPage();
    await records.goto(`chrome-extension://${id}/records.html`);
    const record = async (n: number) => {
      const answer = await request(records, { type: 'report:get', reportId: partKey(url, n) });
      return answer.ok ? answer.state?.record : undefined;
    };
    await expect.poll(async () => (await record(100))?.title, { timeout: 60_000 }).toBe(bodyTitle(100));
    for (const n of [1, 37]) {
      const r = await record(n);
      expect(r?.title).toBe(bodyTitle(n));
      expect(r?.findings.map((f) => [f.rule, f.cells?.map((c) => `${c.table}/${c.row}/${c.column}`)])).toEqual([['cell-wrong', ['t3/3.7/total']]]);
    }
    await records.close();
    await page.close();
  });
});

describe('the side panel on a compilation', () => {
  it('offers the compilation’s reports and shows the one the auditor chooses, with its own findings, revealed on its own cell', async () => {
    const page = await context!.newPage();
    await page.goto(portal!.url('/compilation/three.html'));
    await waitForAudit(page);
    const panel = await context!.newPage();
    await panel.goto(`chrome-extension://${id}/sidepanel.html`);
    await page.bringToFront();
    const choice = panel.locator('label.parts select');
    await expect
      .poll(() => choice.locator('option').allInnerTexts(), { timeout: 15_000 })
      .toEqual([1, 2, 3].map((n) => `第 ${n} 份：${bodyAgency(n)}（2023 年度）`));
    // The first report stands for the page until another is chosen; it is clean.
    await expect.poll(() => panel.locator('h2').first().innerText()).toBe(bodyAgency(1));
    expect(await panel.locator('.finding.sev-border-error').count()).toBe(0);
    await choice.selectOption({ index: PLANTED_BODY - 1 });
    await expect.poll(() => panel.locator('h2').first().innerText()).toBe(bodyAgency(PLANTED_BODY));
    const error = panel.locator('.finding.sev-border-error');
    await expect.poll(() => error.count()).toBe(1);
    // Its reveal reaches the marker of that report's cell (the overlay names it p2-…), not the first report's.
    await error.locator('button.reveal').click();
    const current = () =>
      page.evaluate(() => document.querySelector('html > report-audit-overlay')!.shadowRoot!.querySelector<HTMLElement>('[data-current]')?.dataset.current);
    await expect.poll(current).toMatch(new RegExp(`^p${PLANTED_BODY}-`));
    // The marker focused is that finding's, on the planted cell.
    const focused = () =>
      page.evaluate(() => {
        const el = document.querySelector('html > report-audit-overlay')!.shadowRoot!.activeElement as HTMLElement | null;
        return el ? [el.dataset.cell, el.dataset.finding] : null;
      });
    await expect.poll(focused).toEqual(['t3/3.7/total', expect.stringMatching(new RegExp(`^p${PLANTED_BODY}-`))]);
    await panel.close();
    await page.close();
  });
});
