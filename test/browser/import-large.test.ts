/**
 * An export larger than one runtime message (64 MiB) imports again through the records page: the page
 * sends it in parts and the background writes it whole (lib/app/export/import-parts.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAuditsFile } from '@/lib/app/export/json';
import { MAX_MESSAGE_BYTES, utf8Bytes } from '@/lib/app/export/import-parts';
import type { ReportRecord } from '@/lib/app/schema';
import { extensionId, launch, newProfile } from '../portal/browser';

const REPORTS = 24;

function record(i: number): ReportRecord {
  const url = `https://www.example.gov.cn/xxgk/${i}.html`;
  return {
    id: url,
    url,
    title: `示范局${2000 + i}年报`,
    agency: '示范局',
    year: 2000 + i,
    layout: '2021',
    published: null,
    sections: ['s1'],
    tables: [],
    values: {},
    firstAuditedAt: 1000 + i,
    auditedAt: 2000 + i,
    findings: [],
    gone: [],
    newIds: [],
    // 1 million Chinese characters: 3 MB of UTF-8 per report, 72 MB in all.
    note: `${i}`.padEnd(1_000_000, '审'),
    noteBy: '张三',
    noteUpdatedAt: 3000 + i,
  };
}

describe('importing an export larger than one message', () => {
  it('lands whole through the records page', async () => {
    const text = JSON.stringify(
      buildAuditsFile(
        Array.from({ length: REPORTS }, (_, i) => record(i)),
        [],
        new Date(5000),
      ),
    );
    expect(utf8Bytes(text)).toBeGreaterThan(MAX_MESSAGE_BYTES);
    const profile = newProfile();
    const path = join(profile, 'large.json');
    writeFileSync(path, text);

    const ctx = await launch(profile);
    try {
      const page = await ctx.newPage();
      await page.goto(`chrome-extension://${await extensionId(ctx)}/records.html`);
      await page.locator('input[type=file]').setInputFiles(path);
      await expect
        .poll(() => page.locator('.transfer .muted, .transfer .error').textContent(), { timeout: 60_000, interval: 500 })
        .toBe(`已导入：更新 ${REPORTS} 份报告、0 条备注。`);
      await expect.poll(() => page.locator('.records-table tbody tr').count()).toBe(REPORTS);
    } finally {
      await ctx.close();
    }
  }, 120_000);
});
