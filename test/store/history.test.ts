import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditDb, SCHEMA_VERSIONS, type AuditDb as Db } from '@/store/db';
import { getReportState, saveAudit, setFindingNote, TYPING_PAUSE_MS } from '@/store/reports';
import { importAudits, loadAllAudits } from '@/store/transfer';
import { buildAuditsFile, parseAuditsFile } from '@/lib/app/export/json';
import { audited, freshDb, sumBroken } from '../helpers/audits';

const dbs: Db[] = [];
const db = () => {
  const d = freshDb();
  dbs.push(d);
  return d;
};
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((d) => d.delete()));
});

const trail = async (d: Db, reportId: string) =>
  (await getReportState(d, reportId))!.history.map((h) => ({ by: h.by, at: h.at, before: h.before, after: h.after }));

describe('a finding’s history', () => {
  it('records each status and note change: who, when, before and after', async () => {
    const d = db();
    const { record } = await saveAudit(d, audited([sumBroken]), 1000);
    const id = { reportId: record.id, findingId: record.findings[0]!.id };
    await setFindingNote(d, { ...id, note: '', status: 'confirmed' }, '张三', 2000);
    await setFindingNote(d, { ...id, note: '', status: 'false_positive' }, '李四', 3000);
    // Saving the same fields again (a retry without a write id) is no change.
    await setFindingNote(d, { ...id, note: '', status: 'false_positive' }, '李四', 3500);
    expect(await trail(d, record.id)).toEqual([
      { by: '张三', at: 2000, before: null, after: { status: 'confirmed', note: '' } },
      { by: '李四', at: 3000, before: { status: 'confirmed', note: '' }, after: { status: 'false_positive', note: '' } },
    ]);
  });

  it('makes one entry of a note typed in several saves, but a new one after a pause, another auditor or a status change', async () => {
    const d = db();
    const { record } = await saveAudit(d, audited([sumBroken]), 1000);
    const id = { reportId: record.id, findingId: record.findings[0]!.id };
    await setFindingNote(d, { ...id, note: '见', status: 'pending' }, '张三', 2000);
    await setFindingNote(d, { ...id, note: '见附表', status: 'pending' }, '张三', 4000);
    const afterPause = 4000 + TYPING_PAUSE_MS;
    await setFindingNote(d, { ...id, note: '见附表二', status: 'pending' }, '张三', afterPause);
    await setFindingNote(d, { ...id, note: '见附表二。', status: 'pending' }, '李四', afterPause + 1);
    await setFindingNote(d, { ...id, note: '见附表二。', status: 'confirmed' }, '李四', afterPause + 2);
    expect(await trail(d, record.id)).toEqual([
      { by: '张三', at: 4000, before: null, after: { status: 'pending', note: '见附表' } },
      { by: '张三', at: afterPause, before: { status: 'pending', note: '见附表' }, after: { status: 'pending', note: '见附表二' } },
      { by: '李四', at: afterPause + 1, before: { status: 'pending', note: '见附表二' }, after: { status: 'pending', note: '见附表二。' } },
      { by: '李四', at: afterPause + 2, before: { status: 'pending', note: '见附表二。' }, after: { status: 'confirmed', note: '见附表二。' } },
    ]);
  });

  it('is written once for a retried save (same write id)', async () => {
    const d = db();
    const { record } = await saveAudit(d, audited([sumBroken]), 1000);
    const input = { reportId: record.id, findingId: record.findings[0]!.id, note: '', status: 'fixed' as const };
    await setFindingNote(d, input, '张三', 2000, 'w1');
    await setFindingNote(d, input, '张三', 2001, 'w1');
    expect(await trail(d, record.id)).toHaveLength(1);
  });

  it('survives export and import, and importing twice (or into the source) adds no duplicate', async () => {
    const source = db();
    const { record } = await saveAudit(source, audited([sumBroken]), 1000);
    const id = { reportId: record.id, findingId: record.findings[0]!.id };
    await setFindingNote(source, { ...id, note: '', status: 'confirmed' }, '张三', 2000);
    await setFindingNote(source, { ...id, note: '', status: 'fixed' }, '张三', 3000);
    const all = await loadAllAudits(source);
    const parsed = parseAuditsFile(JSON.stringify(buildAuditsFile(all.reports, all.notes, new Date(5000), all.history)));
    if (!parsed.ok) throw new Error(parsed.error);

    const target = db();
    await importAudits(target, parsed.file.reports, 10_000);
    await importAudits(target, parsed.file.reports, 10_000);
    await importAudits(source, parsed.file.reports, 10_000);
    expect((await loadAllAudits(target)).history).toEqual(all.history);
    expect((await loadAllAudits(source)).history).toEqual(all.history);
    expect(all.history.map((h) => h.after.status)).toEqual(['confirmed', 'fixed']);
  });

  it('merges a colleague’s entries with local ones', async () => {
    const mine = db();
    const { record } = await saveAudit(mine, audited([sumBroken]), 1000);
    const id = { reportId: record.id, findingId: record.findings[0]!.id };
    await setFindingNote(mine, { ...id, note: '', status: 'confirmed' }, '张三', 2000);
    const theirs = db();
    await saveAudit(theirs, audited([sumBroken]), 1000);
    await setFindingNote(theirs, { ...id, note: '', status: 'false_positive' }, '李四', 3000);
    const all = await loadAllAudits(theirs);
    await importAudits(mine, buildAuditsFile(all.reports, all.notes, new Date(5000), all.history).reports, 10_000);
    expect((await trail(mine, record.id)).map((h) => `${h.by}:${h.after.status}`)).toEqual(['张三:confirmed', '李四:false_positive']);
  });
});

describe('schema version 4', () => {
  it('starts each existing note’s history with one entry (no "before")', async () => {
    const name = `v3-${Math.random()}`;
    const v3 = new AuditDb(
      name,
      SCHEMA_VERSIONS.filter((v) => v.version <= 3),
    );
    const { record } = await saveAudit(
      new AuditDb(`scratch-${Math.random()}`),
      audited([sumBroken], { url: `https://www.example.gov.cn/r.html?q=${'x'.repeat(300)}` }),
      1000,
    );
    await v3.reports.put(record);
    await v3.notes.put({ reportId: record.id, findingId: record.findings[0]!.id, note: '旧备注', status: 'confirmed', by: '王五', updatedAt: 1500 });
    v3.close();
    const v4 = new AuditDb(name);
    dbs.push(v4);
    expect(await trail(v4, record.id)).toEqual([{ by: '王五', at: 1500, before: null, after: { status: 'confirmed', note: '旧备注' } }]);
    // Those entries export and import like any other, whatever the length of the report's URL.
    const all = await loadAllAudits(v4);
    const parsed = parseAuditsFile(JSON.stringify(buildAuditsFile(all.reports, all.notes, new Date(5000), all.history)));
    expect(parsed.ok && parsed.file.reports[0]!.history).toEqual(all.history);
  });
});
