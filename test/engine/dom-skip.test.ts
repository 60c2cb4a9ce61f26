import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { domToBlocks } from '@/lib/engine/source/dom';
import { parseLightDocument } from '@/lib/engine/source/light-dom';
import { FIXTURES } from '../helpers/fixtures';
import { auditedHtml } from '../helpers/rules';

const TABLE = '<table><tr><td>本年新收政府信息公开申请数量</td><td>12</td></tr></table>';

function grids(html: string, skip?: (el: Element) => boolean) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return { document, blocks: domToBlocks(document.body, skip).filter((b) => b.kind === 'grid') };
}

describe('what the DOM reader skips', () => {
  it('reads a table inside a page element that borrows the overlay host tag name', () => {
    expect(grids(`<report-audit-overlay>${TABLE}</report-audit-overlay>`).blocks).toHaveLength(1);
  });

  it('skips exactly the element the caller recognises by reference', () => {
    const { document } = parseHTML(`<!doctype html><html><body><div id="ours">${TABLE}</div><div>${TABLE}</div></body></html>`);
    const ours = document.getElementById('ours')!;
    expect(domToBlocks(document.body, (el) => el === ours).filter((b) => b.kind === 'grid')).toHaveLength(1);
    expect(domToBlocks(document.body).filter((b) => b.kind === 'grid')).toHaveLength(2);
  });
});

describe('a review comment written inline (LibreOffice’s XHTML export)', () => {
  const comment =
    "<span class=\"annotation_style_by_filter\"><br/>[ANNOTATION:<br/><br/><span>BY '办公室'</span><br/><span>ON '2024-01-18T09:00:00'</span><br/><span>NOTE: '2022年为48件'</span>]</span>";
  const read = (html: string) =>
    domToBlocks(parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body).flatMap((b) =>
      b.kind === 'line' ? [b.text] : b.rows.map((r) => r.map((c) => c.text).join('|')),
    );
  it('is left out of the cell and the paragraph it annotates', () => {
    expect(read(`<table><tr><td>本年新收政府信息公开申请数量</td><td>${comment}53</td></tr></table><p>${comment}我局共收到申请53件。</p>`)).toEqual([
      '本年新收政府信息公开申请数量|53',
      '我局共收到申请53件。',
    ]);
  });
  it('is known by its opening only: a bracket in the report’s own text stays', () => {
    expect(
      read('<table><tr><td>本年新收政府信息公开申请数量</td><td><span>[注1]</span>53</td></tr></table><p><span>[ANNOTATION 见附件]</span>共53件。</p>'),
    ).toEqual(['本年新收政府信息公开申请数量|[注1]53', '[ANNOTATION 见附件]共53件。']);
  });
});

