import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { cellNames } from '@/lib/app/cell-names';
import { parseCsv } from '../helpers/csv';
import { extensionId, launch, markers, newProfile, waitForAudit } from '../portal/browser';
import { startPortal, type Portal } from '../portal/server';

let portal: Portal;
let ctx: BrowserContext;
let id: string;
beforeAll(async () => {
  portal = await startPortal();
  ctx = await launch(newProfile());
  id = await extensionId(ctx);
});
afterAll(async () => {
  await ctx?.close();
  await portal?.close();
});

const PAGE = '/defects/identity.html';

/** The report tab and the side panel page beside it (the report is the window's active tab). */
async function reportAndPanel(): Promise<{ report: Page; panel: Page }> {
  const report = await ctx.newPage();
  await report.goto(portal.url(PAGE));
  await waitForAudit(report);
  const panel = await ctx.newPage();
  await panel.goto(`chrome-extension://${id}/sidepanel.html`);
  await report.bringToFront();
  await expect.poll(() => panel.locator('.finding').count()).toBeGreaterThan(0);
  return { report, panel };
}

describe('who did what (issue 12 §4)', () => {
  it('asks for the name once, then lists both status changes with who, before and after', async () => {
    const { report, panel } = await reportAndPanel();
    const prompt = panel.getByRole('dialog', { name: /请先填写您的姓名/ });
    await expect.poll(() => prompt.count()).toBe(1);
    await prompt.getByLabel(/审核人/).fill('张三');
    await prompt.getByRole('button', { name: /保存/ }).click();
    await expect.poll(() => prompt.count()).toBe(0);

    const first = panel.locator('.finding').first();
    await first.locator('select.status').selectOption('confirmed');
    await expect.poll(() => first.locator('.history summary').textContent()).toBe('修改记录（1）');
    await first.locator('select.status').selectOption('false_positive');
    await expect.poll(() => first.locator('.history summary').textContent()).toBe('修改记录（2）');
    await first.locator('.history summary').click();
    const entries = await first.locator('.history-entry').allTextContents();
    expect(entries).toHaveLength(2);
    expect(entries[0]).toContain('张三');
    expect(entries[0]).toContain('状态 待核实 → 已确认');
    expect(entries[1]).toContain('张三');
    expect(entries[1]).toContain('状态 已确认 → 误报');
    // The prompt does not come back once a name is saved.
    await panel.reload();
    await expect.poll(() => panel.locator('.finding').count()).toBeGreaterThan(0);
    expect(await panel.getByRole('dialog', { name: /请先填写您的姓名/ }).count()).toBe(0);
    await report.close();
    await panel.close();
  });
});

describe('manual findings (issue 12 §6)', () => {
  it('a cell flagged with Alt+Shift+M gets its note and severity in the side panel, survives a re-audit and is in the CSV', async () => {
    const { report, panel } = await reportAndPanel();
    // The cell under the engine's marker for the wrong total: its key comes from the overlay.
    const cell = 't3/3.7/total';
    expect((await markers(report)).some((m) => m.cell === cell)).toBe(true);
    await report.evaluate((key) => {
      const marker = () =>
        document.querySelector('html > report-audit-overlay')!.shadowRoot!.querySelector(`.marker[data-cell="${key}"]`)!.getBoundingClientRect();
      window.scrollBy(0, marker().y - window.innerHeight / 2);
      const box = marker();
      const td = document.elementsFromPoint(box.x + box.width / 2, box.y + box.height / 2).find((e) => e.tagName === 'TD')!;
      const range = document.createRange();
      range.selectNodeContents(td);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    }, cell);
    await report.keyboard.press('Alt+Shift+KeyM');

    const form = panel.getByRole('dialog', { name: /标记为问题/ });
    await expect.poll(() => form.count()).toBe(1);
    const [table, row, column] = cell.split('/') as ['t3', string, string];
    expect(await form.locator('.excerpt').textContent()).toBe(`单元格：${cellNames([{ table, row, column }])}`);
    await form.getByLabel(/严重程度/).selectOption('error');
    await form.getByLabel(/说明/).fill('与附件原表不一致');
    await form.getByRole('button', { name: /保存/ }).click();
    await expect.poll(() => form.count()).toBe(0);

    const manualCard = panel.locator('.finding', { hasText: '与附件原表不一致' });
    await expect.poll(() => manualCard.count()).toBe(1);
    expect(await manualCard.locator('.rule').textContent()).toBe('人工标记的问题');
    await expect.poll(async () => (await markers(report)).some((m) => m.cell === cell && m.rule.split(' ').includes('manual-finding'))).toBe(true);

    // Audited again: the page knows nothing of the manual finding, the store keeps it.
    await report.reload();
    await waitForAudit(report);
    await expect.poll(async () => (await markers(report)).some((m) => m.cell === cell && m.rule.split(' ').includes('manual-finding'))).toBe(true);
    await panel.reload();
    await expect.poll(() => panel.locator('.finding', { hasText: '与附件原表不一致' }).count()).toBe(1);

    const records = await ctx.newPage();
    await records.goto(`chrome-extension://${id}/records.html`);
    await expect.poll(() => records.getByRole('button', { name: '导出 CSV' }).isEnabled()).toBe(true);
    const [d] = await Promise.all([records.waitForEvent('download'), records.getByRole('button', { name: '导出 CSV' }).click()]);
    const [header, ...rows] = parseCsv(readFileSync((await d.path())!, 'utf8').slice(1));
    const col = (name: string) => header!.indexOf(name);
    const manual = rows.filter((r) => r[col('规则')] === 'manual-finding');
    expect(manual.map((r) => [r[col('严重程度')], r[col('说明')], r[col('单元格')]])).toEqual([['错误', '与附件原表不一致', cell]]);
    await Promise.all([report.close(), panel.close(), records.close()]);
  });

  it('the context menu’s pick flags the right-clicked sentence as an excerpt; 取消 drops it', async () => {
    const { report, panel } = await reportAndPanel();
    const sentence = report.locator('p', { hasText: /。/ }).first();
    const text = (await sentence.innerText()).trim();
    await sentence.click({ button: 'right' });
    // What the background does on the menu item's click (the native menu cannot be clicked from a test).
    await panel.evaluate(async (url) => {
      type Tabs = { query(q: { url: string }): Promise<{ id?: number }[]>; sendMessage(id: number, m: unknown): Promise<unknown> };
      const { tabs } = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome;
      const [tab] = await tabs.query({ url });
      await tabs.sendMessage(tab!.id!, { type: 'manual:pick' });
    }, report.url());
    const form = panel.getByRole('dialog', { name: /标记为问题/ });
    await expect.poll(() => form.count()).toBe(1);
    expect(await form.locator('.excerpt').textContent()).toContain(text.match(/[\u4e00-\u9fa5]{6,}/)![0]); // a run of Chinese: punctuation is read half-width
    await form.getByRole('button', { name: /取消/ }).click();
    await expect.poll(() => form.count()).toBe(0);
    await Promise.all([report.close(), panel.close()]);
  });
});
