import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { auditDocument, auditText } from '../../lib/engine/audit';
import { decodePage } from '../../lib/engine/decode';
import { sentencesOf } from '../../lib/engine/parse/prose';
import { agencyAndYear, findTitle } from '../../lib/engine/parse/report';
import { headingOf, sectionOfHeading } from '../../lib/engine/parse/sections';
import { fitValues, gridsByTable, layoutsOf } from '../../lib/engine/parse/tables';
import { T3_ROWS } from '../../lib/engine/parse/table-specs';
import type { Block, Grid } from '../../lib/engine/source/blocks';
import { domToBlocks, tableToGrid } from '../../lib/engine/source/dom';
import { splitRow, textToBlocks, tokenizeLine } from '../../lib/engine/source/text';
import { readCell } from '../../lib/engine/text';
import { FIXTURES } from '../helpers/fixtures';
import { LAYOUT_NAMES, layoutFixture } from '../helpers/layouts';
import { cleanT3, cleanT4, makeReport } from '../helpers/make-report';

const doc = (html: string) => parseHTML(html).document as unknown as Document;
const values = (r: ReturnType<typeof auditText>, table: 't3' | 't4', row: string) =>
  r.detected ? Object.values(r.report.tables[table]?.rows[row] ?? {}).map((c) => c.value ?? c.status) : null;

describe('readCell', () => {
  it.each([
    ['12', 12],
    ['１２', 12],
    ['1,234', 1234],
    ['１，２３４', 1234],
    ['0.25', 0.25],
    [' 7 ', 7],
    ['-3', -3],
    ['〇', 0],
    ['1〇', 10],
    ['○', 0],
    // 零 is the same zero written as a word (variants W04); a spreadsheet's text-cell apostrophe is no part of the value (W01).
    ['零', 0],
    ["'53", 53],
    ['’1,234', 1234],
    // Characters that print nothing, left inside numbers by editors.
    ['1\u200b2', 12],
    ['1\u200d2', 12],
    ['\ufeff12\u00ad', 12],
    ['\u20607', 7],
    // Bidi marks and isolates (a <bdi> copied as text, variants X14/X15), the combining grapheme joiner (X16).
    ['\u200e53\u200e', 53],
    ['\u206853\u2069', 53],
    ['\u202a12\u202c', 12],
    ['5\u034f\u200c3', 53],
    // Mathematical bold and monospace digits of a 公众号 editor's 「特殊字体」 (variants X17).
    ['\u{1d7d3}\u{1d7d1}', 53],
    ['\u{1d7f7}\u{1d7f8}.\u{1d7fb}', 12.5],
    // Any script's decimal digits (probes J03, J04): Arabic-Indic, Devanagari, and the last set of mathematical digits.
    ['\u0665\u0663', 53],
    ['\u096b\u0969', 53],
    ['\u{1d7fb}\u{1d7f9}', 53],
    // Variation selectors and the keycap mark print nothing of their own (probes J12: 「1️⃣7️⃣」).
    ['1\ufe0f7\ufe0e', 17],
    ['1\ufe0f\u20e37\ufe0f\u20e3', 17],
    // A right-to-left override shows its digits reversed, and they are read as shown (probes J10: 「\u202e71\u202c」 shows 17);
    // embeddings, isolates and a left-to-right override reorder no digits.
    ['\u202e71\u202c', 17],
    ['\u202e71', 17],
    ['1\u202e32\u202c4', 1234],
    ['\u202b17\u202c', 17],
    ['\u206717\u2069', 17],
    ['\u202d17\u202c', 17],
  ])('reads %j as %d', (raw, n) => expect(readCell(raw)).toEqual({ kind: 'number', value: n }));
  it.each(['', ' ', '\u00a0'])('reads %j as blank, never 0', (raw) => expect(readCell(raw).kind).toBe('blank'));
  // report-format.md: a word inside a row of numbers (「—」「/」) is an invalid cell, neither a blank nor 0.
  it.each(['—', '-', '/', '／', '无', '——'])('reads %j as a placeholder, never 0', (raw) => expect(readCell(raw).kind).toBe('placeholder'));
  it.each(['自然人', '3.', '约3', '1.属于国家秘密'])('reads %j as text', (raw) => expect(readCell(raw).kind).toBe('text'));
  // A letter typed for 0 (variants EW09) is no number, nor is a quote alone or before a word.
  it.each(['O', 'o', "'", "'约3", '零星'])('reads %j as no count', (raw) => expect(readCell(raw).kind).not.toBe('number'));
  // Counters for cases (「2起」「3宗」) and a note in words after the number (「1（已撤诉）」): the number counts, what follows is said as a unit.
  it.each([
    ['2起', 2, '起'],
    ['3宗', 3, '宗'],
    ['1（已撤诉）', 1, '(已撤诉)'],
    ['18（含修订1件）', 18, '(含修订1件)'],
    ['5件（含转办2件）', 5, '件(含转办2件)'],
  ])('reads %j as %d with %j after it', (raw, value, unit) => expect(readCell(raw)).toEqual({ kind: 'number', value, unit }));
  // Brackets holding a number alone are no note: which of the two is the count is not for the reader to guess.
  it.each(['1(2)', '2（3）', '（一）予以公开'])('reads %j as text, not as a number with a note', (raw) => expect(readCell(raw).kind).toBe('text'));
  // A share after a count (variants V12: 「2（50.0%）」) and a footnote mark right after it (V05, V06: 「53*」「53①」) qualify it as a note does.
  it.each([
    ['2（50.0%）', 2, '(50.0%)'],
    ['22(38.6%)', 22, '(38.6%)'],
    ['53*', 53, '*'],
    ['53＊', 53, '*'],
    ['53①', 53, '①'],
    ['1234②', 1234, '②'],
    // A superscript mark after a number is a footnote's (probes J06: 「17¹」), not a digit of it.
    ['17¹', 17, '¹'],
    ['53²³', 53, '²³'],
    // Last year's figure named after the value (variants P14: 「40⏎上年35」 on a second line of the cell).
    ['40上年35', 40, '上年35'],
    ['40 去年同期35', 40, '去年同期35'],
  ])('reads %j as %d with the note %j', (raw, value, unit) => expect(readCell(raw)).toEqual({ kind: 'number', value, unit }));
  // Nor are digits that are no decimal digits a count: subscripts, Roman numerals, a superscript alone, a letter for a digit (probes J07–J09).
  it.each(['*', '①', '（50%）', '50%', '₁₇', 'Ⅲ', '¹', '1З', '上年35', '40上年'])('reads %j alone as no count', (raw) =>
    expect(readCell(raw).kind).not.toBe('number'),
  );
  // A byte-order mark pasted mid-number prints nothing (variants V09: 「1\uFEFF8」).
  it('reads a U+FEFF inside a number as nothing', () => expect(readCell('1\ufeff8')).toEqual({ kind: 'number', value: 18 }));
});

describe('a cell broken over lines in a plain-text copy', () => {
  const rows = (text: string) => textToBlocks(text).flatMap((b) => (b.kind === 'grid' ? b.rows.map((r) => r.map((c) => c.text)) : []));
  const above = '三、本年度办理结果\t（一）予以公开\t\t1\t0\t0\t0\t0\t0\t1';
  it('joins Word’s broken row, and a spreadsheet’s quoted cell, to one row', () => {
    const joined = ['', '（二）部分公开（区分处理的）', '', '2', '0', '0', '0', '0', '0', '2'];
    expect(rows(`${above}\n\t（二）部分公开\n（区分处理的）\t\t2\t0\t0\t0\t0\t0\t2`)[1]).toEqual(joined);
    expect(rows(`${above}\n\t"（二）部分公开\n（区分处理的）"\t\t2\t0\t0\t0\t0\t0\t2`)[1]).toEqual(joined);
  });
  it('leaves a header row and the row under it apart', () => {
    expect(rows('规章\t1\t0\t3\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n行政规范性文件\t5\t2\t18')).toHaveLength(3);
  });
});

