/**
 * The audit database, shared by the background (which writes) and the extension pages (which read
 * through liveQuery). Content scripts never open it: they live in the page's origin, not the extension's.
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import type { FindingNote, HistoryEntry, ReportRecord } from '@/lib/app/schema';

export const DB_NAME = 'gov-report-auditor';

export interface SchemaVersion {
  version: number;
  /** Dexie's stores() spec: only what changes in this version. */
  stores: Record<string, string | null>;
  /** Rewrites existing rows when the version is first opened. */
  upgrade?: (tx: Transaction) => Promise<unknown> | void;
}

/**
 * Every schema version, oldest first. A change appends a version and never edits an old one:
 * browsers in the field open the database at whatever version they last had and step through the rest.
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      reports: 'id, agency, year, auditedAt',
      notes: '[reportId+findingId], reportId',
    },
  },
  {
    // Reports keep their cell values (for cross-year checks) and publication date.
    version: 2,
    stores: { reports: 'id, agency, year, auditedAt' },
    upgrade: (tx) =>
      tx
        .table('reports')
        .toCollection()
        .modify((r: { values?: unknown; published?: unknown }) => {
          r.values ??= {};
          r.published ??= null;
        }),
  },
  {
    // Ids of the note writes already applied: a retried save (its answer lost to a worker stop) is applied once.
    version: 3,
    stores: { writes: 'id, at' },
  },
  {
    // Who changed a finding's status or note, when, from what to what. Existing notes start their
    // history with one entry (no "before": what came earlier was not recorded).
    version: 4,
    stores: { history: 'id, [reportId+findingId], reportId' },
    upgrade: async (tx) => {
      const notes = (await tx.table('notes').toArray()) as FindingNote[];
      await tx.table('history').bulkPut(notes.map(firstEntry));
    },
  },
];

/** The history entry standing for a note whose earlier changes were never recorded. */
export function firstEntry(n: FindingNote): HistoryEntry {
  return {
    id: `${n.reportId}|${n.findingId}|${n.updatedAt}|initial`,
    reportId: n.reportId,
    findingId: n.findingId,
    by: n.by,
    at: n.updatedAt,
    before: null,
    after: { status: n.status, note: n.note },
  };
}

/** One applied write: its id (chosen by the page that made the edit) and when it was applied. */
export interface AppliedWrite {
  id: string;
  at: number;
}

export class AuditDb extends Dexie {
  declare reports: Table<ReportRecord, string>;
  declare notes: Table<FindingNote, [string, string]>;
  declare writes: Table<AppliedWrite, string>;
  declare history: Table<HistoryEntry, string>;

  constructor(name = DB_NAME, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name);
    for (const v of versions) {
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
  }
}

let shared: AuditDb | undefined;

/** The one database of this extension context, opened on first use. */
export function auditDb(): AuditDb {
  return (shared ??= new AuditDb());
}
