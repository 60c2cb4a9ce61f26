import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { auditDocument, auditText, type AuditResult } from '../../lib/engine/audit';
import { Finding } from '../../lib/engine/model';
import { numbersIn } from '../../lib/engine/parse/prose';
import { PAGE_LIMITS } from '../../lib/engine/source/dom';
import { readCell, toHalfWidth } from '../../lib/engine/text';
import { fixtureHtml, htmlDoc } from '../helpers/fixtures';
import { LAYOUT_NAMES, layoutFixture } from '../helpers/layouts';
import { makeReport } from '../helpers/make-report';

const TITLE = '示范市测试局2023年政府信息公开工作年度报告';
const emptyDoc = () => parseHTML(`<html><head><title>${TITLE}</title></head><body></body></html>`).document as unknown as Document;
const appendLines = (doc: Document, parent: Element, text: string) => {
  for (const l of text.split('\n')) parent.appendChild(doc.createElement('p')).textContent = l;
};

/** What every audit must give, whatever the input: well-formed findings with printable numbers. */
function wellFormed(r: AuditResult) {
  if (!r.detected) {
    expect(typeof r.reason).toBe('string');
    return;
  }
  for (const f of r.findings) {
    // zod's number() refuses Infinity and NaN.
    Finding.parse(f);
    // What the page wrote is quoted 「…」 and may say anything; the engine's own words may not.
    expect(f.message.replace(/「[^」]*」/g, '')).not.toMatch(/undefined|NaN|Infinity|\d\.\d+e[+-]\d/);
    for (const v of [f.expected, f.actual]) if (typeof v === 'number') expect(Number.isFinite(v) && Math.abs(v) < 1e17).toBe(true);
  }
}

describe('pages of any depth and size', () => {
  it('a 50 000-deep page (with layout tables on the way) audits fine', () => {
    const doc = emptyDoc();
    let el: Element = doc.body;
    for (let i = 0; i < 50_000; i++) el = el.appendChild(doc.createElement(i % 1000 ? 'div' : 'table'));
    appendLines(doc, el, makeReport());
    const r = auditDocument(doc);
    expect(r.detected && r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
  it('a 150 000-line page audits fine, as text and as one <pre>', () => {
    const text = makeReport() + '\n' + Array.from({ length: 150_000 }, (_, i) => `新闻 ${i} 条`).join('\n');
    const asText = auditText(text);
    expect(asText.detected && asText.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const doc = emptyDoc();
    doc.body.appendChild(doc.createElement('pre')).textContent = text;
    const asPage = auditDocument(doc);
    expect(asPage.detected && asPage.findings.filter((f) => f.severity === 'error')).toEqual([]);
  }, 60_000);
  it('toHalfWidth and number scanning are linear and fast on an 18 MB text node', () => {
    const big = '２０２３年发布信息１２条，'.repeat(1_400_000);
    expect(big.length).toBeGreaterThan(18_000_000);
    const t = performance.now();
    const half = toHalfWidth(big);
    numbersIn(half);
    expect(half.slice(0, 13)).toBe('2023年发布信息12条,');
    expect(performance.now() - t).toBeLessThan(5_000);
  }, 30_000);
  it('a page above 5 MB of text is audited up to the cap and says so', () => {
    const doc = emptyDoc();
    appendLines(doc, doc.body, makeReport());
    doc.body.appendChild(doc.createElement('p')).textContent = '附：往年新闻汇编。'.repeat(Math.ceil(18_000_000 / 9));
    const t = performance.now();
    const r = auditDocument(doc);
    expect(performance.now() - t).toBeLessThan(15_000);
    if (!r.detected) throw new Error(r.reason);
    expect(r.findings[0]).toMatchObject({ rule: 'page-too-large', message: expect.stringContaining('仅审核前 3 个表格') });
    expect(r.report.tables.t3).toBeDefined();
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  }, 30_000);
  it('a page above 50 000 table cells is audited up to the cap and says so', () => {
    const doc = emptyDoc();
    appendLines(doc, doc.body, makeReport());
    const table = doc.body.appendChild(doc.createElement('table'));
    for (let r = 0; r < 3000; r++) {
      const tr = table.appendChild(doc.createElement('tr'));
      for (let c = 0; c < 20; c++) tr.appendChild(doc.createElement('td')).textContent = String(r * c);
    }
    const r = auditDocument(doc);
    if (!r.detected) throw new Error(r.reason);
    expect(r.findings[0]).toMatchObject({ rule: 'page-too-large', message: expect.stringContaining('单元格超过 50,000') });
  }, 30_000);
  it('a page under the caps gets no page-too-large finding', () => {
    const r = auditText(makeReport());
    expect(r.detected && r.findings.filter((f) => f.rule === 'page-too-large')).toEqual([]);
    expect(PAGE_LIMITS).toEqual({ chars: 5_000_000, cells: 50_000 });
  });
});

describe('numbers a cell cannot hold', () => {
  it.each([['12345678901234567890'], ['1e308'], ['NaN'], ['12,34,5'], ['９９９９９９９９９９９９９９９９９９']])(
    '%s in a t3 cell is an invalid cell, and no finding prints a float artefact',
    (raw) => {
      const text = makeReport().replace('一、本年新收政府信息公开申请数量\t10\t', `一、本年新收政府信息公开申请数量\t${raw}\t`);
      const r = auditText(text);
      wellFormed(r);
      expect(r.detected && r.report.tables.t3!.rows['1']!.natural!.status).toBe('invalid');
      expect(r.detected && r.findings).toContainEqual(expect.objectContaining({ rule: 'cell-invalid', actual: raw }));
    },
  );
  it('prose with a 400-digit number does not carry Infinity', () => {
    const r = auditText(makeReport({ s1: `2023年，我局共收到政府信息公开申请${'9'.repeat(400)}件，上年结转1件。` }));
    wellFormed(r);
    expect(readCell('9'.repeat(400)).kind).toBe('text');
  });
  it('a t4 row with extra cells: the note names the row, never 「undefined」', () => {
    const r = auditText(makeReport({ t4: [1, 0, 0, 1, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 7, 8] }));
    wellFormed(r);
    expect(r.detected && r.findings).toContainEqual(
      expect.objectContaining({ rule: 'row-extra-cells', message: expect.stringMatching(/^「行政复议、行政诉讼」行：多出 2 个数值/) }),
    );
  });
});

/** Mutations a portal, an extractor or an attacker can make to a report's text. */
const lineEdit = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        '|',
        '0 |',
        '| --- |',
        '\t\t\t',
        '—',
        '未统计',
        '1e308',
        'NaN',
        '9'.repeat(30),
        '四、政府信息公开行政复议、行政诉讼情况',
        '（三）不予公开',
        '<br>',
      ),
    ),
  }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: fc.string({ maxLength: 200, unit: 'grapheme' }) }),
  fc.record({
    kind: fc.constant('cell' as const),
    at: fc.nat(),
    cell: fc.nat(),
    text: fc.oneof(
      fc.constantFrom('', '—', '/', '未统计', '-3', '0.5', '1,000', '12,34,5', '１２', '1e308', 'NaN', 'Infinity', '9'.repeat(20), '251000元'),
      fc.integer().map(String),
    ),
  }),
);
type Edit = typeof lineEdit extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, edits: Edit[]): string {
  const lines = text.split('\n');
  for (const e of edits) {
    const at = e.at % (lines.length + 1);
    if (e.kind === 'delete') lines.splice(at, 1);
    else if (e.kind === 'duplicate') lines.splice(at, 0, lines[at] ?? '');
    else if (e.kind === 'swap') {
      const to = e.to % Math.max(lines.length, 1);
      [lines[at], lines[to]] = [lines[to] ?? '', lines[at] ?? ''];
    } else if (e.kind === 'insert') lines.splice(at, 0, e.text);
    else if (e.kind === 'replace') lines[at] = e.text;
    else {
      const cells = (lines[at] ?? '').split(/(\t|\|| )/);
      cells[(e.cell * 2) % Math.max(cells.length, 1)] = e.text;
      lines[at] = cells.join('');
    }
  }
  return lines.join('\n');
}

