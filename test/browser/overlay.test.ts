import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
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
  return page;
}

describe('inline warnings on report pages', () => {
  it('marks exactly the wrong cell of a broken identity, once', async () => {
    const page = await open('/defects/identity.html');
    await waitForAudit(page);
    const ms = await markers(page);
    const errorCells = new Set(ms.filter((m) => m.severity === 'error' && m.cell).map((m) => m.cell));
    // 3.7 total changed from 1 to 2: it breaks the row total, the results sum and the balance of the total
    // column, and it is the one cell whose change explains all three (issue 8 §4): one marker, on it.
    expect([...errorCells]).toEqual(['t3/3.7/total']);
    const onTotal = ms.filter((m) => m.cell === 't3/3.7/total');
    expect(onTotal).toHaveLength(1);
    expect(onTotal[0]!.rule.split(' ').sort()).toEqual(['cell-wrong']);
    // Markers sit over the cells they name.
    const cellBox = await page.locator('tr[data-row="3.7"] td').last().boundingBox();
    const markerBox = await page.evaluate(() =>
      document.querySelector('report-audit-overlay')!.shadowRoot!.querySelector<HTMLElement>('[data-cell="t3/3.7/total"]')!.getBoundingClientRect().toJSON(),
    );
    expect(Math.abs(markerBox.x - cellBox!.x)).toBeLessThan(2);
    expect(Math.abs(markerBox.y - cellBox!.y)).toBeLessThan(2);
    expect(Math.abs(markerBox.width - cellBox!.width)).toBeLessThan(2);
    await page.close();
  });

  it('keeps the marker on its cell when the page zooms <html>, or an image loads above a page of fixed height', async () => {
    const page = await open('/defects/identity.html');
    await waitForAudit(page);
    const offset = () =>
      page.evaluate(() => {
        const cell = document.querySelector('tr[data-row="3.7"]')!.lastElementChild!.getBoundingClientRect();
        const marker = document
          .querySelector('report-audit-overlay')!
          .shadowRoot!.querySelector<HTMLElement>('[data-cell="t3/3.7/total"]')!
          .getBoundingClientRect();
        return Math.round(Math.max(Math.abs(marker.x - cell.x), Math.abs(marker.y - cell.y), Math.abs(marker.width - cell.width)));
      });
    await expect.poll(offset).toBeLessThan(2);
    // 「Designed for 1440 px」 scripts and accessibility toolbars zoom the whole page.
    await page.evaluate(() => (document.documentElement.style.zoom = '1.25'));
    await expect.poll(offset).toBeLessThan(3);
    await page.evaluate(() => (document.documentElement.style.zoom = ''));
    // The document's size cannot tell this move: its height is the window's.
    await page.addStyleTag({ content: 'html, body { height: 100% }' });
    await expect.poll(offset).toBeLessThan(2);
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="300"/>')}`;
      document.body.prepend(img);
    });
    await expect.poll(() => page.evaluate(() => document.querySelector('img')!.complete)).toBe(true);
    await expect.poll(offset).toBeLessThan(2);
    await page.close();
  });

  it('reads a report laid out in one table, and marks the wrong cell among its rows (probe R18c)', async () => {
    const page = await open('/probes/R18c-html-whole-report-one-table-error.html');
    await waitForAudit(page);
    const ms = await markers(page);
    // 3.4.1 自然人 printed one too many: the one error, on its cell; the headings in rows are the report's sections.
    expect(ms.filter((m) => m.severity === 'error').map((m) => [m.cell, m.rule])).toEqual([['t3/3.4.1/natural', 'cell-wrong']]);
    expect(ms.filter((m) => m.rule.split(' ').includes('section-missing'))).toEqual([]);
    const cell = page.locator("xpath=//td[.='1.本机关不掌握相关政府信息']/following-sibling::td[1]");
    expect(await cell.textContent()).toBe('9');
    const cellBox = await cell.boundingBox();
    const markerBox = await page.evaluate(() =>
      document
        .querySelector('report-audit-overlay')!
        .shadowRoot!.querySelector<HTMLElement>('[data-cell="t3/3.4.1/natural"]')!
        .getBoundingClientRect()
        .toJSON(),
    );
    expect(Math.abs(markerBox.x - cellBox!.x)).toBeLessThan(2);
    expect(Math.abs(markerBox.y - cellBox!.y)).toBeLessThan(2);
    await page.close();
  });

  it('marks the wrong cell of a report in traditional characters (a portal’s 简/繁 switch)', async () => {
    const page = await open('/defects/identity-traditional.html');
    await waitForAudit(page);
    const ms = await markers(page);
    expect(ms.filter((m) => m.severity === 'error').map((m) => [m.cell, m.rule])).toEqual([['t3/3.7/total', 'cell-wrong']]);
    await page.close();
  });

  it.each([
    '/variants/M36-paged-parts-js-hidden.html',
    '/variants/G31-numbers-in-readonly-input.html',
    '/variants/G41b-aria-role-table-flat-grid.html',
    '/probes/R19-html-t4-group-rows.html',
    '/probes/R20-html-hidden-text-in-cells.html',
    '/variants/H07b-td-p-unclosed.html',
    '/variants/H24b-hidden-td-before-values.html',
    '/variants/H52b-heading-wrapped-two-paragraphs.html',
    '/variants/H53-table-of-contents.html',
    '/variants/G20b-t4-review-suit-stacked-tables.html',
    '/variants/G51-headings-as-images-alt.html',
    '/variants/G56-comments-after-report.html',
    '/variants/G67-headings-in-caption-bold.html',
  ])(
    'clean report %s (a script pager’s hidden parts; numbers in read-only text boxes; an ARIA grid of inline cells; t4 a group to a row or in two tables; hidden digits or cells; unclosed cells; headings broken, listed, in images or captions; comments) shows no marker',
    async (path) => {
      const page = await open(path);
      await waitForAudit(page);
      expect(await markers(page)).toEqual([]);
      await page.close();
    },
  );

  it('shows the message, expected and actual on hover', async () => {
    const page = await open('/defects/identity.html');
    await waitForAudit(page);
    await page.locator('report-audit-overlay [data-cell="t3/3.7/total"]').first().hover();
    const tip = page.locator('report-audit-overlay [data-cell="t3/3.7/total"] .tip').first();
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.innerText()).toMatch(/应为 1，实为 2/);
    expect(await tip.innerText()).toContain('cell-wrong');
    await page.close();
  });

  it('marks blank cells with a missing-data marker (seed 003)', async () => {
    const page = await open('/reports/003-word.html');
    await waitForAudit(page);
    const ms = await markers(page);
    expect(
      ms
        .filter((m) => m.rule.split(' ').includes('cell-missing'))
        .map((m) => m.cell)
        .sort(),
    ).toEqual(['t4/1/review.corrected', 't4/1/review.other', 't4/1/review.pending', 't4/1/review.total', 't4/1/review.upheld']);
    await page.close();
  });

  it('marks the exact blank cells of a text table inside <pre> (seed 003), each apart', async () => {
    const page = await open('/reports/003-plain.html');
    await waitForAudit(page);
    const boxes = await page.evaluate(() =>
      Array.from(document.querySelector('report-audit-overlay')!.shadowRoot!.querySelectorAll<HTMLElement>('[data-cell^="t4/1/review."]'), (m) =>
        m.getBoundingClientRect().toJSON(),
      ),
    );
    const pre = await page.locator('pre').boundingBox();
    expect(boxes).toHaveLength(5);
    expect(new Set(boxes.map((b) => Math.round(b.x))).size).toBe(5);
    for (const b of boxes) expect(b.width).toBeLessThan(pre!.width / 4);
    await page.close();
  });

  it('shows where a missing section should be', async () => {
    const page = await open('/defects/missing-section.html');
    await waitForAudit(page);
    const ms = await markers(page);
    expect(ms).toContainEqual(expect.objectContaining({ section: 's5', rule: 'section-missing', severity: 'error' }));
    await page.close();
  });

  it('marks the sentence of a prose finding (seed 002, 18%)', async () => {
    const page = await open('/reports/002-semantic.html');
    await waitForAudit(page);
    const prose = (await markers(page)).filter((m) => m.rule.split(' ').includes('prose-rate'));
    expect(prose.length).toBeGreaterThan(0);
    expect(prose.every((m) => m.prose && m.height > 0)).toBe(true);
    await page.close();
  });

  it('marks a prose statement the table contradicts on its sentence as well as on the cell', async () => {
    const page = await open('/variants/E30-prose-apps-off-by-one.html');
    await waitForAudit(page);
    const ms = (await markers(page)).filter((m) => m.rule.split(' ').includes('prose-applications'));
    expect(ms.filter((m) => m.cell === 't3/1/total')).toHaveLength(1);
    expect(ms.filter((m) => m.prose && m.height > 0)).toHaveLength(1);
    await page.close();
  });

  it('marks a late publication date where the page states it', async () => {
    const page = await open('/variants/E40-late-date-format.html');
    await waitForAudit(page);
    const ms = (await markers(page)).filter((m) => m.rule.split(' ').includes('published-late'));
    expect(ms).toEqual([expect.objectContaining({ prose: true, severity: 'warning' })]);
    await page.close();
  });

  it('moves the markers with the report when a style sheet or a class of <body> moves it without resizing it', async () => {
    const page = await open('/variants/E01-t4-word-saveas.html');
    await waitForAudit(page);
    const lefts = () =>
      page.evaluate(() => {
        const marker = document.querySelector('report-audit-overlay')!.shadowRoot!.querySelector<HTMLElement>('[data-cell="t4/1/review.total"]');
        const tables = document.querySelectorAll('table');
        return { marker: marker?.getBoundingClientRect().left ?? NaN, table: tables[tables.length - 1]!.getBoundingClientRect().left };
      });
    await expect.poll(async () => (await lefts()).marker).not.toBeNaN();
    const before = await lefts();
    const offset = async () => {
      const now = await lefts();
      return Math.round(now.marker - before.marker - (now.table - before.table));
    };
    await page.addStyleTag({ content: 'table { margin-left: 120px !important } body.wide table { margin-left: 240px !important }' });
    const moved = (await lefts()).table;
    expect(moved - before.table).toBeGreaterThan(30);
    await expect.poll(offset).toBe(0);
    await page.evaluate(() => document.body.classList.add('wide'));
    expect((await lefts()).table - moved).toBeGreaterThan(30);
    await expect.poll(offset).toBe(0);
    await page.close();
  });

  it.each(['000', '001', '004'])('clean report %s shows no error marker', async (id) => {
    for (const style of ['semantic', 'word', 'plain']) {
      const page = await open(`/reports/${id}-${style}.html`);
      await waitForAudit(page);
      expect(
        (await markers(page)).filter((m) => m.severity === 'error'),
        `${id}-${style}`,
      ).toEqual([]);
      await page.close();
    }
  });

  it('summary bar gives counts and identity, and next/previous walks the findings by keyboard', async () => {
    const page = await open('/defects/identity.html');
    await waitForAudit(page);
    const bar = page.locator('report-audit-overlay .bar');
    expect(await bar.innerText()).toContain('开封市政务服务和大数据管理局');
    expect(await bar.innerText()).toMatch(/错误 \d+/);
    await page.keyboard.press('Alt+Shift+N');
    await expect.poll(() => page.locator('report-audit-overlay .bar [data-current]').innerText()).toMatch(/^1\//);
    await page.keyboard.press('Alt+Shift+N');
    await expect.poll(() => page.locator('report-audit-overlay .bar [data-current]').innerText()).toMatch(/^2\//);
    await page.locator('report-audit-overlay .bar button', { hasText: '隐藏标记' }).click();
    expect(await page.locator('report-audit-overlay .marker').first().isVisible()).toBe(false);
    await page.close();
  });
});

