import { describe, expect, it } from 'vitest';
import type { Block, Grid } from '../../lib/engine/source/blocks';
import { pagesToBlocks, type PdfPage, type PdfRule, type PdfText } from '../../lib/engine/source/pdf-layout';
import { foldRadicals } from '../../lib/engine/text';

/** Synthetic page geometry (top-down points): what pdf.ts hands the layout, without pdf.js. */
const SIZE = 10;
const CJK_W = SIZE;
const t = (str: string, x: number, y: number, w = [...str].length * CJK_W): PdfText => ({ str, x, y, w, size: SIZE });
const page = (texts: PdfText[], rules: PdfRule[] = []): PdfPage => ({ width: 600, height: 800, texts, rules });

/** Rulings of a full grid: every column line at xs, every row line at ys. */
function ruled(xs: number[], ys: number[]): PdfRule[] {
  return [...ys.map((y) => ({ x0: xs[0]!, x1: xs.at(-1)!, y0: y, y1: y })), ...xs.map((x) => ({ x0: x, x1: x, y0: ys[0]!, y1: ys.at(-1)! }))];
}
const grids = (blocks: Block[]) => blocks.filter((b): b is Grid => b.kind === 'grid');
const texts = (g: Grid) => g.rows.map((r) => r.map((c) => c.text));
const lines = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'line' ? [b.text] : []));

