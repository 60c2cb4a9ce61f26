/**
 * --follow-links: a list page's reports, read page after page and fetched politely, by the
 * extension's own batch runner with an in-memory store instead of the extension's database.
 */
import { createJob } from '../lib/app/batch/job';
import type { BatchLimits } from '../lib/app/batch/limits';
import { abortableSleep, runJob, type RunDeps } from '../lib/app/batch/runner';
import type { ReportSnapshot } from '../lib/engine/snapshot';
import { failed, type Audited, type ListPage } from './entry';
import { parseDocument, withUserAgent } from './sources';

const auditedOfSnapshot = (source: string, s: ReportSnapshot): Audited => ({
  entry: { source, detected: true, report: { title: s.title, agency: s.agency, year: s.year, layout: s.layout }, findings: s.findings },
  facts: { source, agency: s.agency, year: s.year, layout: s.layout, values: s.values },
});

/**
 * Every report the list links, in list order: audited entries, and error entries for links that
 * failed (HTTP errors, not a report, a refused redirect); and why pagination stopped early, if it
 * did. `trustedHosts` are hosts the user named.
 */
export async function followList(list: ListPage, limits: BatchLimits, trustedHosts: readonly string[]): Promise<{ reports: Audited[]; listError?: string }> {
  const job = createJob({ id: 'cli', listUrl: list.url, listTitle: list.title, links: list.links, next: list.next, now: Date.now() });
  const stored = new Map<string, ReportSnapshot>();
  const deps: RunDeps = {
    fetch: withUserAgent,
    parse: parseDocument,
    disabledRules: [],
    save: async (report) => {
      stored.set(report.url, report);
      return { reportId: report.url, agency: report.agency, year: report.year };
    },
    persist: async () => undefined,
    onChange: () => undefined,
    // The command line has no permissions to ask for: any public site, and the hosts the user named.
    missingHosts: async () => [],
    now: Date.now,
    sleep: abortableSleep,
    trustedHosts,
  };
  const { job: end } = await runJob(job, deps, limits, new AbortController().signal);
  const reports = end.links.map((l) => {
    const report = l.result && stored.get(l.result.reportId);
    return report ? auditedOfSnapshot(l.url, report) : failed(l.url, l.error ?? '未能审核');
  });
  return { reports, listError: end.listError };
}
