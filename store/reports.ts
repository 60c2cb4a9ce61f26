/** Saving audits and notes. The background is the only writer; callers pass the time and the auditor. */
import { pageKey, partOf, reportKey, withFindingIds } from '@/lib/engine/finding-id';
import type { ReportState } from '@/lib/app/messages';
import type { ReportSnapshot } from '@/lib/engine/snapshot';
import type { FindingNote, HistoryEntry, ReportRecord, Status, StoredFinding } from '@/lib/app/schema';
import { isManualFinding, manualFindingOf, type ManualTarget } from '@/lib/engine/rules/manual-finding';
import type { Severity } from '@/lib/engine/model';
import { crossYearFindings, previousFinder, type YearFacts } from '@/lib/engine/cross-year';
import type { Finding } from '@/lib/engine/model';
import { isCrossYearRule } from '@/lib/app/report-stats';
import type { AuditDb } from './db';
import { StoreError } from './errors';
import { t } from '@/lib/app/i18n';

/** Cross-year findings come from stored audits, not from the page: they are recomputed on every save. */
const isCrossYear = (f: Finding) => isCrossYearRule(f.rule);

const factsOfRecord = (r: ReportRecord): YearFacts => ({ source: r.id, agency: r.agency, year: r.year, layout: r.layout, values: r.values });

/**
 * Stores an audit over the previous one of the same page. Notes are keyed by finding id and are
 * left alone: a finding that disappears keeps its note, and gets it back if it returns. The audit is
 * checked against the same body's stored previous year, and the stored following year against it.
 * `parts`, when known, is how many reports the page holds now: its other records are then marked absent or present.
 */
export async function saveAudit(db: AuditDb, report: ReportSnapshot, now: number, disabledRules: readonly string[] = [], parts?: number): Promise<ReportState> {
  const id = reportKey(report.url);
  await db.transaction('rw', db.reports, async () => {
    if (parts !== undefined) await markAbsentReports(db, id, parts, now);
    const prev = await db.reports.get(id);
    const year = report.year;
    const neighbours = year
      ? (
          await db.reports
            .where('year')
            .anyOf([year - 1, year + 1])
            .toArray()
        ).filter((r) => r.id !== id)
      : [];
    const current: YearFacts = { source: id, agency: report.agency, year, layout: report.layout, values: report.values };
    const cross = crossYearFindings(current, neighbours.map(factsOfRecord), disabledRules);
    // The auditor's own findings are not the page's to drop: they stay through every re-audit.
    const manual = prev?.findings.filter(isManualFinding) ?? [];
    const engine = report.findings.filter((f) => !isCrossYear(f) && !isManualFinding(f));
    const findings = [...withFindingIds([...engine, ...cross]), ...manual];
    const ids = new Set(findings.map((f) => f.id));
    const prevIds = new Set(prev?.findings.map((f) => f.id));
    const record: ReportRecord = {
      id,
      url: report.url,
      title: report.title,
      agency: report.agency,
      year,
      layout: report.layout,
      published: report.published,
      sections: report.sections,
      tables: report.tables,
      values: report.values,
      firstAuditedAt: prev?.firstAuditedAt ?? now,
      auditedAt: now,
      findings,
      gone: prev?.findings.filter((f) => !ids.has(f.id)) ?? [],
      // On a first audit nothing is "new": the badge marks what changed since the last look.
      newIds: prev ? findings.filter((f) => !prevIds.has(f.id)).map((f) => f.id) : [],
      note: prev?.note ?? '',
      noteBy: prev?.noteBy ?? '',
      noteUpdatedAt: prev?.noteUpdatedAt ?? null,
    };
    await db.reports.put(record);
    if (!year) return;
    // Reports of the following year audited earlier (a list is audited in any order) now have a previous year.
    const sameYear = previousFinder([...(await db.reports.where('year').equals(year).toArray()).filter((r) => r.id !== id), record].map(factsOfRecord));
    for (const next of neighbours.filter((r) => r.year === year + 1)) {
      const kept = next.findings.filter((f) => !isCrossYear(f) && !isManualFinding(f));
      const recheck = [
        ...withFindingIds([...kept, ...crossYearFindings(factsOfRecord(next), sameYear, disabledRules)]),
        ...next.findings.filter(isManualFinding),
      ];
      const before = new Set(next.findings.map((f) => f.id));
      if (recheck.length === next.findings.length && recheck.every((f) => before.has(f.id))) continue;
      await db.reports.update(next.id, {
        findings: recheck,
        newIds: [...next.newIds, ...recheck.filter((f) => !before.has(f.id)).map((f) => f.id)],
        gone: [...next.gone, ...next.findings.filter((f) => !recheck.some((r) => r.id === f.id))],
      });
    }
  });
  return (await getReportState(db, id))!;
}

/**
 * The page's other records that an audit finding `parts` reports did not see: parts beyond the last, the
 * page's one report when it now holds several, or its parts when it holds one. They are marked, not deleted
 * (their notes are the auditor's); a record seen again is stored afresh, without the mark.
 */
async function markAbsentReports(db: AuditDb, id: string, parts: number, now: number): Promise<void> {
  const page = pageKey(id);
  const onPage = (key: string) => (parts > 1 ? partOf(key) >= 1 && partOf(key) <= parts : partOf(key) === 0);
  // Keys only: each part's save of a compilation asks, and the siblings' records are large.
  const absent = (await db.reports.where('id').startsWith(page).primaryKeys()).filter((key) => key !== id && pageKey(key) === page && !onPage(key));
  if (absent.length)
    await db.reports
      .where('id')
      .anyOf(absent)
      .modify((r) => {
        r.absentSince ??= now;
      });
}

