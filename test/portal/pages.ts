/**
 * The local demo portal's pages: the fixture renderings of the seeds, defect pages derived from
 * them by plain string edits (so they do not depend on the parser under test), and pages that
 * exercise the extension's behaviour (late rendering, hostile CSS).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { fileCompilationHtml } from '../helpers/compilation';
import { fakeHost, withAttack } from './hostile';
import { PERF_PAGES } from './perf-pages';
import { SYNTHETIC_PAGES } from './synthetic';

const HTML = join(import.meta.dirname, '..', 'fixtures', 'html');
const fixture = (name: string) => readFileSync(join(HTML, name), 'utf8');

export const REPORT_FILES = readdirSync(HTML)
  .filter((f) => /^\d{3}-\w+\.html$/.test(f))
  .sort();
/** The markup variants (test/fixtures/variants), served as /variants/NAME. */
const VARIANTS = join(import.meta.dirname, '..', 'fixtures', 'variants');
const VARIANT_FILES = readdirSync(VARIANTS).filter((f) => f.endsWith('.html'));

/** The probe cases' pages (test/fixtures/probes), served as /probes/NAME. */
const PROBES = join(import.meta.dirname, '..', 'fixtures', 'probes');
const PROBE_FILES = readdirSync(PROBES).filter((f) => f.endsWith('.html'));

export const NONREPORT_FILES = readdirSync(HTML)
  .filter((f) => f.startsWith('nonreport-'))
  .sort();

/** 001 with its (七)总计 total changed from 1 to 2: three identities break on that cell. */
function identityDefect(): string {
  const html = fixture('001-semantic.html');
  const out = html.replace(/(<tr data-row="3\.7">.*)<td>1<\/td>(<\/tr>)/, '$1<td>2</td>$2');
  if (out === html) throw new Error('001-semantic.html no longer has the 3.7 row this defect edits');
  return out.replace('<title>', '<title>【缺陷样例】');
}

/** 001 with its (七)总计 total left blank: the identities determine it (it is 1 in the seed). */
function blankDefect(): string {
  const html = fixture('001-semantic.html');
  const out = html.replace(/(<tr data-row="3\.7">.*)<td>1<\/td>(<\/tr>)/, '$1<td></td>$2');
  if (out === html) throw new Error('001-semantic.html no longer has the 3.7 row this defect blanks');
  return out;
}

/** A report whose tables are pictures (test/fixtures/layouts/pages), served with its pictures. */
const LAYOUT_PAGES = join(import.meta.dirname, '..', 'fixtures', 'layouts', 'pages');
const tablesAsImages = () => readFileSync(join(LAYOUT_PAGES, 'report-tables-as-images.html'), 'utf8');

/** A 320×120 grey PNG: the pictured tables' files (the <img> with no size of its own shows it at this size). */
const TABLE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAUAAAAB4CAAAAACmpXQCAAAAqklEQVR42u3QIQEAAAwCMPp3pAv6+naLsJSXKBAoUKBABAoUKBCBAgUKRKBAgQIRKFCgQAQKFCgQgQIFCkSgQIECEShQoEAEChQoEIECBQoUiECBAgUiUKBAgQgUKFAgAgUKFIhAgQIFIlCgQIEIFChQIAIFChSIQIECBSJQoECBAhUIFChQIAIFChSIQIECBSJQoECBCBQoUCACBQoUiECBAgUiUKBAgVwDFemFkH4iIGcAAAAASUVORK5CYII=',
  'base64',
);

/** 000 without its section 五: heading and paragraphs up to the next heading. */
function missingSectionDefect(): string {
  const html = fixture('000-semantic.html');
  const out = html.replace(/<h2>五、[\s\S]*?(?=<h2>)/, '');
  if (out === html) throw new Error('000-semantic.html no longer has the section this defect removes');
  return out;
}

/** An article that arrives by script after load, then is re-rendered once (a CMS widget or SPA). */
function latePage(): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>信息公开 - 示范区人民政府</title></head>
<body><header>示范区人民政府门户网站</header><main id="app"><p>加载中…</p></main>
<script>
async function load() {
  const html = await (await fetch('/reports/004-semantic.html')).text();
  const doc = new DOMParser().parseFromString(html, 'text/html');
  document.title = doc.title;
  document.getElementById('app').innerHTML = doc.querySelector('article').outerHTML;
}
setTimeout(load, 1200);
// The CMS renders the article again a little later: markers must not be duplicated.
setTimeout(load, 3500);
</script></body></html>`;
}

/** Page CSS that tries every way to hide or restyle the overlay, plus an odd root font size. */
function hostileCss(): string {
  const css = `<style>
