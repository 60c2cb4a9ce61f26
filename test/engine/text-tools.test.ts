/**
 * What real extraction tools write that the text reader must read as the table it was
 * (test/fixtures/tools): frames of box-drawing characters (w3m), markdown's escapes and bold
 * (mammoth, html2text, turndown), Kangxi radicals kept from a PDF's fonts, a merged cell's text
 * repeated in every column it spans (python-docx), tight pdftotext -layout rows, a label with
 * its first value beside it, the rest one per line (PyMuPDF, mutool, pdfium); round 2: grid tables'
 * rules (pandoc's markdown and reStructuredText), front matter and AsciiDoc headings (pandoc -s), a title
 * spaced out by runs of spaces (pypdf, pdftotext -fixed), the column numbers' row under header lines
 * (lynx) or run together with the values one per line (turndown).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditText } from '../../lib/engine/audit';
import type { Block } from '../../lib/engine/source/blocks';
import { textToBlocks, tokenizeLine } from '../../lib/engine/source/text';
import { FIXTURES, seedText } from '../helpers/fixtures';
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
    // After a group's label too (pdftotext -layout -enc GBK sets the runs apart so).
    expect(tokenizeLine('(四) 无法提供       1.本机关不掌握相关政府信息 0            0         0')).toMatchObject({
      cells: ['(四)', '无法提供', '1.本机关不掌握相关政府信息', '0', '0', '0'],
    });
    // Control: runs of spaces between every cell stay the columns they are.
    expect(tokenizeLine('行政规范性文件      5      2      18')).toMatchObject({ cells: ['行政规范性文件', '5', '2', '18'], spacing: 'runs' });
  });

  it("joins a -layout row and its value wrapped alone onto the next line when both stand under a full row's columns", () => {
    const head = ['    规章                      1               0               3'];
    const wrapped = [
      ...head,
      '    行政规范性文件            5               2',
      '                                                              18',
      '    行政许可                  7               8               9',
    ];
    expect(rows(textToBlocks(wrapped.join('\n')))).toEqual([
      ['规章', '1', '0', '3'],
      ['行政规范性文件', '5', '2', '18'],
      ['行政许可', '7', '8', '9'],
    ]);
    // Control: a value alone that stands under no column the row lacks (here under the first) stays a row of its own.
    const apart = [...head, '    行政规范性文件            5               2', '                              18'];
    expect(rows(textToBlocks(apart.join('\n')))).toEqual([['规章', '1', '0', '3'], ['行政规范性文件', '5', '2'], ['18']]);
  });

  it('continues a row begun by a label and its first value with the values one per line, two of them on a line', () => {
    expect(rows(textToBlocks('（七）总计 41\n6\n1\n2\n3\n1 54\n四、结转下年度继续办理 2 1 0 0 0 0 3'))).toEqual([
      ['(七)总计', '41', '6', '1', '2', '3', '1', '54'],
      ['四、结转下年度继续办理', '2', '1', '0', '0', '0', '0', '3'],
    ]);
  });

  it("reads a grid table's rules between rows as separators (pandoc markdown, reStructuredText)", () => {
    const rst = ['+--------------+------+', '| 信息内容     | 数量 |', '+==============+======+', '| 行政许可     | 1234 |', '+--------------+------+'];
    expect(rows(textToBlocks(rst.join('\n')))).toEqual([
      ['信息内容', '数量'],
      ['行政许可', '1234'],
    ]);
    // Control: a line of prose with plus signs is no rule.
    expect(tokenizeLine('+5 件')).not.toBe('separator');
    expect(tokenizeLine('+-')).not.toBe('separator');
  });

  it("reads a grid table's row of several lines as one row, each cell's pieces joined (pandoc reStructuredText)", () => {
    const rst = [
      '+--------------+----+----+',
      '| 四、结转下年 | 2  | 3  |',
      '|              |    |    |',
      '| 度继续办理   |    |    |',
      '+--------------+----+----+',
      '| 规章         | 1  | 0  |',
      '+--------------+----+----+',
    ];
    expect(rows(textToBlocks(rst.join('\n')))).toEqual([
      ['四、结转下年度继续办理', '2', '3'],
      ['规章', '1', '0'],
    ]);
    // Control: a markdown pipe table (no grid rules) keeps a row per line.
    expect(rows(textToBlocks('| 规章 | 1 | 0 |\n| 行政规范性文件 | 5 | 2 |'))).toEqual([
      ['规章', '1', '0'],
      ['行政规范性文件', '5', '2'],
    ]);
  });

  it("reads a box-drawn table's lines between two rules as one row, each box's words joined (w3m -dump of a table with a border)", () => {
    const w3m = [
      '┌───┬───┬──┐',
      '│结 │结 │  │',
      '│果 │果 │总│',
      '│维 │纠 │计│',
      '│持 │正 │  │',
      '├───┼───┼──┤',
      '│   │1  │1 │',
      '└───┴───┴──┘',
      '┌──────────────┬───┬───┐',
      '│1.申请人无正当│   │   │',
      '│理由逾期不补正│1  │1  │',
      '│、行政机关不再│   │   │',
      '├──────────────┼───┼───┤',
      '│规章          │1  │0  │',
      '└──────────────┴───┴───┘',
    ];
    expect(rows(textToBlocks(w3m.join('\n')))).toEqual([
      ['结果维持', '结果纠正', '总计'],
      ['', '1', '1'],
      ['1.申请人无正当理由逾期不补正、行政机关不再', '1', '1'],
      ['规章', '1', '0'],
    ]);
    // A box merged over the columns below it (「未经复议」 over 结果维持 and 结果纠正) stays a line of its own over their words.
    const merged = [
      '┌────┬───────────┐',
      '│    │未经复议   │',
      '│总  ├─────┬─────┤',
      '│计  │结果 │结果 │',
      '│    │维持 │纠正 │',
      '├────┼─────┼─────┤',
      '│1   │1    │0    │',
      '└────┴─────┴─────┘',
    ];
    expect(rows(textToBlocks(merged.join('\n')))).toEqual([
      ['', '未经复议'],
      ['总计', '结果维持', '结果纠正'],
      ['1', '1', '0'],
    ]);
  });

  it('keeps the values of a box-drawn row apart unless one number is wrapped in its box', () => {
    // Control: every row one line reads as the rows of a pipe table.
    const oneLine = [
      '┌──────────────┬───┬───┐',
      '│规章          │1  │0  │',
      '├──────────────┼───┼───┤',
      '│行政规范性文件│5  │2  │',
      '└──────────────┴───┴───┘',
    ];
    expect(rows(textToBlocks(oneLine.join('\n')))).toEqual([
      ['规章', '1', '0'],
      ['行政规范性文件', '5', '2'],
    ]);
    // Control: a box whose two lines hold a value each (a cell with a line break, 「1<br>2」) is never one number 12.
    const twoValues = ['┌──────┬───┐', '│规章  │1  │', '│      │2  │', '└──────┴───┘'];
    expect(rows(textToBlocks(twoValues.join('\n')))).toEqual([
      ['规章', '1'],
      ['', '2'],
    ]);
    // A number wider than its box, wrapped by w3m: its first line fills the box.
    const wrapped = ['┌────┬────┐', '│行政│1234│', '│许可│5   │', '└────┴────┘'];
    expect(rows(textToBlocks(wrapped.join('\n')))).toEqual([['行政许可', '12345']]);
    // A value with its unit wrapped after it (「3件」 in a narrow box) is one cell, which the unit rule reads.
    const unit = ['┌──────┬──┐', '│规章  │3 │', '│      │件│', '└──────┴──┘'];
    expect(rows(textToBlocks(unit.join('\n')))).toEqual([['规章', '3件']]);
  });

  it("never holds a report's title as the label of a value on a line after it (w3m wrapped 「浏览次数：」⏎「1024」)", () => {
    const head = ['示范县交通运输局2023年政府信息公开工作年度报告', '', '发布时间：2024-01-20 10:15来源：示范县交通运输局浏览次数：', '1024'];
    expect(rows(textToBlocks(head.join('\n')))[0]).toBe('LINE 示范县交通运输局2023年政府信息公开工作年度报告');
    // Control: a row's label alone on its line still takes the values under it.
    expect(rows(textToBlocks('行政许可\n1234'))).toEqual([['行政许可', '1234']]);
  });

  it('reads box-drawn tables set side by side as one table after the other (a layout table holding two bordered tables)', () => {
    const twoTables = [
      '┌────┬────┐ ┌────┬────┐',
      '│维持│总计│ │维持│总计│',
      '├────┼────┤ ├────┼────┤',
      '│2   │4   │ │1   │2   │',
      '└────┴────┘ │    │    │',
      '            └────┴────┘',
    ];
    expect(rows(textToBlocks(twoTables.join('\n')))).toEqual([
      ['维持', '总计'],
      ['2', '4'],
      ['维持', '总计'],
      ['1', '2'],
    ]);
    // Control: one table with a narrow empty box (「│ │」) is not parted there, its rules cross that column.
    const oneTable = ['┌────┬─┬────┐', '│规章│ │1   │', '├────┼─┼────┤', '│许可│ │2   │', '└────┴─┴────┘'];
    expect(rows(textToBlocks(oneTable.join('\n')))).toEqual([
      ['规章', '', '1'],
      ['许可', '', '2'],
    ]);
  });

  it("reads t2's rows of one value turned into columns as t2 when no caption names it (w3m gives each block its own table)", () => {
    // w3m -dump -cols 100 of variants/G12: 行政许可/行政处罚/行政强制 as three columns of one row, each block in its own box.
    const dump = readFileSync(join(FIXTURES, 'tools', 'G12-t2-decisions-transposed-one-row--w3m-dump100.txt'), 'utf8');
    const rowsOf = audited(dump).report.tables.t2!.rows;
    expect([rowsOf.licensing?.decisions?.value, rowsOf.penalty?.decisions?.value, rowsOf.coercion?.decisions?.value, rowsOf.fees?.amount?.value]).toEqual([
      1234, 56, 7, 12.5,
    ]);
  });

  it("reads t3's columns by its header counted from each row's end where w3m gives a merged label one box (总计 first, a 小计 column)", () => {
    // w3m -dump of the recall corpus' ruled pages beside the same report as tab or pipe text: the same cells.
    for (const [dump, text] of [
      ['R8-w3m120-Z21-control-totals-first-plain.txt', 'Z21-control-totals-first-text.txt'],
      ['R8-w3m80-Z415-control-subtotal-col-plain.txt', 'Z415-control-subtotal-col-pipe.txt'],
    ]) {
      const read = (f: string) => audited(readFileSync(join(FIXTURES, 'recall', f!), 'utf8'));
      expect(cellValues(read(dump!).report)).toEqual(cellValues(read(text!).report));
    }
  });

  it("reads a simple table's rule of dashes over each column as a separator, not a row of 「none」 values (pandoc)", () => {
    const plain = ['  信息内容        本年处理决定数量   总计', '  --------------- ------------------ ------', '  行政许可        1234               1234'];
    expect(rows(textToBlocks(plain.join('\n')))).toEqual([
      ['信息内容', '本年处理决定数量', '总计'],
      ['行政许可', '1234', '1234'],
    ]);
    // Control: dashes as a row's values (「无」) stay values, and one rule alone (markdown's line) is no table's.
    expect(tokenizeLine('行政事业性收费  -  -')).toMatchObject({ cells: ['行政事业性收费', '-', '-'] });
    expect(tokenizeLine('---')).not.toBe('separator');
  });

  it("reads a markdown file's front matter as its first lines and AsciiDoc's heading marks as layout", () => {
    const seed = seedText('001');
    const title = seed
      .split('\n')
      .find((l) => l.trim())!
      .trim();
    expect(title).toMatch(/年度报告$/);
    const body = seed.slice(seed.indexOf(title) + title.length);
    const plain = audited(seed).report.agency;
    expect(audited(`---\ntitle: ${title}\n---\n${body}`).report.agency).toBe(plain);
    expect(audited(`= ${title}\n${body}`).report.agency).toBe(plain);
    expect(rows(textToBlocks('== 一、总体情况'))).toEqual(['LINE 一、总体情况']);
    // Control: a rule (「---」) that opens no block of keys stays text.
    expect(rows(textToBlocks('---\n正文'))).toEqual(['LINE ---', 'LINE 正文']);
  });

  it("ends a -layout row with a label's wrapped line whose values stand under the columns the row left without one (recall round 10)", () => {
    const head = '    一、本年新收政府信息公开申请数量            40    6     1     2     3     1     53';
    // pdftotext counts a character as one column: 总计's values start at the 68th.
    const split = ['    （二）部分公开（区分处理的，只计这一情形        5     1     0     0     1     0', `${'    ，不计其他情形）'.padEnd(68)}8`];
    expect(rows(textToBlocks([head, ...split].join('\n')))).toEqual([
      ['一、本年新收政府信息公开申请数量', '40', '6', '1', '2', '3', '1', '53'],
      ['(二)部分公开(区分处理的,只计这一情形,不计其他情形)', '5', '1', '0', '0', '1', '0', '8'],
    ]);
    // The 总计 set higher: on the label's first line, the other values on its second.
    const up = [`${'    （二）部分公开（区分处理的，只计这一情形'.padEnd(68)}8`, '    ，不计其他情形）                    5     1     0     0     1     0'];
    expect(rows(textToBlocks([head, ...up].join('\n')))[1]).toEqual(['(二)部分公开(区分处理的,只计这一情形,不计其他情形)', '5', '1', '0', '0', '1', '0', '8']);
    // A narrow label column wraps every row from the first: the full row to stand under comes later.
    const whole = '    （三）不予公开 1.属于国家秘密            0     0     0     0     0     0     0';
    const first = [`${'    一、本年新收政府信息公开'.padEnd(32)}40    6     1     2     3     1`, `${'    申请数量'.padEnd(68)}53`];
    expect(rows(textToBlocks([...first, whole].join('\n')))[0]).toEqual(['一、本年新收政府信息公开申请数量', '40', '6', '1', '2', '3', '1', '53']);
    // Control: a line that opens with a row's numbering is a row of its own, wherever its value stands.
    expect(rows(textToBlocks([first[0], `${'    （一）予以公开'.padEnd(68)}22`, whole].join('\n')))).toHaveLength(3);
    // Controls: a value that stands under no column the row lacks (under 自然人) is a row of its own; so is a
    // whole row after a short one (a blank at its end), and a line of two values where the row lacks one.
    expect(rows(textToBlocks([head, split[0], `${'    ，不计其他情形）'.padEnd(32)}8`].join('\n')))).toHaveLength(3);
    expect(rows(textToBlocks([head, split[0], whole].join('\n')))).toHaveLength(3);
    const two = `${'    ，不计其他情形）'.padEnd(62)}0     8`;
    expect(rows(textToBlocks([head, split[0], two].join('\n')))).toHaveLength(3);
  });

  it('reads a title spaced out by runs of spaces as a line, not a row of cells and a value', () => {
    expect(tokenizeLine('开封市城乡一体化示范区司法局      2023  年政府信息公开      公开工作年度报告')).toBeNull();
    expect(tokenizeLine('开封市政务服务和大数据管理局          2023          年政府信')).toBeNull();
    // Control: a row whose value is followed by another value, not by 年, stays a row.
    expect(tokenizeLine('行政规范性文件      2023      2      18')).toMatchObject({ cells: ['行政规范性文件', '2023', '2', '18'] });
  });

  const t4Lines = (seed: string, lines: string[]) => {
    const start = seed.indexOf('行政复议\t');
    const end = seed.indexOf('\n', seed.indexOf('\n0\t0\t0\t0\t0\t0\t0\t0\t0\t0', start) + 1);
    expect(start).toBeGreaterThan(0);
    return seed.slice(0, start) + lines.join('\n') + seed.slice(end);
  };
  // Review 2 + 1 + 0 + 1 = 4, suits 1 + 0 + 0 + 1 = 2 and 0 + 0 + 1 + 0 = 1: the identities hold.
  const T4_VALUES = [2, 1, 0, 1, 4, 1, 0, 0, 1, 2, 0, 0, 1, 0, 1];
  const t4Read = (text: string) => Object.values(Object.values(audited(text).report.tables.t4!.rows)[0]!).map((c) => c?.value);

  it("leaves out t4's row of column numbers under its header lines (lynx) and run together with the values (turndown)", () => {
    const seed = seedText('001');
    const header = ['   行政复议                   行政诉讼', '   结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉               复议后起诉'];
    const numbers = '   1    2    3    4    5  6    7    8    9    10 11   12   13   14   15';
    const lynx = t4Lines(seed, [...header, numbers, '   ' + T4_VALUES.join('    ')]);
    expect(t4Read(lynx)).toEqual(T4_VALUES);
    expect(audited(lynx).findings.filter((f) => f.section === 's4')).toEqual([]);
    const perLine = t4Lines(seed, [
      '行政复议',
      '',
      '结果维持',
      '',
      '总计',
      '',
      ...[...Array.from({ length: 15 }, (_, i) => i + 1), ...T4_VALUES].flatMap((v) => [String(v), '']),
    ]);
    expect(t4Read(perLine)).toEqual(T4_VALUES);
    // Control: a row of counts that happens to open 1, 2, 3 … is read as counts.
    const counts = [1, 2, 3, 4, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    expect(t4Read(t4Lines(seed, [...header, '   ' + counts.join('    ')]))).toEqual(counts);
  });

  it("leaves out t3's 栏次 row whose label follows header words on lines of their own (lynx)", () => {
    const seed = seedText('001');
    const head = seed.indexOf('\t\t自然人');
    const firstRow = seed.indexOf('一、本年新收');
    const lynxHeader = [
      '   自然人 法人或其他组织                   总计',
      '       商业企业 科研机构 社会公益组织 法律服务机构 其他',
      '   栏次        1   2    3    4      5      6 7',
    ];
    const lynx = audited(seed.slice(0, head) + lynxHeader.join('\n') + '\n' + seed.slice(firstRow));
    expect(cellValues(lynx.report)).toEqual(cellValues(audited(seed).report));
    expect(lynx.findings.map((f) => f.rule)).toEqual(audited(seed).findings.map((f) => f.rule));
  });

  it("reads t3's 「其他」 of group (六) under any item number: a list restarted in each cell (mammoth, LibreOffice) numbers it 1. or 2.", () => {
    const seed = seedText('001');
    expect(seed).toContain('\n3.其他\t\t0\t0\t0\t0\t0\t0\t0');
    const row = (text: string) => audited(text).report.tables.t3!.rows['3.6.3'];
    // Or a keycap emoji (「3️⃣其他」, variants Z14), or a private-use glyph (a PDF font mapping its digits there, pdf-variants E33),
    // or Word's numbering glyphs 「⒊」 (U+248A) and 「⑶」 (U+2476) (variants J26).
    for (const item of ['1. 其他', '2.其他', '其他', '3\ufe0f\u20e3其他', '3\u20e3其他', '\ue033.其他', '⒊其他', '⑶其他']) {
      const text = seed.replace('\n3.其他\t\t0\t0\t0\t0\t0\t0\t0', `\n${item}\t\t1\t0\t0\t0\t0\t0\t1`);
      expect(row(text)?.natural?.value, item).toBe(1);
    }
    // Control: the applicants' column header 「其他」 is no row, and 「其他处理」 is group (六), not its item 3.
    expect(audited(seed).report.tables.t3!.rows['3.6.3']?.natural?.value).toBe(0);
  });

  it("reads the empty lines between a short row's values as its blank cells, one value per line (LibreOffice's text)", () => {
    const full = ['一、本年新收政府信息公开申请数量', '40', '6', '1', '2', '3', '1', '53'];
    const short = ['4.保护第三方合法权益', '2', '', '', '1', '', '', '3'];
    expect(rows(textToBlocks([...full, ...short].join('\n')))).toEqual([full, short]);
    // Control: where every two values of a full row have a line between them, the lines part cells, not blanks.
    const parted = [full[0]!, ...full.slice(1).flatMap((v) => [v, ''])];
    expect(rows(textToBlocks([...parted, ...short].join('\n')))).toEqual([full, ['4.保护第三方合法权益', '2', '1', '3']]);
  });

  it('reads a title broken after its year as one title (catdoc, a narrow PDF page)', () => {
    const seed = seedText('001');
    const title = '开封市政务服务和大数据管理局 2023 年政府信息公开工作年度报告';
    expect(seed).toContain(title);
    const broken = audited(seed.replace(title, '开封市政务服务和大数据管理局 2023\n年政府信息公开工作年度报告'));
    expect(broken.report).toMatchObject({ agency: '开封市政务服务和大数据管理局', year: 2023 });
    // Control: a row whose last value is a year-like count, the next row not going on with 年, stays a row.
    expect(rows(textToBlocks('行政许可 2023\n行政处罚 56'))).toEqual([
      ['行政许可', '2023'],
      ['行政处罚', '56'],
    ]);
  });
});

describe('a table written as cards, a title then its key/value lines (variants X12, Z84)', () => {
  const card = (title: string, values: number[], sep = '') => [title, ...['自然人', '商业企业', '总计'].map((k, i) => `${k}${sep}${values[i]}`)];
  const three = [
    ...card('（一）予以公开', [15, 3, 18]),
    '三、本年度办理结果',
    ...card('（二）部分公开', [5, 1, 6]),
    ...card('四、结转下年度继续办理', [2, 1, 3]),
  ];

  it('reads three or more cards with the same keys as a table: a header of the keys, a row per card, a caption between as a row across', () => {
    expect(rows(textToBlocks(['三、收到和处理政府信息公开申请情况', ...three].join('\n')))).toEqual([
      'LINE 三、收到和处理政府信息公开申请情况',
      ['', '自然人', '商业企业', '总计'],
      ['（一）予以公开', '15', '3', '18'],
      ['三、本年度办理结果', '三、本年度办理结果', '三、本年度办理结果', '三、本年度办理结果'],
      ['（二）部分公开', '5', '1', '6'],
      ['四、结转下年度继续办理', '2', '1', '3'],
    ]);
    // A space or a colon after the key, a unit after the count.
    expect(
      rows(
        textToBlocks(
          [...card('甲', [1, 2, 3], ' '), ...card('乙', [4, 5, 9], '：'), ...card('丙', [7, 8, 15], ' ').map((l, i) => (i ? `${l}件` : l))].join('\n'),
        ),
      ),
    ).toEqual([
      ['', '自然人', '商业企业', '总计'],
      ['甲', '1', '2', '3'],
      ['乙', '4', '5', '9'],
      ['丙', '7件', '8件', '15件'],
    ]);
  });

  it('reads a key and its count on lines of their own (Vant’s cells, a title block over a value block)', () => {
    const vant = (title: string, values: number[]) => [title, ...['自然人', '商业企业', '总计'].flatMap((k, i) => [k, '', `${values[i]}`])];
    expect(rows(textToBlocks([...vant('甲', [1, 2, 3]), ...vant('乙', [4, 5, 9]), ...vant('丙', [7, 8, 15])].join('\n')))).toEqual([
      ['', '自然人', '商业企业', '总计'],
      ['甲', '1', '2', '3'],
      ['乙', '4', '5', '9'],
      ['丙', '7', '8', '15'],
    ]);
  });

  it('leaves two cards, cards of other keys or fewer than three pairs, and prose with counts as they were', () => {
    const asLines = (lines: string[]) => expect(rows(textToBlocks(lines.join('\n'))).every((r) => typeof r === 'string')).toBe(true);
    asLines([...card('（一）予以公开', [15, 3, 18]), ...card('（二）部分公开', [5, 1, 6])]);
    asLines([...card('甲', [1, 2, 3]), '乙', '电话1', '邮编2', '传真3', ...card('丙', [7, 8, 15])]);
    asLines(['甲', '自然人1', '总计1', '乙', '自然人2', '总计2', '丙', '自然人3', '总计3']);
    asLines(['（五）监督保障。', '开展业务培训2次', '召开会议3次', '印发文件4件', '（六）其他。', '开展业务培训2次', '召开会议3次', '印发文件4件']);
  });
});
