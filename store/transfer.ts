/** Reading everything for the records page and the exports; merging an imported file. */
import { splitAuditsFile, type ExportedReport } from '@/lib/app/export/json';
import { clampToImportTime, mergeNote, mergeReport } from '@/lib/app/export/merge';
import type { ImportSummary } from '@/lib/app/messages';
import type { FindingNote, HistoryEntry, ReportRecord } from '@/lib/app/schema';
import type { AuditDb } from './db';

export interface AllAudits {
  /** Newest audit first. */
  reports: ReportRecord[];
  notes: FindingNote[];
  /** Every finding's changes, oldest first. */
  history: HistoryEntry[];
}

export async function loadAllAudits(db: AuditDb): Promise<AllAudits> {
  return db.transaction('r', db.reports, db.notes, db.history, async () => ({
    reports: await db.reports.orderBy('auditedAt').reverse().toArray(),
    notes: await db.notes.toArray(),
    history: await db.history
      .orderBy('id')
      .toArray()
      .then((h) => h.sort((a, b) => a.at - b.at)),
  }));
}

/**
 * Merges a validated file's reports in one transaction: either all of it lands or, on a storage error,
 * none. Times after `now` count as `now`.
 */
export async function importAudits(db: AuditDb, imported: readonly ExportedReport[], now: number): Promise<ImportSummary & { reportIds: string[] }> {
  const { reports, notes, history } = splitAuditsFile({ reports: imported.map((r) => clampToImportTime(r, now)) });
  return db.transaction('rw', db.reports, db.notes, db.history, async () => {
    const localReports = await db.reports.bulkGet(reports.map((r) => r.id));
    const reportWrites = reports.flatMap((r, i) => mergeReport(localReports[i], r) ?? []);
    const localNotes = await db.notes.bulkGet(notes.map((n): [string, string] => [n.reportId, n.findingId]));
    const noteWrites = notes.flatMap((n, i) => mergeNote(localNotes[i], n) ?? []);
    await db.reports.bulkPut(reportWrites);
    await db.notes.bulkPut(noteWrites);
    // History entries are facts, not versions: every one the store lacks is added, none replaced, so
    // importing a colleague's file (or the same file twice) never duplicates an entry.
    const localHistory = await db.history.bulkGet(history.map((h) => h.id));
    await db.history.bulkAdd(history.filter((_, i) => !localHistory[i]));
    const reportIds = [...new Set([...reportWrites.map((r) => r.id), ...noteWrites.map((n) => n.reportId)])];
    return { reports: reportWrites.length, notes: noteWrites.length, reportIds };
  });
}
