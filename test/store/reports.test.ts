import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { findingId, reportKey, withFindingIds } from '@/lib/engine/finding-id';
import type { StoredFinding } from '@/lib/app/schema';
import type { AuditDb } from '@/store/db';
import { StoreError } from '@/store/errors';
import { getReportState, saveAudit, setFindingNote, setReportNote } from '@/store/reports';
import { audited, freshDb, proseMismatch, sectionMissing, sumBroken, URL_A } from '../helpers/audits';

let db: AuditDb;
afterEach(() => db?.delete());

describe('saveAudit', () => {
  it('stores a first audit under the report key, with stable finding ids and nothing marked new', async () => {
    db = freshDb();
    const { record, notes } = await saveAudit(db, audited([sumBroken, sectionMissing], { url: `${URL_A}?utm_source=x#t3` }), 1000);
    expect(record.id).toBe(reportKey(URL_A));
    expect(record.findings.map((f) => f.id)).toEqual([findingId(sumBroken), findingId(sectionMissing)]);
    expect(record).toMatchObject({ firstAuditedAt: 1000, auditedAt: 1000, newIds: [], gone: [], note: '', noteUpdatedAt: null });
    expect(notes).toEqual([]);
  });

  it('on a re-audit marks new findings, lists gone ones, keeps firstAuditedAt and every note', async () => {
    db = freshDb();
    const first = await saveAudit(db, audited([sumBroken, sectionMissing]), 1000);
    const id = first.record.id;
    const [broken, missing] = first.record.findings;
    await setFindingNote(db, { reportId: id, findingId: missing!.id, note: '确实缺少', status: 'confirmed' }, '张三', 1500);
    await setReportNote(db, id, '整体较好', '张三', 1600);

    // The section was added and a prose mismatch appeared; the table value changed but is still wrong.
    const second = await saveAudit(db, audited([{ ...sumBroken, actual: 10, message: '仍不平衡' }, proseMismatch]), 2000);
    expect(second.record.firstAuditedAt).toBe(1000);
    expect(second.record.auditedAt).toBe(2000);
    expect(second.record.findings.map((f) => f.id)).toEqual([broken!.id, findingId(proseMismatch)]);
    expect(second.record.newIds).toEqual([findingId(proseMismatch)]);
    expect(second.record.gone).toEqual([missing]);
    expect(second.record).toMatchObject({ note: '整体较好', noteBy: '张三', noteUpdatedAt: 1600 });
    // The note on the gone finding is kept, and comes back with it.
    expect(second.notes).toEqual([{ reportId: id, findingId: missing!.id, note: '确实缺少', status: 'confirmed', by: '张三', updatedAt: 1500 }]);
    const third = await saveAudit(db, audited([sumBroken, sectionMissing]), 3000);
    expect(third.record.newIds).toEqual([missing!.id]);
    expect(third.record.gone.map((f) => f.id)).toEqual([findingId(proseMismatch)]);
    expect(third.notes).toHaveLength(1);
  });

  it('gives findings about the same thing distinct ids, in engine order', () => {
    const ids = withFindingIds([sumBroken, { ...sumBroken, message: 'again' }, sectionMissing]).map((f) => f.id);
    expect(ids).toEqual([findingId(sumBroken), `${findingId(sumBroken)}-2`, findingId(sectionMissing)]);
  });
});

describe('notes', () => {
  it('signs and stamps a finding note, and replaces it on the next edit', async () => {
    db = freshDb();
    const { record } = await saveAudit(db, audited([sumBroken]), 1000);
    const fid = record.findings[0]!.id;
    await setFindingNote(db, { reportId: record.id, findingId: fid, note: '待查', status: 'pending' }, '张三', 1100);
    const { notes } = await setFindingNote(db, { reportId: record.id, findingId: fid, note: '已核实', status: 'fixed' }, '李四', 1200);
    expect(notes).toEqual([{ reportId: record.id, findingId: fid, note: '已核实', status: 'fixed', by: '李四', updatedAt: 1200 }]);
  });

  it('refuses notes on an unknown report or finding', async () => {
    db = freshDb();
    const { record } = await saveAudit(db, audited([sumBroken]), 1000);
    await expect(setFindingNote(db, { reportId: 'nope', findingId: 'x', note: '', status: 'pending' }, '', 1)).rejects.toBeInstanceOf(StoreError);
    await expect(setFindingNote(db, { reportId: record.id, findingId: 'x', note: '', status: 'pending' }, '', 1)).rejects.toBeInstanceOf(StoreError);
    await expect(setReportNote(db, 'nope', 'n', '', 1)).rejects.toBeInstanceOf(StoreError);
    expect(await getReportState(db, 'nope')).toBeNull();
  });
});

