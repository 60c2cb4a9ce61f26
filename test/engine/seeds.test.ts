import { describe, expect, it } from 'vitest';
import { auditDocument, auditText, type AuditResult } from '../../lib/engine/audit';
import type { Report } from '../../lib/engine/model';
import { fixtureHtml, htmlDoc, SEED_IDS, seedText, STYLES } from '../helpers/fixtures';
import { cellValues, expectedValues, findingProblems, SEED_EXPECTED } from '../helpers/seed-expected';

function ok(r: AuditResult) {
  if (!r.detected) throw new Error('not detected: ' + r.reason);
  return r;
}

/** The numbers of a report, table by table, in a comparable form. */
function numbers(report: Report) {
  return Object.fromEntries(
    (['t2', 't3', 't4'] as const).map((t) => [
      t,
      Object.fromEntries(
        Object.entries(report.tables[t]?.rows ?? {}).map(([row, cols]) => [
          row,
          Object.fromEntries(Object.entries(cols).map(([c, cell]) => [c, cell.value ?? cell.status])),
        ]),
      ),
    ]),
  );
}

const sources = SEED_IDS.flatMap((id) => [
  { id, name: `${id} raw text`, audit: () => ok(auditText(seedText(id))) },
  ...STYLES.map((style) => ({ id, name: `${id} ${style} HTML`, audit: () => ok(auditDocument(htmlDoc(fixtureHtml(`${id}-${style}.html`)))) })),
]);

describe.each(sources)('$name', ({ id, audit }) => {
  const r = audit();
  const exp = SEED_EXPECTED[id];
  it('reads identity, layout, six sections and the three full tables', () => {
    expect(r.report.year).toBe(exp.year);
    expect(r.report.agency).toBe(exp.agency);
    expect(r.report.layout).toBe(exp.layout);
    expect(r.report.sections.map((s) => s.key)).toEqual(exp.sections);
    expect(Object.keys(r.report.tables.t2!.rows)).toHaveLength(6);
    expect(Object.keys(r.report.tables.t3!.rows)).toHaveLength(25);
    expect(Object.keys(r.report.tables.t4!.rows['1']!)).toHaveLength(15);
  });
  it('reads the cell values the text holds', () => {
    const values = cellValues(r.report);
    expect(values).toEqual(expectedValues(exp, values));
  });
  it('reads the same numbers as the raw text', () => {
    expect(numbers(r.report)).toEqual(numbers(ok(auditText(seedText(id))).report));
  });
  it('gives the findings this seed should give, and not those it must not', () => {
    expect(findingProblems(exp, r.findings)).toEqual([]);
  });
  it('gives the findings the template and the seed notes call for', () => {
    const errors = r.findings.filter((f) => f.severity === 'error');
    if (id === '000' || id === '001' || id === '004') expect(errors).toEqual([]);
    if (id === '002') {
      expect(r.findings).toContainEqual(expect.objectContaining({ rule: 'prose-rate', expected: '17.1%', actual: '18%' }));
      expect(r.findings).toContainEqual(expect.objectContaining({ rule: 's6-no-fee' }));
      expect(errors).toEqual([]);
    }
    if (id === '003') {
      // The blank 行政复议 group is missing data the identities cannot fill: one warning for the table, no error.
      expect(errors).toEqual([]);
      const missing = r.findings.filter((f) => f.rule === 'cell-missing');
      expect(missing).toEqual([expect.objectContaining({ severity: 'warning' })]);
      expect(missing[0]!.cells!.map((c) => c.column)).toEqual(['review.upheld', 'review.corrected', 'review.other', 'review.pending', 'review.total']);
      // 178 = 1 + 144 + 33 and 8 = 1 + 7 hold, so no parts-whole warning.
      expect(r.findings.filter((f) => f.rule === 'prose-parts-whole')).toEqual([]);
    }
  });
});

describe('seed sidecars', () => {
  it('fail a report that breaks them: a changed cell, a missing or an extra finding', () => {
    const r = ok(auditText(seedText('003')));
    const exp = SEED_EXPECTED['003'];
    const values = cellValues(r.report);
    expect({ ...values, 't3/1/total': 2 }).not.toEqual(expectedValues(exp, values));
    expect(
      findingProblems(
        exp,
        r.findings.filter((f) => f.rule !== 'cell-missing'),
      ),
    ).not.toEqual([]);
    expect(findingProblems(exp, [...r.findings, { rule: 'prose-parts-whole', severity: 'warning', message: '' }])).toEqual(['unexpected prose-parts-whole']);
    expect(findingProblems(SEED_EXPECTED['002'], r.findings)).not.toEqual([]);
  });
});

describe('seed specifics', () => {
  it('001: one application, answered 本机关不掌握, with the short (七)总计 row read right', () => {
    const r = ok(auditText(seedText('001')));
    expect(r.report.tables.t3!.rows['3.4.1']!.natural!.value).toBe(1);
    expect(r.report.tables.t3!.rows['3.7']!.total!.value).toBe(1);
  });
  it('003: labels broken over lines still find their rows', () => {
    const r = ok(auditText(seedText('003')));
    expect(r.report.tables.t3!.rows['3.4.2']!.total!.value).toBe(1);
    expect(r.report.tables.t2!.rows['normative']!.in_force!.value).toBe(10);
  });
  it('003 with a parts figure changed: the parts-whole warning fires on the sentence', () => {
    const r = ok(auditText(seedText('003').replace('144 条', '140 条')));
    expect(r.findings).toContainEqual(expect.objectContaining({ rule: 'prose-parts-whole', expected: 178, actual: 174 }));
  });
  it('001 with 556 changed: the 「包括」 breakdown no longer adds up', () => {
    const r = ok(auditText(seedText('001').replace('556 条', '566 条')));
    expect(r.findings).toContainEqual(expect.objectContaining({ rule: 'prose-parts-whole', expected: 566, actual: 556 }));
  });
});