describe('ruled tables', () => {
  it('reads each ruled cell, keeps blank cells, and joins a label wrapped inside its cell', () => {
    const xs = [50, 150, 200, 250];
    const ys = [100, 120, 150, 170];
    const { blocks } = pagesToBlocks([
      page(
        [
          t('项目', 55, 115),
          t('甲', 155, 115),
          t('乙', 205, 115),
          t('本年新收政府信', 55, 132),
          t('息公开申请数量', 55, 145),
          t('3', 160, 140, 5),
          t('4', 210, 140, 5),
          t('结转', 55, 165),
          t('1', 160, 165, 5),
        ],
        ruled(xs, ys),
      ),
    ]);
    const [g] = grids(blocks);
    expect(texts(g!)).toEqual([
      ['项目', '甲', '乙'],
      ['本年新收政府信息公开申请数量', '3', '4'],
      ['结转', '1', ''],
    ]);
    expect(g!.rows[1]![1]!.el).toMatchObject({ page: 1, x: 150, y: 120, w: 50, h: 30, pdfCell: true });
  });

  it('gives a cell spanning columns or rows every slot it covers, as one cell', () => {
    // Row 1: a header over both value columns (no ruling between them at that height).
    const rules: PdfRule[] = [
      ...[100, 120, 140, 160].map((y) => ({ x0: 50, x1: 250, y0: y, y1: y })),
      { x0: 50, x1: 50, y0: 100, y1: 160 },
      { x0: 150, x1: 150, y0: 100, y1: 160 },
      { x0: 200, x1: 200, y0: 120, y1: 160 },
      { x0: 250, x1: 250, y0: 100, y1: 160 },
    ];
    const { blocks } = pagesToBlocks([
      page(
        [
          t('信息内容', 55, 115),
          t('本年处理决定数量', 160, 115),
          t('行政许可', 55, 135),
          t('0', 160, 135, 5),
          t('0', 210, 135, 5),
          t('行政处罚', 55, 155),
          t('2', 160, 155, 5),
          t('1', 210, 155, 5),
        ],
        rules,
      ),
    ]);
    const [g] = grids(blocks);
    expect(texts(g!)[0]).toEqual(['信息内容', '本年处理决定数量', '本年处理决定数量']);
    expect(g!.rows[0]![1]).toBe(g!.rows[0]![2]);
    expect(g!.rows[1]![1]).not.toBe(g!.rows[1]![2]);
  });

  it('reads a table continued on the next page as one table, without its repeated header', () => {
    const xs = [50, 150, 200];
    const header = [t('项目', 55, 115), t('数量', 155, 115)];
    const p1 = page([t('三、收到和处理政府信息公开申请情况', 50, 80), ...header, t('甲', 55, 135), t('1', 160, 135, 5)], ruled(xs, [100, 120, 140]));
    // The continuation has the repeated header and no rule above its first row after it.
    const p2 = page([...header, t('乙', 55, 135), t('2', 160, 135, 5), t('四、下一部分', 50, 200)], ruled(xs, [100, 120, 140]));
    const { blocks } = pagesToBlocks([p1, p2]);
    expect(grids(blocks).map(texts)).toEqual([
      [
        ['项目', '数量'],
        ['甲', '1'],
        ['乙', '2'],
      ],
    ]);
    expect(lines(blocks)).toEqual(['三、收到和处理政府信息公开申请情况', '四、下一部分']);
  });

  it('joins a row broken at a page (Writer and Word let rows break) back into one row, a group label spanning rows too', () => {
    const xs = [50, 100, 200, 250];
    // Page 1 ends inside row 「6.属于四类过程性信息」: its labels' first lines and its value.
    const p1 = page(
      [t('（三', 55, 115, 20), t('5.属于三类', 105, 115), t('1', 210, 115, 5), t('6.属于四', 105, 135, 50), t('1', 210, 135, 5)],
      [
        ...ruled([100, 200, 250], [100, 120, 140]),
        { x0: 50, x1: 100, y0: 100, y1: 100 },
        { x0: 50, x1: 100, y0: 140, y1: 140 },
        { x0: 50, x1: 50, y0: 100, y1: 140 },
      ],
    );
    // Page 2 opens with the rest of those labels, no value; then the next rows, the group label still spanning them.
    const p2 = page(
      [t('）不予公开', 55, 115, 40), t('类过程性信息', 105, 115), t('7.属于执法案卷', 105, 135), t('0', 210, 135, 5)],
      [
        ...ruled([100, 200, 250], [100, 120, 140]),
        { x0: 50, x1: 100, y0: 100, y1: 100 },
        { x0: 50, x1: 100, y0: 140, y1: 140 },
        { x0: 50, x1: 50, y0: 100, y1: 140 },
      ],
    );
    // Page 3: the table goes on (a table over three pages is still one), with a row of no value that starts an item of its own.
    const p3 = page([t('8.属于查询事项', 105, 115), t('9.其他', 105, 135), t('2', 210, 135, 5)], ruled(xs, [100, 120, 140]));
    const { blocks } = pagesToBlocks([p1, p2, p3]);
    expect(grids(blocks).map(texts)).toEqual([
      [
        ['（三）不予公开', '5.属于三类', '1'],
        ['（三）不予公开', '6.属于四类过程性信息', '1'],
        ['（三）不予公开', '7.属于执法案卷', '0'],
        ['', '8.属于查询事项', ''],
        ['', '9.其他', '2'],
      ],
    ]);
  });

  it('joins the values of a row broken at a page to its label left on the page before (after the repeated header)', () => {
    const xs = [50, 150, 200, 250];
    const header = [t('项目', 55, 115), t('甲', 155, 115), t('乙', 205, 115)];
    // Page 1 ends with the label of 「2.重复申请」 in a ruled row of blank value cells; page 2 has its values, no label.
    const p1 = page(
      [...header, t('1.属于国家秘密', 55, 135), t('0', 160, 135, 5), t('1', 210, 135, 5), t('2.重复申请', 55, 155)],
      ruled(xs, [100, 120, 140, 160]),
    );
    const p2 = page(
      [...header, t('2', 160, 135, 5), t('1', 210, 135, 5), t('3.其他', 55, 155), t('0', 160, 155, 5), t('0', 210, 155, 5)],
      ruled(xs, [100, 120, 140, 160]),
    );
    expect(grids(pagesToBlocks([p1, p2]).blocks).map(texts)).toEqual([
      [
        ['项目', '甲', '乙'],
        ['1.属于国家秘密', '0', '1'],
        ['2.重复申请', '2', '1'],
        ['3.其他', '0', '0'],
      ],
    ]);
  });

  it('keeps a row of words at the foot of a page apart from a next page opening with a labelled row, or with values under words', () => {
    const xs = [50, 150, 200, 250];
    // A blank row (its values missing) above a row with a label of its own: two rows.
    const p1 = page([t('1.属于国家秘密', 55, 115), t('0', 160, 115, 5), t('1', 210, 115, 5), t('2.重复申请', 55, 135)], ruled(xs, [100, 120, 140]));
    const p2 = page([t('3.其他', 55, 115), t('0', 160, 115, 5), t('0', 210, 115, 5)], ruled(xs, [100, 120]));
    expect(grids(pagesToBlocks([p1, p2]).blocks).map(texts)).toEqual([
      [
        ['1.属于国家秘密', '0', '1'],
        ['2.重复申请', '', ''],
        ['3.其他', '0', '0'],
      ],
    ]);
    // A header row at the foot of a page (t4's result names) and its values at the top of the next: the values are a row.
    const q1 = page([t('复议', 55, 115), t('维持', 155, 115), t('纠正', 205, 115)], ruled(xs, [100, 120]));
    const q2 = page([t('1', 60, 115, 5), t('2', 160, 115, 5), t('3', 210, 115, 5)], ruled(xs, [100, 120]));
    expect(grids(pagesToBlocks([q1, q2]).blocks).map(texts)).toEqual([
      [
        ['复议', '维持', '纠正'],
        ['1', '2', '3'],
      ],
    ]);
  });

  it('keeps a header repeated on the next page a row of its own, not the rest of the row above', () => {
    const xs = [50, 150, 200];
    // The header is repeated on the last page only, so it matches no row the table began with.
    const p1 = page([t('三、收到和处理政府信息公开申请情况', 50, 80), t('甲', 55, 115), t('1', 160, 115, 5)], ruled(xs, [100, 120]));
    const p2 = page([t('项目', 55, 115), t('数量', 155, 115), t('乙', 55, 135), t('2', 160, 135, 5)], ruled(xs, [100, 120, 140]));
    expect(grids(pagesToBlocks([p1, p2]).blocks).map(texts)).toEqual([
      [
        ['甲', '1'],
        ['项目', '数量'],
        ['乙', '2'],
      ],
    ]);
  });

  it('drops text struck through (a tracked deletion printed with its markup), keeps underlined text', () => {
    const xs = [50, 150, 200, 250];
    // 「1415」: 14 deleted (a strike line each digit, above the baseline), 15 inserted (underlined, below it).
    const strike = (x0: number, x1: number, y: number) => ({ x0, x1, y0: y - 0.28 * SIZE, y1: y - 0.28 * SIZE });
    const underline = (x0: number, x1: number, y: number) => ({ x0, x1, y0: y + 0.1 * SIZE, y1: y + 0.1 * SIZE });
    const { blocks } = pagesToBlocks([
      page(
        [t('（一）予以公开', 55, 115, 70), t('1415', 155, 115, 20), t('7', 205, 115, 5)],
        [...ruled(xs, [100, 120]), strike(155, 160, 115), strike(160, 165, 115), underline(165, 175, 115), underline(205, 210, 115)],
      ),
    ]);
    expect(texts(grids(blocks)[0]!)).toEqual([['（一）予以公开', '15', '7']]);
  });

  it('keeps a blank cell of a one-row table part, and drops the sliver of a double border', () => {
    // Last row of a table alone on its page: its blank middle column has no text in any row.
    const rules = [...ruled([50, 150, 200, 250, 300], [100, 120]), { x0: 252.5, x1: 252.5, y0: 100, y1: 120 }];
    const { blocks } = pagesToBlocks([page([t('四、结转下年度继续办理', 55, 115, 90), t('1', 160, 115, 5), t('2', 260, 115, 5)], rules)]);
    expect(texts(grids(blocks)[0]!)).toEqual([['四、结转下年度继续办理', '1', '', '2']]);
  });

  it('keeps the wrapped header words of narrow cells apart, however close, when a ruling stands between them', () => {
    // Chromium prints t4's fifteen columns with a point or two between one cell's 「结果维」 and the next's 「结果纠」.
    const xs = [50, 82, 114, 146];
    const ys = [100, 130, 145];
    const { blocks } = pagesToBlocks([
      page(
        [
          t('结果维', 51, 113),
          t('持', 51, 126),
          t('结果纠', 83, 113),
          t('正', 83, 126),
          t('总', 115, 113),
          t('计', 115, 126),
          t('2', 60, 141, 5),
          t('1', 92, 141, 5),
          t('3', 124, 141, 5),
        ],
        ruled(xs, ys),
      ),
    ]);
    expect(texts(grids(blocks)[0]!)).toEqual([
      ['结果维持', '结果纠正', '总计'],
      ['2', '1', '3'],
    ]);
  });

  it('cuts a piece pdf.js combined over two cells (「商业企业 科研机构」) at the space by the ruling between them', () => {
    const xs = [50, 92, 134];
    const ys = [100, 115, 130];
    const { blocks } = pagesToBlocks([page([t('商业企业 科研机构', 52, 111, 85), t('6', 60, 126, 5), t('1', 100, 126, 5)], ruled(xs, ys))]);
    expect(texts(grids(blocks)[0]!)).toEqual([
      ['商业企业', '科研机构'],
      ['6', '1'],
    ]);
  });

  it("still joins the pieces of one cell's text set a point apart where no ruling parts them", () => {
    const { blocks } = pagesToBlocks([page([t('结果', 51, 113), t('维持', 72, 113), t('2', 60, 141, 5)], ruled([50, 120], [100, 130, 145]))]);
    expect(texts(grids(blocks)[0]!)).toEqual([['结果维持'], ['2']]);
  });

  it('keeps two tables on one page apart when a heading stands between them', () => {
    const { blocks } = pagesToBlocks([
      page(
        [t('甲', 55, 115), t('1', 160, 115, 5), t('四、政府信息公开行政复议', 50, 160), t('乙', 55, 215), t('2', 160, 215, 5)],
        [...ruled([50, 150, 200], [100, 120]), ...ruled([50, 150, 200], [200, 220])],
      ),
    ]);
    expect(grids(blocks).map(texts)).toEqual([[['甲', '1']], [['乙', '2']]]);
  });
});