describe('text a browser shows as it is written', () => {
  const text = '三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量    40    6    1    2    3    1    53';
  const lines = (html: string) => {
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    return domToBlocks(document.body).flatMap((b) => (b.kind === 'line' ? [b.text] : b.rows.map((r) => r.map((c) => c.text).join('|'))));
  };
  it('keeps the lines of <xmp> and <listing> as of <pre>', () => {
    for (const tag of ['pre', 'xmp', 'listing']) expect(lines(`<${tag}>${text}</${tag}>`)).toEqual(lines(`<pre>${text}</pre>`));
    expect(lines(`<pre>${text}</pre>`).length).toBeGreaterThan(1);
  });
  it('reads a read-only text box as its lines, and never a writable one (a form’s field)', () => {
    expect(lines(`<textarea readonly>${text}</textarea>`)).toEqual(lines(`<pre>${text}</pre>`));
    expect(lines(`<textarea disabled>${text}</textarea>`)).toEqual(lines(`<pre>${text}</pre>`));
    expect(lines(`<textarea>${text}</textarea>`)).toEqual([]);
  });
  it('reads a <select> in a cell as the option it shows (variants X20), never its other options nor one outside a cell', () => {
    const row = (value: string) => lines(`<table><tr><td>3.其他</td><td>${value}</td></tr></table>`);
    expect(row('<select disabled><option>0</option><option selected>53</option><option>54</option></select>')).toEqual(['3.其他|53']);
    // None selected: a single box shows its first option.
    expect(row('<select><option>7</option><option>8</option></select>')).toEqual(['3.其他|7']);
    expect(lines('<p>类型<select><option>自然人</option><option>法人</option></select></p>')).toEqual(['类型']);
  });
  it('leaves out a <dialog> that is not open (variants X26: last year’s report in one), never an open one', () => {
    expect(lines('<dialog id="d"><p>2022年报告</p></dialog><dialog open><p>2023年报告</p></dialog>')).toEqual(['2023年报告']);
  });
  it('leaves out a popover (variants L20: last year’s figures behind a 「查看上年数据」 button), a saved page opens none', () => {
    expect(lines('<p>2023年报告</p><div id="pop" popover><p>2022年报告</p></div><div popover="manual">上年53件</div>')).toEqual(['2023年报告']);
    // Control: an element that only names a popover (its button) is shown.
    expect(lines('<button popovertarget="pop">查看上年数据</button><p popovertarget="x">2023年报告</p>')).toEqual(['2023年报告']);
  });
  it('reads a count drawn as a button in a cell as its value (variants L18: an admin UI’s drill-down links), no other button', () => {
    const row = (value: string) => lines(`<table><tr><td>（一）予以公开</td><td>${value}</td></tr></table>`);
    expect(row('<button type="button" class="el-button is-link"><span>22</span></button>')).toEqual(['（一）予以公开|22']);
    expect(row('<div class="cell"><button>12.5</button></div>')).toEqual(['（一）予以公开|12.5']);
    // Controls: a button's words in a cell, and page numbers outside any cell (a pager).
    expect(row('22<button>查看</button>')).toEqual(['（一）予以公开|22']);
    expect(lines('<p>共3页</p><div class="pager"><button>1</button><button>2</button></div>')).toEqual(['共3页']);
  });
  it('lays out an element with a row’s ARIA role as a line, whatever its tag (Angular Material’s <mat-row>, variants X05)', () => {
    const table = (row: string, cell: string) =>
      lines(
        `<mat-table role="table"><${row} role="row"><${cell} role="cell">3.其他</${cell}><${cell} role="cell">1</${cell}></${row}><${row} role="row"><${cell} role="cell">（七）总计</${cell}><${cell} role="cell">54</${cell}></${row}></mat-table>`,
      );
    expect(table('mat-row', 'mat-cell')).toEqual(table('div', 'span'));
    expect(table('mat-row', 'mat-cell')).toHaveLength(2);
  });
  it('reads a <div role="cell"> of text as a cell of its row’s line, however long its label (variants P26: el-table-v2’s joined paths)', () => {
    const label = '三、本年度办理结果（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请';
    const row = (cell: string, text: string) =>
      lines(`<div role="table"><div role="row"><${cell} role="cell">${text}</${cell}><${cell} role="cell">1</${cell}></div></div>`);
    expect(row('div', label)).toEqual(row('span', label));
    expect(row('div', label)).toHaveLength(1);
    // The control: a cell of paragraphs keeps its lines.
    expect(lines('<div role="row"><div role="cell"><p>3.其他</p><p>（注）</p></div></div>')).toEqual(['3.其他', '（注）']);
  });
  it('leaves a footnote mark in <sub> out of a cell, as one in <sup>', () => {
    const cell = (mark: string) => lines(`<table><tr><td>3.其他${mark}</td><td>1</td></tr></table>`);
    expect(cell('<sub>b</sub>')).toEqual(['3.其他|1']);
    expect(cell('<sup>b</sup>')).toEqual(['3.其他|1']);
  });
  it('reads a value raised or lowered whole by a slip of the editor (variants W07): a mark only follows text', () => {
    const row = (value: string) => lines(`<table><tr><td>3.其他</td><td>${value}</td></tr></table>`);
    expect(row('<sup>53</sup>')).toEqual(['3.其他|53']);
    expect(row('<span> <sub>6</sub></span>')).toEqual(['3.其他|6']);
    expect(row('53<sup>1</sup>')).toEqual(['3.其他|53']);
  });
  it('leaves out a run of text a style makes invisible (anti-copy noise, variants W25), never an element that holds others', () => {
    const row = (value: string) => lines(`<table><tr><td>3.其他</td><td>${value}</td></tr></table>`);
    expect(row('5<font style="font-size:0px;color:#FFF">7</font>3')).toEqual(['3.其他|53']);
    expect(row('5<span style="color:transparent;font-size:1px">版权</span>3')).toEqual(['3.其他|53']);
    expect(row('5<span style="visibility:hidden;position:absolute">x</span>3')).toEqual(['3.其他|53']);
    // Controls: the inline-block gap trick (a container of size 0 whose children set their own), a transparent background,
    // and a cell whose own style is invisible text (it keeps its place in the row).
    expect(row('<div style="font-size:0"><span style="font-size:14px">53</span></div>')).toEqual(['3.其他|53']);
    expect(row('<span style="background-color:transparent">53</span>')).toEqual(['3.其他|53']);
    expect(row('<span style="font-size:0.5em">53</span>')).toEqual(['3.其他|53']);
    expect(lines('<table><tr><td style="visibility:hidden">3.其他</td><td>1</td></tr></table>')).toEqual(['3.其他|1']);
    expect(lines('<p>共收到申请5<font style="font-size:0">8</font>3件。</p>')).toEqual(['共收到申请53件。']);
  });
  it("reads a mini-program's view components in its H5 build as blocks (uni-app's <uni-view>, Taro's <taro-view-core>: variants Z06, Z07)", () => {
    expect(
      lines('<uni-view><uni-text><span>示范县交通运输局2023年政府信息公开工作年度报告</span></uni-text></uni-view><uni-view>发布时间：2024-01-20</uni-view>'),
    ).toEqual(['示范县交通运输局2023年政府信息公开工作年度报告', '发布时间：2024-01-20']);
    expect(lines('<taro-view-core><taro-text-core>返回</taro-text-core></taro-view-core><taro-view-core>示范县交通运输局</taro-view-core>')).toEqual([
      '返回',
      '示范县交通运输局',
    ]);
    // Control: their text components are inline, as a <span> is.
    expect(lines('<p><uni-text>发布时间：</uni-text><uni-text>2024-01-20</uni-text></p>')).toEqual(['发布时间：2024-01-20']);
  });
  it('reads the value of a text box shown read-only as text of the page (a layui form under 「发布日期」, variants EZ08)', () => {
    expect(lines('<div><label>发布日期</label><div><input type="text" readonly class="layui-input" value="2024-02-05"></div></div>')).toEqual([
      '发布日期',
      '2024-02-05',
    ]);
    expect(lines('<p>发布日期：<input disabled value="2024-02-05"></p>')).toEqual(['发布日期： 2024-02-05']);
    // Controls: a box one may type in (a search box's default words), a hidden field, a button.
    expect(lines('<p>搜索<input type="text" value="请输入关键词"></p>')).toEqual(['搜索']);
    expect(lines('<p>日期<input type="hidden" readonly value="2024-02-05"><input type="button" disabled value="打印"></p>')).toEqual(['日期']);
  });
  it("leaves out a translation extension's copies (沉浸式翻译's English after each label and paragraph, variants Z02)", () => {
    const copy = (t: string) =>
      `<font class="notranslate immersive-translate-target-wrapper" lang="en" data-immersive-translate-translation-element-mark="1"><font> </font><font>${t}</font></font>`;
    expect(lines(`<table><tr><td>3.其他${copy('3. Other')}</td><td>1</td></tr></table>`)).toEqual(['3.其他|1']);
    expect(lines(`<p>共收到申请53件。${copy('received 52 applications')}</p>`)).toEqual(['共收到申请53件。']);
    // Control: the page's own English (a 中英文对照 report) is its text.
    expect(lines('<table><tr><td>3.其他 <font lang="en">Other</font></td><td>1</td></tr></table>')).toEqual(['3.其他 Other|1']);
  });
  it('leaves out text for screen readers only, clipped to no area or placed far off the screen (variants Z04)', () => {
    const row = (value: string) => lines(`<table><tr><td>3.其他</td><td>${value}</td></tr></table>`);
    expect(row('<span aria-hidden="true">40</span><span style="position:absolute;left:-9999px;">40件</span>')).toEqual(['3.其他|40']);
    expect(row('<span style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)">3.其他，自然人：</span>40')).toEqual(['3.其他|40']);
    expect(row('<span style="clip-path: inset(50%); position: absolute">3.其他：</span>40')).toEqual(['3.其他|40']);
    expect(row('<span style="position:fixed;top:-10000px">4</span>40')).toEqual(['3.其他|40']);
    // Controls: a badge nudged a little, an element far left but not taken out of the flow, a clip of some area, and a block of
    // such a style (it holds elements: only a run of text is left out).
    expect(row('40<span style="position:absolute;left:-12px">*</span>')).toEqual(['3.其他|40*']);
    expect(row('<span style="left:-9999px">40</span>')).toEqual(['3.其他|40']);
    expect(row('<span style="position:absolute;clip:rect(0,20px,20px,0)">40</span>')).toEqual(['3.其他|40']);
    expect(row('<div style="position:absolute;left:-9999px"><span>40</span></div>')).toEqual(['3.其他|40']);
  });
  it('leaves out text struck through, a deletion beside its correction (Word with changes tracked; recall round 10)', () => {
    const row = (value: string) => lines(`<table><tr><td>（一）予以公开</td><td>${value}</td></tr></table>`);
    expect(row('<span class=msoDel><del cite="mailto:user" datetime="2024-01-18T10:02">15</del></span><span class=msoIns><ins>16</ins></span>')).toEqual([
      '（一）予以公开|16',
    ]);
    expect(row('<s>15</s> 16')).toEqual(['（一）予以公开|16']);
    expect(row('<strike>15</strike>16')).toEqual(['（一）予以公开|16']);
    expect(row('<span style="text-decoration: line-through">15</span> 16')).toEqual(['（一）予以公开|16']);
    expect(lines('<p>共收到申请<del>54</del>53件。</p>')).toEqual(['共收到申请53件。']);
    // Controls: inserted and underlined text stays, and a style that only names other decorations.
    expect(row('<ins>16</ins>')).toEqual(['（一）予以公开|16']);
    expect(row('<u>16</u>')).toEqual(['（一）予以公开|16']);
    expect(row('<span style="text-decoration:underline">16</span>')).toEqual(['（一）予以公开|16']);
  });
  it("leaves out a note number linked within the page after a cell's text (LibreOffice XHTML, variants U54), and keeps a linked value", () => {
    const row = (label: string, value: string) => lines(`<table><tr><td>${label}</td><td>${value}</td></tr></table>`);
    expect(row('3.其他<span class="Footnote_20_anchor"><a href="#ftn5" id="body_ftn5">3</a></span>', '1')).toEqual(['3.其他|1']);
    expect(row('3.其他', '12<a href="#ftn6">[2]</a>')).toEqual(['3.其他|12']);
    // Controls: a value that is a link, and a number linked to another page, are the cell's text.
    expect(row('3.其他', '<a href="#detail">1</a>')).toEqual(['3.其他|1']);
    expect(row('3.其他<a href="/notes.html">3</a>', '1')).toEqual(['3.其他3|1']);
  });
});