/** Same input, same output: findings compared as JSON (elements are not part of it). */
const summary = (r: AuditResult) =>
  JSON.stringify(r.detected ? { title: r.report.title, year: r.report.year, layout: r.report.layout, findings: r.findings } : r);

const BUDGET_MS = 2_000;
const SOURCES = [makeReport(), ...LAYOUT_NAMES.map((n) => layoutFixture(n).text)];

describe('fuzz: mutated report pages', () => {
  it('text: no exception escapes, each page within the budget, findings well-formed, same input same output', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SOURCES), fc.array(lineEdit, { minLength: 1, maxLength: 12 }), (source, edits) => {
        const text = mutate(source, edits);
        const t = performance.now();
        const r = auditText(text);
        expect(performance.now() - t).toBeLessThan(BUDGET_MS);
        wellFormed(r);
        expect(summary(auditText(text))).toBe(summary(r));
      }),
      { numRuns: 300, seed: 20261125 },
    );
  }, 120_000);
  it('HTML: mutated cells and markup of a report page', () => {
    const html = fixtureHtml('001-word.html');
    const edit = fc.record({
      at: fc.nat(),
      text: fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constantFrom(
          '<table>',
          '</table>',
          '<tr>',
          '</td><td>',
          '<td rowspan="9999">',
          '<td colspan="-1">',
          '<br>',
          '<!--',
          '&nbsp;',
          '未统计',
          '1e308',
          '—',
        ),
      ),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        let page = html;
        for (const e of edits) {
          const at = e.at % page.length;
          page = page.slice(0, at) + e.text + page.slice(at);
        }
        const t = performance.now();
        const r = auditDocument(htmlDoc(page));
        expect(performance.now() - t).toBeLessThan(BUDGET_MS);
        wellFormed(r);
        expect(summary(auditDocument(htmlDoc(page)))).toBe(summary(r));
      }),
      { numRuns: 60, seed: 20261125 },
    );
  }, 120_000);
});