describe('a page set in two halves', () => {
  const twoTables = (extra: PdfText[] = []) =>
    page(
      [
        t('三、收到和处理申请情况', 50, 80),
        t('甲', 55, 115),
        t('1', 160, 115, 5),
        t('四、复议诉讼情况', 320, 80),
        t('乙', 325, 115),
        t('2', 430, 115, 5),
        ...extra,
      ],
      [...ruled([50, 150, 200], [100, 120]), ...ruled([320, 420, 470], [100, 120])],
    );
  it('reads tables side by side down the left half, then the right, each under its own heading', () => {
    const { blocks } = pagesToBlocks([twoTables()]);
    expect(blocks.map((b) => (b.kind === 'line' ? b.text : texts(b as Grid)))).toEqual([
      '三、收到和处理申请情况',
      [['甲', '1']],
      '四、复议诉讼情况',
      [['乙', '2']],
    ]);
  });
  it('keeps reading across the page when text spans the gap between the tables', () => {
    const { blocks } = pagesToBlocks([twoTables([t('示范局2023年政府信息公开工作年度报告', 50, 40, 400)])]);
    // The two headings stay on their one shared line, not each at the head of its half.
    expect(lines(blocks)).toEqual(['示范局2023年政府信息公开工作年度报告']);
  });
});