describe('parts of the article a script pager hides', () => {
  const baseline = readFileSync(join(FIXTURES, 'variants', 'A00-baseline-semantic.html'), 'utf8');
  const sixth = '<h2>六、其他需要报告的事项</h2>\n<p>2023年度我局未收取信息处理费。</p>';
  const missing = (html: string) =>
    auditedHtml(html)
      .findings.filter((f) => f.rule === 'section-missing')
      .map((f) => f.section);

  it('are read when the shown part lacks sections the hidden ones hold', () => {
    expect(missing(baseline.replace(sixth, `<div class="page" style="display:none">${sixth}</div>`))).toEqual([]);
  });

  it('are not, when what is hidden completes nothing: a missing section is still missing', () => {
    expect(missing(baseline.replace(sixth, '<div style="display:none"><p>手机版菜单</p></div>'))).toEqual(['s6']);
  });
});

describe('table rows a script pager hides (variants Y35, Z80–Z83)', () => {
  const rows = (html: string) =>
    grids(`<table>${html}</table>`).blocks.flatMap((b) => (b.kind === 'grid' ? b.rows.map((r) => r.map((c) => c.text).join('|')) : []));
  const tr = (label: string, value: number, attrs = '') => `<tr${attrs}><td>${label}</td><td>${value}</td></tr>`;
  const shown = tr('（一）予以公开', 22) + tr('（二）部分公开', 7);
  const page2 =
    tr('1.属于国家秘密', 0, ' style="display:none"') + tr('2.其他法律行政法规禁止公开', 1, ' style="display:none"') + tr('3.危及“三安全一稳定”', 0, ' hidden');

  it('are read when none repeats the label of a shown row: the pager’s other pages', () => {
    expect(rows(shown + page2)).toEqual([
      '（一）予以公开|22',
      '（二）部分公开|7',
      '1.属于国家秘密|0',
      '2.其他法律行政法规禁止公开|1',
      '3.危及“三安全一稳定”|0',
    ]);
  });

  it('are not, when one repeats a shown label (a stale copy beside the current row), or when fewer than three hold text', () => {
    const stale = tr('（一）予以公开', 23, ' style="display:none"');
    expect(rows(shown + page2 + stale)).toEqual(['（一）予以公开|22', '（二）部分公开|7']);
    expect(rows(shown + tr('其中：网上申请', 30, ' style="display:none"') + tr('其中：信函申请', 2, ' style="display:none"'))).toEqual([
      '（一）予以公开|22',
      '（二）部分公开|7',
    ]);
    // Excel's hidden rows of empty cells count for nothing and stay out.
    const empty = '<tr style="display:none"><td> </td><td></td></tr>';
    expect(rows(shown + empty + empty + empty + tr('其中：网上申请', 30, ' style="display:none"'))).toEqual(['（一）予以公开|22', '（二）部分公开|7']);
  });
});