describe('line endings', () => {
  it('reads a text with CR, CRLF or LF line ends alike', () => {
    const text = makeReport();
    const lf = auditText(text);
    expect(lf.detected).toBe(true);
    expect(auditText(text.replace(/\n/g, '\r'))).toEqual(lf);
    expect(auditText(text.replace(/\n/g, '\r\n'))).toEqual(lf);
  });
});

describe('text rows', () => {
  it('splits tab, pipe, &nbsp;-padded and single-space rows, and leaves prose alone', () => {
    expect(splitRow('规章\t0\t0\t0')).toEqual(['规章', '0', '0', '0']);
    expect(splitRow('| 规章 | 0 | 1 |')).toEqual(['规章', '0', '1']);
    expect(splitRow('|---|---|')).toBe('separator');
    expect(splitRow('行政规范性文件\u00a0\u00a0\u00a02\u00a0\u00a00\u3000\u300010')).toEqual(['行政规范性文件', '2', '0', '10']);
    expect(splitRow('一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1')).toHaveLength(8);
    expect(splitRow('0 0 0 0 0')).toEqual(['0', '0', '0', '0', '0']);
    expect(splitRow('2023 年，我局主动公开信息共计 64 条。')).toBeNull();
    expect(splitRow('全年共收到申请 5 件，均已办结')).toBeNull();
  });
  it('drops the bars that frame a tab row, and only those', () => {
    expect(splitRow('| 规章\t0\t0\t0 |')).toEqual(['规章', '0', '0', '0']);
    expect(splitRow('｜\t(二) 部分公开\t0\t1｜')).toEqual(['', '(二) 部分公开', '0', '1']);
    // Not a frame: a bar on one side only, or inside a cell.
    expect(splitRow('| 规章\t0\t0')).toEqual(['| 规章', '0', '0']);
    expect(splitRow('规章\t0\t0 |')).toEqual(['规章', '0', '0 |']);
    expect(splitRow('| 规章\t0|1\t2 |')).toEqual(['规章', '0|1', '2']);
  });
  it('reads a row of spaced values with one stray bar as a spaced row, and keeps pipe rows', () => {
    expect(splitRow('一、本年新收政府信息公开申请数量 1 0 0 | 0 0 0 1')).toEqual(['一、本年新收政府信息公开申请数量', '1', '0', '0', '0', '0', '0', '1']);
    expect(splitRow('规章 | 0')).toEqual(['规章', '0']);
    expect(splitRow('规章 | 1 0 | 2 |')).toEqual(['规章', '1 0', '2']);
  });
  it('splits pipe rows without a leading bar, one value per line, and keeps label words apart', () => {
    expect(splitRow('规章 | 0 | 0 | 0 |')).toEqual(['规章', '0', '0', '0']);
    expect(splitRow('行政许可 | 0 |')).toEqual(['行政许可', '0']);
    expect(splitRow('0 |')).toEqual(['0']);
    expect(splitRow('|')).toBe('separator');
    expect(splitRow('12')).toEqual(['12']);
    expect(splitRow('规章 22 235')).toEqual(['规章', '22', '235']);
    expect(splitRow('规章 未统计 0 4')).toEqual(['规章', '未统计', '0', '4']);
    expect(tokenizeLine('行政许可 97')).toEqual({ cells: ['行政许可', '97'], loose: true, spacing: 'single' });
    expect(tokenizeLine('行政许可\t97')).toEqual({ cells: ['行政许可', '97'], gapless: true, loose: false });
    expect(splitRow('规章 0 0 0'.repeat(100))).toBeNull();
  });
  it('reads a bar opening a row of a bare-pipe grid as an empty first cell', () => {
    const blocks = textToBlocks(['行政复议 | 行政诉讼 |', ' | 1 | 0 |'].join('\n'));
    expect(blocks[0]!.kind === 'grid' && blocks[0]!.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['行政复议', '行政诉讼'],
      ['', '1', '0'],
    ]);
    const markdown = textToBlocks(['| 行政复议 | 行政诉讼 |', '| 1 | 0 |'].join('\n'));
    expect(markdown[0]!.kind === 'grid' && markdown[0]!.rows[1]!.map((c) => c.text)).toEqual(['1', '0']);
  });
  it('gives labels alone on their line to the values that follow, and leaves headings and prose alone', () => {
    const blocks = textToBlocks(
      ['二、主动公开政府信息情况', '规章', '3 |', '1 |', '|', '22 |', '2.其他法律行政法规禁', '止公开 | 1 | 0 |', '（一）主动公开', '本年发布信息 5 条。'].join(
        '\n',
      ),
    );
    expect(blocks.map((b) => (b.kind === 'line' ? b.text : b.rows.map((r) => r.map((c) => c.text))))).toEqual([
      '二、主动公开政府信息情况',
      [
        ['规章', '3', '1', '22'],
        ['2.其他法律行政法规禁', '止公开', '1', '0'],
      ],
      '（一）主动公开',
      '本年发布信息 5 条。',
    ]);
  });
  it('fits padded rows to the column count, keeping real blanks', () => {
    const cells = (xs: string[]) => xs.map((text) => ({ text }));
    expect(fitValues(cells(['', '1', '0', '']), 2).cells.map((c) => c?.text)).toEqual(['1', '0']);
    expect(fitValues(cells(['', '', '0', '1']), 4).cells.map((c) => c?.text)).toEqual(['', '', '0', '1']);
    expect(fitValues(cells(['1', '2', '3']), 2)).toMatchObject({ extra: 1 });
    expect(fitValues(cells(['1']), 3).cells).toEqual([{ text: '1' }, undefined, undefined]);
  });
});