describe('a landscape sheet of two pages side by side (每版打印 2 页)', () => {
  const sheet = (texts: PdfText[]): PdfPage => ({ width: 840, height: 595, texts, rules: [] });
  const rows = [
    t('本年新收申请', 470, 100),
    t('40', 700, 100, 10),
    t('53', 760, 100, 10),
    t('上年结转申请', 470, 120),
    t('3', 700, 120, 5),
    t('4', 760, 120, 5),
  ];
  it('reads the left page down, then the right one: a table without rulings keeps its rows', () => {
    const { blocks } = pagesToBlocks([
      sheet([
        t('一、总体情况', 50, 80),
        t('本机关全年收到申请共计五十三件。', 50, 100),
        t('均在法定期限内予以答复。', 50, 120),
        t('三、收到和处理申请情况', 470, 80),
        ...rows,
      ]),
    ]);
    expect(blocks.map((b) => (b.kind === 'line' ? b.text : texts(b as Grid)))).toEqual([
      '一、总体情况',
      '本机关全年收到申请共计五十三件。',
      '均在法定期限内予以答复。',
      '三、收到和处理申请情况',
      [
        ['本年新收申请', '40', '53'],
        ['上年结转申请', '3', '4'],
      ],
    ]);
  });
  it('reads a wide table across a landscape page as one table: no prose right of the middle', () => {
    const { blocks } = pagesToBlocks([
      sheet([
        t('三、收到和处理申请情况', 50, 80),
        t('本年新收政府信息公开申请数量', 50, 100),
        t('40', 360, 100, 10),
        t('6', 500, 100, 5),
        t('53', 760, 100, 10),
        t('上年结转政府信息公开申请数量', 50, 120),
        t('3', 360, 120, 5),
        t('1', 500, 120, 5),
        t('4', 760, 120, 5),
      ]),
    ]);
    expect(blocks.map((b) => (b.kind === 'line' ? b.text : texts(b as Grid)))).toEqual([
      '三、收到和处理申请情况',
      [
        ['本年新收政府信息公开申请数量', '40', '6', '53'],
        ['上年结转政府信息公开申请数量', '3', '1', '4'],
      ],
    ]);
  });
});

describe('running headers, footers and page numbers', () => {
  const body = (n: number) => [t(`第${n}页的正文。`, 50, 300)];
  it('drops a header repeated on every page and the page numbers, keeps a one-off top line', () => {
    const pages = [1, 2, 3].map((n) =>
      page([
        ...(n === 1 ? [t('示范局2023年政府信息公开工作年度报告', 50, 40)] : []),
        t('政务公开 · 年度报告', 250, 30),
        ...body(n),
        t(`第 ${n} 页 共 3 页`, 270, 780, 80),
        t(String(n), 300, 790, 5),
      ]),
    );
    expect(lines(pagesToBlocks(pages).blocks)).toEqual(['示范局2023年政府信息公开工作年度报告', '第1页的正文。', '第2页的正文。', '第3页的正文。']);
  });
  it('keeps text in the body of the page even when it repeats', () => {
    const pages = [1, 2].map(() => page([t('同一句话。', 50, 300)]));
    expect(lines(pagesToBlocks(pages).blocks)).toEqual(['同一句话。', '同一句话。']);
  });
  it('keeps a line at the top of pages three apart: each report of a compilation in the same place (recall round 5)', () => {
    // Reports of three pages each: the heading of section 六 opens the third page of each.
    const pages = [1, 2, 3, 4, 5, 6].map((n) => page([...(n % 3 === 0 ? [t('六、其他需要报告的事项', 50, 60)] : []), ...body(n)]));
    expect(lines(pagesToBlocks(pages).blocks).filter((l) => l.startsWith('六'))).toHaveLength(2);
    // A header on every other page (odd and even pages with headers of their own) is still a running header.
    const odd = [1, 2, 3, 4].map((n) => page([...(n % 2 ? [t('示范局年度报告', 250, 30)] : []), ...body(n)]));
    expect(lines(pagesToBlocks(odd).blocks)).not.toContain('示范局年度报告');
  });
  it("keeps a table's row of values at the top of pages, however alike the rows' shapes (a borderless table breaking a row at each page)", () => {
    // Each page opens with a row whose label lines lie around its values, all in the top tenth of the page.
    const top = (label: string, v: string[], rest: string) => [t(label, 50, 58), ...v.map((x, i) => t(x, 300 + 40 * i, 64, 5)), t(rest, 50, 70)];
    const pages = [
      page([
        ...top('（二）部分公开', ['5', '1', '0', '7'], '的情形'),
        t('1.属于国家秘密', 50, 100),
        ...['0', '0', '0', '0'].map((x, i) => t(x, 300 + 40 * i, 100, 5)),
      ]),
      page([...top('5.要求确认', ['1', '0', '0', '1'], '已获取信息'), t('6.其他', 50, 100), ...['2', '0', '1', '3'].map((x, i) => t(x, 300 + 40 * i, 100, 5))]),
    ];
    const rows = grids(pagesToBlocks(pages).blocks).flatMap(texts);
    expect(rows).toContainEqual(['（二）部分公开的情形', '5', '1', '0', '7']);
    expect(rows).toContainEqual(['5.要求确认已获取信息', '1', '0', '0', '1']);
  });
});

