/** What auditors hand in, in a real Chromium: the workbook exported from the records page, the opinion page. */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { buildAuditsFile } from '@/lib/app/export/json';
import type { ReportRecord } from '@/lib/app/schema';
import { withFindingIds } from '@/lib/engine/finding-id';
import { AUDITS } from '../helpers/deliverables';
import { axeViolations } from '../portal/axe';
import { extensionId, launch, newProfile, openExtensionPage, waitForAudit } from '../portal/browser';
import { startPortal, type Portal } from '../portal/server';

let context: BrowserContext;
let id: string;
let portal: Portal;

beforeAll(async () => {
  portal = await startPortal();
  context = await launch(newProfile());
  id = await extensionId(context);
  const records = await extensionPage('records.html');
  await importAudits(
    records,
    AUDITS.map((a) => a.record),
  );
  await records.close();
});
afterAll(async () => {
  await context?.close();
  await portal?.close();
});

const extensionPage = (path: string): Promise<Page> => openExtensionPage(context, id, path);

/** Stores audits as an auditor would bring them in: through the records page's JSON import. */
async function importAudits(records: Page, reports: ReportRecord[], notes = AUDITS.flatMap((a) => a.notes)): Promise<void> {
  const file = buildAuditsFile(reports, notes, new Date());
  await records.locator('input[type=file]').setInputFiles({ name: 'audits.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await records.waitForFunction(() => /已导入/.test(document.querySelector('.transfer')?.textContent ?? ''), undefined, { timeout: 15_000 });
}

async function downloadWorkbook(page: Page): Promise<{ sheet: string; data: unknown[][] }[]> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 Excel/ }).click()]);
  expect(d.suggestedFilename()).toMatch(/^年报审计记录-\d{8}-\d{4}\.xlsx$/);
  return (await readXlsxFile(readFileSync((await d.path())!))) as { sheet: string; data: unknown[][] }[];
}

