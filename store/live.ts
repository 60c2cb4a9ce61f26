/**
 * The extension pages' data hooks over the audit database: each a Dexie query kept current. It
 * re-runs on writes from any extension context (the background's included), which Dexie relays
 * between them over a BroadcastChannel. Components read stored audits only through these.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { ReportState } from '@/lib/app/messages';
import type { ReportRecord } from '@/lib/app/schema';
import { auditDb } from './db';
import { storageErrorMessage } from './errors';
import { getReportState } from './reports';
import { loadAllAudits, type AllAudits } from './transfer';

export type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: string };

function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  useEffect(() => {
    setState({ status: 'loading' });
    const sub = liveQuery(query).subscribe({
      next: (value) => setState({ status: 'ready', value }),
      error: (e: unknown) => setState({ status: 'error', error: storageErrorMessage(e) }),
    });
    return () => sub.unsubscribe();
  }, deps); // the caller lists what the query depends on
  return state;
}

/** One report with its notes; null while `reportId` is null or nothing is stored under it. */
export function useReportState(reportId: string | null): Loaded<ReportState | null> {
  return useLiveQuery(() => (reportId ? getReportState(auditDb(), reportId) : Promise.resolve(null)), [reportId]);
}

/** Every report (newest audit first) and every note: the records page. */
export function useAllAudits(): Loaded<AllAudits> {
  return useLiveQuery(() => loadAllAudits(auditDb()), []);
}

/** These reports, in this order; a missing one is undefined. */
export function useStoredReports(ids: readonly string[]): Loaded<(ReportRecord | undefined)[]> {
  return useLiveQuery(() => auditDb().reports.bulkGet([...ids]), [ids.join('\n')]);
}
