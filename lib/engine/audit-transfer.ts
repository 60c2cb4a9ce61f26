/**
 * A report's audit as a message: the background audits the page's tree (source/page-tree.ts) and
 * sends each report back as the page needs it — where its sections, sentences, tables and cells
 * are, and its findings — with every element replaced by its number in the tree; the content
 * script puts its own page elements back in their place. Values, labels and a section's whole text
 * stay in the background, which stores the report itself: what does not travel costs the page nothing.
 */
import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';
import type { ReportAudit } from './audit';
import { CELL_STATUSES, Finding, Layout, SectionKey, TableKey, TABLE_KEYS, type Cell, type Section, type Sentence } from './model';
import { findingElements, withFindingElements } from './rules/tables-as-images';

type CellOnPage = Pick<Cell, 'raw' | 'status' | 'el' | 'at'>;
type RowsOnPage = Record<string, Record<string, CellOnPage>>;
const CELL_STATUS: ReadonlySet<unknown> = new Set(CELL_STATUSES);

/**
 * Whether a value is a table's rows of cells as sent (row -> column -> cell), checked in one loop:
 * the cells are nearly all of a report's message, which an object schema per cell checked and
 * copied several times slower on the page's main thread. `el` is checked when it is attached.
 */
export function isRowsOnPage(x: unknown): x is RowsOnPage {
  const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isRecord(x)) return false;
  for (const cells of Object.values(x)) {
    if (!isRecord(cells)) return false;
    for (const c of Object.values(cells)) {
      if (!isRecord(c) || typeof c.raw !== 'string' || !CELL_STATUS.has(c.status)) return false;
      const at = c.at;
      if (at !== undefined && !(isRecord(at) && typeof at.line === 'number' && typeof at.start === 'number')) return false;
    }
  }
  return true;
}

const TableOnPage = lazySchema(() => z.object({ key: TableKey, rows: z.custom<RowsOnPage>(isRowsOnPage), el: z.optional(z.unknown()) }));

/**
 * A report's section and sentence as the page needs them. Written out rather than picked from the
 * model's schemas: a pick builds the whole Report schema (tables, cells, dates) on the page to keep
 * four fields of it. The types say they are the model's fields, so the two cannot drift apart.
 */
const SectionOnPage: z.ZodMiniType<Pick<Section, 'key' | 'heading' | 'order' | 'el'>> = lazySchema(() =>
  z.object({ key: SectionKey, heading: z.string(), order: z.number(), el: z.optional(z.unknown()) }),
);
const SentenceOnPage: z.ZodMiniType<Pick<Sentence, 'section' | 'text' | 'el'>> = lazySchema(() =>
  z.object({ section: z.optional(SectionKey), text: z.string(), el: z.optional(z.unknown()) }),
);

/** What the overlay reads of a report: its identity, and where its parts are on the page (targets.ts, flag.ts). */
export const ReportOnPage = lazySchema(() =>
  z.object({
    title: z.string(),
    agency: z.string(),
    year: z.nullable(z.number()),
    layout: Layout,
    sections: z.array(SectionOnPage),
    tables: z.object({ t2: z.optional(TableOnPage), t3: z.optional(TableOnPage), t4: z.optional(TableOnPage) }),
    sentences: z.array(SentenceOnPage),
  }),
);
export type ReportOnPage = z.infer<typeof ReportOnPage>;

/** One report of the page as the content script holds it: findings as the engine gave them. */
export interface PartOnPage {
  report: ReportOnPage;
  findings: Finding[];
}

export const DetachedPart = lazySchema(() =>
  z.object({
    report: ReportOnPage,
    findings: z.array(Finding),
    /** The elements some findings mark beside their cells (tables shown as images): [finding's index, element numbers]. */
    images: z.array(z.tuple([z.number(), z.array(z.number())])),
  }),
);
export type DetachedPart = z.infer<typeof DetachedPart>;

/** The report as the page needs it, each `el` mapped (elements to numbers, or back). */
function onPage(r: ReportOnPage, map: (el: unknown) => unknown): ReportOnPage {
  const tables: ReportOnPage['tables'] = {};
  for (const key of TABLE_KEYS) {
    const t = r.tables[key];
    if (!t) continue;
    const rows: NonNullable<ReportOnPage['tables'][typeof key]>['rows'] = {};
    for (const [row, cells] of Object.entries(t.rows)) {
      const out: (typeof rows)[string] = {};
      for (const [column, { raw, status, el, at }] of Object.entries(cells)) out[column] = { raw, status, el: map(el), ...(at && { at }) };
      rows[row] = out;
    }
    tables[key] = { key: t.key, rows, el: map(t.el) };
  }
  return {
    title: r.title,
    agency: r.agency,
    year: r.year,
    layout: r.layout,
    tables,
    sections: r.sections.map(({ key, heading, order, el }) => ({ key, heading, order, el: map(el) })),
    sentences: r.sentences.map(({ section, text, el }) => ({ ...(section && { section }), text, el: map(el) })),
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
  return { report: onPage(report, (el) => (el === undefined ? undefined : numberOf(el))), findings, images };
}

/** On receipt: numbers become the page's elements again (`elements`, as the tree's writer numbered them). */
export function attachPart({ report, findings, images }: DetachedPart, elements: readonly unknown[]): PartOnPage {
  const at = (n: unknown) => (typeof n === 'number' ? elements[n] : undefined);
  for (const [i, els] of images)
    if (findings[i])
      withFindingElements(
        findings[i],
        els.map(at).filter((el) => el !== undefined),
      );
  return { report: onPage(report, at), findings };
}