describe('markup around a cell’s value (variants S24, S32)', () => {
  const texts = (html: string) => {
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    return domToBlocks(document.body).map((b) => (b.kind === 'line' ? b.text : b.rows.map((r) => r.map((c) => c.text).join('|')).join('/')));
  };
  it('leaves out a ruby’s annotation and its fallback brackets (pinyin over 规章)', () => {
    expect(texts('<h2><ruby>规<rp>(</rp><rt>guī</rt><rp>)</rp></ruby><ruby>章<rt>zhāng</rt></ruby></h2>')).toEqual(['规章']);
  });
  it('reads a one-cell table around a value as the value of its cell, and a table holding a table of several cells as a layout table', () => {
    const box = (v: string) => `<table><tr><td align="center">${v}</td></tr></table>`;
    expect(texts(`<table><tr><td>规章</td><td>${box('1')}</td><td>${box('0')}</td></tr></table>`)).toEqual(['规章|1|0']);
    expect(texts(`<table><tr><td><p>一、总体情况</p><table><tr><td>规章</td><td>1</td></tr></table></td></tr></table>`)).toEqual(['一、总体情况', '规章|1']);
  });
});

describe('a table’s row groups in the order a browser draws them (variants O15)', () => {
  const rows = (html: string, light = false) => {
    const body = light
      ? parseLightDocument(`<html><body>${html}</body></html>`).documentElement
      : parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body;
    return domToBlocks(body).flatMap((b) => (b.kind === 'grid' ? b.rows.map((r) => r.map((c) => c.text).join('|')) : []));
  };
  it('reads the first <thead> on top and the first <tfoot> at the bottom wherever the markup writes them', () => {
    const page =
      '<table><tfoot><tr><td>总计</td><td>3</td></tr></tfoot><tbody><tr><td>甲</td><td>1</td></tr><tr><td>乙</td><td>2</td></tr></tbody><thead><tr><td>项目</td><td>件数</td></tr></thead></table>';
    for (const light of [false, true]) expect(rows(page, light)).toEqual(['项目|件数', '甲|1', '乙|2', '总计|3']);
  });
  it('leaves a second <thead> where it is (a header reprinted mid-table), and a table without groups as written', () => {
    const page =
      '<table><thead><tr><td>项目</td><td>件数</td></tr></thead><tbody><tr><td>甲</td><td>1</td></tr></tbody><thead><tr><td>项目</td><td>件数</td></tr></thead><tbody><tr><td>乙</td><td>2</td></tr></tbody></table>';
    expect(rows(page)).toEqual(['项目|件数', '甲|1', '项目|件数', '乙|2']);
    expect(rows('<table><tr><td>乙</td><td>2</td></tr><tr><td>甲</td><td>1</td></tr></table>')).toEqual(['乙|2', '甲|1']);
  });
});