describe('pages that are not reports', () => {
  it.each(['nonreport-news.html', 'nonreport-budget.html', 'nonreport-large.html'])('%s gets no overlay', async (name) => {
    const page = await open(`/reports/${name}`);
    await page.waitForTimeout(1500);
    expect(await page.locator('report-audit-overlay').count()).toBe(0);
    await page.close();
  });

  it('a list of reports gets only the offer to audit them all, no markers', async () => {
    const page = await open('/reports/nonreport-list.html');
    const offer = page.locator('report-audit-overlay .bar .list-offer');
    await offer.waitFor();
    expect(Number(await offer.getAttribute('data-list-links'))).toBeGreaterThanOrEqual(20);
    expect(await page.locator('report-audit-overlay .bar [data-counts]').count()).toBe(0);
    expect(await markers(page)).toEqual([]);
    await page.close();
  });
});

describe('pages that change', () => {
  it('audits a report that appears after load, and a re-render does not duplicate markers', async () => {
    const page = await open('/late.html');
    await waitForAudit(page, 15_000);
    const first = await markers(page);
    await page.waitForTimeout(4000); // the page renders its article again at 3.5 s
    expect(await page.locator('report-audit-overlay').count()).toBe(1);
    expect((await markers(page)).length).toBe(first.length);
    await page.close();
  });
});