describe('unruled lines', () => {
  it('reads runs set apart as a text-table row, and word spaces in prose as prose', () => {
    const { blocks } = pagesToBlocks([
      page([
        t('规章', 50, 100),
        t('0', 150, 100, 5),
        t('1', 200, 100, 5),
        t('2', 250, 100, 5),
        t('行政规范性文件', 50, 115),
        t('3', 150, 115, 5),
        t('4', 200, 115, 5),
        t('5', 250, 115, 5),
        t('按照国办函[2020]', 50, 200, 110),
        t('109号的规定执行。', 163, 200, 120),
      ]),
    ]);
    expect(grids(blocks).map(texts)).toEqual([
      [
        ['规章', '0', '1', '2'],
        ['行政规范性文件', '3', '4', '5'],
      ],
    ]);
    expect(lines(blocks)).toEqual(['按照国办函[2020] 109号的规定执行。']);
  });

  it('joins a paragraph wrapped over lines (and pages), not a new paragraph or heading after a full line', () => {
    const full = (s: string, y: number) => t(s, 50, y, 500);
    const { blocks } = pagesToBlocks([
      page([
        full('共收到政府信息公开申请13件，其中', 100),
        t('自然人申请12件。', 50, 114),
        full('第二段写到了行尾但下一行是标题', 150),
        t('二、主动公开政府信息情况', 50, 164),
        full('第三段也写满了整行', 200),
        t('缩进的新段落。', 70, 214),
      ]),
    ]);
    expect(lines(blocks)).toEqual([
      '共收到政府信息公开申请13件，其中自然人申请12件。',
      '第二段写到了行尾但下一行是标题',
      '二、主动公开政府信息情况',
      '第三段也写满了整行',
      '缩进的新段落。',
    ]);
  });

  it('keeps a value set a little off its row with that row, not with a wrapped label line just above', () => {
    // An OCR layer: the row's baseline is 104.2, one of its values sits at 103.5, within reach of the label line at 100.
    const { blocks } = pagesToBlocks([
      page([
        t('规章', 50, 80),
        t('1', 200, 80, 5),
        t('2', 250, 80, 5),
        t('3', 300, 80, 5),
        t('（三）不予公开', 50, 100),
        t('行政规范性文件', 50, 104.2),
        t('4', 200, 104.2, 5),
        t('5', 250, 103.5, 5),
        t('6', 300, 104.2, 5),
      ]),
    ]);
    const rows = grids(blocks).flatMap(texts);
    expect(rows.map((r) => r.slice(-3))).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });

  it('reads prose set in two columns down the left column, then the right, a paragraph going on across the gutter', () => {
    // Columns 50–250 and 280–480; lines 20 apart; the heading after them is set further down.
    const left = (s: string, y: number, x = 50) => t(s, x, y, 250 - x);
    const right = (s: string, y: number, x = 280) => t(s, x, y, 480 - x);
    const { blocks } = pagesToBlocks([
      page([
        left('（一）主动公开。本年主动公开政府', 100, 70),
        right('政府信息公开申请53件，均在法定', 100),
        left('信息326条，重点领域信息及时公开。', 120),
        right('期限内予以答复。', 120, 280),
        left('（二）依申请公开。本年共收到', 140, 70),
        right('（三）政府信息管理。严格落实保密', 140, 300),
        left('我局共收到政府信息公开申请的情况', 160),
        right('审查制度，做好政策文件的清理。', 160),
        left('如下：本年共收到', 180),
        t('二、主动公开政府信息情况', 50, 230),
      ]),
    ]);
    expect(grids(blocks)).toEqual([]);
    expect(lines(blocks)).toEqual([
      '（一）主动公开。本年主动公开政府信息326条，重点领域信息及时公开。',
      '（二）依申请公开。本年共收到我局共收到政府信息公开申请的情况如下：本年共收到政府信息公开申请53件，均在法定期限内予以答复。',
      '（三）政府信息管理。严格落实保密审查制度，做好政策文件的清理。',
      '二、主动公开政府信息情况',
    ]);
  });

  it('keeps rows of two text cells a table: labels too short to be columns of prose', () => {
    const { blocks } = pagesToBlocks([
      page([
        t('信息内容', 50, 100),
        t('本年处理决定数量', 280, 100),
        t('行政许可', 50, 120),
        t('本年处理决定数量', 280, 120),
        t('行政处罚', 50, 140),
        t('本年处理决定数量', 280, 140),
      ]),
    ]);
    expect(lines(blocks)).toEqual([]);
    expect(grids(blocks).map(texts)).toEqual([
      [
        ['信息内容', '本年处理决定数量'],
        ['行政许可', '本年处理决定数量'],
        ['行政处罚', '本年处理决定数量'],
      ],
    ]);
  });
});

