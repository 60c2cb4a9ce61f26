/**
 * Statistics over stored audits for the records page's charts and the workbook: reports audited,
 * share with errors, findings per rule, per body and per year. Findings settled as 误报 or 已整改
 * are left out unless `includeSettled` (the page's toggle) asks for them.
 */
import type { Severity } from '../engine/model';
import { bodiesGrid } from './bodies';
import { countedFindings, notesById, severityCounts, statusCounts, statusOf } from './report-stats';
import { STATUSES, type FindingNote, type ReportRecord, type Status, type StoredFinding } from './schema';

/** A stored report with the notes on its findings (the shape pages and exports hold). */
export interface AuditWithNotes {
  record: ReportRecord;
  notes: readonly FindingNote[];
}

export interface StatsOptions {
  includeSettled?: boolean;
}

export interface Overview {
  reports: number;
  /** Reports with at least one counted error. */
  withErrors: number;
  /** withErrors / reports, 0 when there are no reports. */
  shareWithErrors: number;
  findings: number;
  bySeverity: Record<Severity, number>;
  /** Over every finding, settled ones included: the statuses are what is being counted. */
  byStatus: Record<Status, number>;
}

export interface RuleCount {
  rule: string;
  findings: number;
  /** Reports with at least one such finding. */
  reports: number;
  byStatus: Record<Status, number>;
}

export interface GroupCount {
  /** A body's name, or a year (null: year not recognised). */
  key: string;
  year?: number | null;
  reports: number;
  withErrors: number;
  findings: number;
  bySeverity: Record<Severity, number>;
}

/** The findings of one report that count, with the report's notes by finding. */
function counted(a: AuditWithNotes, opts: StatsOptions): { findings: StoredFinding[]; notes: Map<string, FindingNote> } {
  const notes = notesById(a.notes);
  return { findings: countedFindings(a.record.findings, notes, opts.includeSettled), notes };
}

const emptyStatus = (): Record<Status, number> => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;

export function overview(audits: readonly AuditWithNotes[], opts: StatsOptions = {}): Overview {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byStatus = emptyStatus();
  let withErrors = 0;
  for (const a of audits) {
    const { findings, notes } = counted(a, opts);
    const sev = severityCounts(findings);
    for (const s of Object.keys(sev) as Severity[]) bySeverity[s] += sev[s];
    if (sev.error > 0) withErrors++;
    const st = statusCounts(a.record.findings, notes);
    for (const s of STATUSES) byStatus[s] += st[s];
  }
  const findings = bySeverity.error + bySeverity.warning + bySeverity.info;
  return { reports: audits.length, withErrors, shareWithErrors: audits.length ? withErrors / audits.length : 0, findings, bySeverity, byStatus };
}

/** Findings per rule, the most frequent first (ties by rule id, so the order is stable). */
export function countByRule(audits: readonly AuditWithNotes[], opts: StatsOptions = {}): RuleCount[] {
  const byRule = new Map<string, RuleCount>();
  for (const a of audits) {
    const { findings, notes } = counted(a, opts);
    const seen = new Set<string>();
    for (const f of findings) {
      const c = byRule.get(f.rule) ?? { rule: f.rule, findings: 0, reports: 0, byStatus: emptyStatus() };
      byRule.set(f.rule, c);
      c.findings++;
      c.byStatus[statusOf(notes.get(f.id))]++;
      if (!seen.has(f.rule)) c.reports++;
      seen.add(f.rule);
    }
  }
  return [...byRule.values()].sort((a, b) => b.findings - a.findings || a.rule.localeCompare(b.rule));
}

function group(key: string, audits: readonly AuditWithNotes[], opts: StatsOptions): GroupCount {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let withErrors = 0;
  for (const a of audits) {
    const sev = severityCounts(counted(a, opts).findings);
    for (const s of Object.keys(sev) as Severity[]) bySeverity[s] += sev[s];
    if (sev.error > 0) withErrors++;
  }
  return { key, reports: audits.length, withErrors, findings: bySeverity.error + bySeverity.warning + bySeverity.info, bySeverity };
}

/** Per body, bodies matched as the 机关 × 年度 view matches them; the most findings first. */
export function countByBody(audits: readonly AuditWithNotes[], opts: StatsOptions = {}): GroupCount[] {
  const byRecord = new Map(audits.map((a) => [a.record, a]));
  return bodiesGrid(audits.map((a) => a.record))
    .bodies.map((b) =>
      group(
        b.names[0] || '（未识别机关）',
        [...b.byYear.values()].flat().map((r) => byRecord.get(r)!),
        opts,
      ),
    )
    .sort((a, b) => b.findings - a.findings || a.key.localeCompare(b.key, 'zh-CN'));
}

/** Per year, oldest first (a trend reads left to right); reports whose year was not recognised last. */
export function countByYear(audits: readonly AuditWithNotes[], opts: StatsOptions = {}): GroupCount[] {
  const years = new Map<number | null, AuditWithNotes[]>();
  for (const a of audits) years.set(a.record.year, [...(years.get(a.record.year) ?? []), a]);
  return [...years.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a - b))
    .map(([year, list]) => ({ ...group(year === null ? '年度未识别' : String(year), list, opts), year }));
}

/** A share as auditors write it: 0.5 → 「50.0%」. */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
