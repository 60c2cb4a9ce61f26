/**
 * A report's audit as a message: the background audits the page's tree (source/page-tree.ts) and
 * sends each report back with every element it names replaced by its number in the tree; the
 * content script puts its own page elements back in their place. Only the element references
 * change: the report and its findings are the engine's own.
 */
import * as z from 'zod/mini';
import type { ReportAudit } from './audit';
import { Finding, Report, TABLE_KEYS, type Table } from './model';
import { findingElements, withFindingElements } from './rules/tables-as-images';

export const DetachedPart = z.object({
  report: Report,
  findings: z.array(Finding),
  /** The elements some findings mark beside their cells (tables shown as images): [finding's index, element numbers]. */
  images: z.array(z.tuple([z.number(), z.array(z.number())])),
});
export type DetachedPart = z.infer<typeof DetachedPart>;

/** A copy of the report with each `el` mapped (elements to numbers, or back). */
function mapElements(r: Report, map: (el: unknown) => unknown): Report {
  const tables: Report['tables'] = {};
  for (const key of TABLE_KEYS) {
    const t = r.tables[key];
    if (!t) continue;
    const rows: Table['rows'] = {};
    for (const [row, cells] of Object.entries(t.rows)) {
      const out: Table['rows'][string] = {};
      for (const [column, cell] of Object.entries(cells)) out[column] = { ...cell, el: map(cell.el) };
      rows[row] = out;
    }
    tables[key] = { ...t, rows, el: map(t.el) };
  }
  return {
    ...r,
    tables,
    sections: r.sections.map((s) => ({ ...s, el: map(s.el) })),
    sentences: r.sentences.map((s) => ({ ...s, el: map(s.el) })),
  };
}

/** For sending: elements become their numbers (`numberOf`); one it does not know is dropped. */
export function detachPart({ report, findings }: ReportAudit, numberOf: (el: unknown) => number | undefined): DetachedPart {
  const images: DetachedPart['images'] = [];
  findings.forEach((f, i) => {
    const els = findingElements(f)
      .map(numberOf)
      .filter((n) => n !== undefined);
    if (els.length) images.push([i, els]);
  });
  return { report: mapElements(report, (el) => (el === undefined ? undefined : numberOf(el))), findings, images };
}

/** On receipt: numbers become the page's elements again (`elements`, as the tree's writer numbered them). */
export function attachPart({ report, findings, images }: DetachedPart, elements: readonly unknown[]): ReportAudit {
  const at = (n: unknown) => (typeof n === 'number' ? elements[n] : undefined);
  for (const [i, els] of images)
    if (findings[i])
      withFindingElements(
        findings[i],
        els.map(at).filter((el) => el !== undefined),
      );
  return { report: mapElements(report, at), findings };
}