describe('unruled tables whose labels wrap around their numbers', () => {
  /** A row's three values on baseline y. */
  const values = (y: number, ...v: number[]) => v.map((n, i) => t(String(n), 300 + 40 * i, y, 5));
  const rows = (blocks: Block[]) => grids(blocks).flatMap(texts);

  it('gives each wrapped label line to the row it is centred on, a group label to one row, whatever baselines lie near', () => {
    // Row A: a 3-line label centred on 100; row B: a 2-line label centred on 136 (no label on its baseline),
    // a group label 「（三）不予公开」 beside them, its lines 3 points off B's label lines; row C one line at 164.
    const { blocks } = pagesToBlocks([
      page([
        t('1.属于国家', 100, 86),
        t('秘密的信息', 100, 100),
        t('内容', 100, 114),
        ...values(100, 1, 2, 3),
        t('（三）不', 50, 126),
        t('2.其他法律', 100, 129),
        t('予公开', 50, 140),
        t('行政法规', 100, 143),
        ...values(136, 4, 5, 6),
        t('3.危及安全', 100, 164),
        ...values(164, 7, 8, 9),
      ]),
    ]);
    expect(rows(blocks)).toEqual([
      ['1.属于国家秘密的信息内容', '1', '2', '3'],
      ['（三）不予公开', '2.其他法律行政法规', '4', '5', '6'],
      ['3.危及安全', '7', '8', '9'],
    ]);
  });

  it('keeps a tall label whole beside a one-line row, and cuts labels stacked without space between them', () => {
    // Row A: 5 lines at pitch 14 centred on 128; row B: one line at 170, 14 below A's last line.
    const { blocks } = pagesToBlocks([
      page([
        ...['2.申请人逾', '期未按收费', '通知要求缴', '纳费用不再', '处理其申请'].map((s, i) => t(s, 100, 100 + 14 * i)),
        ...values(128, 0, 0, 0),
        t('3.其他', 100, 170),
        ...values(170, 1, 0, 1),
      ]),
    ]);
    expect(rows(blocks)).toEqual([
      ['2.申请人逾期未按收费通知要求缴纳费用不再处理其申请', '0', '0', '0'],
      ['3.其他', '1', '0', '1'],
    ]);
  });

  it('gives the first row on a page the label line set above it, but not a header or the caption below the last row', () => {
    const { blocks } = pagesToBlocks([
      page([
        t('信息内容', 50, 60),
        t('甲', 300, 60),
        t('乙', 340, 60),
        t('丙', 380, 60),
        t('3.要求提供', 100, 93),
        ...values(100, 0, 1, 2),
        t('公开出版物', 100, 107),
        t('4.重复申请', 100, 130),
        ...values(130, 3, 4, 5),
        t('第二十条第（五）项', 50, 144),
      ]),
    ]);
    expect(lines(blocks)).toEqual(['第二十条第（五）项']);
    expect(rows(blocks).slice(-2)).toEqual([
      ['3.要求提供公开出版物', '0', '1', '2'],
      ['4.重复申请', '3', '4', '5'],
    ]);
    expect(rows(blocks)[0]).toEqual(['信息内容', '甲', '乙', '丙']);
  });

  it('gives the lines under a label set at the top of its cell to the row above them', () => {
    // Each label starts on its row's baseline; the second row's wrapped line (118) is nearer the next row (126) than its own (104).
    const { blocks } = pagesToBlocks([
      page([
        t('1.本机关不掌握', 100, 90),
        ...values(90, 6, 1, 7),
        t('2.没有现成信息', 100, 104),
        t('需要另行制作', 100, 118),
        ...values(104, 2, 0, 2),
        t('3.补正后不明确', 100, 136),
        ...values(136, 1, 0, 1),
      ]),
    ]);
    expect(rows(blocks)).toEqual([
      ['1.本机关不掌握', '6', '1', '7'],
      ['2.没有现成信息需要另行制作', '2', '0', '2'],
      ['3.补正后不明确', '1', '0', '1'],
    ]);
  });
});

