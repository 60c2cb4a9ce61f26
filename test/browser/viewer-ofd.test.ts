import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/fixtures';
import { newProfile, withBrowser } from '../portal/browser';

/**
 * The viewer page on OFD files served by a *.gov.cn host (mapped to 127.0.0.1), as portals offer them
 * beside the PDF (「下载OFD版」): the corpus's clean O01 and its planted E01 (t3 3.3.4 natural 2→3, one
 * TextObject per glyph). pdf.js cannot draw an OFD: the viewer draws the pages it read, and the marker of
 * the planted cell must sit on the text that reads 3.
 */
const PLANTED = 't3/3.3.4/natural';
const DIR = join(FIXTURES, 'ofd');
const files = new Map<string, Buffer>([
  ['/files/2023-report.ofd', readFileSync(join(DIR, 'O01-object-per-text-deltax.ofd'))],
  // No .ofd in the address: the viewer knows the file by its bytes (a zip holding OFD.xml).
  ['/download.do?id=2', readFileSync(join(DIR, 'E01-object-per-glyph-t3-error.ofd'))],
]);
let server: Server;
let fileUrl = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const body = files.get(req.url ?? '');
    if (!body) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': req.url!.endsWith('.ofd') ? 'application/ofd' : 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  fileUrl = `http://www.kaifeng.gov.cn:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

describe('viewer.html?src=… on an OFD', () => {
  it("draws a clean OFD's pages with no error, and marks the planted cell of another on the text that reads it", async () => {
    await withBrowser(newProfile(), async (ctx, id) => {
      const page = await ctx.newPage();
      await page.goto(`chrome-extension://${id}/viewer.html?src=${encodeURIComponent(`${fileUrl}/files/2023-report.ofd`)}`);
      await expect.poll(() => page.locator('.viewer-side').textContent(), { timeout: 60_000 }).toContain('示范县交通运输局');
      expect(await page.locator('.viewer-side').textContent()).toContain('OFD');
      await expect.poll(() => page.locator('.ofd-page').count(), { timeout: 30_000 }).toBeGreaterThan(1);
      // The pages are drawn: the title on the first, the rulings of the tables as lines.
      expect(await page.locator('.ofd-page[data-page="1"] .ofd-text text').first().textContent()).toBe('示范县交通运输局2023年政府信息公开工作年度报告');
      expect(await page.locator('.ofd-rules line').count()).toBeGreaterThan(50);
      expect(await page.locator('.viewer-side .finding .sev-error').count()).toBe(0);
      expect(await page.locator('.marker[data-severity="error"]').count()).toBe(0);
      await page.screenshot({ path: 'artifacts/viewer/ofd-clean.png' });

      await page.goto(`chrome-extension://${id}/viewer.html?src=${encodeURIComponent(`${fileUrl}/download.do?id=2`)}`);
      const marker = page.locator(`.marker[data-cell="${PLANTED}"][data-severity="error"]`).first();
      await expect.poll(() => marker.count(), { timeout: 60_000 }).toBe(1);
      expect(await page.locator('.viewer-side .finding .sev-error').count()).toBeGreaterThan(0);
      // The marker's box holds the span that reads 3 (the planted value), on the page the table is on.
      const holds3 = () =>
        page.evaluate((cell) => {
          const m = document.querySelector(`.marker[data-cell="${cell}"]`);
          if (!m) return false;
          const box = m.getBoundingClientRect();
          return Array.from(m.closest('.ofd-page')!.querySelectorAll('.ofd-text text'))
            .filter((s) => s.textContent?.trim() === '3')
            .some((s) => {
              const r = s.getBoundingClientRect();
              const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
              return x > box.left && x < box.right && y > box.top && y < box.bottom;
            });
        }, PLANTED);
      expect(await holds3()).toBe(true);
      await marker.scrollIntoViewIfNeeded();
      await page.screenshot({ path: 'artifacts/viewer/ofd-markers.png' });
      // Zoomed in, the pages are drawn anew and the marker stays on its text.
      const scale = await page.locator('.zoom-level').getAttribute('data-scale');
      await page.locator('.zoom-in').click();
      await expect.poll(() => page.locator('.zoom-level').getAttribute('data-scale')).not.toBe(scale);
      await expect.poll(holds3).toBe(true);
    });
  }, 180_000);
});
