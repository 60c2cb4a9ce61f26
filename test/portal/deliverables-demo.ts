/**
 * The demo's last step: what an auditor hands in, from the reports the demo has just audited —
 * the statistics view, a 审核意见书 (page and .docx) and the workbook (.xlsx, and a picture of
 * its first sheet as read back by read-excel-file). Files and screenshots go to `out`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import type { BrowserContext } from 'playwright-core';
import { extensionId } from './browser';

const escape = (s: unknown) => String(s ?? '').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export async function showDeliverables(context: BrowserContext, out: string): Promise<string[]> {
  const id = await extensionId(context);
  const made: string[] = [];
  const page = await context.newPage();
  await page.setViewportSize({ width: 1100, height: 1000 });
  await page.goto(`chrome-extension://${id}/records.html#view=stats`);
  await page.locator('.stats-figure').first().waitFor();
  await page.screenshot({ path: join(out, 'deliverables-stats.png'), fullPage: true });
  made.push('deliverables-stats.png');

  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 Excel/ }).click()]);
  await xlsx.saveAs(join(out, 'deliverables-workbook.xlsx'));
  made.push('deliverables-workbook.xlsx');
  // A picture of the 问题 sheet as a reader library sees it (no spreadsheet program here).
  const [findings] = (await readXlsxFile(readFileSync(join(out, 'deliverables-workbook.xlsx')))) as { sheet: string; data: unknown[][] }[];
  const header = findings!.data[0] as string[];
  const cols = ['机关', '年度', '规则名称', '严重程度', '单元格名称', '应为', '实为', '状态'].map((name) => header.indexOf(name));
  const lines = findings!.data.slice(0, 16).map((r, i) => `<tr>${cols.map((c) => `<${i ? 'td' : 'th'}>${escape(r[c])}</${i ? 'td' : 'th'}>`).join('')}</tr>`);
  const sheet = await context.newPage();
  await sheet.setContent(
    `<meta charset="utf-8"><style>body{font:12px system-ui,'Noto Sans CJK SC',sans-serif;margin:12px}table{border-collapse:collapse}th{background:#e8eef6;position:sticky;top:0}td,th{border:1px solid #c8ccd0;padding:2px 6px;text-align:left;max-width:320px}td:nth-child(2),td:nth-child(6),td:nth-child(7){text-align:right}</style>` +
      `<p>deliverables-workbook.xlsx · 工作表「${escape(findings!.sheet)}」（前 15 行，部分列） · sheet read back with read-excel-file</p><table>${lines.join('')}</table>`,
  );
  await sheet.screenshot({ path: join(out, 'deliverables-workbook.png'), fullPage: true });
  made.push('deliverables-workbook.png');
  await sheet.close();

  // The opinion of the report with the most errors.
  await page.goto(`chrome-extension://${id}/records.html`);
  // One report's row (a group row of a body's year published at several URLs only opens the group).
  await page.locator('.records-table tbody tr').first().waitFor();
  for (const toggle of await page.locator('.records-table tbody tr.group-row').all()) await toggle.click();
  const rows = page.locator('.records-table tbody tr:not(.group-row)');
  const errors = await rows.evaluateAll((rs) => rs.map((r) => Number(r.querySelector('.count.sev-error')?.textContent?.replace(/\D/g, '') || 0)));
  await rows.nth(errors.indexOf(Math.max(...errors))).click();
  const href = await page.getByRole('link', { name: '审核意见书' }).getAttribute('href');
  await page.goto(`chrome-extension://${id}${href}`);
  await page.locator('.opinion h1').waitFor();
  await page.screenshot({ path: join(out, 'deliverables-opinion.png'), fullPage: true });
  made.push('deliverables-opinion.png');
  await page.pdf?.({ path: join(out, 'deliverables-opinion.pdf'), format: 'A4' }).then(
    () => made.push('deliverables-opinion.pdf'),
    () => undefined,
  );
  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Word' }).click()]);
  await docx.saveAs(join(out, 'deliverables-opinion.docx'));
  made.push('deliverables-opinion.docx');
  await page.close();
  return made.map((f) => join(out, f));
}
