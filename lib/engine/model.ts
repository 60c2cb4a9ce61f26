// zod/mini: the auditor content script bundles these schemas; classic zod would be most of its size.
// Each is built on first use (lazySchema): a page that never parses a Report does not build one.
import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';

/** Stable keys of report-format.md. */
export const SECTION_KEYS = ['s1', 's2', 's3', 's4', 's5', 's6'] as const;
export const SectionKey = lazySchema(() => z.enum(SECTION_KEYS));
export type SectionKey = z.infer<typeof SectionKey>;

export const TABLE_KEYS = ['t2', 't3', 't4'] as const;
export const TableKey = lazySchema(() => z.enum(TABLE_KEYS));
export type TableKey = z.infer<typeof TableKey>;

export const Layout = lazySchema(() => z.enum(['2021', '2019', 'unknown']));
export type Layout = z.infer<typeof Layout>;

/** The template a layout's tables follow: an unrecognised layout is read as the current (2021) one. */
export function layoutFamily(layout: Layout): '2021' | '2019' {
  return layout === '2019' ? '2019' : '2021';
}

export const Severity = lazySchema(() => z.enum(['error', 'warning', 'info']));
export type Severity = z.infer<typeof Severity>;

/** Each table is printed in the section of the same number. */
export const SECTION_OF_TABLE: Record<TableKey, SectionKey> = { t2: 's2', t3: 's3', t4: 's4' };
export const TABLE_OF_SECTION: Partial<Record<SectionKey, TableKey>> = { s2: 't2', s3: 't3', s4: 't4' };

export const CellRef = lazySchema(() => z.object({ table: TableKey, row: z.string(), column: z.string() }));
export type CellRef = z.infer<typeof CellRef>;

/** A finding that supports another: an identity a wrong cell breaks, a prose number it contradicts. */
export const Evidence = lazySchema(() =>
  z.object({
    rule: z.string(),
    severity: Severity,
    message: z.string(),
    section: z.optional(SectionKey),
    cells: z.optional(z.array(CellRef)),
    expected: z.optional(z.union([z.number(), z.string()])),
    actual: z.optional(z.union([z.number(), z.string()])),
    excerpt: z.optional(z.string()),
  }),
);
export type Evidence = z.infer<typeof Evidence>;

/** A value the template's identities determine for a cell the report left blank (or unreadable). */
export const InferredValue = lazySchema(() => z.object({ cell: CellRef, value: z.number() }));
export type InferredValue = z.infer<typeof InferredValue>;

/**
 * The one finding shape shared by the CLI, the extension and the exports.
 * `inferred` (on `cell-missing`, `cell-invalid`): what the identities say the blank cells hold.
 * `evidence` (on `cell-wrong`): the per-identity and prose findings that the wrong cell explains; they
 * are not findings of their own, so counts and markers show one finding per wrong cell.
 */
export const Finding = lazySchema(() =>
  z.extend(Evidence, {
    inferred: z.optional(z.array(InferredValue)),
    evidence: z.optional(z.array(Evidence)),
  }),
);
export type Finding = z.infer<typeof Finding>;

/** Whether a cell holds a number: blank, absent from a short row, or not a number (see Cell). */
export const CELL_STATUSES = ['ok', 'blank', 'absent', 'invalid'] as const;

/**
 * One table cell as read from the page. `value` is null when the cell is missing data:
 * blank, a dash, 「无」, or absent from a short row (`status` says which).
 * `el` is the page element in the browser; it is never serialised.
 */
export const Cell = lazySchema(() =>
  z.object({
    raw: z.string(),
    value: z.nullable(z.number()),
    status: z.enum(CELL_STATUSES),
    /** A unit printed in the cell after the number. */
    unit: z.optional(z.string()),
    el: z.optional(z.unknown()),
    /** In a text table (a <pre>, a <p> row): the cell's line in `el`'s text and its offset in that line. */
    at: z.optional(z.object({ line: z.number(), start: z.number() })),
    /** A blank whose column the text did not show: the template's identities told it (parse/blank-place.ts). */
    deduced: z.optional(z.boolean()),
  }),
);
export type Cell = z.infer<typeof Cell>;

export const Table = lazySchema(() =>
  z.object({
    key: TableKey,
    /** row key -> column key -> cell; a row that was not found is absent. */
    rows: z.record(z.string(), z.record(z.string(), Cell)),
    /** Row/column labels as printed, by key, for label-variant reporting. */
    labels: z.record(z.string(), z.string()),
    /** Header cell texts (column labels) as printed, each once. */
    headers: z.array(z.string()),
    /** What could not be read: extra cells dropped, rows that matched nothing. */
    notes: z.array(z.object({ row: z.optional(z.string()), text: z.string() })),
    /** The layout this table's own labels show, when not the report's (a 2021 t3 beside a t2 left in the 2019 layout). */
    layout: z.optional(Layout),
    el: z.optional(z.unknown()),
  }),
);
export type Table = z.infer<typeof Table>;

export const Section = lazySchema(() =>
  z.object({
    key: SectionKey,
    heading: z.string(),
    /** Position among the headings found, in page order. */
    order: z.number(),
    text: z.string(),
    el: z.optional(z.unknown()),
  }),
);
export type Section = z.infer<typeof Section>;

export const NumberMention = lazySchema(() => z.object({ value: z.number(), unit: z.string(), index: z.number(), raw: z.string() }));
export type NumberMention = z.infer<typeof NumberMention>;

export const Sentence = lazySchema(() =>
  z.object({
    section: z.optional(SectionKey),
    text: z.string(),
    numbers: z.array(NumberMention),
    el: z.optional(z.unknown()),
    /** Goes on from the sentence before it in the same paragraph (line of text). */
    follows: z.optional(z.boolean()),
  }),
);
export type Sentence = z.infer<typeof Sentence>;

export const Published = lazySchema(() =>
  z.object({
    /** YYYY-MM-DD */
    date: z.string(),
    source: z.enum(['meta', 'text', 'url', 'signature']),
    raw: z.string(),
  }),
);
export type Published = z.infer<typeof Published>;

export const Report = lazySchema(() =>
  z.object({
    title: z.string(),
    agency: z.string(),
    year: z.nullable(z.number()),
    layout: Layout,
    url: z.nullable(z.string()),
    published: z.nullable(Published),
    sections: z.array(Section),
    tables: z.object({ t2: z.optional(Table), t3: z.optional(Table), t4: z.optional(Table) }),
    sentences: z.array(Sentence),
  }),
);
export type Report = z.infer<typeof Report>;

export const ReportSummary = lazySchema(() => z.pick(Report, { title: true, agency: true, year: true, layout: true }));
export type ReportSummary = z.infer<typeof ReportSummary>;

export function cellKey(ref: CellRef): string {
  return `${ref.table}/${ref.row}/${ref.column}`;
}

/** Every cell's value by cellKey (null where the cell holds no number): what cross-year checks compare. */
export function cellValues(report: Report): Record<string, number | null> {
  const values: Record<string, number | null> = {};
  for (const t of TABLE_KEYS) {
    const rows = report.tables[t]?.rows;
    for (const row in rows) {
      const cols = rows[row]!;
      for (const column in cols) values[cellKey({ table: t, row, column })] = cols[column]!.status === 'ok' ? cols[column]!.value : null;
    }
  }
  return values;
}

/** What cross-year checks need of one audited report: identity and its cell values. */
export interface YearFacts {
  /** Where it came from (URL or file), to name it in messages. */
  source: string;
  agency: string;
  year: number | null;
  layout: Layout;
  /** `t3/2/natural` → value; null for missing data. */
  values: Record<string, number | null>;
}
