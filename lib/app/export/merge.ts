/**
 * How an imported audit meets the local one. Each piece keeps its newer side, so importing a
 * colleague's file never loses a newer local note, and importing the same file twice changes nothing.
 * Each function returns what to write, or undefined when the local copy stays as it is.
 */
import { isManualFinding } from '../../engine/rules/manual-finding';
import type { FindingNote, ReportRecord } from '../schema';
import type { ExportedReport } from './json';

/**
 * Times after the import are a wrong clock or a crafted file: kept as they are, they would win every
 * later merge against notes the auditor actually writes. They become the import time.
 */
export function clampToImportTime(report: ExportedReport, now: number): ExportedReport {
  const at = (t: number) => Math.min(t, now);
  return {
    ...report,
    firstAuditedAt: at(report.firstAuditedAt),
    auditedAt: at(report.auditedAt),
    noteUpdatedAt: report.noteUpdatedAt === null ? null : at(report.noteUpdatedAt),
    notes: report.notes.map((n) => ({ ...n, updatedAt: at(n.updatedAt) })),
    history: report.history?.map((h) => ({ ...h, at: at(h.at) })),
    ...(report.absentSince !== undefined && { absentSince: at(report.absentSince) }),
  };
}

export function mergeReport(local: ReportRecord | undefined, incoming: ReportRecord): ReportRecord | undefined {
  if (!local) return incoming;
  const audit = incoming.auditedAt > local.auditedAt ? incoming : local;
  const note = (incoming.noteUpdatedAt ?? -Infinity) > (local.noteUpdatedAt ?? -Infinity) ? incoming : local;
  const firstAuditedAt = Math.min(local.firstAuditedAt, incoming.firstAuditedAt);
  // Findings flagged by hand are not part of an audit: each side's are kept, whichever audit is newer.
  const other = audit === local ? incoming : local;
  const have = new Set(audit.findings.map((f) => f.id));
  const manual = other.findings.filter((f) => isManualFinding(f) && !have.has(f.id));
  if (audit === local && note === local && firstAuditedAt === local.firstAuditedAt && !manual.length) return undefined;
  return { ...audit, findings: [...audit.findings, ...manual], firstAuditedAt, note: note.note, noteBy: note.noteBy, noteUpdatedAt: note.noteUpdatedAt };
}

export function mergeNote(local: FindingNote | undefined, incoming: FindingNote): FindingNote | undefined {
  return !local || incoming.updatedAt > local.updatedAt ? incoming : undefined;
}
