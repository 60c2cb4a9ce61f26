import { z } from 'zod';

/** Stable keys of report-format.md. */
export const SECTION_KEYS = ['s1', 's2', 's3', 's4', 's5', 's6'] as const;
export const SectionKey = z.enum(SECTION_KEYS);
export type SectionKey = z.infer<typeof SectionKey>;

export const TABLE_KEYS = ['t2', 't3', 't4'] as const;
export const TableKey = z.enum(TABLE_KEYS);
export type TableKey = z.infer<typeof TableKey>;

export const Layout = z.enum(['2021', '2019', 'unknown']);
export type Layout = z.infer<typeof Layout>;

/** The template a layout's tables follow: an unrecognised layout is read as the current (2021) one. */
export function layoutFamily(layout: Layout): '2021' | '2019' {
  return layout === '2019' ? '2019' : '2021';
}

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

/** Each table is printed in the section of the same number. */
export const SECTION_OF_TABLE: Record<TableKey, SectionKey> = { t2: 's2', t3: 's3', t4: 's4' };
export const TABLE_OF_SECTION: Partial<Record<SectionKey, TableKey>> = { s2: 't2', s3: 't3', s4: 't4' };

export const CellRef = z.object({ table: TableKey, row: z.string(), column: z.string() });
export type CellRef = z.infer<typeof CellRef>;

const FindingFields = {
  rule: z.string(),
  severity: Severity,
  message: z.string(),
  section: SectionKey.optional(),
  cells: z.array(CellRef).optional(),
  expected: z.union([z.number(), z.string()]).optional(),
  actual: z.union([z.number(), z.string()]).optional(),
  excerpt: z.string().optional(),
};

/** A finding that supports another: an identity a wrong cell breaks, a prose number it contradicts. */
export const Evidence = z.object(FindingFields);
export type Evidence = z.infer<typeof Evidence>;

/** A value the template's identities determine for a cell the report left blank (or unreadable). */
export const InferredValue = z.object({ cell: CellRef, value: z.number() });
export type InferredValue = z.infer<typeof InferredValue>;

/**
 * The one finding shape shared by the CLI, the extension and the exports.
 * `inferred` (on `cell-missing`, `cell-invalid`): what the identities say the blank cells hold.
 * `evidence` (on `cell-wrong`): the per-identity and prose findings that the wrong cell explains; they
 * are not findings of their own, so counts and markers show one finding per wrong cell.
 */
export const Finding = z.object({
  ...FindingFields,
  inferred: z.array(InferredValue).optional(),
  evidence: z.array(Evidence).optional(),
});
export type Finding = z.infer<typeof Finding>;

/**
 * One table cell as read from the page. `value` is null when the cell is missing data:
 * blank, a dash, 「无」, or absent from a short row (`status` says which).
 * `el` is the page element in the browser; it is never serialised.
 */
export const Cell = z.object({
  raw: z.string(),
  value: z.number().nullable(),
  status: z.enum(['ok', 'blank', 'absent', 'invalid']),
  /** A unit printed in the cell after the number. */
  unit: z.string().optional(),
  el: z.unknown().optional(),
  /** In a text table (a <pre>, a <p> row): the cell's line in `el`'s text and its offset in that line. */
  at: z.object({ line: z.number(), start: z.number() }).optional(),
});
export type Cell = z.infer<typeof Cell>;

export const Table = z.object({
  key: TableKey,
  /** row key -> column key -> cell; a row that was not found is absent. */
  rows: z.record(z.string(), z.record(z.string(), Cell)),
  /** Row/column labels as printed, by key, for label-variant reporting. */
  labels: z.record(z.string(), z.string()),
  /** Header cell texts (column labels) as printed, each once. */
  headers: z.array(z.string()),
  /** What could not be read: extra cells dropped, rows that matched nothing. */
  notes: z.array(z.object({ row: z.string().optional(), text: z.string() })),
  el: z.unknown().optional(),
});
export type Table = z.infer<typeof Table>;

export const Section = z.object({
  key: SectionKey,
  heading: z.string(),
  /** Position among the headings found, in page order. */
  order: z.number(),
  text: z.string(),
  el: z.unknown().optional(),
});
export type Section = z.infer<typeof Section>;

export const NumberMention = z.object({ value: z.number(), unit: z.string(), index: z.number(), raw: z.string() });
export type NumberMention = z.infer<typeof NumberMention>;

export const Sentence = z.object({
  section: SectionKey.optional(),
  text: z.string(),
  numbers: z.array(NumberMention),
  el: z.unknown().optional(),
});
export type Sentence = z.infer<typeof Sentence>;

export const Published = z.object({
  /** YYYY-MM-DD */
  date: z.string(),
  source: z.enum(['meta', 'text', 'url', 'signature']),
  raw: z.string(),
});
export type Published = z.infer<typeof Published>;

export const Report = z.object({
  title: z.string(),
  agency: z.string(),
  year: z.number().nullable(),
  layout: Layout,
  url: z.string().nullable(),
  published: Published.nullable(),
  sections: z.array(Section),
  tables: z.object({ t2: Table.optional(), t3: Table.optional(), t4: Table.optional() }),
  sentences: z.array(Sentence),
});
export type Report = z.infer<typeof Report>;

export const ReportSummary = Report.pick({ title: true, agency: true, year: true, layout: true });
export type ReportSummary = z.infer<typeof ReportSummary>;

export function cellKey(ref: CellRef): string {
  return `${ref.table}/${ref.row}/${ref.column}`;
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
