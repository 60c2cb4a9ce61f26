/**
 * Issue 10 §4: a compilation of 100 reports is audited report by report, each part with its own
 * findings and markers. How long its tasks take is a figure of `npm run bench:browser`, not a test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { closePortalBrowser, openPortalBrowser, waitForAudit } from '../portal/browser';
import type { Portal } from '../portal/server';

let portal: Portal | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
  ({ portal, context } = await openPortalBrowser());
});
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
});
