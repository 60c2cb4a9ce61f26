import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { AuditDb, SCHEMA_VERSIONS, type SchemaVersion } from '@/store/db';
import { getReportState, saveAudit, setFindingNote } from '@/store/reports';
import { audited, sectionMissing, sumBroken } from '../helpers/audits';

/**
 * What a version 2 looks like when it comes: a new index plus a backfill. Appended to the real
 * version list, so this test opens databases written by the shipped schema, as users' browsers will.
 */
const NEXT: SchemaVersion = {
  version: SCHEMA_VERSIONS.at(-1)!.version + 1,
  stores: { reports: 'id, agency, year, auditedAt, layout' },
  upgrade: (tx) =>
    tx
      .table('reports')
      .toCollection()
      .modify((r: { noteBy?: string }) => {
        r.noteBy ||= '（迁移前）';
      }),
};

describe('schema versions', () => {
  it('upgrades the current database in place: rows and notes kept, new index usable, backfill applied', async () => {
    const name = `upgrade-${Math.random()}`;
    const v1 = new AuditDb(name);
    const { record } = await saveAudit(v1, audited([sumBroken, sectionMissing]), 1000);
    await setFindingNote(v1, { reportId: record.id, findingId: record.findings[0]!.id, note: '核实', status: 'confirmed' }, '张三', 1100);
    await saveAudit(v1, audited([], { url: 'https://b.gov.cn/r.html', layout: '2019' }), 1200);
    v1.close();

    const v2 = new AuditDb(name, [...SCHEMA_VERSIONS, NEXT]);
    expect((await v2.reports.where('layout').equals('2019').toArray()).map((r) => r.url)).toEqual(['https://b.gov.cn/r.html']);
    const state = await getReportState(v2, record.id);
    expect(state?.record).toEqual({ ...record, noteBy: '（迁移前）' });
    expect(state?.notes).toHaveLength(1);
    expect(v2.verno).toBe(NEXT.version);
    await v2.delete();
  });

  it('version 2 backfills cell values and publication date on version-1 rows', async () => {
    const name = `v1-${Math.random()}`;
    const v1 = new AuditDb(
      name,
      SCHEMA_VERSIONS.filter((v) => v.version === 1),
    );
    const { values: _v, published: _p, ...oldRow } = { ...(await saveAudit(new AuditDb(`scratch-${Math.random()}`), audited([sumBroken]), 1000)).record };
    await v1.reports.put(oldRow as never);
    v1.close();
    const v2 = new AuditDb(name);
    expect(await v2.reports.get(oldRow.id)).toEqual({ ...oldRow, values: {}, published: null });
    await v2.delete();
  });

  it('declares versions in increasing order, each once', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });
});
