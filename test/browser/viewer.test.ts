import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditDocument } from '@/lib/engine/audit';
import { RULED } from '../fixtures/build-pdf';
import { bodyAgency, fileCompilationHtml, PLANTED_BODY } from '../helpers/compilation';
import { FIXTURES, fixtureHtml, htmlDoc } from '../helpers/fixtures';
import { PdfPrinter } from '../helpers/print-pdf';
import type { browser as ExtensionApi } from 'wxt/browser';
import { newProfile, withBrowser } from '../portal/browser';

/** The page's own `chrome`, inside page.evaluate callbacks. */
declare const chrome: typeof ExtensionApi;

/**
 * The viewer page on a PDF served by a *.gov.cn host (mapped to 127.0.0.1): the report of
 * 001-semantic with t3/3.7/total changed to 99, printed by Chromium. Its markers must sit on the
 * cell that reads 99, and a note written there must be in the records page after a restart.
 */
const CHANGED = 't3/3.7/total';
let server: Server;
let fileUrl = '';
const files = new Map<string, Buffer | Uint8Array>();
/** Every request the file server saw, by the host name it was asked for. */
const served: { host: string; path: string }[] = [];

beforeAll(async () => {
  const doc = htmlDoc(fixtureHtml('001-semantic.html'));
  const r = auditDocument(doc);
  if (!r.detected) throw new Error('fixture not detected');
  (r.report.tables.t3!.rows['3.7']!.total!.el as Element).textContent = '99';
  const printer = await PdfPrinter.start();
  try {
    files.set('/files/2023-report.pdf', await printer.print(doc.toString(), { css: RULED }));
    files.set('/files/2023-compilation.pdf', await printer.print(fileCompilationHtml(COMPILED, true), { css: RULED }));
  } finally {
    await printer.close();
  }
  files.set('/files/docx-report.docx', readFileSync(join(FIXTURES, 'docx', '003.docx')));
  files.set('/files/doc-report.doc', readFileSync(join(FIXTURES, 'doc', '003.doc')));
  server = createServer((req, res) => {
    served.push({ host: String(req.headers.host).split(':')[0] ?? '', path: req.url ?? '' });
    const body = files.get(req.url ?? '');
    if (!body) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': req.url!.endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  fileUrl = `http://www.kaifeng.gov.cn:${(server.address() as AddressInfo).port}`;
}, 60_000);
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

const NOTE = 'PDF 附件：总计栏 99 与分项不符，已电话核实';
/** Reports in the compilation PDF: body PLANTED_BODY's 3.7 总计 is one too many, the others are clean. */
const COMPILED = 3;

describe('viewer.html?src=…', () => {
  const profile = newProfile();

  it('marks the changed cell of a PDF, and the note written there survives a restart', async () => {
    await withBrowser(profile, async (ctx, id) => {
      const page = await ctx.newPage();
      await page.goto(`chrome-extension://${id}/viewer.html?src=${encodeURIComponent(`${fileUrl}/files/2023-report.pdf`)}`);
      const marker = page.locator(`.marker[data-cell="${CHANGED}"][data-severity="error"]`).first();
      await expect.poll(() => marker.count(), { timeout: 60_000 }).toBe(1);
      // The marker's box holds the text-layer span that reads 99, and no marker is off its page.
      const holds99 = await page.evaluate((cell) => {
        const m = document.querySelector(`.marker[data-cell="${cell}"]`)!.getBoundingClientRect();
        return Array.from(document.querySelectorAll('.textLayer span'))
          .filter((s) => s.textContent?.trim() === '99')
          .some((s) => {
            const r = s.getBoundingClientRect();
            const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
            return x > m.left && x < m.right && y > m.top && y < m.bottom;
          });
      }, CHANGED);
      expect(holds99).toBe(true);
      await marker.scrollIntoViewIfNeeded();
      await page.screenshot({ path: 'artifacts/viewer/pdf-markers.png' });
      const markerCells = await page.locator('.marker[data-cell]').evaluateAll((ms) => [...new Set(ms.map((m) => (m as HTMLElement).dataset.cell))]);
      expect(markerCells).toContain(CHANGED);
      expect(markerCells.every((c) => c!.startsWith('t3/'))).toBe(true);
      const card = page.locator('.finding', { hasText: '总计' }).first();
      await card.locator('.note-text').fill(NOTE);
      await card.locator('.note-text').press('Tab');
      await expect.poll(() => card.locator('.muted').first().textContent()).toMatch(/\d/);
    });
    await withBrowser(profile, async (ctx, id) => {
      const records = await ctx.newPage();
      await records.goto(`chrome-extension://${id}/records.html`);
      const row = records.locator('.records-table tbody tr', { hasText: '开封市政务服务和大数据管理局' });
      await expect.poll(() => row.count()).toBe(1);
      await row.click();
      const notes = records.locator('#detail .finding .note-text');
      await expect.poll(() => notes.evaluateAll((ts) => ts.map((t) => (t as HTMLTextAreaElement).value))).toContain(NOTE);
    });
  }, 180_000);

  it('opens on the background’s viewer:open request, and marks the PDF there', async () => {
    await withBrowser(newProfile(), async (ctx, id) => {
      const page = await ctx.newPage();
      await page.goto(`chrome-extension://${id}/records.html`);
      const src = `${fileUrl}/files/2023-report.pdf`;
      const [viewer, answer] = await Promise.all([
        ctx.waitForEvent('page'),
        page.evaluate((url) => chrome.runtime.sendMessage({ type: 'viewer:open', url }), src),
      ]);
      expect(answer).toEqual({ ok: true });
      expect(viewer.url()).toBe(`chrome-extension://${id}/viewer.html?src=${encodeURIComponent(src)}`);
      await expect.poll(() => viewer.locator(`.marker[data-cell="${CHANGED}"]`).count(), { timeout: 60_000 }).toBeGreaterThan(0);
      // A script URL is refused by the background, and no tab opens.
      const pages = ctx.pages().length;
      const refused = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'viewer:open', url: 'javascript:alert(1)' }));
      expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('不是可审核的附件地址') });
      expect(ctx.pages().length).toBe(pages);
    });
  }, 120_000);

  it('pages, zooms and steps through the findings with the overlay’s keys, the markers staying on their cells', async () => {
    await withBrowser(newProfile(), async (ctx, id) => {
      const page = await ctx.newPage();
      await page.goto(`chrome-extension://${id}/viewer.html?src=${encodeURIComponent(`${fileUrl}/files/2023-report.pdf`)}`);
      await expect.poll(() => page.locator(`.marker[data-cell="${CHANGED}"]`).count(), { timeout: 60_000 }).toBeGreaterThan(0);
      // Pages are drawn one after another: wait for all of them.
      const pages = Number(await page.locator('.page-count').textContent());
      expect(pages).toBeGreaterThan(1);
      await expect.poll(() => page.locator('.pdf-page').count(), { timeout: 30_000 }).toBe(pages);
      const input = page.locator('.page-input');
      await expect.poll(() => input.inputValue()).toBe('1');
      // Next page scrolls page 2 to the top; typing a page number goes there.
      await page.locator('.page-next').click();
      await expect.poll(() => input.inputValue()).toBe('2');
      const topOf = (n: number) =>
        page.evaluate(
          (n) =>
            document.querySelector(`.pdf-page[data-page="${n}"]`)!.getBoundingClientRect().top -
            document.querySelector('.viewer-doc')!.getBoundingClientRect().top,
          n,
        );
      expect(Math.abs(await topOf(2))).toBeLessThan(30);
      await input.fill(String(pages));
      await input.press('Enter');
      await expect.poll(() => input.inputValue()).toBe(String(pages));
      await page.locator('.page-prev').click();
      await expect.poll(() => input.inputValue()).toBe(String(pages - 1));

      // Zoom: 100 % draws the page at its own size; + one step larger; fit width fills the view.
      const pageWidth = () => page.locator('.pdf-page[data-page="1"]').evaluate((p) => p.getBoundingClientRect().width);
      await page.locator('.zoom-100').click();
      await expect.poll(() => page.locator('.zoom-level').textContent()).toBe('100%');
      await expect.poll(pageWidth).toBeGreaterThan(0);
      const at100 = await pageWidth();
      await page.locator('.zoom-in').click();
      await expect.poll(() => page.locator('.zoom-level').textContent()).toBe('110%');
      await expect.poll(async () => Math.round(((await pageWidth()) / at100) * 100)).toBe(110);
      // The marker is drawn again at the new size, still over the cell reading 99.
      await expect.poll(() => page.locator(`.marker[data-cell="${CHANGED}"]`).count()).toBeGreaterThan(0);
      const holds99 = () =>
        page.evaluate((cell) => {
          const m = document.querySelector(`.marker[data-cell="${cell}"]`)!.getBoundingClientRect();
          return Array.from(document.querySelectorAll('.textLayer span'))
            .filter((s) => s.textContent?.trim() === '99')
            .some((s) => {
              const r = s.getBoundingClientRect();
              const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
              return x > m.left && x < m.right && y > m.top && y < m.bottom;
            });
        }, CHANGED);
      await expect.poll(holds99, { timeout: 20_000 }).toBe(true);
      await page.locator('.zoom-fit').click();
      const view = await page.locator('.viewer-doc').evaluate((d) => d.clientWidth);
      await expect.poll(async () => Math.abs(view - 40 - (await pageWidth()))).toBeLessThan(3);

      // ◀ ▶ and Alt+Shift+N / Alt+Shift+P step through the marked findings in the list's order, wrapping around.
      const count = Number((await page.locator('.finding-pos').textContent())!.split('/')[1]);
      expect(count).toBeGreaterThan(0);
      const currentFinding = () => page.locator('.marker.current').first().getAttribute('data-finding');
      await page.keyboard.press('Alt+Shift+N');
      await expect.poll(() => page.locator('.finding-pos').textContent()).toBe(`1 / ${count}`);
      const first = await currentFinding();
      expect(first).toBeTruthy();
      await page.locator('.finding-next').click();
      await expect.poll(() => page.locator('.finding-pos').textContent()).toBe(`${count > 1 ? 2 : 1} / ${count}`);
      await page.keyboard.press('Alt+Shift+P');
      await expect.poll(() => page.locator('.finding-pos').textContent()).toBe(`1 / ${count}`);
      expect(await currentFinding()).toBe(first);
      await page.keyboard.press('Alt+Shift+P');
      await expect.poll(() => page.locator('.finding-pos').textContent()).toBe(`${count} / ${count}`);
    });
  }, 180_000);

  it('lists the reports of a PDF compilation, marks the chosen one’s cells only, and saves each as a record', async () => {
    await withBrowser(newProfile(), async (ctx, id) => {
      const page = await ctx.newPage();
      const src = `${fileUrl}/files/2023-compilation.pdf`;
      await page.goto(`chrome-extension://${id}/viewer.html?src=${encodeURIComponent(src)}`);
      const parts = page.locator('.viewer-part');
      await expect.poll(() => parts.count(), { timeout: 60_000 }).toBe(COMPILED);
      expect(await parts.allTextContents()).toEqual(Array.from({ length: COMPILED }, (_, i) => expect.stringContaining(bodyAgency(i + 1))));
      await expect.poll(() => page.locator('.pdf-page').count(), { timeout: 30_000 }).toBeGreaterThan(COMPILED - 1);
      // The first report is shown: a clean one, with no error in its list and no error marker.
      expect(await parts.first().getAttribute('aria-pressed')).toBe('true');
      const wrongTotal = page.locator('.marker[data-cell="t3/3.7/total"][data-severity="error"]');
      expect(await page.locator('.viewer-side .finding .sev-error').count()).toBe(0);
      expect(await wrongTotal.count()).toBe(0);
      // The planted report: its wrong total listed and marked, on its own page of the file.
      await parts.nth(PLANTED_BODY - 1).click();
      await expect.poll(() => wrongTotal.count()).toBe(1);
      expect(await page.locator('.viewer-side .finding', { hasText: '总计' }).count()).toBeGreaterThan(0);
      // Read in one step in the page: pages still being drawn redraw their markers, so an element found a moment ago may be gone.
      const pageOfWrongTotal = () =>
        page.evaluate(() =>
          Number(document.querySelector('.marker[data-cell="t3/3.7/total"][data-severity="error"]')?.closest<HTMLElement>('.pdf-page')?.dataset.page ?? 0),
        );
      await expect.poll(pageOfWrongTotal).toBeGreaterThan(1);
      const onPage = await pageOfWrongTotal();
      // The file is shown where the chosen report starts: past the first report's pages, not beyond its own marked cell.
      await expect.poll(async () => Number(await page.locator('.page-input').inputValue())).toBeGreaterThan(1);
      expect(Number(await page.locator('.page-input').inputValue())).toBeLessThanOrEqual(onPage);
      await page.screenshot({ path: 'artifacts/viewer/pdf-compilation.png' });
      // Back to a clean report: the marker goes with it.
      await parts.nth(PLANTED_BODY).click();
      await expect.poll(() => wrongTotal.count()).toBe(0);

      // Each report is a record of its own, listed on the records page.
      const records = await ctx.newPage();
      await records.goto(`chrome-extension://${id}/records.html`);
      for (let n = 1; n <= COMPILED; n++) {
        const row = records.locator('.records-table tbody tr', { hasText: bodyAgency(n) });
        await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
      }
    });
  }, 180_000);

  it('shows a Word file (.docx, and .doc) with its blank cells marked, and refuses a src that is no web address', async () => {
    await withBrowser(newProfile(), async (ctx, id) => {
      const page = await ctx.newPage();
      for (const file of ['docx-report.docx', 'doc-report.doc']) {
        await page.goto(`chrome-extension://${id}/viewer.html?src=${encodeURIComponent(`${fileUrl}/files/${file}`)}`);
        const blank = page.locator('.marker[data-cell="t4/1/review.total"][data-rule="cell-missing"]');
        await expect.poll(() => blank.count(), { timeout: 60_000 }).toBe(1);
        expect(await blank.evaluate((m) => m.parentElement!.tagName)).toBe('TD');
      }
      await page.goto(`chrome-extension://${id}/viewer.html?src=${encodeURIComponent('javascript:alert(1)')}`);
      await expect.poll(() => page.locator('.error').textContent()).toContain('不是可审核的文件地址');
      // A site outside *.gov.cn is asked for before any request, as the batch asks; a local address is refused outright.
      const port = new URL(fileUrl).port;
      await page.goto(`chrome-extension://${id}/viewer.html?src=${encodeURIComponent(`http://www.example.org:${port}/files/2023-report.pdf`)}`);
      await expect.poll(() => page.locator('.error').textContent()).toContain('需要您授权扩展读取');
      expect(await page.getByRole('button', { name: `授权访问 http://www.example.org:${port}` }).count()).toBe(1);
      await page.goto(`chrome-extension://${id}/viewer.html?src=${encodeURIComponent(`http://127.0.0.1:${port}/files/2023-report.pdf`)}`);
      await expect.poll(() => page.locator('.error').textContent()).toContain('不访问本机或内网地址');
      expect(await page.getByRole('button', { name: /授权访问/ }).count()).toBe(0);
      expect(served.filter((p) => p.host !== 'www.kaifeng.gov.cn')).toEqual([]);
    });
  }, 120_000);
});
