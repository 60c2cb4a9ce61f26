/** A report's audit sent as a message (audit-transfer.ts): elements go as numbers and come back as the same elements. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditPage, type ReportAudit } from '../../lib/engine/audit';
import { attachPart, DetachedPart, detachPart, isRowsOnPage, type PartOnPage } from '../../lib/engine/audit-transfer';
import { findingElements } from '../../lib/engine/rules/tables-as-images';
import { FIXTURES, fixtureHtml, htmlDoc } from '../helpers/fixtures';

const URL = 'https://www.example.gov.cn/a.html';

function audited(html: string): { part: ReportAudit; elements: Element[] } {
  const doc = htmlDoc(html);
  const audit = auditPage(doc, { url: URL });
  if (!audit.detected) throw new Error('not a report');
  return { part: audit.parts[0]!, elements: Array.from(doc.querySelectorAll('*')) };
}

/** Every element a report names, in a fixed order. */
function elementsOf({ report, findings }: PartOnPage): unknown[] {
  const out: unknown[] = [];
  for (const t of Object.values(report.tables)) {
    out.push(t?.el);
    for (const cells of Object.values(t?.rows ?? {})) for (const c of Object.values(cells)) out.push(c.el);
  }
  for (const s of report.sections) out.push(s.el);
  for (const s of report.sentences) out.push(s.el);
  for (const f of findings) out.push(...findingElements(f));
  return out;
}

describe('a report audit as a message', () => {
  it('sends numbers, valid after JSON, and gets every element back in its place', () => {
    const { part, elements } = audited(fixtureHtml('001-word.html'));
    const numberOf = (el: unknown) => elements.indexOf(el as Element);
    const sent = JSON.parse(JSON.stringify(detachPart(part, numberOf))) as unknown;
    const parsed = DetachedPart.safeParse(sent);
    expect(parsed.success).toBe(true);
    expect(JSON.stringify(sent)).not.toMatch(/"el":\{/);
    const back = attachPart(parsed.data!, elements);
    expect(elementsOf(back)).toEqual(elementsOf(part));
    expect(elementsOf(back).filter((el) => el !== undefined).length).toBeGreaterThan(100);
    expect(back.findings).toEqual(part.findings);
  });

  it('sends what the page needs of the report, where each part is, and leaves values, labels and whole texts in the background', () => {
    const { part, elements } = audited(fixtureHtml('001-word.html'));
    const sent = detachPart(part, (el) => elements.indexOf(el as Element));
    const r = part.report;
    expect(sent.report).toMatchObject({ title: r.title, agency: r.agency, year: r.year, layout: r.layout });
    expect(sent.report.sections.map((s) => [s.key, s.heading, s.order])).toEqual(r.sections.map((s) => [s.key, s.heading, s.order]));
    expect(sent.report.sentences.map((s) => s.text)).toEqual(r.sentences.map((s) => s.text));
    const t3 = r.tables.t3!;
    expect(Object.keys(sent.report.tables.t3!.rows)).toEqual(Object.keys(t3.rows));
    const [row, cells] = Object.entries(t3.rows)[0]!;
    const [column, cell] = Object.entries(cells)[0]!;
    expect(sent.report.tables.t3!.rows[row]![column]).toEqual({ raw: cell.raw, status: cell.status, el: elements.indexOf(cell.el as Element) });
    const json = JSON.stringify(sent.report);
    expect(json).not.toMatch(/"value"|"labels"|"headers"|"notes"|"numbers"|"published"|"url"/);
    expect(json.length).toBeLessThan(JSON.stringify(r).length / 2);
  });

  it('carries the images of tables shown as images, out of sight of JSON', () => {
    const { part, elements } = audited(readFileSync(join(FIXTURES, 'layouts', 'pages', 'report-tables-as-images.html'), 'utf8'));
    const pictured = part.findings.findIndex((f) => f.rule === 'tables-as-images');
    expect(findingElements(part.findings[pictured]!).length).toBeGreaterThan(0);
    const sent = detachPart(part, (el) => elements.indexOf(el as Element));
    expect(sent.images).toEqual([[pictured, findingElements(part.findings[pictured]!).map((el) => elements.indexOf(el as Element))]]);
    const back = attachPart(JSON.parse(JSON.stringify(sent)) as DetachedPart, elements);
    expect(findingElements(back.findings[pictured]!)).toEqual(findingElements(part.findings[pictured]!));
    expect(JSON.stringify(back.findings[pictured])).toBe(JSON.stringify(part.findings[pictured]));
  });

  it('drops an element the sender cannot number, and a number the receiver has no element for', () => {
    const { part, elements } = audited(fixtureHtml('002-semantic.html'));
    const sent = detachPart(part, () => undefined);
    expect(elementsOf(attachPart(sent, elements)).every((el) => el === undefined)).toBe(true);
    const numbered = detachPart(part, (el) => elements.indexOf(el as Element));
    expect(elementsOf(attachPart(numbered, [])).every((el) => el === undefined)).toBe(true);
  });

  it('refuses a report whose cells are not cells, whichever cell it is', () => {
    const { part, elements } = audited(fixtureHtml('001-word.html'));
    const sent = JSON.parse(JSON.stringify(detachPart(part, (el) => elements.indexOf(el as Element)))) as DetachedPart;
    const rows = sent.report.tables.t3!.rows;
    expect(isRowsOnPage(rows)).toBe(true);
    const [row, cells] = Object.entries(rows).at(-1)!;
    const column = Object.keys(cells).at(-1)!;
    const cell = cells[column]!;
    const broken: unknown[] = [
      { ...cell, raw: 5 },
      { ...cell, status: 'wrong' },
      { ...cell, at: { line: '1', start: 0 } },
      { ...cell, at: [1, 0] },
      null,
      [cell],
    ];
    for (const b of broken) {
      const bad = structuredClone(sent);
      bad.report.tables.t3!.rows[row]![column] = b as never;
      expect(DetachedPart.safeParse(bad).success).toBe(false);
    }
    const notRows = structuredClone(sent);
    notRows.report.tables.t3!.rows = [] as never;
    expect(DetachedPart.safeParse(notRows).success).toBe(false);
    expect(DetachedPart.safeParse({ ...sent, report: { ...sent.report, tables: { t3: { key: 't3', rows: { [row]: 'x' } } } } }).success).toBe(false);
  });
});
