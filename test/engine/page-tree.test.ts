/**
 * The page as the background reads it: a tree the content script writes (page-tree.ts) and the
 * background rebuilds (light-dom.ts lightDocumentFromTree) must audit exactly as the page itself
 * does, element for element. The reference is the engine's own audit of the DOM (linkedom standing
 * in for the browser's), not figures copied from a run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditPage, type PageAudit } from '../../lib/engine/audit';
import { findingElements } from '../../lib/engine/rules/tables-as-images';
import { lightDocumentFromTree, parseLightDocument } from '../../lib/engine/source/light-dom';
import { isTreeNodes, pageTreeSteps, TREE_CHUNK, type TreeNode, type TreeWritten } from '../../lib/engine/source/page-tree';
import { drain, type Deadline } from '../../lib/engine/steps';
import { compilationPage, wrongResultsTotal } from '../helpers/compilation';
import { FIXTURES, fixtureHtml, htmlDoc } from '../helpers/fixtures';

const URL = 'https://www.example.gov.cn/art/2024/1/15/art_1.html';
const REPORT = fixtureHtml('000-semantic.html');

function write(doc: Document, opts: { skip?: (el: Element) => boolean; limits?: { chars: number; cells: number } } = {}, deadline: Deadline = () => false) {
  const chunks: TreeNode[][] = [];
  const steps = pageTreeSteps(doc, { ...opts, emit: (nodes) => void chunks.push(nodes) }, deadline);
  const written: TreeWritten = drain(steps);
  return { chunks, written };
}

/** Each whole report and its findings with elements as numbers: the page's by the writer's numbering, the tree's by the rebuild's. */
function asNumbers(audit: PageAudit, elements: readonly unknown[]) {
  if (!audit.detected) return audit;
  const numbers = new Map(elements.map((el, i) => [el, i]));
  return audit.parts.map(({ report, findings }) => ({
    // The holder's own value: JSON.stringify hands the replacer what a linkedom node's toJSON made of it.
    ...(JSON.parse(
      JSON.stringify({ report, findings }, function (this: Record<string, unknown>, key, value: unknown) {
        return key === 'el' ? (numbers.get(this[key]) ?? 'unknown') : value;
      }),
    ) as object),
    images: findings.map((f) => findingElements(f).map((el) => numbers.get(el))),
  }));
}

function bothWays(html: string, opts: { skip?: (el: Element) => boolean } = {}) {
  const doc = htmlDoc(html);
  const direct = auditPage(doc, { url: URL, skip: opts.skip });
  const { chunks, written } = write(doc, opts);
  // Through JSON, as a port carries it.
  const { doc: rebuilt, elements } = lightDocumentFromTree(JSON.parse(JSON.stringify(chunks)) as TreeNode[][]);
  const viaTree = auditPage(rebuilt, { url: URL, cut: written.cut });
  return { direct: asNumbers(direct, written.elements), viaTree: asNumbers(viaTree, elements), written, chunks };
}

const htmlFiles = [
  ...readdirSync(join(FIXTURES, 'html'))
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(FIXTURES, 'html', f)),
  ...readdirSync(join(FIXTURES, 'layouts', 'pages')).map((f) => join(FIXTURES, 'layouts', 'pages', f)),
  ...readdirSync(join(FIXTURES, 'variants'))
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(FIXTURES, 'variants', f)),
];

/**
 * Pages linkedom parses as no browser does (light-dom.test.ts LINKEDOM_DIFFERS): SingleFile's, without <head>, get two <body>s;
 * an HTMX fragment, without <html> and <body>, is made the root beside an empty <body>.
 */
const NO_BROWSER_PARSE = /\/E?T02b?-singlefile-|\/E?Y17-htmx-fragment-/;

