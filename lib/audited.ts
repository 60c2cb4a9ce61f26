import { factsOf } from './cross-year';
import type { AuditedReport } from './messages';
import type { Finding, Report } from './model';

/**
 * What an audit sends to the background to be stored: the report's identity, its findings, and
 * its cell values (cross-year checks compare them with the same body's other years).
 */
export function auditedReport(report: Report, findings: Finding[], url: string): AuditedReport {
  return {
    url,
    title: report.title,
    agency: report.agency,
    year: report.year,
    layout: report.layout,
    published: report.published?.date ?? null,
    sections: report.sections.map((s) => s.key),
    tables: (['t2', 't3', 't4'] as const).filter((t) => report.tables[t]),
    values: factsOf(report, url).values,
    findings,
  };
}