describe('headings, title, agency and year', () => {
  it.each([
    ['一、总体情况', 's1'],
    ['## 二、主动公开政府信息情况', 's2'],
    ['三、收到和处理政府信息公开申请情况', 's3'],
    ['四、因政府信息公开工作被申请行政复议、提起行政诉讼情况', 's4'],
    ['五、存在问题及改进情况', 's5'],
    ['六、其他需要报告的事项', 's6'],
    ['（二）依申请公开办理情况', undefined],
    ['1. 做好保密审查工作，严把信息安全关', undefined],
    // Sections numbered as sub-headings are, taken only when the numeral is the section's own.
    ['（一）总体情况', 's1'],
    ['（五）存在的主要问题及改进情况', 's5'],
    ['（一）主动公开情况', undefined],
    ['（二）依申请公开情况', undefined],
  ])('%s → %s', (line, key) => expect(sectionOfHeading(line)).toBe(key));
  it('reads a heading that opens its paragraph (<strong>一、总体情况</strong>本报告……), and the text after it', () => {
    expect(headingOf('一、总体情况本报告根据《条例》编制。')).toEqual({ key: 's1', heading: '一、总体情况', rest: '本报告根据《条例》编制。' });
    expect(headingOf('五、存在的主要问题及改进情况存在的主要问题：一是解读形式单一。')).toMatchObject({ key: 's5', heading: '五、存在的主要问题及改进情况' });
    expect(headingOf('六、其他需要报告的事项：本年度未收取信息处理费。')).toMatchObject({ key: 's6', rest: '本年度未收取信息处理费。' });
    // Not when the numeral is another section's, in Arabic numerals (a list inside a section), or a sentence comes first.
    expect(headingOf('二、总体情况良好，全年发布信息326条。')).toBeUndefined();
    expect(headingOf('1.主动公开情况。全年发布信息326条。')).toBeUndefined();
    expect(headingOf('一、全年主动公开政府信息情况良好，发布326条。')).toBeUndefined();
  });
  it('reads a heading left in Markdown’s marks (an AI assistant’s draft pasted: 「## …」, 「**…**」; variants J17)', () => {
    expect(headingOf('**二、主动公开政府信息情况**')).toEqual({ key: 's2', heading: '二、主动公开政府信息情况', rest: '' });
    expect(headingOf('## **六、其他需要报告的事项**')).toMatchObject({ key: 's6', heading: '六、其他需要报告的事项' });
    expect(headingOf('**一、总体情况**本报告根据《条例》编制。')).toEqual({ key: 's1', heading: '一、总体情况', rest: '本报告根据《条例》编制。' });
    // Control: a bold sentence or a sub-heading stays what it is.
    expect(headingOf('**二、总体情况良好，全年发布信息326条。**')).toBeUndefined();
    expect(headingOf('**（二）依申请公开**')).toBeUndefined();
  });
  it('reads a count in Markdown’s bold as the count in its unit (「申请**53**件」; variants EJ17)', () => {
    expect(sentencesOf('我局共收到政府信息公开申请**53**件。', 's1', null)[0]!.numbers).toMatchObject([{ value: 53, unit: '件' }]);
  });
  it('reads agency and year whichever comes first', () => {
    expect(agencyAndYear('阜新市司法局 2023 年政府信息 公开工作年度报告')).toEqual({ agency: '阜新市司法局', year: 2023 });
    expect(agencyAndYear('2022年度北京市某区人民政府政府信息公开工作年度报告')).toEqual({ agency: '北京市某区人民政府', year: 2022 });
    expect(agencyAndYear('某市人民政府办公室关于印发2023年政府信息公开工作年度报告的通知')).toEqual({ agency: '某市人民政府办公室', year: 2023 });
    expect(agencyAndYear('某县教育局二〇二三年政府信息公开工作年度报告')).toEqual({ agency: '某县教育局', year: 2023 });
    expect(agencyAndYear('某县教育局二○二三年度政府信息公开工作年度报告')).toEqual({ agency: '某县教育局', year: 2023 });
    expect(agencyAndYear('某区财政局2023年度政务公开工作年度报告_某区人民政府')).toEqual({ agency: '某区财政局', year: 2023 });
  });
  it('reads the body after a site’s or a wiki space’s name and its colon (a Confluence export, variants L06)', () => {
    expect(agencyAndYear('政务公开组 : 某县教育局2023年政府信息公开工作年度报告')).toEqual({ agency: '某县教育局', year: 2023 });
    expect(agencyAndYear('转载：某县教育局2023年政府信息公开工作年度报告')).toEqual({ agency: '某县教育局', year: 2023 });
    // Control: a colon after the body (「某县教育局：2023年…」) still leaves the body.
    expect(agencyAndYear('某县教育局：2023年政府信息公开工作年度报告')).toEqual({ agency: '某县教育局', year: 2023 });
  });
  it('reads the year where a title puts it last', () => {
    expect(agencyAndYear('某县教育局政府信息公开工作年度报告（2023年度）')).toEqual({ agency: '某县教育局', year: 2023 });
    expect(agencyAndYear('某县教育局政府信息公开工作2023年度报告')).toEqual({ agency: '某县教育局', year: 2023 });
    expect(agencyAndYear('某县教育局政府信息公开年度报告（二〇二三）')).toEqual({ agency: '', year: null }); // four numerals alone are no year
    expect(agencyAndYear('某县教育局政府信息公开工作年度报告')).toEqual({ agency: '', year: null });
  });
});

describe('HTML tables', () => {
  it('expands rowspan and colspan into a full grid', () => {
    const d = doc('<table><tr><td rowspan="2" colspan="2">A</td><td>b</td></tr><tr><td>c</td></tr><tr><td>d</td><td colspan="2">e</td></tr></table>');
    const g = tableToGrid(d.querySelector('table')!);
    expect(g.kind === 'grid' && g.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['A', 'A', 'b'],
      ['A', 'A', 'c'],
      ['d', 'e', 'e'],
    ]);
  });
  it('leaves out a column its <col> collapses and a row that visibility:collapse hides (variants V22, V26b)', () => {
    const d = doc(
      '<table><colgroup><col><col><col style="visibility:collapse"></colgroup><tr><td>a</td><td>1</td><td>9</td></tr><tr style="visibility: collapse"><td>a</td><td>5</td><td>5</td></tr><tr><td>b</td><td>2</td><td>8</td></tr></table>',
    );
    const g = tableToGrid(d.querySelector('table')!);
    expect(g.kind === 'grid' && g.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
    // Control: a <col> that only sets a width hides nothing.
    const shown = tableToGrid(doc('<table><col width="9"><col style="width:0"><tr><td>a</td><td>1</td></tr></table>').querySelector('table')!);
    expect(shown.kind === 'grid' && shown.rows.map((r) => r.map((c) => c.text))).toEqual([['a', '1']]);
  });
  it('reads a one-row table in a cell of every row as that row’s columns (法人或其他组织’s five as a nested table; variants J18)', () => {
    const nest = (...xs: string[]) => `<table><tr>${xs.map((x) => `<td>${x}</td>`).join('')}</tr></table>`;
    const d = doc(
      `<html><body><table><tr><td rowspan="3">项目</td><td>自然人</td><td><p>法人或其他组织</p>${nest('商业企业', '其他')}</td><td>总计</td></tr><tr><td>5</td><td>${nest('1', '2')}</td><td>8</td></tr><tr><td>3</td><td>${nest('0', '1')}</td><td>4</td></tr></table></body></html>`,
    );
    const g = tableToGrid(d.querySelector('table')!);
    expect(g.kind === 'grid' && g.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['项目', '自然人', '法人或其他组织 商业企业', '其他', '总计'],
      ['项目', '5', '1', '2', '8'],
      ['项目', '3', '0', '1', '4'],
    ]);
    const blocks = domToBlocks(d.body);
    expect(blocks.filter((b) => b.kind === 'grid')).toHaveLength(1);
    // Control: a layout table whose tables inside are rows of links (bars, a pager's 「1 2 3」) stays a layout: each its own grid, the text lines.
    const layout = doc(
      `<html><body><table><tr><td>${nest('首页', '政务公开', '互动交流')}</td></tr><tr><td><p>本报告根据《条例》编制。</p></td></tr><tr><td>${nest('1', '2', '3')}${nest('关于我们', '网站地图')}</td></tr></table></body></html>`,
    );
    const read = domToBlocks(layout.body);
    expect(read.filter((b) => b.kind === 'grid')).toHaveLength(3);
    expect(read.some((b) => b.kind === 'line' && b.text.includes('本报告根据'))).toBe(true);
  });
  it('reads a closed <details> in a cell as its <summary> alone, an open one whole (a count opened for its breakdown; variants J23)', () => {
    const d = doc(
      '<table><tr><td>一、本年新收</td><td><details><summary>40</summary><p>其中网上申请27件</p></details></td><td><details open><summary>6</summary>上年5</details></td></tr></table>',
    );
    const g = tableToGrid(d.querySelector('table')!);
    expect(g.kind === 'grid' && g.rows[0]!.map((c) => c.text)).toEqual(['一、本年新收', '40', '6上年5']);
  });
  it('keeps a column whose <col> is display:none or hidden: only visibility:collapse hides a column’s cells (variants J09)', () => {
    const d = doc(
      '<table><colgroup><col><col style="display:none"><col hidden></colgroup><colgroup span="1" style="display:none"></colgroup><tr><td>a</td><td>1</td><td>9</td><td>7</td></tr></table>',
    );
    const g = tableToGrid(d.querySelector('table')!);
    expect(g.kind === 'grid' && g.rows.map((r) => r.map((c) => c.text))).toEqual([['a', '1', '9', '7']]);
  });
  it('reads a cell’s read-only or disabled <textarea> as its value, a writable one as nothing, and a U+FEFF inside a value as nothing (variants V11, V09)', () => {
    const d = doc(
      '<table><tr><td><textarea readonly>12</textarea></td><td><textarea disabled>3</textarea></td><td><textarea>4</textarea></td><td><span>1\ufeff8</span></td></tr></table>',
    );
    const g = tableToGrid(d.querySelector('table')!);
    expect(g.kind === 'grid' && g.rows[0]!.map((c) => c.text)).toEqual(['12', '3', '', '18']);
  });
  it('reads a report inside a layout table, with a t3 split into two tables and full-width digits', () => {
    const text = makeReport();
    const [head, rest] = text.split('三、收到和处理政府信息公开申请情况');
    const [t3, tail] = rest!.split('四、政府信息公开行政复议');
    const toTable = (lines: string[]) =>
      `<table border="1">${lines
        .map(
          (l) =>
            `<tr>${l
              .split('\t')
              .map((c) => `<td><p class="MsoNormal"><span>${c.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))}</span></p></td>`)
              .join('')}</tr>`,
        )
        .join('')}</table>`;
    const rows = t3!.trim().split('\n');
    const html = `<html><head><title>年报</title></head><body><table><tr><td>${head!
      .split('\n')
      .map((l) => `<p>${l}</p>`)
      .join('')}
      <p><b>三、收到和处理政府信息公开申请情况</b></p>${toTable(rows.slice(0, 12))}<p>&nbsp;</p>${toTable(rows.slice(12))}
      ${('四、政府信息公开行政复议' + tail)
        .split('\n')
        .map((l) => (l.includes('\t') ? `<pre>${l}</pre>` : `<p>${l}</p>`))
        .join('')}</td></tr></table></body></html>`;
    const r = auditDocument(doc(html));
    expect(r.detected && r.findings).toEqual([]);
    expect(values(r, 't3', '3.7')).toEqual([9, 2, 0, 0, 0, 0, 11]);
    expect(values(r, 't3', '4')).toEqual([2, 0, 0, 0, 0, 0, 2]);
  });
});