describe('unruled tables set without cell padding', () => {
  const values = (y: number, ...v: number[]) => v.map((n, i) => t(String(n), 300 + 40 * i, y, 5));
  const rows = (blocks: Block[]) => grids(blocks).flatMap(texts);

  it("keeps a row's first value its own cell when its wrapped label's longest line ends flush with it", () => {
    // Row B's label, centred on 104, wraps; its second line (111) ends at 299.6, the first value column begins at 300.
    const { blocks } = pagesToBlocks([
      page([
        t('（一）予以公开', 100, 80),
        ...values(80, 15, 3, 1),
        t('（二）部分公开（区分处理', 100, 97),
        t('的，只计这一情形，不计其他', 100, 111, 199.6),
        ...values(104, 5, 1, 0),
        t('（四）无法提供', 100, 130),
        ...values(130, 6, 1, 0),
      ]),
    ]);
    expect(rows(blocks)).toEqual([
      ['（一）予以公开', '15', '3', '1'],
      ['（二）部分公开（区分处理的，只计这一情形，不计其他', '5', '1', '0'],
      ['（四）无法提供', '6', '1', '0'],
    ]);
  });

  it('parts a number set a little after its label where a header word above it begins, and not a number in prose', () => {
    // 「行政事业性收费」 ends at 120, 「12.5」 begins 2 points on (a fifth of a size), under 「本年收费金额」 (122); its digits,
    // of another font, sit on a baseline half a point higher (as Chromium sets them), so pdf.js gives them apart.
    const { blocks } = pagesToBlocks([
      page([
        t('信息内容', 36, 385),
        t('本年收费金额（单位：万元）', 122, 385),
        t('行政事业性收费', 36, 415, 84),
        t('12.5', 122, 414.5, 18),
        // Prose: the same gap before 「12」, and no word above starting where it begins.
        t('本年共收到申请', 36, 500, 70),
        t('12', 108, 499.5, 10),
        t('件。', 119, 500),
      ]),
    ]);
    const all = [
      ...lines(blocks),
      ...grids(blocks)
        .flatMap(texts)
        .map((r) => r.join('|')),
    ];
    expect(all).toContain('行政事业性收费|12.5');
    expect(all).toContain('本年共收到申请12件。');
  });

  it('parts header words pdf.js gave as one piece where the value columns below them begin', () => {
    // 「商业企业 科研机构 其他」: one piece over the three value columns (300, 340, 380), words a narrow space apart.
    const header = (x: number, y: number) => t('商业企业 科研机构 其他', x, y, 104);
    const table = [t('1.甲', 100, 100), ...values(100, 1, 2, 3), t('2.乙', 100, 120), ...values(120, 4, 5, 6)];
    const { blocks } = pagesToBlocks([page([t('项目', 100, 80), header(300, 80), ...table])]);
    expect(rows(blocks)[0]).toEqual(['项目', '商业企业', '科研机构', '其他']);
    // The same words where the columns do not begin at their spaces (shifted 12 points), and a caption
    // reaching left of the values, are left whole.
    const { blocks: shifted } = pagesToBlocks([page([t('项目', 100, 80), header(312, 80), ...table])]);
    expect(rows(shifted)[0]).toEqual(['项目', '商业企业 科研机构 其他']);
    // (its spaces lie where the columns begin: 335–345 and 375–385)
    const { blocks: caption } = pagesToBlocks([page([t('合计说明如下各栏 科研所 其他', 255, 80, 150), ...table])]);
    expect([...lines(caption), ...rows(caption).flat()]).toContain('合计说明如下各栏 科研所 其他');
  });
});