export async function getReportState(db: AuditDb, reportId: string): Promise<ReportState | null> {
  return db.transaction('r', db.reports, db.notes, db.history, async () => {
    const record = await db.reports.get(reportId);
    if (!record) return null;
    const notes = await db.notes.where('reportId').equals(reportId).toArray();
    const history = await db.history.where('reportId').equals(reportId).sortBy('at');
    return { record, notes, history };
  });
}

export interface NoteInput {
  reportId: string;
  findingId: string;
  note: string;
  status: Status;
}

/** How long an applied write id is remembered: far longer than any page keeps retrying a save. */
const WRITE_IDS_KEPT_MS = 7 * 24 * 3600_000;

/**
 * Runs `write` unless the write with this id was already applied. A page retries a save until it
 * gets an answer; when the first attempt landed and only its answer was lost, the retry must not
 * apply the edit again (over a later edit from another page, or with a new time).
 */
async function once(db: AuditDb, writeId: string | undefined, now: number, write: () => Promise<unknown>): Promise<void> {
  if (writeId === undefined) return void (await write());
  if (await db.writes.get(writeId)) return;
  await write();
  await db.writes.put({ id: writeId, at: now });
  await db.writes
    .where('at')
    .below(now - WRITE_IDS_KEPT_MS)
    .delete();
}

/** Sets a finding's note and status, signed by `by`. Findings that have gone can still be noted (e.g. 已整改). */
export async function setFindingNote(db: AuditDb, input: NoteInput, by: string, now: number, writeId?: string): Promise<ReportState> {
  await db.transaction('rw', [db.reports, db.notes, db.writes, db.history], async () => {
    const record = await requireRecord(db, input.reportId);
    const known = [...record.findings, ...record.gone].some((f) => f.id === input.findingId);
    if (!known) throw new StoreError(t('store_findingGone'));
    const { reportId, findingId, note, status } = input;
    await once(db, writeId, now, async () => {
      const before = await db.notes.get([reportId, findingId]);
      await db.notes.put({ reportId, findingId, note, status, by, updatedAt: now });
      await recordChange(db, before, { reportId, findingId, note, status }, by, now);
    });
  });
  return (await getReportState(db, input.reportId))!;
}

/** Saves while typing this close together extend one history entry: a paragraph is one change, not ten. */
export const TYPING_PAUSE_MS = 2 * 60_000;

/**
 * Adds the change to the finding's history. A note edited on by the same auditor shortly after their
 * last text-only change extends that entry (its "before" stays); a status change is always its own entry.
 */
async function recordChange(db: AuditDb, before: FindingNote | undefined, after: NoteInput, by: string, now: number): Promise<void> {
  const was = before ? { status: before.status, note: before.note } : null;
  const is = { status: after.status, note: after.note };
  if (was ? was.status === is.status && was.note === is.note : is.status === 'pending' && is.note === '') return;
  const entries = await db.history.where('[reportId+findingId]').equals([after.reportId, after.findingId]).sortBy('at');
  const last = entries.at(-1);
  const textOnly = (e: { before: HistoryEntry['before']; after: HistoryEntry['after'] }) => (e.before?.status ?? 'pending') === e.after.status;
  if (last && last.by === by && now - last.at < TYPING_PAUSE_MS && textOnly(last) && was?.status === is.status) {
    await db.history.put({ ...last, at: now, after: is });
    return;
  }
  await db.history.put({ id: crypto.randomUUID(), reportId: after.reportId, findingId: after.findingId, by, at: now, before: was, after: is });
}

/**
 * Adds a finding the auditor flagged by hand. Its id is its own (two flags on one cell are two
 * findings), and it is kept through re-audits (see saveAudit).
 */
export async function addManualFinding(
  db: AuditDb,
  input: { reportId: string; target: ManualTarget; severity: Severity; note: string },
  now: number,
): Promise<{ state: ReportState; findingId: string }> {
  const finding: StoredFinding = {
    ...manualFindingOf(input.target, input.severity, input.note),
    id: `manual-${now.toString(36)}-${crypto.randomUUID().slice(0, 8)}`,
  };
  await db.transaction('rw', db.reports, async () => {
    const record = await requireRecord(db, input.reportId);
    await db.reports.update(record.id, { findings: [...record.findings, finding] });
  });
  return { state: (await getReportState(db, input.reportId))!, findingId: finding.id };
}

/** Removes a finding the auditor flagged by hand (engine findings cannot be removed, only marked 误报). */
export async function removeManualFinding(db: AuditDb, reportId: string, findingId: string): Promise<ReportState> {
  await db.transaction('rw', db.reports, async () => {
    const record = await requireRecord(db, reportId);
    const f = record.findings.find((x) => x.id === findingId);
    if (!f || !isManualFinding(f)) throw new StoreError(t('store_manualOnly'));
    await db.reports.update(reportId, { findings: record.findings.filter((x) => x.id !== findingId) });
  });
  return (await getReportState(db, reportId))!;
}

export async function setReportNote(db: AuditDb, reportId: string, note: string, by: string, now: number, writeId?: string): Promise<ReportState> {
  await db.transaction('rw', db.reports, db.writes, async () => {
    await requireRecord(db, reportId);
    await once(db, writeId, now, () => db.reports.update(reportId, { note, noteBy: by, noteUpdatedAt: now }));
  });
  return (await getReportState(db, reportId))!;
}

async function requireRecord(db: AuditDb, reportId: string): Promise<ReportRecord> {
  const record = await db.reports.get(reportId);
  if (!record) throw new StoreError(t('store_noReport'));
  return record;
}
