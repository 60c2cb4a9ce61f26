import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { browser as ExtensionApi } from 'wxt/browser';
import type { Request, Response } from '@/lib/app/messages';
import { closePortalBrowser, openPortalBrowser } from '../portal/browser';
import type { Portal } from '../portal/server';
import { SYNTHETIC_REPORT_COUNT } from '../portal/synthetic';
import { auditBytes } from '../../cli/files';
import { onePart } from '../helpers/one-part';
import { FILES, PDF_REPORT_FILES } from '../portal/pages';

/** The page's own `chrome`, inside page.evaluate callbacks. */
declare const chrome: typeof ExtensionApi;

let portal: Portal;
let context: BrowserContext;
let id: string;

beforeAll(async () => {
  ({ portal, context, id } = await openPortalBrowser());
});
afterAll(() => closePortalBrowser(context, portal));

const TOTAL = String(SYNTHETIC_REPORT_COUNT);

/** Opens the portal's list page and clicks the overlay's audit-all button; answers the batch page it opens. */
async function startFromList(path = '/portal/list.html', count = 12): Promise<Page> {
  const list = await context.newPage();
  await list.goto(portal.url(path));
  const button = list.locator('report-audit-overlay .bar .list-offer button');
  await expect.poll(() => button.textContent(), { timeout: 10_000 }).toBe(`审核本页列出的 ${count} 份年报`);
  const [batch] = await Promise.all([context.waitForEvent('page'), button.click()]);
  await batch.waitForLoadState();
  expect(batch.url()).toMatch(new RegExp(`^chrome-extension://${id}/batch\\.html\\?job=[\\w-]+$`));
  await list.close();
  return batch;
}

const progress = (page: Page, key: 'done' | 'failed' | 'total') => page.locator('.batch-progress').getAttribute(`data-${key}`);
const doneUrls = (page: Page) => page.locator('.batch-row[data-status=done]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.url!));
const pathOf = (url: string) => new URL(url).pathname;

async function request<M extends Request>(page: Page, message: M): Promise<Response<M['type']>> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m) as Promise<Response<M['type']>>, message);
}