describe('a declarative shadow root (variants Q11)', () => {
  const lines = (html: string) =>
    domToBlocks(parseLightDocument(`<!doctype html><html><body>${html}</body></html>`).body as unknown as Element).flatMap((b) =>
      b.kind === 'line' ? [b.text] : b.rows.map((r) => r.map((c) => c.text).join('|')),
    );
  const root = (mode: string, host = 'article-viewer') =>
    `<${host}><template shadowrootmode="${mode}"><p>二、主动公开政府信息情况</p></template><p>宿主</p></${host}>`;

  it('is read in place when open on a custom element, as a browser shows it and the page tree writes it', () => {
    expect(lines(root('open'))).toEqual(['二、主动公开政府信息情况', '宿主']);
  });

  it('is not when closed (no script reaches it), on another host (the page tree asks custom elements only), or a template of another kind', () => {
    expect(lines(root('closed'))).toEqual(['宿主']);
    expect(lines(root('open', 'div'))).toEqual(['宿主']);
    // SingleFile's own attribute, restored by its script; a web component's sample content (variants Y20).
    expect(lines('<share-bar><template shadowmode="open"><p>微信</p></template><p>宿主</p></share-bar>')).toEqual(['宿主']);
    expect(lines('<gov-table><template><p>示例</p></template><p>宿主</p></gov-table>')).toEqual(['宿主']);
  });
});