describe('workbook', () => {
  it('the records page exports the listed reports as an .xlsx that a reader opens', async () => {
    const records = await extensionPage('records.html');
    await expect.poll(() => records.locator('.records-table tbody tr').count()).toBe(AUDITS.length);
    const sheets = await downloadWorkbook(records);
    expect(sheets.map((s) => s.sheet)).toEqual(['问题', '报告', '机关×年度', '规则']);
    const findings = sheets[0]!.data;
    expect(findings).toHaveLength(1 + AUDITS.reduce((n, a) => n + a.record.findings.length, 0));
    const cell = (findings[0] as string[]).indexOf('单元格名称');
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
        Array.from({ length: 12 }, (_, j) => ({
          rule: 'cell-missing',
          severity: 'warning' as const,
          message: `第 ${i} 份报告的第 ${j} 个空白单元格：请核实该单元格应填写的数字，空白不等于零。`,
          cells: [{ table: 't3' as const, row: '3.3.1', column: 'natural' }],
        })),
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

describe('审核意见书', () => {
  const [a2023] = AUDITS;
  const opinionUrl = (reportId: string) => `opinion.html?report=${encodeURIComponent(reportId)}`;

  it('is linked from the records page next to a report', async () => {
    const records = await extensionPage('records.html');
    await records.locator('.records-table tbody tr', { hasText: '示范市测试局' }).first().click();
    const link = records.getByRole('link', { name: '审核意见书' });
    await expect.poll(() => link.count()).toBe(1);
    const href = await link.getAttribute('href');
    const shown = await records.locator('#detail .report-head a.url').getAttribute('href');
    expect(href).toBe(`/${opinionUrl(shown!)}`);
    await records.close();
  });

  it('renders a stored report: facts, summary, findings with readable cells, rule basis, status and note', async () => {
    const page = await extensionPage(opinionUrl(a2023!.record.id));
    await expect.poll(() => page.locator('.opinion h1').textContent()).toBe('政府信息公开工作年度报告审核意见书');
    const facts = Object.fromEntries(
      await page.locator('.opinion-facts tr').evaluateAll((rows) => rows.map((r) => [r.querySelector('th')!.textContent, r.querySelector('td')!.textContent])),
    );
    expect(facts).toMatchObject({ 机关: '示范市测试局', 年度: '2023 年度', 网址: a2023!.record.url, 审核人: '（未署名）' });
    const text = await page.locator('.opinion').innerText();
    expect(text).toContain('经审核，该报告存在 1 处错误，建议更正后重新发布。');
    expect(text).toContain('位置：第三部分 · (七)总计 · 总计。应为 12，实为 11。');
    expect(text).toContain('依据：第三部分表格注');
    expect(text).toContain('状态：已确认。备注：表三总计应为 12（张三）');
    expect(text).not.toContain('t3/3.7/total');
    expect(await page.locator('.opinion-findings.settled li').count()).toBe(1);
    // Printed: the toolbar and notices are left out, the opinion stays.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav.toolbar').isVisible()).toBe(false);
    expect(await page.locator('.opinion').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    // Saved as Word: the same sentences in document.xml.
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Word' }).click()]);
    expect(d.suggestedFilename()).toBe('审核意见书-示范市测试局-2023.docx');
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync((await d.path())!)))['word/document.xml']!);
    expect(xml).toContain('位置：第三部分 · (七)总计 · 总计。应为 12，实为 11。');
    await page.close();
  });

  it('signs with the auditor set in the options, as soon as it is saved', async () => {
    const page = await extensionPage(opinionUrl(a2023!.record.id));
    await expect.poll(() => page.locator('.notice-box').textContent()).toContain('尚未设置审核人姓名');
    const options = await extensionPage('options.html');
    await options.getByPlaceholder('姓名').fill('王五');
    await options.getByPlaceholder('姓名').blur();
    await expect.poll(() => page.locator('.opinion-sign').textContent()).toContain('审核人：王五');
    expect(await page.locator('.opinion-facts tr', { hasText: '审核人' }).locator('td').textContent()).toBe('王五');
    expect(await page.locator('.notice-box').count()).toBe(0);
    await options.getByPlaceholder('姓名').fill('');
    await options.getByPlaceholder('姓名').blur();
    await expect.poll(() => page.locator('.notice-box').count()).toBe(1);
    await options.close();
    await page.close();
  });

  it('says clearly when the report is not stored or the link has no report', async () => {
    const missing = await extensionPage(opinionUrl('https://nowhere.gov.cn/none.html'));
    await expect.poll(() => missing.locator('.error').textContent()).toContain('没有找到这份报告的审计记录');
    expect(await missing.getByRole('button', { name: '下载 Word' }).isDisabled()).toBe(true);
    const bare = await extensionPage('opinion.html');
    await expect.poll(() => bare.locator('.error').textContent()).toContain('链接中没有报告编号');
    await missing.close();
    await bare.close();
  });
});

describe('statistics', () => {
  /** The figures of the statistics view, by label. */
  const figures = (page: Page) =>
    page
      .locator('.stats-figure')
      .evaluateAll((els) => Object.fromEntries(els.map((e) => [e.querySelector('dt')!.textContent, e.querySelector('dd')!.textContent])));

  it('counts what the list shows, per rule, body and year, with each chart’s numbers in a table', async () => {
    const records = await extensionPage('records.html#view=stats');
    // Only the fixture's reports (the large workbook test stored others under big.example.gov.cn).
    await records.getByPlaceholder('搜索机关、标题或网址').fill('www.example.gov.cn');
    await expect.poll(() => figures(records)).toMatchObject({ 审计报告: '4', 含错误的报告: '2（50.0%）', 问题: '3', 误报: '1', 已整改: '1' });
    expect(await records.locator('#stats-rules svg rect').count()).toBe(3);
    const yearRows = await records
      .locator('#stats-years table tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
    expect(yearRows).toEqual([
      ['2020', '1', '1', '100.0%', '1'],
      ['2022', '1', '0', '0.0%', '0'],
      ['2023', '2', '1', '50.0%', '2'],
    ]);
    // The toggle counts 误报 and 已整改 too.
    await records.getByLabel('计入误报与已整改的问题').check();
    await expect.poll(() => figures(records)).toMatchObject({ 问题: '5' });
    expect(await records.locator('#stats-rules svg rect').count()).toBe(5);
    // The list's filters apply.
    await records.getByPlaceholder('搜索机关、标题或网址').fill('司法局');
    await expect.poll(() => figures(records)).toMatchObject({ 审计报告: '2', 含错误的报告: '1（50.0%）' });
    const bodies = await records.locator('#stats-bodies table tbody td:first-child').allTextContents();
    expect(bodies).toEqual(['示范市司法局']);
    await records.close();
  });
});

describe('误报 and 已整改 in the side panel', () => {
  it('dims a finding marked 误报, leaves it out of the counts, and keeps it so after a re-audit; links the opinion', async () => {
    const report = await context.newPage();
    await report.goto(portal.url('/defects/identity.html'));
    await waitForAudit(report);
    const panel = await extensionPage('sidepanel.html');
    await report.bringToFront();
    const errors = panel.locator('.report-head .count.sev-error');
    await expect.poll(() => errors.count()).toBe(1);
    const before = Number((await errors.textContent())!.replace(/\D/g, ''));
    expect(before).toBeGreaterThan(0);
    const card = panel.locator('.finding.sev-border-error').first();
    const message = (await card.locator('.message').textContent())!;
    await card.locator('select.status').selectOption('false_positive');
    const same = panel.locator('.finding', { hasText: message });
    await expect.poll(() => same.getAttribute('class')).toContain('settled');
    await expect.poll(() => errors.textContent()).toBe(`错误 ${before - 1}`);
    expect(await axeViolations(panel, '.finding.settled', ['color-contrast'])).toEqual([]); // dimmed, still readable
    // Audited again: the same finding, still 误报, still dimmed and uncounted.
    await panel.getByRole('button', { name: '重新审计' }).click();
    await expect.poll(() => panel.getByText('正在审计…').count()).toBe(0); // the audit request came back
    expect(await panel.locator('p.error').count()).toBe(0);
    await expect.poll(() => panel.locator('.finding', { hasText: message }).locator('select.status').inputValue()).toBe('false_positive');
    await expect.poll(() => panel.locator('.finding', { hasText: message }).getAttribute('class')).toContain('settled');
    expect(await errors.textContent()).toBe(`错误 ${before - 1}`);
    // The opinion of this report is one click away.
    const reportId = await panel.locator('.report-head a.url').getAttribute('href');
    expect(await panel.getByRole('link', { name: '审核意见书' }).getAttribute('href')).toBe(`/opinion.html?report=${encodeURIComponent(reportId!)}`);
    await panel.close();
    await report.close();
  });
});

describe('accessibility (axe-core)', () => {
  it('the opinion page has no violations', async () => {
    const page = await extensionPage(`opinion.html?report=${encodeURIComponent(AUDITS[0]!.record.id)}`);
    await expect.poll(() => page.locator('.opinion h1').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('the statistics view of the records page has no violations', async () => {
    const page = await extensionPage('records.html#view=stats');
    await page.getByPlaceholder('搜索机关、标题或网址').fill('www.example.gov.cn');
    await expect.poll(() => page.locator('.stats-figure').count()).toBeGreaterThan(3);
    expect(await axeViolations(page, '.stats')).toEqual([]);
    await page.close();
  });
});
