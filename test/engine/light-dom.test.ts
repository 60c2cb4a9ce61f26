/**
 * The CLI's light DOM (source/light-dom.ts) against linkedom, the DOM every other engine test runs
 * on: over every HTML page in the repository (fixtures, layout pages, the test portal's pages,
 * the Word fixtures' HTML) the engine must read the same report, the same findings pointing at the
 * same elements, the same list links and dates. Then what it does where linkedom is not a browser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditDocument } from '../../lib/engine/audit';
import { domPrefix } from '../../lib/engine/detect';
import { attachmentLinks, nextPage, reportLinks } from '../../lib/engine/list';
import { metaPublished } from '../../lib/engine/parse/meta';
import { docxToHtml } from '../../lib/engine/source/docx';
import { readDom } from '../../lib/engine/source/dom';
import { parseLightDocument, parseLightDom } from '../../lib/engine/source/light-dom';
import { PAGES } from '../portal/pages';
import { FIXTURES, htmlDoc } from '../helpers/fixtures';

const filesIn = (dir: string, ext: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => join(dir, f));

const PAGE_SOURCES: [string, () => string][] = [
  ...filesIn(join(FIXTURES, 'html'), '.html').map((p): [string, () => string] => [p, () => readFileSync(p, 'utf8')]),
  ...filesIn(join(FIXTURES, 'layouts', 'pages'), '.html').map((p): [string, () => string] => [p, () => readFileSync(p, 'utf8')]),
  ...filesIn(join(FIXTURES, 'variants'), '.html').map((p): [string, () => string] => [p, () => readFileSync(p, 'utf8')]),
  ...Object.entries(PAGES).map(([path, page]): [string, () => string] => [`portal ${path}`, page]),
];

/** Paths found, by element: a page nested 10 000 deep (probes J23) has many blocks at the bottom. */
const paths = new WeakMap<object, string>();

/** Children's indexes, by parent: a page of 5 000 tables side by side (probes J26) would list them once for each. */
const indexes = new WeakMap<object, Map<Element, number>>();
function indexIn(parent: Element, child: Element): number {
  let known = indexes.get(parent);
  if (!known) indexes.set(parent, (known = new Map(Array.from(parent.children).map((c, i) => [c, i]))));
  return known.get(child) ?? -1;
}

/** An element as its place in the page (element indexes from the root): comparable across two DOMs. */
function pathOf(el: unknown): string {
  const e = el as Element | null;
  if (!e || e.nodeType !== 1) return '';
  const known = paths.get(e);
  if (known !== undefined) return known;
  // Ancestors first, from the root down, so that no walk up is repeated (nor recursion as deep as the page).
  const chain: Element[] = [];
  for (let a: Element | null = e; a && a.nodeType === 1 && !paths.has(a); a = a.parentNode as Element | null) chain.push(a);
  for (const a of chain.reverse()) {
    const parent = a.parentNode as Element | null;
    const index = parent && parent.nodeType === 1 ? indexIn(parent, a) : 0;
    const above = parent && parent.nodeType === 1 ? paths.get(parent)! : '';
    paths.set(a, `${above ? `${above}/` : ''}${a.tagName.toUpperCase()}[${index}]`);
  }
  return paths.get(e)!;
}

/** Everything the engine derives from a page, with elements replaced by their places. */
function readingOf(doc: Document, url = 'https://example.gov.cn/a/b.html') {
  const root = doc.body ?? doc.documentElement;
  const plain = (v: unknown) =>
    JSON.parse(
      // `this[key]`, not `value`: linkedom's elements have a toJSON that runs first.
      JSON.stringify(v, function (this: Record<string, unknown>, key, value: unknown) {
        const raw = this[key];
        if (key === 'el' || key === 'images')
          return Array.isArray(raw) ? raw.map(pathOf) : raw && typeof raw === 'object' && 'nodeType' in raw ? pathOf(raw) : value;
        return value;
      }),
    ) as unknown;
  const read = readDom(root);
  return {
    title: doc.title,
    prefix: domPrefix(doc),
    blocks: plain(read.blocks),
    images: read.images.map((i) => [pathOf(i.el), i.pos]),
    truncated: read.truncated,
    audit: plain(auditDocument(doc, { url })),
    meta: metaPublished(doc),
    reportLinks: reportLinks(doc, url),
    nextPage: nextPage(doc, url),
    attachments: attachmentLinks(doc, url),
  };
}

