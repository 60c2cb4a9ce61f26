/** What auditors hand in, in a real Chromium: the workbook exported from the records page, the opinion page. */
import { readFileSync } from 'node:fs';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { buildAuditsFile } from '@/lib/app/export/json';
import type { ReportRecord } from '@/lib/app/schema';
import { withFindingIds } from '@/lib/engine/finding-id';
import { AUDITS } from '../helpers/deliverables';
import { extensionId, launch, newProfile } from '../portal/browser';

let context: BrowserContext;
let id: string;

beforeAll(async () => {
  context = await launch(newProfile());
  id = await extensionId(context);
});
afterAll(async () => {
  await context?.close();
});

async function extensionPage(path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/${path}`);
  return page;
}

/** Stores audits as an auditor would bring them in: through the records page's JSON import. */
async function importAudits(records: Page, reports: ReportRecord[], notes = AUDITS.flatMap((a) => a.notes)): Promise<void> {
  const file = buildAuditsFile(reports, notes, new Date());
  await records.locator('input[type=file]').setInputFiles({ name: 'audits.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect.poll(() => records.locator('.transfer').textContent()).toMatch(/已导入/);
}

async function downloadWorkbook(page: Page): Promise<{ sheet: string; data: unknown[][] }[]> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 Excel/ }).click()]);
  expect(d.suggestedFilename()).toMatch(/^年报审计记录-\d{8}-\d{4}\.xlsx$/);
  return (await readXlsxFile(readFileSync((await d.path())!))) as { sheet: string; data: unknown[][] }[];
}

describe('workbook', () => {
  it('the records page exports the listed reports as an .xlsx that a reader opens', async () => {
    const records = await extensionPage('records.html');
    await importAudits(records, AUDITS.map((a) => a.record));
    await expect.poll(() => records.locator('.records-table tbody tr').count()).toBe(AUDITS.length);
    const sheets = await downloadWorkbook(records);
    expect(sheets.map((s) => s.sheet)).toEqual(['问题', '报告', '机关×年度', '规则']);
    const findings = sheets[0]!.data;
    expect(findings).toHaveLength(1 + AUDITS.reduce((n, a) => n + a.record.findings.length, 0));
    const cell = (findings[0] as string[]).indexOf('单元格');
    expect(findings.map((r) => r[cell])).toContain('第三部分 · (七)总计 · 总计');
    // The list's filters decide what is exported.
    await records.getByPlaceholder('搜索机关、标题或网址').fill('司法局');
    await expect.poll(() => records.locator('.records-table tbody tr').count()).toBe(2);
    const filtered = await downloadWorkbook(records);
    expect(filtered[1]!.data.slice(1).map((r) => r[0])).toEqual(['示范市司法局', '示范市司法局']);
    await records.close();
  });

  it('writes a workbook too large for one compression step (thousands of findings)', async () => {
    const records = await extensionPage('records.html');
    const many: ReportRecord[] = Array.from({ length: 300 }, (_, i) => {
      const url = `https://big.example.gov.cn/ndbg/${i}.html`;
      const findings = withFindingIds(
        Array.from({ length: 12 }, (_, j) => ({ rule: 'cell-missing', severity: 'warning' as const, message: `第 ${i} 份报告的第 ${j} 个空白单元格：请核实该单元格应填写的数字，空白不等于零。`, cells: [{ table: 't3' as const, row: '3.3.1', column: 'natural' }] })),
      );
      return { ...AUDITS[0]!.record, id: url, url, agency: `示范市第${i}局`, findings };
    });
    await importAudits(records, many, []);
    await records.getByPlaceholder('搜索机关、标题或网址').fill('big.example');
    await expect.poll(() => records.locator('.records-table tbody tr').count()).toBe(300);
    const sheets = await downloadWorkbook(records);
    expect(sheets[0]!.data).toHaveLength(1 + 300 * 12);
    await records.close();
  });
});