describe('a page written as a tree and read in the background', () => {
  it.each(htmlFiles.filter((f) => !NO_BROWSER_PARSE.test(f)).map((f) => [f.split('/').slice(-2).join('/'), f]))(
    'audits %s as the page itself, element for element',
    (_, file) => {
      const { direct, viaTree } = bothWays(readFileSync(file, 'utf8'));
      expect(viaTree).toEqual(direct);
    },
  );

  it('keeps a <col>’s and a <colgroup>’s span, which place the column a later <col> hides', () => {
    const page = readFileSync(join(FIXTURES, 'variants', 'V22-colgroup-visibility-collapse-column.html'), 'utf8');
    const spanned = page.replace(/(<col width="60">){10}/, '<col span="4" width="60"></colgroup><colgroup span="6"></colgroup><colgroup>');
    expect(spanned).not.toBe(page);
    const { direct, viaTree } = bothWays(spanned);
    expect(viaTree).toEqual(direct);
    // The same findings as the page with one <col> a column (its elements are numbered otherwise).
    const messages = (audit: unknown) => (audit as { findings: { message: string }[] }[]).map((p) => p.findings.map((f) => f.message));
    expect(messages(viaTree)).toEqual(messages(bothWays(page).direct));
  });

  it('audits a compilation report by report, as the page itself', () => {
    const { direct, viaTree } = bothWays(compilationPage(4, (n) => (n === 2 ? wrongResultsTotal(3) : {})));
    expect(Array.isArray(direct) && direct.length).toBe(4);
    expect(viaTree).toEqual(direct);
  });

  it('keeps what decides the audit: hidden elements, spans, image sizes, links, the title and meta dates', () => {
    const html = `<html><head><title>  某局 2023 年政府信息公开工作年度报告 </title><meta name="PubDate" content="2024-01-20"><base href="/art/2024/1/20/"><script>var x = '<table>';</script><link rel="stylesheet" href="a.css"></head>
      <body><div hidden><table><tr><td>藏起来的表</td></tr></table></div><p style="display:none">隐藏段落</p>
      <table width="600" style="border-collapse:collapse"><tr><td rowspan="2" colspan="3" class="x" id="y" width="80" style="mso-bidi-font-size:10.5pt">合并</td></tr></table><img src="a.png" width="20" height="20"><a href="/a.pdf" title="附件">下载</a><meta itemprop="datePublished" content="2024-01-19"></body></html>`;
    const { chunks } = write(htmlDoc(html));
    const { doc } = lightDocumentFromTree(chunks);
    expect(doc.title).toBe('某局 2023 年政府信息公开工作年度报告');
    expect(doc.querySelector('meta[name]')?.getAttribute('content')).toBe('2024-01-20');
    expect(doc.querySelector('base')?.getAttribute('href')).toBe('/art/2024/1/20/');
    // schema.org microdata's date (variants Y31) is a meta tag's itemprop.
    expect(doc.querySelector('meta[itemprop]')?.getAttribute('content')).toBe('2024-01-19');
    const merged = doc.querySelectorAll('td')[1];
    expect(merged?.getAttribute('rowspan')).toBe('2');
    expect(merged?.getAttribute('colspan')).toBe('3');
    expect(doc.querySelector('div')?.hasAttribute('hidden')).toBe(true);
    expect(doc.querySelector('p')?.getAttribute('style')).toBe('display:none');
    expect(doc.querySelector('img')?.getAttribute('width')).toBe('20');
    expect(doc.querySelector('a')?.getAttribute('href')).toBe('/a.pdf');
    // Never read by the engine, so never sent: scripts, the head's other elements, classes and ids.
    expect(doc.querySelector('script')).toBeNull();
    expect(doc.querySelector('link')).toBeNull();
    expect(merged?.getAttribute('class')).toBeNull();
    expect(merged?.getAttribute('id')).toBeNull();
    // Nor a style that hides nothing (most of Word's markup), nor sizes other than an image's.
    expect(merged?.getAttribute('style')).toBeNull();
    expect(merged?.getAttribute('width')).toBeNull();
    expect(doc.querySelectorAll('table')[1]?.getAttribute('width')).toBeNull();
    expect(JSON.stringify(chunks)).not.toContain('<table>');
    expect(JSON.stringify(chunks)).not.toContain('mso-');
  });

  it('writes of a <select> only the option it shows, the roles of a grid’s rows and whether a dialog is open', () => {
    const doc = htmlDoc(
      '<html><body><table><tr><td><select><option>0</option><option selected>5</option><option>53</option></select></td></tr></table><mat-row role="row"><mat-cell role="cell">1</mat-cell></mat-row></body></html>',
    );
    const read = () => {
      const { doc: rebuilt } = lightDocumentFromTree(write(doc).chunks);
      return {
        options: Array.from(rebuilt.querySelectorAll('option')).map((o) => o.textContent),
        role: rebuilt.querySelector('mat-row')?.getAttribute('role'),
      };
    };
    expect(read()).toEqual({ options: ['5'], role: 'row' });
    // Whether a dialog is open decides whether it is shown (dom.ts isHidden).
    const dialogs = htmlDoc('<html><body><dialog open><p>开</p></dialog><dialog><p>关</p></dialog></body></html>');
    const { doc: rebuilt } = lightDocumentFromTree(write(dialogs).chunks);
    expect(Array.from(rebuilt.querySelectorAll('dialog')).map((d) => d.hasAttribute('open'))).toEqual([true, false]);
    // So does a <details>'s in a cell (dom.ts shownText: a closed one shows its <summary> alone; variants J23).
    const details = htmlDoc('<html><body><details open><summary>1</summary>开</details><details><summary>2</summary>关</details></body></html>');
    const { doc: again } = lightDocumentFromTree(write(details).chunks);
    expect(Array.from(again.querySelectorAll('details')).map((d) => d.hasAttribute('open'))).toEqual([true, false]);
  });

  it('writes a popover the page has not opened as hidden, whatever its class (variants L20), and an open one as shown', () => {
    const doc = htmlDoc('<html><body><div popover>关</div><div popover class="open">开</div><p>正文</p></body></html>');
    // linkedom knows no :popover-open: what a browser answers, the one of class "open" opened by the page.
    const proto = Object.getPrototypeOf(doc.body) as { matches: (s: string) => boolean };
    const matches = proto.matches;
    proto.matches = function (this: Element, s: string) {
      return s === ':popover-open' ? this.className === 'open' : matches.call(this, s);
    };
    try {
      const { doc: rebuilt } = lightDocumentFromTree(write(doc).chunks);
      expect(Array.from(rebuilt.querySelectorAll('div,p')).map((el) => `${el.textContent}:${el.hasAttribute('hidden')}`)).toEqual([
        '关:true',
        '开:false',
        '正文:false',
      ]);
    } finally {
      proto.matches = matches;
    }
  });

  it('writes as hidden what the page’s style sheets hide (the computed style), asking only elements with a class or an id', () => {
    const html =
      '<html><head><title class="m">T</title></head><body><div class="m">手机版</div><div id="p">打印版</div><div class="pc">电脑版</div><div>无类</div></body></html>';
    const doc = htmlDoc(html);
    const asked: string[] = [];
    // What a browser's computed style says with `.m, #p { display: none }` in a style sheet; linkedom applies none.
    const view = {
      getComputedStyle: (el: Element) => {
        asked.push(el.tagName);
        return { display: el.matches('.m, #p') ? 'none' : 'block' };
      },
    };
    Object.defineProperty(doc, 'defaultView', { value: view });
    const { doc: rebuilt } = lightDocumentFromTree(write(doc).chunks);
    expect(Array.from(rebuilt.querySelectorAll('div'), (d) => `${d.textContent}:${d.hasAttribute('hidden')}`)).toEqual([
      '手机版:true',
      '打印版:true',
      '电脑版:false',
      '无类:false',
    ]);
    expect(asked).toEqual(['DIV', 'DIV', 'DIV']);
  });

  it('writes as hidden a translation extension’s copies and text for screen readers only; keeps whether a text box is read-only (variants Z02, Z05, EZ08)', () => {
    const html =
      '<html><body><p>3.其他<font data-immersive-translate-translation-element-mark="1"><font>3. Other</font></font></p>' +
      '<span class="visually-hidden">自然人：</span><span class="off">40件</span><span class="badge">新</span><span class="clip">可见</span>' +
      '<input readonly value="2024-02-05"><input value="关键词"></body></html>';
    const doc = htmlDoc(html);
    // What a browser's computed style says with Bootstrap's .visually-hidden and an off-screen rule; linkedom applies none.
    const sr = { clip: 'rect(0px, 0px, 0px, 0px)', position: 'absolute', left: '0px', top: '0px', clipPath: 'none' };
    const styles: Record<string, Partial<CSSStyleDeclaration>> = {
      'visually-hidden': sr,
      off: { ...sr, clip: 'auto', left: '-9999px' },
      badge: { ...sr, clip: 'auto', left: '-8px' },
      clip: { ...sr, clip: 'rect(0px, 40px, 20px, 0px)' },
    };
    const view = {
      getComputedStyle: (el: Element) => ({ display: 'inline', fontSize: '16px', visibility: 'visible', color: 'rgb(0, 0, 0)', ...styles[el.className] }),
    };
    Object.defineProperty(doc, 'defaultView', { value: view });
    const { doc: rebuilt } = lightDocumentFromTree(write(doc).chunks);
    expect(Array.from(rebuilt.querySelectorAll('font'), (f) => f.hasAttribute('hidden'))).toEqual([true, false]);
    // Controls: a badge nudged a little, a clip of some area.
    expect(Array.from(rebuilt.querySelectorAll('span'), (s) => `${s.textContent}:${s.hasAttribute('hidden')}`)).toEqual([
      '自然人：:true',
      '40件:true',
      '新:false',
      '可见:false',
    ]);
    expect(Array.from(rebuilt.querySelectorAll('input'), (i) => i.hasAttribute('readonly'))).toEqual([true, false]);
  });

  it('writes as hidden a run of text a class strikes through, as an inline line-through is left out (corrections: variants O13, O14)', () => {
    const html =
      '<html><body><table><tr><td>（一）予以公开</td><td><span class="c7">16</span><span class="c0"> 15</span></td>' +
      '<td><span style="text-decoration: line-through;">16</span> 15</td><td><span class="u">15</span></td><td class="c7">15</td></tr></table></body></html>';
    const doc = htmlDoc(html);
    // What a browser's computed style says with a Google Docs export's 「.c7{text-decoration:line-through}」; linkedom applies none.
    const view = {
      getComputedStyle: (el: Element) => ({
        display: 'inline',
        fontSize: '16px',
        visibility: 'visible',
        color: 'rgb(0, 0, 0)',
        textDecorationLine: el.classList.contains('c7') ? 'line-through' : el.className === 'u' ? 'underline' : 'none',
      }),
    };
    Object.defineProperty(doc, 'defaultView', { value: view });
    const { doc: rebuilt } = lightDocumentFromTree(write(doc).chunks);
    // Controls: an underlined run, a struck cell (it keeps its place in the grid).
    expect(Array.from(rebuilt.querySelectorAll('span'), (sp) => `${sp.textContent}:${sp.hasAttribute('hidden')}`)).toEqual([
      '16:true',
      ' 15:false',
      '15:false',
    ]);
    expect(Array.from(rebuilt.querySelectorAll('td'), (td) => `${td.textContent}:${td.hasAttribute('hidden')}`)).toEqual([
      '（一）予以公开:false',
      '16 15:false',
      ' 15:false',
      '15:false',
      '15:false',
    ]);
  });

  it('writes a custom element’s open shadow root where the page shows it (a declarative root the parser attached, variants Q11), asking no other element', () => {
    const page = readFileSync(join(FIXTURES, 'variants', 'Q11-declarative-shadow-dom.html'), 'utf8');
    const template = /<template shadowrootmode="open">([\s\S]*?)<\/template>/.exec(page)!;
    // A browser's parser leaves no <template>: it attaches its content as the host's shadow root (linkedom does not).
    const doc = htmlDoc(page.replace(template[0], '<span>宿主自己的文字</span>'));
    const host = doc.querySelector('article-viewer')!;
    host.attachShadow({ mode: 'open' }).innerHTML = template[1]!;
    let asked = 0;
    for (const el of Array.from(doc.querySelectorAll('div, p, span'))) Object.defineProperty(el, 'shadowRoot', { get: () => (asked++, null) });
    const { doc: rebuilt } = lightDocumentFromTree(write(doc).chunks);
    expect(asked).toBe(0);
    const viewer = rebuilt.querySelector('article-viewer')!;
    // The shadow root's nodes first, then the host's own.
    expect(viewer.querySelector('h1')?.textContent).toBe('示范县交通运输局2023年政府信息公开工作年度报告');
    expect(viewer.textContent?.trim().endsWith('宿主自己的文字')).toBe(true);
    // Read as the command line reads the declarative markup in place (dom.ts isShadowRoot).
    const messages = (audit: PageAudit) => (audit.detected ? audit.parts.map((p) => [p.report.year, p.findings.map((f) => f.message)]) : audit.reason);
    const cli = auditPage(parseLightDocument(page), { url: URL });
    expect(cli.detected).toBe(true);
    expect(messages(auditPage(rebuilt, { url: URL, cut: null }))).toEqual(messages(cli));
  });

  it('leaves out what the caller skips (the overlay), with everything inside it', () => {
    const overlay = '<report-audit-overlay id="h"><table><tr><td>1</td><td>2</td></tr></table><p>二、主动公开政府信息情况</p></report-audit-overlay>';
    const html = REPORT.replace('</body>', `</body>${overlay}`);
    const skip = (el: Element) => el.id === 'h';
    const { direct, viaTree, written } = bothWays(html, { skip });
    expect(viaTree).toEqual(direct);
    expect(written.elements.some((el) => el.id === 'h' || el.closest('#h'))).toBe(false);
    expect(write(htmlDoc(html)).written.elements.some((el) => el.id === 'h')).toBe(true);
  });

  it('reads a report held in a <form> whose controls are named like its members (probes J32), as the unshadowed page', () => {
    const page = readFileSync(join(FIXTURES, 'probes', 'J32e-html-dom-clobbering-error.html'), 'utf8');
    const clean = bothWays(page);
    // A browser makes a form's controls its own properties by name, over its members, in a content script's world too
    // (Chromium): own properties stand in for them here, as linkedom does not; but for the members linkedom keeps as own
    // fields (nodeType, ownerDocument), which a browser keeps on the prototypes (the browser test covers those).
    const doc = htmlDoc(page);
    const form = doc.querySelector('form#form1')!;
    expect(form).not.toBeNull();
    for (const input of Array.from(form.querySelectorAll('input[name]')))
      if (!Object.hasOwn(form, input.getAttribute('name')!)) Object.defineProperty(form, input.getAttribute('name')!, { value: input, configurable: true });
    expect(form.tagName).not.toBe('FORM');
    const { chunks, written } = write(doc);
    const { doc: rebuilt, elements } = lightDocumentFromTree(JSON.parse(JSON.stringify(chunks)) as TreeNode[][]);
    expect(asNumbers(auditPage(rebuilt, { url: URL, cut: written.cut }), elements)).toEqual(clean.viaTree);
    // The broken total is found (not a page left unread).
    expect(JSON.stringify(clean.viaTree)).toMatch(/"rule":"cell-wrong"/);
  });

  it.each(['J10c-html-bdo-rtl-values.html', 'J31b-html-svg-foreignobject-with-chart-words.html'])(
    'keeps a <bdo>’s direction (digits shown reversed) and the HTML of an <svg>’s <foreignObject>, without the picture’s words: probes %s',
    (name) => {
      const { direct, viaTree } = bothWays(readFileSync(join(FIXTURES, 'probes', name), 'utf8'));
      expect(viaTree).toEqual(direct);
      expect((direct as unknown as { findings: unknown[] }[])[0]!.findings).toEqual([]);
    },
  );

  it('numbers the elements in document order, the root first, and hands them out in chunks', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `<tr><td>${i}</td></tr>`).join('');
    const doc = htmlDoc(`<html><body><table>${rows}</table></body></html>`);
    const { chunks, written } = write(doc);
    expect(written.elements[0]).toBe(doc.documentElement);
    expect(written.elements.filter((el) => el.tagName === 'TD').map((el) => el.textContent)).toEqual(Array.from({ length: 3000 }, (_, i) => String(i)));
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.length <= TREE_CHUNK)).toBe(true);
    const elementsInTree = chunks.flat().filter((n) => n.length === 3).length;
    expect(elementsInTree).toBe(written.elements.length);
  });

  it('works in slices: a deadline that always says stop gives the same tree', () => {
    const doc = htmlDoc(REPORT);
    let yields = 0;
    const chunks: TreeNode[][] = [];
    const steps = pageTreeSteps(doc, { emit: (n) => void chunks.push(n) }, () => true);
    for (let s = steps.next(); !s.done; s = steps.next()) yields++;
    expect(yields).toBeGreaterThan(1);
    expect(chunks.flat()).toEqual(write(doc).chunks.flat());
  });

  it('walks a page nested 100 000 deep without recursion', () => {
    const doc = htmlDoc('<html><body><div id="top"></div></body></html>');
    let at = doc.getElementById('top')!;
    for (let i = 0; i < 100_000; i++) at = at.appendChild(doc.createElement('div'));
    at.textContent = '最深处';
    const { chunks } = write(doc);
    const { doc: rebuilt } = lightDocumentFromTree(chunks);
    expect(rebuilt.body?.textContent).toBe('最深处');
  });

  it('stops past the text or cells the engine reads, and the audit says the page was read in part', () => {
    const html = REPORT;
    const cells = write(htmlDoc(html), { limits: { chars: 10_000_000, cells: 20 } });
    expect(cells.written.cut).toBe('cells');
    const chars = write(htmlDoc(html), { limits: { chars: 400, cells: 50_000 } });
    expect(chars.written.cut).toBe('chars');
    expect(write(htmlDoc(html)).written.cut).toBeNull();
    const { doc } = lightDocumentFromTree(cells.chunks);
    const audit = auditPage(doc, { url: URL, cut: cells.written.cut });
    expect(audit.detected && audit.parts[0]!.findings.map((f) => f.rule)).toContain('page-too-large');
    const whole = auditPage(lightDocumentFromTree(write(htmlDoc(html)).chunks).doc, { url: URL, cut: null });
    expect(whole.detected && whole.parts[0]!.findings.map((f) => f.rule)).not.toContain('page-too-large');
  });
});

