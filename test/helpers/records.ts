import type { ReportRecord } from '@/lib/app/schema';

/** A stored report record with nothing in it but what `over` says: the tests' one place for its shape. */
export function storedRecord(over: Partial<ReportRecord> = {}): ReportRecord {
  return {
    id: '',
    url: '',
    title: '',
    agency: '',
    year: null,
    layout: '2021',
    published: null,
    sections: [],
    tables: [],
    values: {},
    firstAuditedAt: 0,
    auditedAt: 0,
    findings: [],
    gone: [],
    newIds: [],
    note: '',
    noteBy: '',
    noteUpdatedAt: null,
    ...over,
  };
}