describe('a t3 row cut by a page break (variants I04, EI04, I18, EI18)', () => {
  // The report with t3 as two tables cut after 3.4.1; `carry` moves that row's values to the second table's first row,
  // after t3's column-name row when `header`.
  const cutPage = (t3Values: ReturnType<typeof cleanT3>, carry: boolean, header = false) => {
    const [head, rest] = makeReport({ t3: t3Values }).split('三、收到和处理政府信息公开申请情况');
    const [t3, tail] = rest!.split('四、政府信息公开行政复议');
    const rows = t3!
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    const cut = rows.findIndex((r) => r[0] === '1.本机关不掌握相关政府信息');
    const first = rows.slice(0, cut + 1);
    const second = rows.slice(cut + 1);
    if (carry) {
      second.unshift(['', ...first[cut]!.slice(1)]);
      first[cut] = [first[cut]![0]!, ...first[cut]!.slice(1).map(() => '')];
    }
    if (header) second.unshift(['', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    const toTable = (rs: string[][]) => `<table border="1">${rs.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;
    const p = (s: string) =>
      s
        .split('\n')
        .map((l) => `<p>${l}</p>`)
        .join('');
    return auditDocument(
      doc(
        `<html><head><title>年报</title></head><body>${p(head!)}<p>三、收到和处理政府信息公开申请情况</p>${toTable(first)}` +
          `<p style="page-break-before:always">&nbsp;</p>${toTable(second)}${p('四、政府信息公开行政复议' + tail)}</body></html>`,
      ),
    );
  };
  it('reads the values opening the next table under empty labels as the cut row’s', () => {
    const r = cutPage(cleanT3(), true);
    expect(values(r, 't3', '3.4.1')).toEqual([2, 1, 0, 0, 0, 0, 3]);
    expect(r.detected && r.findings.map((f) => f.rule)).toEqual([]);
  });
  it('and after the header rows the next table repeats, not as a header row’s that names 总计', () => {
    const r = cutPage(cleanT3(), true, true);
    expect(values(r, 't3', '3.4.1')).toEqual([2, 1, 0, 0, 0, 0, 3]);
    expect(values(r, 't3', '3.7')).toEqual([9, 2, 0, 0, 0, 0, 11]);
    expect(r.detected && r.findings.map((f) => f.rule)).toEqual([]);
  });
  it('leaves a blank row at a table’s end blank when the next table opens with a labelled row', () => {
    const r = cutPage({ ...cleanT3(), '3.4.1': Array(7).fill('') }, false);
    expect(values(r, 't3', '3.4.1')).toEqual(Array(7).fill('blank'));
    expect(values(r, 't3', '3.4.2')).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('characters that print nothing', () => {
  it('neither split a number nor keep a label from matching, in tables and in prose', () => {
    const sprinkle = (line: string) =>
      line
        .replace(/(\d)(\d)/g, '$1\u200d$2')
        .replace(/属于/g, '属于\u200c')
        .replace(/申请/g, '申\u2060请');
    const clean = auditText(makeReport());
    const text = makeReport().split('\n').map(sprinkle).join('\n');
    expect(text).toContain('\u200d');
    const r = auditText(text);
    expect(r.detected && r.findings).toEqual([]);
    expect(values(r, 't3', '1')).toEqual(values(clean, 't3', '1'));
    expect(values(r, 't3', '3.3.4')).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });
});

describe('row labels', () => {
  it('keep an item number printed in a cell of its own', () => {
    const text = makeReport().replace('1.属于国家秘密\t', '(三)不予公开\t1\t属于国家秘密\t').replace('4.保护第三方合法权益\t1', '4\t保护第三方合法权益\t1');
    const r = auditText(text);
    expect(r.detected && r.findings).toEqual([]);
    expect(values(r, 't3', '3.3.4')).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });
  it('name （六）3.其他 by its word when its number is wrong (LibreOffice restarts Word numbering in each cell: 「2.其他」, variants EU04)', () => {
    // One of 3.4.1's natural persons moved to 3.6.3: the identities still hold.
    const t3 = { ...cleanT3(), '3.4.1': [1, 1, 0, 0, 0, 0, 2], '3.6.3': [1, 0, 0, 0, 0, 0, 1] };
    const base = makeReport({ t3 });
    const misnumbered = base.replace(/^3\.其他\t/m, '2.其他\t');
    expect(misnumbered).not.toBe(base);
    const r = auditText(misnumbered);
    expect(r.detected && r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(values(r, 't3', '3.6.3')).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });
});

describe('one cell per line', () => {
  it('reads tables whose cells were extracted one per line', () => {
    const text = makeReport()
      .split('\n')
      .flatMap((l) => (l.includes('\t') ? l.split('\t').filter(Boolean) : [l]))
      .join('\n');
    const r = auditText(text);
    expect(r.detected && r.findings).toEqual([]);
    expect(values(r, 't3', '3.4.1')).toEqual([2, 1, 0, 0, 0, 0, 3]);
    expect(values(r, 't4', '1')).toEqual([1, 0, 0, 1, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
  });
});

describe("a page number among t4's header lines", () => {
  // pdf.js puts a page's number where the page ended: here between t4's header lines and its values.
  const paged = (text: string) => text.replace('\t\t\t\t\t结果维持', '2\n\t\t\t\t\t结果维持');
  it("is not t4's values: the fullest row after the header is", () => {
    const text = paged(makeReport());
    expect(text).toContain('\n2\n\t\t\t\t\t结果维持');
    const r = auditText(text);
    expect(values(r, 't4', '1')).toEqual(cleanT4());
    expect(r.detected && r.findings).toEqual([]);
  });
  it("leaves a row of values with blanks t4's row when it is the only one", () => {
    const r = auditText(paged(makeReport({ t4: [1, 0, 0, 1, 2, ...Array(10).fill('')] })));
    expect(values(r, 't4', '1')).toEqual([1, 0, 0, 1, 2, ...Array(10).fill('blank')]);
  });
});

describe('decodePage', () => {
  it('decodes GBK pages by their meta charset and UTF-8 by default', () => {
    const gbk = Uint8Array.from([...Buffer.from('<meta charset="gbk">'), 0xc4, 0xea, 0xb1, 0xa8]); // 年报
    expect(decodePage(gbk)).toContain('年报');
    expect(decodePage(new TextEncoder().encode('年度报告'))).toBe('年度报告');
    expect(decodePage(Uint8Array.from([0xc4, 0xea, 0xb1, 0xa8]))).toBe('年报');
  });
  it('keeps a UTF-8 page UTF-8 despite one stray byte or a last character cut short, and a GBK page GBK', () => {
    const text = '示范市测试局2023年政府信息公开工作年度报告'.repeat(20);
    const utf8 = new TextEncoder().encode(text);
    const at = new TextEncoder().encode(text.slice(0, 10)).length;
    expect(decodePage(Uint8Array.from([...utf8.subarray(0, at), 0xa0, ...utf8.subarray(at)]))).toBe(`${text.slice(0, 10)}\ufffd${text.slice(10)}`);
    expect(decodePage(utf8.subarray(0, utf8.length - 1))).toContain(text.slice(0, 40));
    const gbk = Buffer.from('c4eab1a8d5feb8aed0c5cfa2b9abbfaa'.repeat(30), 'hex'); // 年报政府信息公开 in GBK
    expect(decodePage(Uint8Array.from(gbk))).toBe('年报政府信息公开'.repeat(30));
  });
  // Probes J16, J17: a saved page's own meta is a hint the bytes can refute; a server's charset and a BOM are not.
  it('reads the bytes, not a <meta> charset they contradict: UTF-8 under 「gb2312」, GBK under 「utf-8」', () => {
    const text = '示范市测试局2023年政府信息公开工作年度报告';
    const bytes = (meta: string, body: Uint8Array) => Uint8Array.from([...Buffer.from(`<meta charset="${meta}">`), ...body]);
    const gbk = Buffer.from('c4eab1a8d5feb8aed0c5cfa2b9abbfaa'.repeat(3), 'hex'); // 年报政府信息公开
    expect(decodePage(bytes('gb2312', new TextEncoder().encode(text)))).toContain(text);
    expect(decodePage(bytes('big5', new TextEncoder().encode(text)))).toContain(text);
    expect(decodePage(bytes('utf-8', gbk))).toContain('年报政府信息公开'.repeat(3));
    // Controls: a meta the bytes bear out, and a charset the server names, are believed (the GBK read as GBK, the UTF-8 bytes as GBK).
    expect(decodePage(bytes('gbk', gbk))).toContain('年报政府信息公开'.repeat(3));
    expect(decodePage(new TextEncoder().encode(text), 'text/html; charset=gbk')).not.toContain(text);
  });
});

describe('decodePage of a single-file web page (MHTML)', () => {
  const qp = (bytes: Uint8Array) => Array.from(bytes, (b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join('=\r\n');
  const mht = (...parts: [string, string, Uint8Array][]) =>
    new TextEncoder().encode(
      'MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="B"\r\n\r\n' +
        parts
          .map(
            ([type, loc, body]) =>
              `--B\r\nContent-Type: ${type}\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: ${loc}\r\n\r\n${qp(body)}\r\n`,
          )
          .join('') +
        '--B--\r\n',
    );
  it('reads the charset of a part whose Content-Type goes on over two lines (IE), the page having no <meta>', () => {
    // 「年報」 in Big5: read by guessing (GB18030) it would be other characters.
    const page = Uint8Array.from([...Buffer.from('<p>'), 0xa6, 0x7e, 0xb3, 0xf8, ...Buffer.from('</p>')]);
    expect(decodePage(mht(['text/html;\r\n\tcharset="big5"', 'http://x.gov.cn/a.html', page])).trim()).toBe('<p>年報</p>');
  });
  it('fills a frame with the part its src names, where the frame is (variants T06), hidden when the frame is, and leaves other frames as they are', () => {
    const outer =
      '<body><p>首页</p><IFRAME src="http://x.gov.cn/c.html?a=1&amp;b=2" frameBorder=0></IFRAME><iframe src="http://ad.example.com/"></iframe><iframe src="cid:stat" style="display:none"></iframe><p>页脚</p></body>';
    const inner = '<html><body><h1>某局2023年报</h1></body></html>';
    const out = decodePage(
      mht(
        ['text/html; charset="utf-8"', 'http://x.gov.cn/a.html', new TextEncoder().encode(outer)],
        ['text/html; charset="utf-8"', 'http://x.gov.cn/c.html?a=1&b=2', new TextEncoder().encode(inner)],
        ['text/html; charset="utf-8"', 'cid:stat', new TextEncoder().encode('<p>访问量 1234</p>')],
      ),
    );
    // A hidden frame's document stays hidden.
    expect(out.trim()).toBe(
      '<body><p>首页</p><div><h1>某局2023年报</h1></div><iframe src="http://ad.example.com/"></iframe><div hidden><p>访问量 1234</p>\r\n</div><p>页脚</p></body>',
    );
  });
});

describe('titles broken over lines', () => {
  it.each([
    [['某市某局2023年政府', '信息公开工作年度报告'], '某市某局', 2023],
    [['某市某局', '2023年政府信息公开工作年度报告'], '某市某局', 2023],
    [['发布时间：2024-01-15', '某市某局2023年政府信息公开工作年度报告'], '某市某局', 2023],
    [['某市某局2023年政府信息公开工作年度报告', '一、总体情况'], '某市某局', 2023],
  ])('%j', (lines, agency, year) => {
    const found = findTitle(lines);
    expect(agencyAndYear(found!.title)).toEqual({ agency, year });
  });
  it('finds no title in lines that are not one', () => expect(findTitle(['发布时间：2024-01-15', '来源：某市某局'])).toBeUndefined());
  it('takes the report’s own title over a sidebar’s links to other years’ reports before it', () => {
    const lines = [
      '热点推荐',
      '某市某局2021年政府信息公开工作年度报告',
      '某市某局2022年政府信息公开工作年度报告',
      '某市某局2023年政府信息公开工作年度报告',
      '发布时间：2024-01-15',
    ];
    expect(findTitle(lines)?.at).toBe(3);
    // The page's <title> decides, wherever its line is.
    expect(findTitle(lines.slice(0, 4), '某市某局2022年政府信息公开工作年度报告_某市人民政府')?.at).toBe(2);
  });
  it('takes the report’s own title over a column’s name that the page’s <title> is (a 专栏 page, variants T26)', () => {
    const lines = ['首页', '政府信息公开年报', '政府信息公开年报专栏', '2023年度', '某市某局2023年政府信息公开工作年度报告', '发布日期：2024-01-20'];
    expect(findTitle(lines, '政府信息公开年报专栏')?.at).toBe(4);
    // A title the page's <title> names still wins when it names a body or a year.
    expect(findTitle(lines, '政府信息公开年报专栏 某市某局政府信息公开工作年度报告')?.at).toBe(4);
  });
  it('takes the report’s own title under a notice that publishes it, though the page’s <title> is the notice’s (variants Q53)', () => {
    const notice = '某县人民政府办公室关于公布县直部门2023年政府信息公开工作年度报告的通知';
    const lines = [notice, '各乡镇人民政府，县直各部门：', '某县某局2023年政府信息公开工作年度报告', '发布时间：2024-01-15'];
    expect(findTitle(lines, notice)?.at).toBe(2);
    // A notice alone is the page's one title (variants H36).
    expect(findTitle(lines.slice(0, 2), notice)?.at).toBe(0);
    // A report's title before the notice (a sidebar's) does not stand for it.
    expect(findTitle(['某县某局2022年政府信息公开工作年度报告', ...lines.slice(0, 2)], notice)?.at).toBe(1);
  });
});

/** Every text layout of test/fixtures/layouts reads to the values its sidecar says it was written with. */
describe.each(LAYOUT_NAMES)('text layout %s', (name) => {
  const fx = layoutFixture(name);
  const r = auditText(fx.text);
  if (!r.detected) throw new Error(`${name} not detected: ${r.reason}`);
  it('reads title, year, layout and the six sections', () => {
    expect(r.report.agency).toBe(fx.agency);
    expect(r.report.year).toBe(fx.year);
    expect(r.report.layout).toBe(fx.layout);
    expect(r.report.sections.map((s) => s.key)).toEqual(fx.sections);
  });
  it('reads every cell of the three tables into its own column', () => {
    const read = Object.fromEntries(
      (['t2', 't3', 't4'] as const).map((t) => [
        t,
        Object.fromEntries(
          Object.entries(r.report.tables[t]?.rows ?? {}).map(([row, cols]) => [
            row,
            Object.fromEntries(Object.entries(cols).map(([c, cell]) => [c, cell.value ?? cell.status])),
          ]),
        ),
      ]),
    );
    expect(read).toEqual(fx.tables);
  });
  it('says which values could not be placed, and finds nothing else wrong', () => {
    const unplaced = Object.entries(fx.unplaced);
    for (const [at, values] of unplaced) {
      const [t, row] = at.split('/') as ['t2' | 't3', string];
      expect(r.report.tables[t]!.notes).toContainEqual({ row, text: expect.stringContaining(`「${values.join(' ')}」`) });
      expect(r.findings).toContainEqual(
        expect.objectContaining({
          rule: 'row-cells-unplaced',
          message: expect.stringContaining(`「${values.join(' ')}」`),
          cells: expect.arrayContaining([{ table: t, row, column: expect.any(String) }]),
        }),
      );
    }
    expect(r.findings.filter((f) => f.rule === 'row-cells-unplaced')).toHaveLength(unplaced.length);
    // A row whose blank's column the identities tell: a missing-data warning at that cell that says so.
    for (const [at, column] of Object.entries(fx.deduced)) {
      const [t, row] = at.split('/') as ['t3' | 't4', string];
      expect(r.findings).toContainEqual(
        expect.objectContaining({
          rule: 'cell-missing',
          severity: 'warning',
          cells: expect.arrayContaining([{ table: t, row, column }]),
          message: expect.stringContaining('由勾稽关系推定'),
        }),
      );
    }
    // One warning per such row (not a missing-data error per cell), and nothing else wrong.
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('a word among the numbers', () => {
  const t2Rules = (line: string) => {
    const r = auditText(makeReport().replace('规章\t0\t0\t0', line));
    return r.detected ? r.report.tables.t2!.rows['rules'] : undefined;
  };
  it.each([['规章\t未统计\t0\t4'], ['| 规章 | 未统计 | 0 | 4 |'], ['规章 未统计 0 4'], ['规章 | 未统计 | 0 | 4 | |']])(
    '%s keeps 未统计 in its own column',
    (line) => {
      const row = t2Rules(line)!;
      expect([row.issued!.status, row.repealed!.value, row.in_force!.value]).toEqual(['invalid', 0, 4]);
    },
  );
  it.each([['规章 — 0 4'], ['规章 / 0 4'], ['规章 | — | 0 | 4 |'], ['规章\t/\t0\t4']])('%s keeps the dash in its own column, as an invalid cell', (line) => {
    const row = t2Rules(line)!;
    expect([row.issued!.status, row.issued!.value, row.repealed!.value, row.in_force!.value]).toEqual(['invalid', null, 0, 4]);
    const r = auditText(makeReport().replace('规章\t0\t0\t0', line));
    expect(r.detected && r.findings.filter((f) => f.rule === 'cell-invalid').map((f) => f.cells![0]!.column)).toEqual(['issued']);
    expect(r.detected && r.findings.filter((f) => f.rule === 'cell-missing')).toEqual([]);
  });
  it('a word in the first column of the t4 row', () => {
    const r = auditText(makeReport({ t4: ['未统计', 0, 0, 1, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0] }));
    const row = r.detected ? r.report.tables.t4!.rows['1']! : {};
    expect([row['review.upheld']?.status, row['review.pending']?.value, row['review.total']?.value]).toEqual(['invalid', 1, 2]);
    expect(r.detected && r.findings).toContainEqual(expect.objectContaining({ rule: 'cell-invalid', actual: '未统计' }));
  });
  it.each(['1234567890123456', '1e308', 'NaN', '12,34,5', 'Infinity', '0.1234567890123456'])('%s is no number', (raw) =>
    expect(readCell(raw).kind).toBe('text'),
  );
  it('999999999999999 (15 digits) is still a number', () => expect(readCell('999999999999999')).toEqual({ kind: 'number', value: 999999999999999 }));
});

describe('a label broken after its values', () => {
  it.each([
    ['tab rows', '2.其他法律行政法规禁\t3\t0\t0\t0\t0\t0\t3\n止公开'],
    ['bare pipes', '2.其他法律行政法规禁 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |\n止公开'],
  ])('%s: the rest of the label on the next line still finds the row', (_, broken) => {
    const t3 = cleanT3();
    t3['3.3.2'] = [3, 0, 0, 0, 0, 0, 3];
    t3['3.3.4'] = [0, 0, 0, 0, 0, 0, 0];
    t3['3.1'] = [3, 1, 0, 0, 0, 0, 4];
    t3['3.7'] = [9, 2, 0, 0, 0, 0, 11];
    const text = makeReport({ t3 }).replace('2.其他法律行政法规禁止公开\t3\t0\t0\t0\t0\t0\t3', broken);
    const r = auditText(text);
    expect(values(r, 't3', '3.3.2')).toEqual([3, 0, 0, 0, 0, 0, 3]);
    expect(values(r, 't3', '3.3.3')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(r.detected && r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

/**
 * PDF text of a narrow label column (pdftotext, pdfplumber, pypdf): a row's long label wrapped over lines, its values on
 * one of them, a piece of the merged group label beside it (「（六）其⏎他处理」). The values go to the row the lines spell.
 */
describe('a label wrapped over lines beside a group label', () => {
  const row = (values: number[]) => values.join(' ');
  const one = [1, 0, 0, 0, 0, 0, 1];
  const other = [0, 1, 0, 0, 0, 0, 1];
  const zeros = [0, 0, 0, 0, 0, 0, 0];
  /** The clean report with `moved` in rows `keys` (taken from 3.3.4 and 3.4.1, so every identity holds), those rows' lines replaced by `text`. */
  const wrapped = (keys: string[], moved: number[][], text: string) => {
    const t3 = cleanT3();
    t3['3.3.4'] = zeros;
    t3['3.4.1'] = [2, 0, 0, 0, 0, 0, 2];
    keys.forEach((k, i) => (t3[k] = moved[i]!));
    if (keys.length === 1) t3['3.4.1'] = [2, 1, 0, 0, 0, 0, 3];
    const report = makeReport({ t3 });
    const lines = report.split('\n');
    const at = lines.findIndex((l) => l.startsWith(T3_ROWS.find((r) => r.key === keys[0])!.label + '\t'));
    lines.splice(at, keys.length, text);
    return auditText(lines.join('\n'));
  };
  const errors = (r: ReturnType<typeof auditText>) => (r.detected ? r.findings.filter((f) => f.severity === 'error').map((f) => f.rule) : null);

  it('values on the first line, the rest of the label and the group piece on the next', () => {
    const r = wrapped(['3.3.6'], [one], `（三）不 6.属于四类过程 ${row(one)}\n予公开 性信息`);
    expect(values(r, 't3', '3.3.6')).toEqual(one);
    expect(values(r, 't3', '3.3.7')).toEqual(zeros);
    expect(errors(r)).toEqual([]);
  });

  it("values on the middle line, beside the group label's second piece", () => {
    const r = wrapped(['3.6.1'], [one], `（六）其 1.申请人无正当理由逾期不补\n他处理 正、行政机关不再处理其政府信 ${row(one)}\n息公开申请`);
    expect(values(r, 't3', '3.6.1')).toEqual(one);
    expect(values(r, 't3', '3.6.2')).toEqual(zeros);
    expect(errors(r)).toEqual([]);
  });

  it("values on the last line, the group label's pieces beside each line", () => {
    const r = wrapped(['3.3.6'], [one], `（三）不 6.属于四类过\n予公开 程性信息 ${row(one)}`);
    expect(values(r, 't3', '3.3.6')).toEqual(one);
    expect(errors(r)).toEqual([]);
  });

  it("a piece of 三、本年度办理结果 beside the values, the label's end before the next row's own", () => {
    const text = `6.属于四类过程\n年度办 ${row(one)}\n性信息\n理结果 7.属于行政执法案卷 ${row(other)}`;
    const r = wrapped(['3.3.6', '3.3.7'], [one, other], text);
    expect(values(r, 't3', '3.3.6')).toEqual(one);
    expect(values(r, 't3', '3.3.7')).toEqual(other);
    expect(errors(r)).toEqual([]);
  });

  it('control: two short rows one after the other, each beside a group piece, stay two rows', () => {
    const r = wrapped(['3.5.2', '3.5.3'], [one, other], `（五）不 2.重复申请 ${row(one)}\n予处理 3.要求提供公开出版物 ${row(other)}`);
    expect(values(r, 't3', '3.5.2')).toEqual(one);
    expect(values(r, 't3', '3.5.3')).toEqual(other);
    expect(errors(r)).toEqual([]);
  });

  describe("the table's last row, the end of its label on the line right under it", () => {
    const fees = (lines: string) => auditText(makeReport().replace('行政事业性收费\t1.25\t\t', lines));
    const amount = (r: ReturnType<typeof auditText>) => (r.detected ? r.report.tables.t2?.rows.fees?.amount?.value : undefined);
    const missing = (r: ReturnType<typeof auditText>) =>
      r.detected && r.findings.some((f) => f.rule === 'row-missing' && f.cells?.some((c) => c.row === 'fees'));
    it('「行政事业性 1.25⏎收费」 is the fees row', () => {
      const r = fees('行政事业性          1.25\n  收费');
      expect(amount(r)).toBe(1.25);
      expect(missing(r)).toBe(false);
    });
    it('control: a line that spells no label after it names no row', () => expect(missing(fees('行政事业性          1.25\n  收入'))).toBe(true));
    it('control: after an empty line the words are no part of the row', () => expect(missing(fees('行政事业性          1.25\n\n  收费'))).toBe(true));
  });

  it("control: lines that spell no row's label give their values to none", () => {
    const r = wrapped(['3.3.6'], [one], `（三）不 6.属于四类过\n予公开 程性文件 ${row(one)}`);
    expect(r.detected && r.findings.some((f) => f.rule === 'row-missing' && f.cells?.some((c) => c.row === '3.3.6'))).toBe(true);
  });
});

/** The same layouts as pages: a flipbook or converter page holding the text in a <pre>, or one <p> per line. */
describe.each(LAYOUT_NAMES)('text layout %s inside a web page', (name) => {
  const fx = layoutFixture(name);
  const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const numbers = (r: ReturnType<typeof auditDocument>) =>
    r.detected
      ? Object.fromEntries(
          (['t2', 't3', 't4'] as const).map((t) => [
            t,
            Object.fromEntries(
              Object.entries(r.report.tables[t]?.rows ?? {}).map(([row, cols]) => [
                row,
                Object.fromEntries(Object.entries(cols).map(([c, cell]) => [c, cell.value ?? cell.status])),
              ]),
            ),
          ]),
        )
      : r.reason;
  it('reads the same cells from a <pre>', () => {
    expect(numbers(auditDocument(doc(`<html><head><title>政府信息公开</title></head><body><pre>${escape(fx.text)}</pre></body></html>`)))).toEqual(fx.tables);
  });
  // HTML folds tabs into spaces: a tab-separated table is no <p> layout.
  it.skipIf(fx.text.includes('\t'))('reads the same cells from one <p> per line', () => {
    const body = fx.text
      .split('\n')
      .map((l) => `<p>${escape(l)}</p>`)
      .join('');
    expect(numbers(auditDocument(doc(`<html><head><title>政府信息公开</title></head><body>${body}</body></html>`)))).toEqual(fx.tables);
  });
});

describe('a table split at a page break', () => {
  const grid = (rows: string[][]): Grid => ({ kind: 'grid', rows: rows.map((r) => r.map((text) => ({ text }))) });
  const line = (text: string): Block => ({ kind: 'line', text });
  const first = grid([
    ['申请人情况', '', '', '', '', '', ''],
    ['一、本年新收政府信息公开申请数量', '4', '0', '0', '0', '0', '0', '4'],
  ]);
  const rest = grid([
    ['（七）总计', '4', '0', '0', '0', '0', '0', '4'],
    ['四、结转下年度继续办理', '0', '0', '0', '0', '0', '0', '0'],
  ]);
  it.each([
    ['— 4 —'],
    ['- 4 -'],
    ['第4页 共10页'],
    ['示范市测试局2023年政府信息公开工作年度报告（续）'],
    ['注：本表数据统计期限为2023年1月1日至2023年12月31日。'],
  ])('continues across %j', (between) => {
    expect(gridsByTable([first, line(between), rest]).t3).toEqual([first, rest]);
    // A page number may itself read as a row of values (「—|4|—」).
    expect(gridsByTable([first, grid([between.split(' ')]), rest]).t3).toEqual([first, rest]);
  });
  it('ends at prose or a section heading', () => {
    expect(gridsByTable([first, line('2023年，我局收到的申请均在法定期限内答复，未发生逾期答复的情况。'), rest]).t3).toEqual([first]);
    expect(gridsByTable([first, line('四、政府信息公开行政复议、行政诉讼情况'), rest]).t3).toEqual([first]);
  });
});

describe('layout', () => {
  const t2 = (...labels: string[]): Grid => ({ kind: 'grid', rows: [labels.map((text) => ({ text }))] });
  it('is 2021 when t2 has the 2021 columns, even with a 2019 row left over (政府集中采购)', () => {
    expect(layoutsOf({ t2: [t2('信息内容', '本年制发件数', '本年废止件数', '现行有效件数'), t2('政府集中采购', '356.8')], t3: [], t4: [] }).report).toBe(
      '2021',
    );
  });
  it('is 2019 by the 2019 columns, or by a 2019 row when nothing says 2021', () => {
    expect(layoutsOf({ t2: [t2('信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量')], t3: [], t4: [] }).report).toBe('2019');
    expect(layoutsOf({ t2: [t2('政府集中采购', '356.8')], t3: [], t4: [] }).report).toBe('2019');
  });
  it('is each table’s own when a report kept one table of the 2019 template (the report is then 2019)', () => {
    const t3of2021 = t2('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '1', '0', '0', '0', '0', '0', '1');
    expect(layoutsOf({ t2: [t2('信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量')], t3: [t3of2021], t4: [] })).toEqual({
      report: '2019',
      t2: '2019',
      t3: '2021',
    });
  });
  // A tree's path joined into one label with no separator (variants P25): 其他处理 before 「3.其他」 is the group's, not 2019's one row.
  it('reads a group joined to its item by the item (「（六）其他处理3.其他」 is 3.6.3, not 2019’s 其他处理)', () => {
    const row = (label: string) => t2(label, '1', '0', '0', '0', '0', '1', '2');
    expect(layoutsOf({ t2: [], t3: [{ kind: 'grid', rows: [row('三、本年度办理结果（六）其他处理3.其他').rows[0]!] }], t4: [] }).t3).toBe('2021');
    // The control: the group alone is 2019's row.
    expect(layoutsOf({ t2: [], t3: [{ kind: 'grid', rows: [row('三、本年度办理结果（六）其他处理').rows[0]!] }], t4: [] }).t3).toBe('2019');
  });
});

describe('t2’s decisions turned into columns', () => {
  const page = readFileSync(join(FIXTURES, 'variants', 'G12-t2-decisions-transposed-one-row.html'), 'utf8');
  const decisions = (html: string) => {
    const r = auditDocument(doc(html));
    if (!r.detected) throw new Error(r.reason);
    return (['licensing', 'penalty', 'coercion'] as const).map((k) => r.report.tables.t2?.rows[k]?.decisions?.value ?? null);
  };

  it('reads a row naming them over a row of their values (the variants model: 1234, 56, 7)', () => expect(decisions(page)).toEqual([1234, 56, 7]));

  it('reads two of them so, and leaves the third missing', () => {
    const two = page.replace('<td>行政处罚</td><td>行政强制</td>', '<td colspan="2">行政处罚</td>').replace('<td>56</td><td>7</td>', '<td colspan="2">56</td>');
    expect(decisions(two)).toEqual([1234, 56, null]);
  });
});

describe('a text row whose label spans empty cells', () => {
  // Each t3 row as a tab or pipe copy of the template prints it: the label, two empty cells it spans, seven values.
  const spanned = (text: string, sep: 'tab' | 'pipe') =>
    text
      .split('\n')
      .map((line) => {
        const cells = line.split('\t');
        if (cells.length !== 8) return line;
        const row = [cells[0]!, '', '', ...cells.slice(1)];
        return sep === 'tab' ? row.join('\t') : `| ${row.join(' | ')} |`;
      })
      .join('\n');

  it.each(['tab', 'pipe'] as const)('keeps a blank last value in its column, where the full rows put their values (%s)', (sep) => {
    const clean = auditText(spanned(makeReport(), sep));
    expect(clean.detected && clean.findings).toEqual([]);
    const t3 = cleanT3();
    t3['1'] = [...t3['1']!.slice(0, 6), ''];
    const r = auditText(spanned(makeReport({ t3 }), sep));
    expect(values(r, 't3', '1')).toEqual([...cleanT3()['1']!.slice(0, 6), 'blank']);
    expect(r.detected && r.findings.map((f) => `${f.rule} ${f.cells?.map((c) => `${c.row}/${c.column}`).join(' ')}`)).toEqual(['cell-missing 1/total']);
  });

  it('places a blank first value where the rows with their label in the same place put theirs, not where most rows do (recall round 5, seed 004)', () => {
    // Rows 一/二/四 as seed 004's pipes print them: the label, one empty cell, seven values, one empty cell; the other
    // rows (most of them) have their label in the third cell, their values one cell further right.
    const shaped = (text: string) =>
      text
        .split('\n')
        .map((line) => {
          const cells = line.split('\t');
          if (cells.length !== 8) return line;
          const row = /^[一二四]、/.test(cells[0]!) ? [cells[0]!, '', ...cells.slice(1), ''] : ['', '', cells[0]!, ...cells.slice(1)];
          return `| ${row.join(' | ')} |`;
        })
        .join('\n');
    const clean = auditText(shaped(makeReport()));
    expect(clean.detected && clean.findings).toEqual([]);
    const t3 = cleanT3();
    t3['1'] = ['', ...t3['1']!.slice(1)];
    const r = auditText(shaped(makeReport({ t3 })));
    expect(values(r, 't3', '1')).toEqual(['blank', ...cleanT3()['1']!.slice(1)]);
  });
});

describe('a table of figures in section 一 (hunt 11)', () => {
  const page = (rows: string) =>
    readFileSync(join(FIXTURES, 'prose', 'z025-s1-two-col-table.html'), 'utf-8').replace(/<table class="s1-figures">[\s\S]*?<\/table>/, rows);
  const audited = (html: string) => auditDocument(doc(html));
  const figures53 = () =>
    '<table><tr><td>项目</td><td>数量（件）</td></tr><tr><td>1</td><td>本年新收申请</td><td>53</td></tr><tr><td>2</td><td>上年结转申请</td><td>4</td></tr><tr><td>3</td><td>结转下年度</td><td>3</td></tr></table>';
  it('is not read as rows of table 3, but as the sentences its rows say', () => {
    const figures = (n: number) =>
      `<table><tr><td>项目</td><td>数量（件）</td></tr><tr><td>1</td><td>本年新收申请</td><td>${n}</td></tr><tr><td>2</td><td>上年结转申请</td><td>4</td></tr><tr><td>3</td><td>结转下年度</td><td>3</td></tr></table>`;
    const clean = audited(page(figures(53)));
    expect(clean.detected && clean.findings).toEqual([]);
    const wrong = audited(page(figures(55)));
    expect(wrong.detected && wrong.findings.map((f) => [f.rule, f.actual])).toEqual([['prose-applications', 55]]);
  });
  it('reads no row of two values (two years side by side) as a sentence', () => {
    const years = `<table><tr><td>项目</td><td>2023年</td><td>2022年</td></tr><tr><td>本年新收申请</td><td>53件</td><td>41件</td></tr></table>`;
    const r = audited(page(years));
    expect(r.detected && r.findings).toEqual([]);
  });
  it('reads no line above the report’s title as its prose: a sidebar of links before it (variants V32, EV32b)', () => {
    const sidebar =
      '<ul class="side"><li><a href="/a.html">第一季度行政复议案件12件统计</a></li><li><a href="/b.html">全县各单位共收到申请1,234件</a></li></ul>';
    const before = audited(page(figures53()).replace('<h1>', `${sidebar}<h1>`));
    expect(before.detected && before.findings).toEqual([]);
    // Control: the same words under the title, in the report's prose, are its claims.
    const under = audited(page(figures53()).replace('</h1>', `</h1><p>全年共收到政府信息公开申请1234件。</p>`));
    expect(under.detected && under.findings.map((f) => f.rule)).toEqual(['prose-applications']);
  });
  it('leaves tables 2 and 3 read as theirs where their headings are missing (the grids then under section 一)', () => {
    const headless = page('').replace(/<h2>[二三]、[^<]*<\/h2>/g, '');
    const r = audited(headless);
    expect(r.detected && values(r, 't3', '1')).toEqual([40, 6, 1, 2, 3, 1, 53]);
    expect(r.detected && r.report.tables.t2?.rows['licensing']).toBeTruthy();
  });
});