describe('reports in frames', () => {
  it('audits a report shown in an iframe, inside that frame', async () => {
    const page = await open('/framed.html');
    const frame = page.frameLocator('#article');
    await expect.poll(() => frame.locator('report-audit-overlay [data-cell="t3/3.7/total"]').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.evaluate(() => document.querySelectorAll('report-audit-overlay').length)).toBe(0);
    await page.close();
  });
});

describe('content shown later', () => {
  it('places markers on a table in a tab once the tab is shown', async () => {
    const page = await open('/tabbed.html');
    await waitForAudit(page);
    expect((await markers(page)).filter((m) => m.cell === 't3/3.7/total')).toEqual([]);
    await page.click('#show-t3');
    await expect.poll(async () => (await markers(page)).filter((m) => m.cell === 't3/3.7/total').length).toBe(1);
    const cell = await page.locator('tr[data-row="3.7"] td').last().boundingBox();
    const marker = await page.locator('report-audit-overlay [data-cell="t3/3.7/total"]').boundingBox();
    expect(Math.abs(marker!.y - cell!.y)).toBeLessThan(2);
    await page.close();
  });
});

describe('the page stays as it was', () => {
  it('page CSS cannot hide or restyle the overlay, and page text is unchanged', async () => {
    const page = await open('/hostile-css.html');
    await waitForAudit(page);
    const box = await page.locator('report-audit-overlay [data-cell="t3/3.7/total"]').first().boundingBox();
    // The page's 4px root font shrinks its own table, not the marker over the cell.
    const cell = await page.locator('tr[data-row="3.7"] td').last().boundingBox();
    expect(box && cell && box.width > 0 && Math.abs(box.width - cell.width) < 2 && Math.abs(box.y - cell.y) < 2).toBe(true);
    const bar = page.locator('report-audit-overlay .bar');
    expect(await bar.isVisible()).toBe(true);
    // The bar's text is in pixels, not the page's 4px rem.
    const fontSize = await bar.evaluate((el) => getComputedStyle(el).fontSize);
    expect(fontSize).toBe('13px');
    const bodyText = await page.evaluate(() => document.body.innerText);
    expect(bodyText).not.toContain('年报审计助手');
    await page.close();
  });
});
