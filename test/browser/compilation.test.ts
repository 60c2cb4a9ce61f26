/**
 * Issue 10 §4: a compilation of 100 reports is audited report by report, each part with its own
 * findings and markers. How long its tasks take is a figure of `npm run bench:browser`, not a test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { browser as ExtensionApi } from 'wxt/browser';
import type { Request, Response } from '@/lib/app/messages';
import { partKey } from '@/lib/engine/finding-id';
import { bodyTitle } from '../helpers/compilation';
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