describe('cross-year checks against stored audits', () => {
  const year = (y: number, values: Record<string, number>, agency = '示范市司法局') =>
    audited([], { url: `https://www.example.gov.cn/${agency}/${y}.html`, agency, year: y, title: `${agency}${y}年政府信息公开工作年度报告`, values });
  const carry = (r: { findings: StoredFinding[] }) => r.findings.filter((f) => f.rule === 'cross-year-carryover');

  it('checks a new audit against the same body’s stored previous year', async () => {
    const db = freshDb();
    await saveAudit(db, year(2022, { 't3/4/total': 2 }), 1000);
    const { record } = await saveAudit(db, year(2023, { 't3/2/total': 0 }), 2000);
    expect(carry(record)).toEqual([expect.objectContaining({ expected: 2, actual: 0, cells: [{ table: 't3', row: '2', column: 'total' }] })]);
    // Another body's year is not compared.
    const other = await saveAudit(db, year(2023, { 't3/2/total': 0 }, '示范市公安局'), 2100);
    expect(carry(other.record)).toEqual([]);
  });

  it('re-checks a stored following year when its previous year arrives later, and when it is corrected', async () => {
    const db = freshDb();
    const first = await saveAudit(db, year(2023, { 't3/2/total': 0 }), 1000);
    expect(carry(first.record)).toEqual([]);
    await saveAudit(db, year(2022, { 't3/4/total': 2 }), 2000);
    const after = (await getReportState(db, first.record.id))!.record;
    expect(carry(after)).toHaveLength(1);
    expect(after.newIds).toContain(carry(after)[0]!.id);
    await saveAudit(db, year(2022, { 't3/4/total': 0 }), 3000);
    expect(carry((await getReportState(db, first.record.id))!.record)).toEqual([]);
  });

  it('leaves cross-year rules the user switched off', async () => {
    const db = freshDb();
    await saveAudit(db, year(2022, { 't3/4/total': 2 }), 1000);
    const { record } = await saveAudit(db, year(2023, { 't3/2/total': 0 }), 2000, ['cross-year-carryover']);
    expect(carry(record)).toEqual([]);
  });
});

describe('reports no longer on their page', () => {
  const page = reportKey(URL_A);
  const partUrl = (n: number) => `${page}#part=${n}`;
  /** Saves the page as holding `parts` reports (one record each; a single report under the page's own key). */
  const auditPage = async (parts: number, now: number) => {
    for (let n = 1; n <= parts; n++) await saveAudit(db, audited([sumBroken], { url: parts > 1 ? partUrl(n) : URL_A }), now, [], parts);
  };
  const absent = async () => Object.fromEntries((await db.reports.toArray()).map((r) => [r.id, r.absentSince ?? null]));

  it('marks the parts beyond a compilation’s last, keeps their notes, and clears the mark when they are back', async () => {
    db = freshDb();
    await auditPage(3, 1000);
    const third = (await getReportState(db, partUrl(3)))!.record;
    await setFindingNote(db, { reportId: third.id, findingId: third.findings[0]!.id, note: '第三份的意见', status: 'confirmed' }, '张三', 1100);
    await auditPage(2, 2000);
    expect(await absent()).toEqual({ [partUrl(1)]: null, [partUrl(2)]: null, [partUrl(3)]: 2000 });
    expect((await getReportState(db, partUrl(3)))!.notes.map((n) => n.note)).toEqual(['第三份的意见']);
    // Audited again with still two: the mark keeps the time it was first seen missing.
    await auditPage(2, 3000);
    expect((await absent())[partUrl(3)]).toBe(2000);
    await auditPage(3, 4000);
    expect(await absent()).toEqual({ [partUrl(1)]: null, [partUrl(2)]: null, [partUrl(3)]: null });
  });

  it('marks the parts when the page holds one report, and the one report when it holds several', async () => {
    db = freshDb();
    await auditPage(2, 1000);
    await auditPage(1, 2000);
    expect(await absent()).toEqual({ [page]: null, [partUrl(1)]: 2000, [partUrl(2)]: 2000 });
    await auditPage(2, 3000);
    expect(await absent()).toEqual({ [page]: 3000, [partUrl(1)]: null, [partUrl(2)]: null });
  });

  it('leaves other pages alone, and marks nothing when the sender does not say how many reports the page holds', async () => {
    db = freshDb();
    const other = `${URL_A}?page=2`;
    await saveAudit(db, audited([sumBroken], { url: `${other}#part=2` }), 1000, [], 2);
    await saveAudit(db, audited([sumBroken], { url: partUrl(2) }), 1000, [], 2);
    await saveAudit(db, audited([sumBroken], { url: URL_A }), 2000);
    expect((await absent())[partUrl(2)]).toBeNull();
    await saveAudit(db, audited([sumBroken], { url: URL_A }), 3000, [], 1);
    expect(await absent()).toEqual({ [page]: null, [partUrl(2)]: 3000, [`${reportKey(other)}#part=2`]: null });
  });
});
