/** What the CLI prints for one input, and what it keeps of it for the cross-year checks and link following. */
import type { YearFacts } from '../lib/engine/cross-year';
import type { Finding, ReportSummary } from '../lib/engine/model';
import type { FoundLink } from '../lib/app/batch/job';

export interface Entry {
  source: string;
  detected: boolean;
  report?: ReportSummary;
  findings: Finding[];
  /** Why a page that was read is not taken for a report. */
  reason?: string;
  /** Why an input could not be read or audited: the run's exit code is then 1. */
  error?: string;
  /** The list page a report was reached from, with --follow-links. */
  linkedFrom?: string;
  /** Report links found on a list page. */
  links?: number;
}

/** A list page's report links and next page, kept instead of its document (which stays in the thread that parsed it). */
export interface ListPage {
  url: string;
  title: string;
  links: FoundLink[];
  next: string | null;
}

/** An audited input: plain data, so it can cross from a worker thread. */
export interface Audited {
  entry: Entry;
  facts?: YearFacts;
  list?: ListPage;
  /** The PDF/Word files an attachment-only report page links (for --follow-links). */
  attachments?: string[];
  /** The other reports of a compilation page, each an entry of its own, printed after this one. */
  more?: Audited[];
}

/** What the CLI names report `index` (from 0) of `count` an input held: a compilation's as the extension names them, `source#part=N`. */
export const partSource = (source: string, index: number, count: number): string => (count > 1 ? `${source}#part=${index + 1}` : source);

export function failed(source: string, error: string): Audited {
  return { entry: { source, detected: false, findings: [], error } };
}

/**
 * A report's year facts with its cell values as JSON text: a few KB, where the same values as an
 * object take several times that. What the run keeps of every report until the cross-year checks.
 */
export interface KeptFacts extends Omit<YearFacts, 'values'> {
  valuesJson: string;
}

export const keptFacts = ({ values, ...rest }: YearFacts): KeptFacts => ({ ...rest, valuesJson: JSON.stringify(values) });

/**
 * The facts again for the cross-year checks; their values are read from the text each time they
 * are looked at, and not kept (only reports matched with another year are looked at).
 */
export function factsOfKept({ valuesJson, ...rest }: KeptFacts): YearFacts {
  return Object.defineProperty(rest, 'values', { enumerable: true, get: () => JSON.parse(valuesJson) as YearFacts['values'] }) as YearFacts;
}

/**
 * An audited input as it crosses from a worker thread: the entry already as the JSON line that is
 * printed for it (the main thread neither parses nor serialises it again), beside what the run keeps.
 */
export interface AuditedLine extends Omit<Audited, 'entry' | 'facts' | 'more'> {
  line: string;
  /** Whether the entry has an error (the run's exit code). */
  error: boolean;
  facts?: KeptFacts;
  more?: AuditedLine[];
}

export function lineOf({ entry, facts, more, ...rest }: Audited): AuditedLine {
  return { ...rest, line: JSON.stringify(entry), error: !!entry.error, ...(facts && { facts: keptFacts(facts) }), ...(more && { more: more.map(lineOf) }) };
}

/** The entry of either form, as an object (for the few inputs whose entry the run changes). */
export const entryOf = (a: Audited | AuditedLine): Entry => ('entry' in a ? a.entry : (JSON.parse(a.line) as Entry));