/** Pages where linkedom is not a browser, and the light DOM does what a browser does (tested below). */
const LINKEDOM_DIFFERS: Record<string, string> = {
  'H05-script-noscript-in-article.html': 'linkedom reads the text of a <noscript> in a paragraph; a browser running scripts shows none',
  'H07-uppercase-unclosed-cells.html': 'linkedom nests a cell in the open <font> of the cell before it',
  'H07b-td-p-unclosed.html': 'linkedom nests a cell in the open <p> of the cell before it',
  'S40-noscript-copy-of-article.html': 'linkedom counts the text of a <noscript> copy of the article; a browser running scripts shows none',
  'ES40-noscript-copy-t3-error.html': 'linkedom counts the text of a <noscript> copy of the article; a browser running scripts shows none',
  'G66-template-element-stale.html': 'linkedom counts the content of a <template> in the page’s text; a browser keeps it apart',
  'Q15-font-center-soup.html': 'linkedom nests a cell in the open <font> of the cell before it',
  'EQ15-font-center-soup-t4-error.html': 'linkedom nests a cell in the open <font> of the cell before it',
  'Q11-declarative-shadow-dom.html': 'linkedom counts the content of a <template> in the page’s text; a browser makes it a shadow root',
  'T02-singlefile-inlined.html':
    'linkedom closes <head> and <body> at SingleFile’s comment after <html> and puts the page after them; a browser implies <head> for its <meta> and <title>',
  'ET02-singlefile-late.html':
    'linkedom closes <head> and <body> at SingleFile’s comment after <html> and puts the page after them; a browser implies <head> for its <meta> and <title>',
  'ET02b-singlefile-t4-error.html':
    'linkedom closes <head> and <body> at SingleFile’s comment after <html> and puts the page after them; a browser implies <head> for its <meta> and <title>',
  'M11-span-attrs-uppercase.html': 'linkedom keeps an attribute name’s case (COLSPAN); a browser’s parser lowers it, as the light DOM does',
  'M17-wangeditor5-camelcase-spans.html': 'linkedom keeps an attribute name’s case (colSpan); a browser’s parser lowers it, as the light DOM does',
  'tabbed.html': 'linkedom applies no style sheet; a browser hides the tab pane by its class rule, as the light DOM does',
  'S31-print-only-copies-stylesheet.html': 'linkedom applies no style sheet; a browser hides the print copies by their class rule, as the light DOM does',
  'ES31-print-only-copies-t3-error.html': 'linkedom applies no style sheet; a browser hides the print copies by their class rule, as the light DOM does',
  'U42b-pure-text-mode-hidden-by-class.html':
    'linkedom applies no style sheet; a browser hides the original article by the 纯文本 script’s class rule, as the light DOM does',
  'V26-rows-hidden-by-class.html': 'linkedom applies no style sheet; a browser hides the stale t3 rows by their class rule, as the light DOM does',
  'EV26-rows-hidden-by-class-error.html': 'linkedom applies no style sheet; a browser hides the stale t3 rows by their class rule, as the light DOM does',
  'X31-input-for-screen-span-for-print.html':
    'linkedom applies no style sheet; a browser hides the print copy of each value by the page’s @media print rule, as the light DOM does',
  'EX31-screen-print-copies-t4-error.html':
    'linkedom applies no style sheet; a browser hides the print copy of each value by the page’s @media print rule, as the light DOM does',
  'J11-screen-and-print-copies-per-value.html':
    'linkedom applies no style sheet; a browser hides the print copy of each value by the page’s @media screen rule, as the light DOM does',
  'EJ11-screen-print-copies-t3-error.html':
    'linkedom applies no style sheet; a browser hides the print copy of each value by the page’s @media screen rule, as the light DOM does',
  'Z05-visually-hidden-headers-in-cells.html':
    'linkedom applies no style sheet; a browser hides the screen-reader words before each value by Bootstrap’s .visually-hidden rule, as the light DOM does',
  'EZ05-visually-hidden-t3-error.html':
    'linkedom applies no style sheet; a browser hides the screen-reader words before each value by Bootstrap’s .visually-hidden rule, as the light DOM does',
  'Z30-layui-table-view-hidden-original.html':
    'linkedom applies no style sheet; a browser hides the original static table by layui’s .layui-hide rule, as the light DOM does',
  'EZ30-layui-t3-error.html': 'linkedom applies no style sheet; a browser hides the original static table by layui’s .layui-hide rule, as the light DOM does',
  'P02-vxe-table-virtual-y-space.html':
    'linkedom applies no style sheet; a browser hides vxe-table’s 「暂无数据」 empty block by the page’s rule, as the light DOM does',
  'L19-tailwind4-layers-nested-media.html':
    'linkedom applies no style sheet; a browser hides t3’s phone cards by Tailwind’s .md:hidden rule (an @media nested in a cascade layer’s rule), as the light DOM does',
  'EL19-tailwind4-t3-error.html':
    'linkedom applies no style sheet; a browser hides t3’s phone cards by Tailwind’s .md:hidden rule (an @media nested in a cascade layer’s rule), as the light DOM does',
  'L28-tailwind4-hidden-draft-copy.html':
    'linkedom applies no style sheet; a browser hides the last draft’s t3 by Tailwind’s .hidden rule (in a cascade layer), as the light DOM does',
  'EL28-tailwind4-hidden-draft-t3-error.html':
    'linkedom applies no style sheet; a browser hides the last draft’s t3 by Tailwind’s .hidden rule (in a cascade layer), as the light DOM does',
  'EP02-vxe-table-t4-error.html':
    'linkedom applies no style sheet; a browser hides vxe-table’s 「暂无数据」 empty block by the page’s rule, as the light DOM does',
  'W25d-anti-copy-noise-by-class.html':
    'linkedom applies no style sheet; a browser shows nothing of the anti-copy noise its class rule sizes 0, as the light DOM does',
  'U43b-lazy-table-not-loaded-yet.html': 'linkedom reads the text of a <noscript> after the table’s placeholder; a browser running scripts shows none',
  'Y17-htmx-fragment-no-document.html':
    'linkedom makes a fragment’s first element (an HTMX partial without <html> or <body>) the document’s root beside an empty <body>; a browser implies <html> and <body> around it, as the light DOM does',
  'EY17-htmx-fragment-t3-error.html':
    'linkedom makes a fragment’s first element (an HTMX partial without <html> or <body>) the document’s root beside an empty <body>; a browser implies <html> and <body> around it, as the light DOM does',
  'Y18-turbo-frame-and-stream.html': 'linkedom counts the content of a <template> in the page’s text; a browser keeps it apart (a <turbo-stream>’s toast)',
  'Y20-web-component-template-sample-table.html':
    'linkedom counts the content of a <template> in the page’s text; a browser keeps it apart (a web component’s sample table of zeros)',
  'EY20-web-component-t3-error.html':
    'linkedom counts the content of a <template> in the page’s text; a browser keeps it apart (a web component’s sample table of zeros)',
  'O02-alpine-template-x-for-rows-left.html':
    'linkedom counts the content of a <template> in the page’s text; a browser keeps it apart (Alpine’s x-for and x-if rows in each table)',
  'EO02-alpine-template-t4-error.html':
    'linkedom counts the content of a <template> in the page’s text; a browser keeps it apart (Alpine’s x-for and x-if rows in each table)',
  'O04-lit-declarative-shadow-root-slots.html': 'linkedom counts the content of a <template> in the page’s text; a browser makes it a shadow root',
  'EO04-lit-shadow-slots-late.html': 'linkedom counts the content of a <template> in the page’s text; a browser makes it a shadow root',
  'O14-google-docs-export-class-line-through.html':
    'linkedom applies no style sheet; a browser strikes the old values through by the export’s class rule, as the light DOM reads (deleted text)',
  'EO14-google-docs-t4-error.html':
    'linkedom applies no style sheet; a browser strikes the old values through by the export’s class rule, as the light DOM reads (deleted text)',
  'O19-cell-templates-and-ruby-rb.html':
    'linkedom counts the content of a <template> in the page’s text; a browser keeps it apart (a Vue 2 template’s 「--」 and 「说明」 left in cells)',
  'EO19-cell-templates-t3-error.html':
    'linkedom counts the content of a <template> in the page’s text; a browser keeps it apart (a Vue 2 template’s 「--」 and 「说明」 left in cells)',
  'H14-html-nul-bytes.html': 'linkedom keeps a NUL in the text (「1\\u00007」); a browser drops it and shows 17',
  // The portal serves the probes read as UTF-8 (a UTF-16 page's every other byte a NUL); the CLI decodes them by their BOM.
  'J14-html-utf16le-bom.html':
    'read as UTF-8, a UTF-16 page has a NUL beside each character: linkedom keeps them in the text, the light DOM drops them as a browser does',
  'J15-html-utf16be-bom.html':
    'read as UTF-8, a UTF-16 page has a NUL beside each character: linkedom keeps them in the text, the light DOM drops them as a browser does',
  'J28-html-template-holds-other-copy.html':
    'linkedom counts the content of a <template> in the page’s text; a browser keeps it apart (another copy of the report)',
  'J28e-html-template-holds-right-copy.html':
    'linkedom counts the content of a <template> in the page’s text; a browser keeps it apart (another copy of the report)',
  'J29-html-noscript-holds-other-copy.html': 'linkedom counts the text of a <noscript> copy of the article; a browser running scripts shows none',
  'H18-frameset.html':
    'linkedom gives a frameset page an empty <body> of its own and reads nothing; the light DOM, finding no <body>, reads the page whole, <noframes> too (a browser reads the <frameset>, its <noframes> as raw text): no report either way',
};
const differs = (name: string) => Object.keys(LINKEDOM_DIFFERS).some((page) => name.endsWith(`/${page}`));

