/** The records page's list in a real Chromium: full-text search, filters, sortable columns, keyboard rows, groups. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { buildAuditsFile } from '@/lib/app/export/json';
import type { ReportRecord } from '@/lib/app/schema';
import { ruleTitle } from '@/lib/engine/labels';
import { AUDITS } from '../helpers/deliverables';
import { axeViolations } from '../portal/axe';
import { extensionId, launch, newProfile } from '../portal/browser';

let context: BrowserContext;
let id: string;

const [a2023, a2022, b2023, b2020] = AUDITS.map((a) => a.record) as [ReportRecord, ReportRecord, ReportRecord, ReportRecord];
/** 司法局's 2023 report again, published at a second URL: grouped with the first; its page's last audit no longer found it. */
const mirror: ReportRecord = {
  ...b2023,
  id: 'https://www.example.gov.cn/xxgk/b2023-copy.html',
  url: 'https://www.example.gov.cn/xxgk/b2023-copy.html',
  absentSince: b2023.auditedAt + 60_000,
};

beforeAll(async () => {
  context = await launch(newProfile());
  id = await extensionId(context);
  const page = await records();
  const file = buildAuditsFile(
    [...AUDITS.map((a) => a.record), mirror],
    AUDITS.flatMap((a) => a.notes),
    new Date(),
  );
  await page.locator('input[type=file]').setInputFiles({ name: 'audits.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.waitForFunction(() => /已导入/.test(document.querySelector('.transfer')?.textContent ?? ''), undefined, { timeout: 15_000 });
  await page.close();
});
afterAll(async () => {
  await context?.close();
});

async function records(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/records.html`);
  return page;
}

const rows = (page: Page) => page.locator('.records-table tbody tr');
/** Agency and year of each row shown. */
const listed = (page: Page) =>
  rows(page).evaluateAll((trs) => trs.map((tr) => `${tr.children[0]!.textContent!.replace(/[▸▾]/g, '').trim()} ${tr.children[1]!.textContent}`));
const focusedKey = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.key ?? null);

describe('the records list', () => {
  it('groups one body’s year published at two URLs into one row that opens by keyboard', async () => {
    const page = await records();
    // 4 reports + the mirror, shown as 4 rows: the two 司法局 2023 reports are one.
    await expect
      .poll(async () => (await listed(page)).sort())
      .toEqual(['示范市司法局 2020', '示范市司法局 2023', '示范市测试局 2022', '示范市测试局 2023'].sort());
    const group = page.locator('tr.group-row');
    expect(await group.count()).toBe(1);
    expect(await group.locator('.group-urls a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([b2023.url, mirror.url]);
    await group.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('tr.group-member').count()).toBe(2);
    // Only the record its page no longer holds says so.
    expect(await page.locator('tr.group-member .absent').allTextContents()).toEqual([expect.stringMatching(/审核页面时已不见此报告/)]);
    expect(await group.locator('button.group-toggle').getAttribute('aria-expanded')).toBe('true');
    // The arrow keys walk into the group's reports; Enter opens one.
    await page.keyboard.press('ArrowDown');
    expect(await focusedKey(page)).toBe(b2023.id);
    await page.keyboard.press('ArrowDown');
    expect(await focusedKey(page)).toBe(mirror.id);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#detail .report-head a.url').getAttribute('href')).toBe(mirror.url);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('rows are one Tab stop; arrows, Home and End move; Enter and Space open', async () => {
    const page = await records();
    await expect.poll(() => rows(page).count()).toBe(4);
    expect(await rows(page).evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).tabIndex))).toEqual([0, -1, -1, -1]);
    // Rows in the order shown (the store's: latest audit first); the group row's key is not a report id.
    const keys = await rows(page).evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.key!));
    const url = (key: string) => [a2023, a2022, b2023, b2020].find((r) => r.id === key)?.url;
    await rows(page).first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await focusedKey(page)).toBe(keys[1]);
    await page.keyboard.press('End');
    expect(await focusedKey(page)).toBe(keys[3]);
    await page.keyboard.press('ArrowDown'); // stays on the last row
    expect(await focusedKey(page)).toBe(keys[3]);
    await page.keyboard.press('Home');
    expect(await focusedKey(page)).toBe(keys[0]);
    await page.keyboard.press('ArrowUp'); // stays on the first
    expect(await focusedKey(page)).toBe(keys[0]);
    // Enter and Space open the focused report (a plain row, not the group).
    const plain = keys.filter((k) => url(k));
    for (const [i, key] of [plain[0]!, plain[1]!].entries()) {
      await rows(page).nth(keys.indexOf(key)).focus();
      await page.keyboard.press(i === 0 ? 'Enter' : 'Space');
      await expect.poll(() => page.locator('#detail .report-head a.url').getAttribute('href')).toBe(url(key));
      expect(await rows(page).nth(keys.indexOf(key)).getAttribute('aria-current')).toBe('true');
    }
    // Tab leaves the table from the row it is on (its report link next), not from every row in turn.
    expect(await rows(page).evaluateAll((trs) => trs.filter((tr) => (tr as HTMLElement).tabIndex === 0).length)).toBe(1);
    await page.close();
  });

  it('sorts by a column on click or keyboard, says so with aria-sort, and reverses on the next press', async () => {
    const page = await records();
    await expect.poll(() => rows(page).count()).toBe(4);
    const yearHeader = page.locator('th', { hasText: '年度' });
    expect(await yearHeader.getAttribute('aria-sort')).toBe('none');
    await yearHeader.getByRole('button').click();
    expect(await yearHeader.getAttribute('aria-sort')).toBe('descending');
    expect((await listed(page)).map((r) => r.split(' ')[1])).toEqual(['2023', '2023', '2022', '2020']);
    await yearHeader.getByRole('button').focus();
    await page.keyboard.press('Enter');
    expect(await yearHeader.getAttribute('aria-sort')).toBe('ascending');
    expect((await listed(page)).map((r) => r.split(' ')[1])).toEqual(['2020', '2022', '2023', '2023']);
    // By counted findings, most first: a2023 has 1 error left (its other error is 误报), b2020 1 error,
    // a2022 nothing counted (its blank cell is 已整改), b2023 none.
    await page.locator('th', { hasText: '问题' }).getByRole('button').click();
    expect(await yearHeader.getAttribute('aria-sort')).toBe('none');
    const byFindings = await listed(page);
    expect(byFindings.slice(0, 2)).toEqual(['示范市测试局 2023', '示范市司法局 2020']);
    expect(byFindings.slice(2).sort()).toEqual(['示范市测试局 2022', '示范市司法局 2023'].sort()); // a tie: stored order
    await page.close();
  });
});

describe('search and filters', () => {
  const search = (page: Page, text: string) => page.getByRole('searchbox').fill(text);

  it('searches findings (message, rule title, readable cell), notes and reports', async () => {
    const page = await records();
    await expect.poll(() => rows(page).count()).toBe(4);
    await search(page, '国家秘密'); // a2022's blank cell: in its message and its cell's name
    await expect.poll(() => listed(page)).toEqual(['示范市测试局 2022']);
    await search(page, ruleTitle('t3-results-sum').zh);
    await expect.poll(() => listed(page)).toEqual(['示范市司法局 2020']);
    await search(page, '已补填'); // a note on a2022's finding
    await expect.poll(() => listed(page)).toEqual(['示范市测试局 2022']);
    await search(page, '一周内更正'); // a2023's report note
    await expect.poll(() => listed(page)).toEqual(['示范市测试局 2023']);
    await search(page, 'b2023-copy'); // a URL, inside the group
    await expect.poll(() => listed(page)).toEqual(['示范市司法局 2023']);
    await search(page, '没有这段文字');
    await expect.poll(() => rows(page).count()).toBe(0);
    expect(await page.locator('.empty').textContent()).toContain('没有符合搜索与筛选条件的报告');
    await page.close();
  });

  it('filters by status, rule, severity, body and year; 清除筛选 shows all again', async () => {
    const page = await records();
    await expect.poll(() => rows(page).count()).toBe(4);
    const choose = (label: string, value: string) => page.getByLabel(label).selectOption(value);
    await choose('核实状态 / Status', 'false_positive');
    await expect.poll(() => listed(page)).toEqual(['示范市测试局 2023']);
    await choose('核实状态 / Status', 'fixed');
    await expect.poll(() => listed(page)).toEqual(['示范市测试局 2022']);
    await choose('核实状态 / Status', '');
    await choose('规则 / Rule', 't3-results-sum');
    await expect.poll(() => listed(page)).toEqual(['示范市司法局 2020']);
    await choose('规则 / Rule', '');
    await choose('严重程度 / Severity', 'warning'); // a2023's prose finding, a2022's blank cell
    await expect.poll(() => listed(page)).toEqual(['示范市测试局 2023', '示范市测试局 2022']);
    await choose('严重程度 / Severity', '');
    await choose('机关 / Body', '示范市司法局');
    await expect.poll(() => listed(page)).toEqual(['示范市司法局 2023', '示范市司法局 2020']);
    await choose('年度 / Year', '2020');
    await expect.poll(() => listed(page)).toEqual(['示范市司法局 2020']);
    expect(await page.locator('.filters [role=status]').textContent()).toBe('显示 1 / 5 份报告');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => rows(page).count()).toBe(4);
    await page.close();
  });
});