describe('rebuilding a tree', () => {
  it('refuses a node whose parent has not come yet, and an empty tree', () => {
    expect(() =>
      lightDocumentFromTree([
        [
          [-1, 'HTML', 0],
          [5, 'P', 0],
        ],
      ]),
    ).toThrow(/parent/);
    expect(() =>
      lightDocumentFromTree([
        [
          [-1, 'HTML', 0],
          [0, 'BODY', 0],
          [7, 'text'],
        ],
      ]),
    ).toThrow(/parent/);
    expect(() => lightDocumentFromTree([])).toThrow(/empty/);
    expect(() => lightDocumentFromTree([[[-1, 'text']]])).toThrow(/empty/);
  });
});

describe('checking the nodes a port brings', () => {
  it('accepts what the writer writes, and nothing shaped otherwise', () => {
    expect(isTreeNodes(write(htmlDoc(REPORT)).chunks.flat())).toBe(true);
    expect(isTreeNodes([])).toBe(true);
    for (const bad of [
      null,
      {},
      'nodes',
      [null],
      [[0]],
      [['0', 'text']],
      [[0.5, 'text']],
      [[0, 5]],
      [[0, 'P', 1]],
      [[0, 'P', null]],
      [[0, 'P', ['a']]],
      [[0, 'P', { href: 5 }]],
      [[0, 'P', 0, 'extra']],
    ])
      expect(isTreeNodes(bad), JSON.stringify(bad)).toBe(false);
  });
});