describe('light DOM reads every page of the repository as linkedom does', () => {
  it.each(PAGE_SOURCES.filter(([name]) => !differs(name)))('%s', (_, page) => {
    const html = page();
    const light = readingOf(parseLightDocument(html));
    const linked = readingOf(htmlDoc(html));
    expect(light).toEqual(linked);
  });

  it('the Word fixtures, as the CLI reads them (docx → HTML)', async () => {
    const docx = filesIn(join(FIXTURES, 'docx'), '.docx');
    expect(docx.length).toBeGreaterThan(0);
    for (const p of docx) {
      const html = await docxToHtml(new Uint8Array(readFileSync(p)));
      const light = readingOf(parseLightDocument(html));
      expect(light.audit).toMatchObject({ detected: true });
      expect(light).toEqual(readingOf(htmlDoc(html)));
    }
  });

  it('the pages compared include reports with findings, list pages and non-reports', () => {
    const audits = PAGE_SOURCES.map(([, page]) => readingOf(parseLightDocument(page())));
    expect(audits.filter((a) => (a.audit as { detected: boolean }).detected).length).toBeGreaterThan(10);
    expect(audits.filter((a) => !(a.audit as { detected: boolean }).detected).length).toBeGreaterThan(3);
    expect(audits.some((a) => ((a.audit as { findings?: unknown[] }).findings ?? []).length > 0)).toBe(true);
    expect(audits.some((a) => a.reportLinks.length >= 3)).toBe(true);
    expect(audits.some((a) => a.nextPage !== null)).toBe(true);
    expect(audits.some((a) => a.meta !== null)).toBe(true);
    // Every page of the repository audited in one test (over a thousand): a minute on a busy machine.
  }, 120_000);
});

