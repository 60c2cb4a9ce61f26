import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { buildAuditsFile, parseAuditsFile } from '@/lib/app/export/json';
import type { AuditDb } from '@/store/db';
import { getReportState, saveAudit, setFindingNote, setReportNote } from '@/store/reports';
import { importAudits, loadAllAudits } from '@/store/transfer';
import { audited, freshDb, proseMismatch, sectionMissing, sumBroken } from '../helpers/audits';

const dbs: AuditDb[] = [];
const db = () => {
  const d = freshDb();
  dbs.push(d);
  return d;
};
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((d) => d.delete()));
});

/** Two reports, notes on a current and on a gone finding, a report note. */
async function populated(): Promise<AuditDb> {
  const d = db();
  const { record } = await saveAudit(d, audited([sumBroken, sectionMissing]), 1000);
  await setFindingNote(d, { reportId: record.id, findingId: record.findings[1]!.id, note: '缺第五部分', status: 'confirmed' }, '张三', 1100);
  await saveAudit(d, audited([sumBroken, proseMismatch]), 2000);
  await setFindingNote(d, { reportId: record.id, findingId: record.findings[0]!.id, note: '见附表', status: 'pending' }, '张三', 2100);
  await setReportNote(d, record.id, '报告备注', '张三', 2200);
  await saveAudit(d, audited([], { url: 'https://b.gov.cn/2022.html', agency: '乙局', year: 2022, layout: '2019' }), 3000);
  return d;
}

async function exported(d: AuditDb) {
  const { reports, notes } = await loadAllAudits(d);
  return JSON.stringify(buildAuditsFile(reports, notes, new Date(5000)));
}

describe('export then import', () => {
  it('reproduces the data exactly in an empty database', async () => {
    const source = await populated();
    const parsed = parseAuditsFile(await exported(source));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const target = db();
    expect(await importAudits(target, parsed.file)).toMatchObject({ reports: 2, notes: 2 });
    expect(await loadAllAudits(target)).toEqual(await loadAllAudits(source));
  });

  it('changes nothing when the same file is imported again', async () => {
    const d = await populated();
    const parsed = parseAuditsFile(await exported(d));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(await importAudits(d, parsed.file)).toEqual({ reports: 0, notes: 0, reportIds: [] });
  });
});

describe('import merge', () => {
  it('keeps the newer audit, the newer report note and the newer finding note, each on its own', async () => {
    // Colleague: audited later, but the local side edited a note and the report note after that.
    const theirs = db();
    const { record } = await saveAudit(theirs, audited([sumBroken, proseMismatch]), 5000);
    const [broken, prose] = record.findings;
    await setFindingNote(theirs, { reportId: record.id, findingId: broken!.id, note: '对方：旧', status: 'pending' }, '李四', 5100);
    await setFindingNote(theirs, { reportId: record.id, findingId: prose!.id, note: '对方：新', status: 'false_positive' }, '李四', 5200);
    await setReportNote(theirs, record.id, '对方报告备注', '李四', 5300);

    const mine = db();
    await saveAudit(mine, audited([sumBroken]), 1000);
    await setFindingNote(mine, { reportId: record.id, findingId: broken!.id, note: '本地：新', status: 'confirmed' }, '张三', 9000);
    await setReportNote(mine, record.id, '本地报告备注', '张三', 9100);

    const parsed = parseAuditsFile(await exported(theirs));
    if (!parsed.ok) throw new Error(parsed.error);
    await importAudits(mine, parsed.file);

    const state = (await getReportState(mine, record.id))!;
    expect(state.record.auditedAt).toBe(5000);
    expect(state.record.findings.map((f) => f.id)).toEqual([broken!.id, prose!.id]);
    expect(state.record.firstAuditedAt).toBe(1000);
    expect(state.record).toMatchObject({ note: '本地报告备注', noteBy: '张三', noteUpdatedAt: 9100 });
    const notes = Object.fromEntries(state.notes.map((n) => [n.findingId, n.note]));
    expect(notes).toEqual({ [broken!.id]: '本地：新', [prose!.id]: '对方：新' });
  });

  it('keeps a newer local audit but takes a newer imported report note', async () => {
    const theirs = db();
    const { record } = await saveAudit(theirs, audited([sumBroken]), 1000);
    await setReportNote(theirs, record.id, '对方备注', '李四', 8000);
    const mine = db();
    await saveAudit(mine, audited([proseMismatch]), 6000);

    const parsed = parseAuditsFile(await exported(theirs));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(await importAudits(mine, parsed.file)).toMatchObject({ reports: 1, notes: 0 });
    const { record: merged } = (await getReportState(mine, record.id))!;
    expect(merged.auditedAt).toBe(6000);
    expect(merged.findings[0]!.rule).toBe(proseMismatch.rule);
    expect(merged).toMatchObject({ note: '对方备注', noteBy: '李四', noteUpdatedAt: 8000, firstAuditedAt: 1000 });
  });
});