describe('batch audit of a portal’s list', () => {
  it('audits every report of both list pages from the overlay, and stores them with their cross-year findings', async () => {
    const batch = await startFromList();
    // Pagination first: the second page's links join the total before any report is fetched.
    await expect.poll(() => progress(batch, 'total'), { timeout: 10_000 }).toBe(TOTAL);
    expect(Number(await progress(batch, 'done'))).toBeLessThan(SYNTHETIC_REPORT_COUNT);
    await expect.poll(() => progress(batch, 'done'), { timeout: 60_000 }).toBe(TOTAL);
    expect(await progress(batch, 'failed')).toBe('0');
    expect(await batch.locator('.done-note').count()).toBe(1);
    expect(portal.requests.get('/portal/list_1.html')).toBe(1);

    // Stored like audits made by hand, cross-year checks run across the years.
    const urls = await doneUrls(batch);
    expect(urls).toHaveLength(SYNTHETIC_REPORT_COUNT);
    const rules = async (slug: string, year: number) => {
      const answer = await request(batch, { type: 'report:get', reportId: urls.find((u) => u.includes(`/${year}/${slug}/`))! });
      return answer.ok ? answer.state!.record.findings.map((f) => f.rule) : [answer.error];
    };
    expect(await rules('sfj', 2023)).toEqual(['cross-year-carryover', 'cross-year-carryover']);
    expect(await rules('zjj', 2023)).toEqual(['cross-year-in-force']);
    expect(await rules('jtj', 2023)).toEqual(['cross-year-carryover', 'cross-year-carryover']);
    expect(await rules('scjgj', 2023)).toEqual(['report-attachment-only']);
    expect(await rules('wjw', 2023)).toEqual(['published-late']);
    expect(await rules('jyj', 2023)).toEqual([]);
    // Counts are live: the 司法局 2023 row shows its two errors whichever year was stored first.
    const sfj = batch.locator('.batch-row', { has: batch.locator(`a[href*="/2023/sfj/"]`) });
    await expect.poll(() => sfj.locator('.count.sev-error').textContent()).toBe('错误 2');

    // The results link to the report's findings in the records page.
    const [records] = await Promise.all([context.waitForEvent('page'), sfj.getByRole('link', { name: '查看问题' }).click()]);
    await expect.poll(() => records.locator('#detail .report-head h2').textContent()).toBe('示范市司法局');
    await records.close();
    await batch.close();
  });

  it('shows the records as bodies × years, with the findings only cross-year checks reveal', async () => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/records.html#view=bodies`);
    const rows = page.locator('.bodies-table tbody tr');
    await expect.poll(() => rows.count()).toBe(11);
    expect(await page.locator('.bodies-table thead th').allTextContents()).toEqual(['机关', '2022', '2023']);
    // One row for the 交通运输局 whose 2023 title spaces its name differently: both years side by side.
    const jtj = page.locator('.bodies-table tr[data-body="示范市交通运输局"]');
    expect(await jtj.locator('td[data-year="2022"] .count.sev-error').textContent()).toBe('错误 0');
    expect(await jtj.locator('td[data-year="2023"] .count.sev-error').textContent()).toBe('错误 2');
    const cross = page.locator('.cross-year-findings tbody tr');
    expect(await cross.count()).toBe(5);
    expect(await page.locator('.cross-year-findings tr[data-rule="cross-year-in-force"] td').first().textContent()).toBe('示范市住房和城乡建设局');
    // The filter applies here as in the list.
    await page.locator('.filters input[type=search]').fill('司法');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await cross.count()).toBe(2);
    // A cell shows that report's findings below.
    await page.locator('.filters input[type=search]').fill('');
    await jtj.locator('td[data-year="2023"] a').click();
    await expect.poll(() => page.locator('#detail .report-head p a').getAttribute('href')).toContain('/2023/jtj/');
    await page.close();
  });

  it('resumes a cancelled or closed job with the pending links only', async () => {
    portal.requests.clear();
    let batch = await startFromList();
    const jobUrl = batch.url();
    await expect.poll(async () => Number(await progress(batch, 'done')), { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
    await batch.getByRole('button', { name: '取消' }).click();
    const resume = batch.getByRole('button', { name: '继续' });
    await resume.waitFor();
    const firstDone = await doneUrls(batch);
    expect(firstDone.length).toBeLessThan(SYNTHETIC_REPORT_COUNT);
    await batch.close();

    // The records page lists the unfinished job; reopening it waits for Resume, as the user cancelled it.
    const records = await context.newPage();
    await records.goto(`chrome-extension://${id}/records.html`);
    const unfinished = records.locator('.unfinished-batches li');
    await expect.poll(() => unfinished.count()).toBe(1);
    expect(await unfinished.textContent()).toContain(`${firstDone.length} / ${TOTAL}`);
    [batch] = await Promise.all([context.waitForEvent('page'), unfinished.getByRole('link', { name: '继续' }).click()]);
    expect(batch.url()).toBe(jobUrl);
    await batch.getByRole('button', { name: '继续' }).click();

    // Closed while running this time (no Cancel): reopening goes on by itself.
    await expect.poll(async () => (await doneUrls(batch)).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(firstDone.length + 3);
    const secondDone = await doneUrls(batch);
    await batch.close();
    batch = await context.newPage();
    await batch.goto(jobUrl);
    await expect.poll(() => progress(batch, 'done'), { timeout: 60_000 }).toBe(TOTAL);

    // Each link done before an interruption was fetched once; pagination was not read again.
    for (const url of secondDone) expect(portal.requests.get(pathOf(url)), url).toBe(1);
    expect(portal.requests.get('/portal/list_1.html')).toBe(1);
    await expect.poll(() => unfinished.count()).toBe(0);
    await records.close();
    await batch.close();
  });

  it('reads and audits the PDF reports of a list, one of them linked from a report page, as the CLI does', async () => {
    const batch = await startFromList('/pdf-portal/list.html', PDF_REPORT_FILES.length);
    const total = String(PDF_REPORT_FILES.length);
    await expect.poll(() => progress(batch, 'done'), { timeout: 90_000 }).toBe(total);
    expect(await progress(batch, 'failed')).toBe('0');
    expect(await batch.locator('.batch-row .batch-file').count()).toBe(1); // the report page's PDF is named
    for (const name of PDF_REPORT_FILES) {
      const url = portal.url(`/files/pdf/${name}`);
      const cli = onePart((await auditBytes(new Uint8Array(FILES[`/files/pdf/${name}`]!.body()), name, 'application/pdf', url)).audit);
      if (!cli.detected) throw new Error(`${name} is not read as a report by the CLI`);
      // Stored under the file's URL, with the findings the CLI's reader finds in the same file.
      const answer = await request(batch, { type: 'report:get', reportId: url });
      const record = answer.ok ? answer.state?.record : undefined;
      expect(record?.agency, name).toBe(cli.report.agency);
      expect(record!.findings.map((f) => [f.rule, f.cells])).toEqual(cli.findings.map((f) => [f.rule, f.cells]));
      expect(portal.requests.get(`/files/pdf/${name}`)).toBe(1);
    }
    await batch.close();
  }, 120_000);

  it('asks for access to a host outside *.gov.cn before fetching anything there', async () => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/records.html`);
    portal.requests.clear();
    // The same portal under its IP address: not granted by the manifest.
    const base = `http://127.0.0.1:${portal.port}`;
    const links = [1, 2, 3].map((n) => ({ url: `${base}/r${n}.html`, title: `示范市第${n}局2023年政府信息公开工作年度报告` }));
    const [batch] = await Promise.all([
      context.waitForEvent('page'),
      request(page, { type: 'batch:start', listUrl: `${base}/portal/list.html`, title: '本地列表', links, next: null }),
    ]);
    await batch.getByRole('button', { name: '授权访问' }).waitFor();
    expect(await batch.locator('.notice-box li').allTextContents()).toEqual(['127.0.0.1']);
    expect(await progress(batch, 'done')).toBe('0');
    expect(portal.requests.size).toBe(0);
    await batch.close();
    await page.close();
  });
});
