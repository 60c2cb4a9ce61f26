/** Counts shown for a report in the side panel and the records table. */
import type { Finding, Severity } from '../engine/model';
import { STATUSES, type FindingNote, type Status, type StoredFinding } from './schema';

export function notesById(notes: readonly FindingNote[]): Map<string, FindingNote> {
  return new Map(notes.map((n) => [n.findingId, n]));
}

export function notesByReport(notes: readonly FindingNote[]): Map<string, FindingNote[]> {
  const byReport = new Map<string, FindingNote[]>();
  for (const n of notes) {
    const list = byReport.get(n.reportId);
    if (list) list.push(n);
    else byReport.set(n.reportId, [n]);
  }
  return byReport;
}

/** Cross-year findings come from stored audits of other years, not from the page itself. */
export function isCrossYearRule(ruleId: string): boolean {
  return ruleId.startsWith('cross-year-');
}

/** A finding nobody has marked yet is still to be verified. */
export function statusOf(note: Pick<FindingNote, 'status'> | undefined): Status {
  return note?.status ?? 'pending';
}

export function severityCounts(findings: readonly Pick<Finding, 'severity'>[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function statusCounts(findings: readonly StoredFinding[], notes: ReadonlyMap<string, FindingNote>): Record<Status, number> {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const f of findings) counts[statusOf(notes.get(f.id))]++;
  return counts;
}

/** 误报 and 已整改: the auditor has settled them, so they are shown dimmed and left out of the counts. */
export const SETTLED_STATUSES: readonly Status[] = ['false_positive', 'fixed'];

export function isSettled(status: Status): boolean {
  return SETTLED_STATUSES.includes(status);
}

/** The findings that count: those not settled as 误报 or 已整改 (all of them when `includeSettled`). */
export function countedFindings<F extends StoredFinding>(
  findings: readonly F[],
  notes: ReadonlyMap<string, Pick<FindingNote, 'status'>>,
  includeSettled = false,
): F[] {
  return includeSettled ? [...findings] : findings.filter((f) => !isSettled(statusOf(notes.get(f.id))));
}