describe('blank cells of unruled tables (recall round 5)', () => {
  const rows = (blocks: Block[]) => grids(blocks).flatMap(texts);
  /** Values on baseline y, each under the column its index names (40 points apart from x = 300). */
  const at = (y: number, cells: [number, string][]) => cells.map(([col, v]) => t(v, 300 + 40 * col, y, 5));

  it('keeps a blank cell in its column, placed by the rows that have every value', () => {
    const { blocks } = pagesToBlocks([
      page([
        t('1.本机关不掌握', 100, 100),
        ...at(100, [
          [0, '6'],
          [1, '1'],
          [2, '0'],
          [3, '7'],
        ]),
        t('2.没有现成信息', 100, 120),
        ...at(120, [
          [0, '2'],
          [2, '0'],
          [3, '2'],
        ]),
        t('3.补正后不明确', 100, 140),
        ...at(140, [
          [0, '1'],
          [1, '0'],
          [2, '0'],
          [3, '1'],
        ]),
        t('4.重复申请', 100, 160),
        ...at(160, [
          [0, '1'],
          [1, '0'],
          [2, '0'],
        ]),
      ]),
    ]);
    expect(rows(blocks)).toEqual([
      ['1.本机关不掌握', '6', '1', '0', '7'],
      ['2.没有现成信息', '2', '', '0', '2'],
      ['3.补正后不明确', '1', '0', '0', '1'],
      ['4.重复申请', '1', '0', '0', ''],
    ]);
  });

  it('places the blanks of a one-row table by its header cells that have none below them', () => {
    // 复议 over 维持/纠正/总计, 诉讼 over 维持/总计: five columns; the value of the second (纠正) left blank.
    const head = [t('复议', 320, 60), t('诉讼', 420, 60), ...['维持', '纠正', '总计', '维持', '总计'].map((h, i) => t(h, 295 + 40 * i, 75))];
    const { blocks } = pagesToBlocks([
      page([
        ...head,
        ...at(95, [
          [0, '2'],
          [2, '2'],
          [3, '0'],
          [4, '1'],
        ]),
      ]),
    ]);
    expect(rows(blocks).at(-1)).toEqual(['2', '', '2', '0', '1']);
    // Values that do not fall one to a column stay as they are.
    const { blocks: off } = pagesToBlocks([page([...head, ...['2', '2', '0', '1'].map((v, i) => t(v, 302 + 10 * i, 95, 5))])]);
    expect(rows(off).at(-1)).toEqual(['2', '2', '0', '1']);
  });

  it('leaves a row short of values as it is where other text stands in the gap (an OCR「l」for 1)', () => {
    const full = (y: number) =>
      at(y, [
        [0, '1'],
        [1, '0'],
        [2, '0'],
        [3, '1'],
      ]);
    const { blocks } = pagesToBlocks([
      page([
        t('1.甲', 100, 100),
        ...full(100),
        t('2.乙', 100, 120),
        t('l', 290, 120, 3),
        ...at(120, [
          [1, '0'],
          [2, '0'],
          [3, '1'],
        ]),
        t('3.丙', 100, 140),
        ...full(140),
      ]),
    ]);
    expect(rows(blocks)[1]).not.toContain('');
  });
});

describe('text drawn for its look', () => {
  it('reads text drawn twice a fraction of a point apart (a simulated bold) once, and repeated characters set apart as they are', () => {
    const { blocks } = pagesToBlocks([
      page([
        t('（七）总计', 50, 100),
        t('（七）总计', 50.4, 100),
        t('41', 200, 100, 10),
        t('41', 200.4, 100, 10),
        t('1', 250, 100, 5),
        t('1', 255, 100, 5),
        t('1', 300, 100, 5),
      ]),
    ]);
    expect(grids(blocks).flatMap(texts)).toEqual([['（七）总计', '41', '11', '1']]);
  });

  it('leaves out a footnote mark set small and raised after a label, not a value of its row', () => {
    const mark = (str: string, x: number, y: number): PdfText => ({ str, x, y, w: 3, size: 5.5 });
    const { blocks } = pagesToBlocks([
      page([
        t('2.重复申请', 50, 100),
        mark('2', 110.5, 95),
        t('2', 200, 100, 5),
        t('1', 250, 100, 5),
        t('3', 300, 100, 5),
        t('3.其他', 50, 120),
        mark('1', 90.5, 115),
        t('1', 200, 120, 5),
        t('0', 250, 120, 5),
        t('1', 300, 120, 5),
      ]),
    ]);
    expect(grids(blocks).flatMap(texts)).toEqual([
      ['2.重复申请', '2', '1', '3'],
      ['3.其他', '1', '0', '1'],
    ]);
  });
});

describe('text', () => {
  it('folds the look-alike radicals font subsets use into ordinary characters, and nothing else', () => {
    expect(foldRadicals('⼆、主动公开；⻔户⽹站')).toBe('二、主动公开；门户网站');
    // The supplement's forms drawn as the ideograph itself (recall round 5: Chromium printed 民 as ⺠).
    expect(foldRadicals('丰乐县⺠政局；⻗⺬')).toBe('丰乐县民政局；雨示');
    expect(foldRadicals('（一）１２３ＡＢ')).toBe('（一）１２３ＡＢ');
  });
  it('counts no characters on pages without text: a scan', () => {
    expect(pagesToBlocks([page([]), page([])])).toEqual({ blocks: [], chars: 0 });
    expect(pagesToBlocks([page([t('正文', 50, 300)])]).chars).toBe(2);
  });
});
