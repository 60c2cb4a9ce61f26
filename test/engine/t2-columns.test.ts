/** t2's columns headed as last year's (「上年」) left out of its values (parse/tables.ts lastYearColumns). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/fixtures';
import { auditedHtml as audited, auditedText, ofRule } from '../helpers/rules';

const variant = (name: string) => readFileSync(join(FIXTURES, 'variants', name), 'utf8');
const values = (row: Record<string, { value: number | null }> | undefined) => Object.values(row ?? {}).map((c) => c.value);

describe('t2 with last year beside this year (V24)', () => {
  const page = variant('V24-t2-last-year-columns.html');
  it('reads this year’s values and warns of no extra ones', () => {
    const r = audited(page);
    const t2 = r.report.tables.t2!.rows;
    // The page's 本年 columns (the 上年 ones hold 0 1 2, 4 1 15, 1180 …).
    expect(values(t2.rules)).toEqual([1, 0, 3]);
    expect(values(t2.normative)).toEqual([5, 2, 18]);
    expect(values(t2.licensing)).toEqual([1234]);
    expect(values(t2.fees)).toEqual([12.5]);
    expect(ofRule(r.findings, 'row-extra-cells')).toEqual([]);
  });
  it('leaves a column out only when its header names last year: headed otherwise, its values are extra', () => {
    const page2 = page.replaceAll('<td colspan="3">上年</td>', '<td colspan="3">备注</td>');
    expect(page2).not.toContain('>上年<');
    const extra = ofRule(audited(page2).findings, 'row-extra-cells');
    expect(extra.length).toBeGreaterThanOrEqual(2);
    expect(extra.map((f) => f.message).join('')).toContain('「规章」行');
  });
  it('takes a caption row over the whole block (「上年度数据附后」) for no column’s header', () => {
    const fifth = '<tr><td colspan="7">第二十条第（五）项</td></tr>';
    expect(page).toContain(fifth);
    const r = audited(page.replace(fifth, '<tr><td colspan="7">上年度数据附后</td></tr>' + fifth));
    expect(values(r.report.tables.t2!.rows.licensing)).toEqual([1234]);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
  describe('last year’s columns named by their year (「2023年」 beside 「2022年」)', () => {
    const byYears = page
      .replace('<td colspan="3">本年</td><td colspan="3">上年</td>', '<td colspan="3">2023年</td><td colspan="3">2022年度</td>')
      .replaceAll('<td colspan="3">上年</td>', '<td colspan="3">2022年</td>');
    /** The same table with last year's columns first: each data row's two halves, and each header's, swapped. */
    const lastYearFirst = byYears
      .replace(/<tr><td>([^<]+)<\/td>((?:<td>[\d.]+<\/td>){3})((?:<td>[\d.]+<\/td>){3})<\/tr>/g, '<tr><td>$1</td>$3$2</tr>')
      .replace(/<tr><td>([^<]+)<\/td>(<td colspan="3">[^<]+<\/td>)(<td colspan="3">[^<]+<\/td>)<\/tr>/g, '<tr><td>$1</td>$3$2</tr>')
      .replace(
        /<tr><td rowspan="2">信息内容<\/td>(<td colspan="3">[^<]+<\/td>)(<td colspan="3">[^<]+<\/td>)<\/tr>/,
        '<tr><td rowspan="2">信息内容</td>$2$1</tr>',
      );
    it('reads the latest year’s values, whichever side they stand', () => {
      expect(byYears).not.toContain('>上年<');
      expect(lastYearFirst).toContain('<tr><td>规章</td><td>0</td><td>1</td><td>2</td><td>1</td><td>0</td><td>3</td></tr>');
      expect(lastYearFirst).toContain('<td>信息内容</td><td colspan="3">2022年</td><td colspan="3">本年处理决定数量</td>');
      for (const p of [byYears, lastYearFirst]) {
        const r = audited(p);
        const t2 = r.report.tables.t2!.rows;
        expect(values(t2.rules)).toEqual([1, 0, 3]);
        expect(values(t2.normative)).toEqual([5, 2, 18]);
        expect(values(t2.licensing)).toEqual([1234]);
        expect(values(t2.fees)).toEqual([12.5]);
        expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
      }
    });
    it('leaves a column named by a year alone when no other year or 本年 stands beside it', () => {
      // Only one year in each header row: nothing says it is last year's, so the six values are this year's three and extras.
      const oneYear = byYears
        .replace('<td colspan="3">2023年</td>', '<td colspan="3">本期</td>')
        .replaceAll('本年处理决定数量', '处理决定数量')
        .replace('本年收费金额', '收费金额');
      expect(oneYear).not.toContain('本年处理');
      const extra = ofRule(audited(oneYear).findings, 'row-extra-cells');
      expect(extra.map((f) => f.message).join('')).toContain('「规章」行');
    });
  });
  it('still reads the 2019 template’s own 上一年项目数量 column', () => {
    const t2 = audited(variant('S10-2019-layout-year2019-kaipuyun.html')).report.tables.t2!.rows;
    expect(t2.licensing!.previous!.value).not.toBeNull();
  });
  it('keeps a 2019 column whose header wraps in a PDF’s text (「上一年项」 over 「目数量」)', () => {
    const text = readFileSync(join(FIXTURES, 'probes', 'L01-2019-layout-year2020-pdflayout.txt'), 'utf8');
    expect(text).toContain('上一年项');
    const r = auditedText(text);
    expect(r.report.tables.t2!.rows.licensing!.previous!.value).not.toBeNull();
    expect(ofRule(r.findings, 'cell-missing')).toEqual([]);
  });
});
