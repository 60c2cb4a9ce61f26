/**
 * What real extraction tools write that the text reader must read as the table it was
 * (test/fixtures/tools): frames of box-drawing characters (w3m), markdown's escapes and bold
 * (mammoth, html2text, turndown), Kangxi radicals kept from a PDF's fonts, a merged cell's text
 * repeated in every column it spans (python-docx), tight pdftotext -layout rows, and a label with
 * its first value beside it, the rest one per line (PyMuPDF, mutool, pdfium).
 */
import { describe, expect, it } from 'vitest';
import { auditText } from '../../lib/engine/audit';
import type { Block } from '../../lib/engine/source/blocks';
import { textToBlocks, tokenizeLine } from '../../lib/engine/source/text';
import { seedText } from '../helpers/fixtures';
import { cellValues } from '../helpers/seed-expected';

const rows = (blocks: Block[]): (string | string[])[] =>
  blocks.flatMap((b): (string | string[])[] => (b.kind === 'grid' ? b.rows.map((r) => r.map((c) => c.text)) : [`LINE ${b.text}`]));
const audited = (text: string) => {
  const a = auditText(text);
  if (!a.detected) throw new Error(a.reason);
  return a;
};

describe('text as real tools write it', () => {
  it('reads a table framed in box-drawing characters as a pipe table, its caption rows as lines', () => {
    const w3m = [
      '┌──────────────────┐',
      '│第二十条第（五）项      │',
      '├────────┬─────────┤',
      '│信息内容   │本年处理决定数量 │',
      '├────────┼─────────┤',
      '│行政许可   │1234     │',
      '└────────┴─────────┘',
    ];
    expect(rows(textToBlocks(w3m.join('\n')))).toEqual(['LINE 第二十条第（五）项', ['信息内容', '本年处理决定数量'], ['行政许可', '1234']]);
    // Control: a bar that frames nothing is no caption line's frame.
    expect(rows(textToBlocks('第二十条第（五）项'))).toEqual(['LINE 第二十条第（五）项']);
  });

  it("drops markdown's escapes and bold, keeping the backslash of anything else", () => {
    expect(rows(textToBlocks('**二、主动公开政府信息情况**\n\n行政事业性收费 12\\.5'))).toEqual(['LINE 二、主动公开政府信息情况', ['行政事业性收费', '12.5']]);
    expect(rows(textToBlocks('路径 C:\\报告'))).toEqual(['LINE 路径 C:\\报告']);
  });

  it('reads a text with Kangxi radicals as the same text with ideographs', () => {
    const seed = seedText('001');
    const plain = audited(seed);
    const radicals = audited(seed.replaceAll('一', '⼀').replaceAll('二', '⼆').replaceAll('人', '⼈'));
    expect(radicals.report.agency).toBe(plain.report.agency);
    expect(cellValues(radicals.report)).toEqual(cellValues(plain.report));
    expect(radicals.findings.map((f) => f.rule)).toEqual(plain.findings.map((f) => f.rule));
  });

  it("reads one value of a one-value row whose merged cell's text is written in each column", () => {
    const seed = seedText('001');
    expect(seed).toContain('行政许可\t0\t\t');
    const repeated = audited(seed.replace('行政许可\t0\t\t', '行政许可\t7\t7\t7'));
    expect(repeated.report.tables.t2!.rows.licensing!.decisions!.value).toBe(7);
    expect(repeated.findings.filter((f) => f.rule === 'row-extra-cells')).toEqual([]);
    // Control: three different values are still more values than the row has columns.
    const three = audited(seed.replace('行政许可\t0\t\t', '行政许可\t7\t8\t9'));
    expect(three.findings.some((f) => f.rule === 'row-extra-cells' && f.cells?.some((c) => c.row === 'licensing'))).toBe(true);
  });

  it('splits a tight pdftotext -layout row: a label one space before its first value, values one space apart', () => {
    expect(tokenizeLine('行政规范性文件 0      0      0')).toMatchObject({ cells: ['行政规范性文件', '0', '0', '0'] });
    expect(tokenizeLine('三、本年            (一) 予以公开    0 0 0 0 0 0 0')).toMatchObject({
      cells: ['三、本年', '(一)', '予以公开', '0', '0', '0', '0', '0', '0', '0'],
    });
    // Control: runs of spaces between every cell stay the columns they are.
    expect(tokenizeLine('行政规范性文件      5      2      18')).toMatchObject({ cells: ['行政规范性文件', '5', '2', '18'], spacing: 'runs' });
  });

  it('continues a row begun by a label and its first value with the values one per line, two of them on a line', () => {
    expect(rows(textToBlocks('（七）总计 41\n6\n1\n2\n3\n1 54\n四、结转下年度继续办理 2 1 0 0 0 0 3'))).toEqual([
      ['(七)总计', '41', '6', '1', '2', '3', '1', '54'],
      ['四、结转下年度继续办理', '2', '1', '0', '0', '0', '0', '3'],
    ]);
  });
});