describe('light DOM where a browser and linkedom differ, as a browser does', () => {
  it('the pages left out above are pages of the repository', () => {
    for (const page of Object.keys(LINKEDOM_DIFFERS))
      expect(
        PAGE_SOURCES.some(([name]) => name.endsWith(`/${page}`)),
        page,
      ).toBe(true);
  });

  it('a cell start closes the cell before it, whatever it left open inside (Word: <td><font>1<td>)', () => {
    const doc = parseLightDom('<table><TR><TD><FONT SIZE=2>一、本年新收<TD><FONT>40<TD><p>6</TD></TR><tr><td><p>二<td><span>3</span><td>1</table><p>后</p>');
    const rows = doc.querySelectorAll('tr').map((tr) => tr.children.map((td) => `${td.tagName}:${td.textContent}`));
    expect(rows).toEqual([
      ['TD:一、本年新收', 'TD:40', 'TD:6'],
      ['TD:二', 'TD:3', 'TD:1'],
    ]);
    // What follows the table is not inside it.
    expect(doc.querySelectorAll('p').at(-1)!.parentElement!.tagName).not.toBe('TD');
  });

  it('a <template> of rows in a table (Alpine’s x-for, variants O02) is no part of its grid, as a browser keeps its content apart', () => {
    const page = (rows: string) => `<table border="1"><tbody>${rows}<tr><td>3.其他</td><td>1</td></tr><tr><td>（七）总计</td><td>54</td></tr></tbody></table>`;
    const grid = (html: string) =>
      readDom(parseLightDocument(html).documentElement)
        .blocks.filter((b) => b.kind === 'grid')
        .map((b) => (b.kind === 'grid' ? b.rows.map((r) => r.map((c) => c.text).join('|')) : []));
    const tpl = '<template x-for="row in rows"><tr><td x-text="row.label">项目</td><td x-text="row.n">0</td></tr></template>';
    expect(grid(page(tpl))).toEqual([['3.其他|1', '（七）总计|54']]);
    // Control: the same row written as the table's own is read.
    expect(grid(page('<tr><td>项目</td><td>0</td></tr>'))).toEqual([['项目|0', '3.其他|1', '（七）总计|54']]);
  });

  it('what the page’s own style rules hide reads as hidden: top-level class and id rules, by the cascade, an inline display winning', () => {
    const css =
      '<style>/* x */ .m{display:none} #p { color:red; display : none !important } div.t.a{display:none} .t{display:block} ' +
      '@media (max-width:768px){.w{display:none}} .s{display:none} .s.on{display:block} div > .q{display:none} table{display:none}</style>';
    const doc = parseLightDom(
      `<head>${css}</head><body><div class="m">phone</div><div id="p" style="display:block">print</div><div class="t a">tab</div>` +
        '<div class="w">wide</div><div class="s">off</div><div class="s on">on</div><div class="m" style="display:block">inline</div><div class="q">child</div><table class="x"></table></body>',
    );
    const hidden = doc.querySelectorAll('div,table').map((el) => `${el.textContent || el.tagName}:${el.hasAttribute('hidden')}`);
    // Rules with combinators or of a tag alone, and an @media a desktop screen does not match, are left to a browser (page-tree.ts asks it the computed style).
    expect(hidden).toEqual(['phone:true', 'print:true', 'tab:true', 'wide:false', 'off:true', 'on:false', 'inline:false', 'child:false', 'TABLE:false']);
    expect(parseLightDom('<style>.m{display:block}</style><div class="m">x</div>').querySelector('div')!.hasAttribute('hidden')).toBe(false);
  });

  it('rules in a cascade layer and @media nested in a rule (Tailwind CSS v4, variants L19/L28) read as a browser applies them', () => {
    const css =
      '<style>@layer theme, base, components, utilities; @layer utilities { .hidden { display: none; } .block { display: block; } ' +
      '.md\\:block { @media (width >= 48rem) { display: block; } } .md\\:hidden { @media (width >= 48rem) { display: none; } } ' +
      '.sm\\:hidden { @media (width < 40rem) { display: none; } } .hov { &:hover { display: none; } } } .shown { display: block; } ' +
      '@layer base { .shown { display: none; } }</style>';
    const doc = parseLightDom(
      `<head>${css}</head><body><div class="hidden">draft</div><div class="hidden md:block">table</div><div class="md:hidden">cards</div>` +
        '<div class="sm:hidden">narrow</div><div class="hov">hover</div><div class="shown">unlayered</div></body>',
    );
    const hidden = doc.querySelectorAll('div').map((el) => `${el.textContent}:${el.hasAttribute('hidden')}`);
    // Controls: a nested rule for a state (&:hover) and a query a desktop does not match apply nowhere; a rule outside a layer wins.
    expect(hidden).toEqual(['draft:true', 'table:false', 'cards:true', 'narrow:false', 'hover:false', 'unlayered:false']);
  });

  it('a rule that makes text invisible (anti-copy noise 「.jm{font-size:0}」, variants W25d) hides a run of text only', () => {
    const css = '<style>.jm{font-size:0;color:#fff} .tr{color:transparent} .vh{visibility:hidden} .gap{font-size:0} .bg{background-color:transparent}</style>';
    const doc = parseLightDom(
      `<head>${css}</head><body><font class="jm">7</font><span class="tr">x</span><span class="vh">y</span>` +
        '<span class="jm" style="font-size:14px">own size</span><div class="gap"><span>inline-block</span></div><span class="bg">bg</span>' +
        '<table><tr><td class="vh">cell</td></tr></table></body>',
    );
    const hidden = doc
      .querySelectorAll('font,span,div,td')
      .filter((el) => el.hasAttribute('hidden'))
      .map((el) => el.textContent);
    // Controls: a run with its own size, a container (its children set their own size), a transparent background, a cell (it keeps its place).
    expect(hidden).toEqual(['7', 'x', 'y']);
  });

  it('a class rule striking text through (a Google Docs export, variants O14) hides a run of text only: deleted text', () => {
    const css =
      '<style>.c0{text-decoration:none} .c7{color:#000;text-decoration:line-through;font-size:11pt} .u{text-decoration:underline} .c9{text-decoration-line:line-through}</style>';
    const doc = parseLightDom(
      `<head>${css}</head><body><p><span class="c7">16</span><span class="c0"> 15</span></p><span class="u">u</span>` +
        '<p class="c9"><span>block</span></p><table><tr><td class="c9">cell</td></tr></table></body>',
    );
    const hidden = doc
      .querySelectorAll('span,p,td')
      .filter((el) => el.hasAttribute('hidden'))
      .map((el) => el.textContent);
    // Controls: text-decoration:none and underline, a block holding elements, a cell (it keeps its place).
    expect(hidden).toEqual(['16']);
  });

  it("a screen-reader-only class rule (Bootstrap 5's .visually-hidden, variants Z05) hides a run of text only", () => {
    const css =
      '<style>.visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:-1px!important;overflow:hidden!important;clip:rect(0,0,0,0)!important}' +
      ' .off{position:absolute;left:-9999px} .badge{position:absolute;left:-8px} .shown{clip:rect(0,40px,20px,0)}</style>';
    const doc = parseLightDom(
      `<head>${css}</head><body><span class="visually-hidden">自然人：</span><span class="off">40件</span><span class="badge">new</span>` +
        '<span class="shown">clip</span><div class="off"><span>block</span></div></body>',
    );
    const hidden = doc
      .querySelectorAll('span,div')
      .filter((el) => el.hasAttribute('hidden'))
      .map((el) => el.textContent);
    // Controls: a badge nudged a little, a clip of some area, a block holding elements.
    expect(hidden).toEqual(['自然人：', '40件']);
  });

  it('rules inside an @media read as on a 1 280 px desktop screen (a mobile-first page hides its phone copy there); queries it cannot read are left to a browser', () => {
    const css =
      '<style>@import url(a.css); .im{display:none} @media (min-width: 769px){.mo{display:none}} @media screen and (min-width:62em){.em{display:none}} ' +
      '@media print{.pr{display:none}} @media not print{.np{display:none}} @media (hover:hover){.hv{display:none}} @media only screen and (max-width:1024px){.nar{display:none}} ' +
      '@media (max-width:600px), (orientation:landscape){.or{display:none}} @media (min-width:1600px){.xl{display:none}} @media (min-width:768px){@media (max-width:2000px){.in{display:none}}}</style>';
    const names = ['im', 'mo', 'em', 'pr', 'np', 'hv', 'nar', 'or', 'xl', 'in'];
    const doc = parseLightDom(`<head>${css}</head><body>${names.map((n) => `<div class="${n}">${n}</div>`).join('')}</body>`);
    const hidden = doc
      .querySelectorAll('div')
      .filter((el) => el.hasAttribute('hidden'))
      .map((el) => el.textContent);
    // 62em is 992 px; 1 024 px and 1 600 px are the bounds a 1 280 px window is outside of; hover is a feature not read.
    expect(hidden).toEqual(['im', 'mo', 'em', 'np', 'or', 'in']);
  });

  it('attribute names are case-insensitive (old CMS markup writes ROWSPAN)', () => {
    const doc = parseLightDom('<table><tr><TD ROWSPAN="2" ColSpan=3>1</TD></tr></table>');
    const td = doc.querySelector('td')!;
    expect([td.getAttribute('rowspan'), td.getAttribute('COLSPAN'), td.hasAttribute('RowSpan'), td.getAttribute('width')]).toEqual(['2', '3', true, null]);
  });

  it('a page without <body> is read whole; with one, only the body', () => {
    const bare = parseLightDom('<title>T</title><p>一</p><table><tr><td>1</td></tr></table>');
    expect(bare.body).toBeNull();
    expect(bare.documentElement.textContent).toBe('T一1');
    const full = parseLightDom('<!doctype html>\n<html><head><title>T</title></head><body><p>一</p></body></html>\n');
    expect(full.body?.textContent).toBe('一');
    expect(full.documentElement.tagName).toBe('HTML');
  });

  it('SingleFile’s page, its comment right after <html> and no <head> tag, has its <title> and its <body> (variants T02)', () => {
    const doc = parseLightDom(
      '<!DOCTYPE html> <html lang="zh-CN"><!--\n Page saved with SingleFile \n--><meta charset="utf-8"><title>T</title><style>.a{}</style><body><p>一</p></body></html>',
    );
    expect(doc.title).toBe('T');
    expect(doc.body?.textContent).toBe('一');
  });

  it('the title is the first <title>, white space collapsed; none is empty', () => {
    expect(parseLightDom('<head><title>\n  示范局 &amp;\t2023年  </title><title>second</title></head>').title).toBe('示范局 & 2023年');
    expect(parseLightDom('<p>no title</p>').title).toBe('');
  });

  it('entities are decoded, comments dropped, text split by a comment reads as one', () => {
    const doc = parseLightDom('<p>一&nbsp;二<!-- 注释 -->三&#x56db;</p>');
    const p = doc.querySelector('p')!;
    expect(p.textContent).toBe('一\u00a0二三四');
    expect(p.childNodes.length).toBe(1);
  });

  it('a NUL in the text is dropped, as a browser drops it (probes H14: 「1\\u00007」 in a cell shows 17)', () => {
    const doc = parseLightDom('<table><tr><td>1\u00007</td></tr></table><p>严格\u0000落实</p>');
    expect(doc.querySelector('td')!.textContent).toBe('17');
    expect(doc.querySelector('p')!.textContent).toBe('严格落实');
  });

  it('implied end tags close rows and cells; void elements hold nothing', () => {
    const doc = parseLightDom('<table><tr><td>1<td>2<tr><td>3<br>4<img src=x.png></table><p>after');
    expect(doc.querySelectorAll('tr').map((tr) => tr.children.map((td) => td.textContent))).toEqual([['1', '2'], ['34']]);
    expect(doc.querySelector('br')!.childNodes).toEqual([]);
    expect(doc.querySelector('p')!.parentElement!.tagName).toBe('HTML');
  });

  it('sibling and child accessors skip text where the DOM does', () => {
    const doc = parseLightDom('<div>a<b>1</b>b<i>2</i>c</div>');
    const div = doc.querySelector('div')!;
    expect([div.firstElementChild?.tagName, div.firstElementChild?.nextElementSibling?.tagName, div.lastElementChild?.previousElementSibling?.tagName]).toEqual(
      ['B', 'I', 'B'],
    );
    expect([div.firstChild?.nodeType, div.lastChild?.nodeType, div.children.length, div.childNodes.length]).toEqual([3, 3, 2, 5]);
  });

  it('selectors: the engine’s few forms match as in a browser; others are refused', () => {
    const doc = parseLightDom(
      '<head><meta name="PubDate" content="2024-01-15"><meta property="og:x"><meta charset=utf-8></head><a href="/1" rel="prev next">1</a><a rel="nofollow" href="/2">2</a><a>3</a>',
    );
    expect(doc.querySelectorAll('a[href]').map((a) => a.textContent)).toEqual(['1', '2']);
    expect(doc.querySelector('a[rel~="next"][href]')?.textContent).toBe('1');
    expect(doc.querySelector('a[rel~="follow"]')).toBeNull();
    expect(doc.querySelectorAll('meta[name],meta[property]').length).toBe(2);
    expect(doc.querySelectorAll('a[rel="nofollow"]').length).toBe(1);
    expect(doc.querySelectorAll('html').map((e) => e.tagName)).toEqual(['HTML']);
    expect(doc.querySelectorAll('a[href],meta[name]').map((e) => e.tagName)).toEqual(['META', 'A', 'A']);
    expect(() => doc.querySelectorAll('div > a')).toThrow(/unsupported selector/);
    expect(() => doc.querySelectorAll('a:first-child')).toThrow(/unsupported selector/);
  });

  it('broken and hostile markup parses without throwing', () => {
    for (const html of ['', '<', '</p></div></table>', '<table><td>1</tr></tbody>', '<a href="x', '<!--', '<script>document.write("<table>")', '\uFEFF<p>x'])
      expect(() => auditDocument(parseLightDocument(html))).not.toThrow();
  });

  it('a page nested 50 000 deep parses and reads without overflowing the stack', () => {
    const html = '<div>'.repeat(50_000) + '示范' + '</div>'.repeat(50_000);
    const doc = parseLightDom(html);
    expect(doc.documentElement.textContent).toBe('示范');
    expect(readDom(doc.documentElement as unknown as Element).blocks.length).toBe(1);
  });
});
