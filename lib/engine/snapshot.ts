import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';
import { cellValues, Finding, Layout, SectionKey, TABLE_KEYS, TableKey, type Report } from './model';

/** What one audit of a report yields, to store and compare across years: the app's stored record extends it. */
export const ReportSnapshot = lazySchema(() =>
  z.object({
    url: z.string(),
    title: z.string(),
    agency: z.string(),
    year: z.nullable(z.int()),
    layout: Layout,
    /** Publication date read from the page, YYYY-MM-DD. */
    published: z.nullable(z.string()),
    sections: z.array(SectionKey),
    tables: z.array(TableKey),
    /** Cell values by `t3/2/natural`: what cross-year checks compare. */
    values: z.record(z.string(), z.nullable(z.number())),
    findings: z.array(Finding),
  }),
);
export type ReportSnapshot = z.infer<typeof ReportSnapshot>;

/**
 * What an audit sends to the background to be stored: the report's identity, its findings, and
 * its cell values (cross-year checks compare them with the same body's other years).
 */
export function reportSnapshot(report: Report, findings: Finding[], url: string): ReportSnapshot {
  return {
    url,
    title: report.title,
    agency: report.agency,
    year: report.year,
    layout: report.layout,
    published: report.published?.date ?? null,
    sections: report.sections.map((s) => s.key),
    tables: TABLE_KEYS.filter((t) => report.tables[t]),
    values: cellValues(report),
    findings,
  };
}
