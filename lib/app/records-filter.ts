/** The records page's search and filters, kept pure so they are tested like the exports. */
import type { Layout } from '../engine/model';
import type { ReportRecord } from './schema';

export interface RecordFilter {
  /** Matched against agency, title and URL, ignoring case and spacing. */
  text: string;
  /** undefined: any year; null: reports whose year was not recognised. */
  year?: number | null;
  layout?: Layout;
  errorsOnly: boolean;
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, '');

export function filterRecords(records: readonly ReportRecord[], f: RecordFilter): ReportRecord[] {
  const text = norm(f.text);
  return records.filter(
    (r) =>
      (!text || [r.agency, r.title, r.url].some((s) => norm(s).includes(text))) &&
      (f.year === undefined || r.year === f.year) &&
      (!f.layout || r.layout === f.layout) &&
      (!f.errorsOnly || r.findings.some((x) => x.severity === 'error')),
  );
}

/** Years present, newest first, for the year filter. */
export function recordYears(records: readonly ReportRecord[]): number[] {
  return [...new Set(records.flatMap((r) => (r.year === null ? [] : [r.year])))].sort((a, b) => b - a);
}