html { font-size: 4px !important; }
report-audit-overlay, report-audit-overlay * { display: none !important; visibility: hidden !important; opacity: 0 !important; }
html > report-audit-overlay { position: fixed !important; left: -9999px !important; transform: scale(0) !important; width: 0 !important; overflow: hidden !important; }
:root > *:last-child { clip-path: inset(50%) !important; filter: opacity(0) !important; }
</style>`;
  return identityDefect().replace('</head>', `${css}</head>`);
}

/** The defect page with its t3 table in a tab that is hidden until clicked (CSS class toggle). */
function tabbedTable(): string {
  const html = identityDefect();
  const start = html.indexOf('<table', html.indexOf('三、收到和处理政府信息公开申请情况'));
  const end = html.indexOf('</table>', start) + '</table>'.length;
  if (start < 0 || end < start) throw new Error('001-semantic.html no longer has the t3 table this page hides');
  const css = '<style>.tab-pane{display:none}.tab-pane.active{display:block}</style>';
  const button = `<button id="show-t3" onclick="document.getElementById('t3-pane').classList.add('active')">显示表格</button>`;
  return (
    html.slice(0, start).replace('</head>', `${css}</head>`) + `${button}<div class="tab-pane" id="t3-pane">${html.slice(start, end)}</div>` + html.slice(end)
  );
}

/** A portal page that shows the report in an iframe, as some CMSs do. */
function framedReport(): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>信息公开_示范区人民政府</title></head>
<body><header>示范区人民政府门户网站</header><iframe id="article" src="/defects/identity.html" style="width:100%;height:2400px;border:0"></iframe></body></html>`;
}

export const PAGES: Record<string, () => string> = {
  '/tabbed.html': tabbedTable,
  '/framed.html': framedReport,
  // Three bodies' reports on one page, the second's 3.7 总计 one too many.
  '/compilation/three.html': () => fileCompilationHtml(3, true),
  ...SYNTHETIC_PAGES,
  ...PERF_PAGES,
  '/hostile/report.html': () => withAttack(identityDefect()),
  '/hostile/list.html': () => withAttack(SYNTHETIC_PAGES['/portal/list.html']!()),
  '/hostile/fake-host.html': () => fakeHost(identityDefect()),
  '/defects/identity.html': identityDefect,
  // The same page after a portal's 简/繁 switch: every character as OpenCC writes it in traditional form.
  '/defects/identity-traditional.html': () => OpenCC.Converter({ from: 'cn', to: 'tw' })(identityDefect()),
  '/defects/missing-section.html': missingSectionDefect,
  '/defects/blank.html': blankDefect,
  '/layouts/tables-as-images.html': tablesAsImages,
  '/late.html': latePage,
  '/hostile-css.html': hostileCss,
  ...Object.fromEntries([...REPORT_FILES, ...NONREPORT_FILES].map((f) => [`/reports/${f}`, () => fixture(f)])),
  ...Object.fromEntries(VARIANT_FILES.map((f) => [`/variants/${f}`, () => readFileSync(join(VARIANTS, f), 'utf8')])),
  ...Object.fromEntries(PROBE_FILES.map((f) => [`/probes/${f}`, () => readFileSync(join(PROBES, f), 'utf8')])),
};

/** PDF reports, served as the files in test/fixtures/pdf/ (printed from the HTML fixtures). */
const PDF_DIR = join(import.meta.dirname, '..', 'fixtures', 'pdf');
export const PDF_REPORT_FILES = readdirSync(PDF_DIR)
  .filter((f) => /^\d{3}-[\w-]+\.pdf$/.test(f))
  .sort();

/** Binary files by path, with their Content-Type. */
export const FILES: Record<string, { type: string; body: () => Buffer }> = {
  ...Object.fromEntries(PDF_REPORT_FILES.map((f) => [`/files/pdf/${f}`, { type: 'application/pdf', body: () => readFileSync(join(PDF_DIR, f)) }])),
  ...Object.fromEntries(['t2', 't3', 't4'].map((t) => [`/files/${t}.png`, { type: 'image/png', body: () => TABLE_PNG }])),
};

/**
 * A list column whose reports are PDFs: most linked straight to the file, one through a report
 * page that only links its PDF (as many CMSs publish them). The link texts name the year only.
 */
function pdfListPage(): string {
  const items = PDF_REPORT_FILES.map((f, i) =>
    i === 0
      ? `<li><a href="/pdf-portal/attachment-page.html">示范单位${i + 1} 2023年政府信息公开工作年度报告</a></li>`
      : `<li><a href="/files/pdf/${f}">示范单位${i + 1} 2023年政府信息公开工作年度报告（PDF）</a></li>`,
  );
  // The column is named without 「年报」: a page titled like a report that links PDFs reads as one attachment-only report.
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>信息公开（PDF 文件）_示范市人民政府</title></head>
<body><h2>信息公开 · PDF 文件</h2><ul class="list">${items.join('\n')}</ul></body></html>`;
}

/** A report page whose report is only its PDF attachment. */
function attachmentPage(): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>示范单位1 2023年政府信息公开工作年度报告_示范市人民政府</title></head>
<body><article><h1>示范单位1 2023年政府信息公开工作年度报告</h1><div class="info">发布时间：2024-01-20</div>
<p>附件：<a href="/files/pdf/${PDF_REPORT_FILES[0]}">2023年政府信息公开工作年度报告.pdf</a></p></article></body></html>`;
}

PAGES['/pdf-portal/list.html'] = pdfListPage;
PAGES['/pdf-portal/attachment-page.html'] = attachmentPage;

export function indexPage(): string {
  const links = [...Object.keys(PAGES), ...Object.keys(FILES)].map((p) => `<li><a href="${p}">${p}</a></li>`).join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>示范门户 · 年报审计助手演示</title></head>
<body><h1>示范门户（本地）</h1><p>年报审计助手的演示页面 · Demo pages for the extension.</p><ul>${links}</ul></body></html>`;
}
