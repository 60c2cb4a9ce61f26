/**
 * --follow-links: a list page's reports, read page after page and fetched politely, by the
 * extension's own batch runner with an in-memory store instead of the extension's database.
 */
import { createJob, storedReports } from '../lib/app/batch/job';
import type { BatchLimits } from '../lib/app/batch/limits';
import { abortableSleep, runJob, type RunDeps } from '../lib/app/batch/runner';
import { partKey } from '../lib/engine/finding-id';
import type { ReportSnapshot } from '../lib/engine/snapshot';
import { failed, partSource, type Audited, type ListPage } from './entry';
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
    // Keyed as the extension keys them: a compilation's reports by the page and the part.
    save: async (report, part) => {
      const reportId = part ? partKey(report.url, part) : report.url;
      stored.set(reportId, report);
      return { reportId, agency: report.agency, year: report.year };
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
  // A compilation's reports one entry each, `url#part=N` as the CLI names a compilation's parts.
  const reports = end.links.flatMap((l) => {
    const found = storedReports(l).flatMap((r) => stored.get(r.reportId) ?? []);
    if (!found.length) return [failed(l.url, l.error ?? '未能审核')];
    return found.map((report, i) => auditedOfSnapshot(partSource(l.url, i, found.length), report));
  });
  return { reports, listError: end.listError };
}
