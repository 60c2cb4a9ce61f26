import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportSessions, MAX_MESSAGE_BYTES, sendImport, splitImport, utf8Bytes, type ImportPart } from '@/lib/app/export/import-parts';
import { buildAuditsFile, parseAuditsFile } from '@/lib/app/export/json';
import { REQUESTS } from '@/lib/app/messages';
import type { AuditDb } from '@/store/db';
import { getReportState, saveAudit, setFindingNote, setReportNote } from '@/store/reports';
import { importAudits, loadAllAudits } from '@/store/transfer';
import { audited, freshDb, proseMismatch, sectionMissing, sumBroken } from '../helpers/audits';

/** The import's time: after every time these tests write. */
const NOW = 1_000_000;

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
  const { reports, notes, history } = await loadAllAudits(d);
  return JSON.stringify(buildAuditsFile(reports, notes, new Date(5000), history));
}

describe('export then import', () => {
  it('reproduces the data exactly in an empty database', async () => {
    const source = await populated();
    const parsed = parseAuditsFile(await exported(source));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const target = db();
    expect(await importAudits(target, parsed.file.reports, NOW)).toMatchObject({ reports: 2, notes: 2 });
    expect(await loadAllAudits(target)).toEqual(await loadAllAudits(source));
  });

  it('changes nothing when the same file is imported again', async () => {
    const d = await populated();
    const parsed = parseAuditsFile(await exported(d));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(await importAudits(d, parsed.file.reports, NOW)).toEqual({ reports: 0, notes: 0, reportIds: [] });
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
    await importAudits(mine, parsed.file.reports, NOW);

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
    expect(await importAudits(mine, parsed.file.reports, NOW)).toMatchObject({ reports: 1, notes: 0 });
    const { record: merged } = (await getReportState(mine, record.id))!;
    expect(merged.auditedAt).toBe(6000);
    expect(merged.findings[0]!.rule).toBe(proseMismatch.rule);
    expect(merged).toMatchObject({ note: '对方备注', noteBy: '李四', noteUpdatedAt: 8000, firstAuditedAt: 1000 });
  });
});

describe('future times in an imported file', () => {
  it('become the import time, so a note written after the import is not overwritten by the same file', async () => {
    const theirs = db();
    const { record } = await saveAudit(theirs, audited([sumBroken]), NOW + 5000);
    await setFindingNote(theirs, { reportId: record.id, findingId: record.findings[0]!.id, note: '来自未来', status: 'confirmed' }, '李四', NOW + 6000);
    await setReportNote(theirs, record.id, '未来的报告备注', '李四', NOW + 7000);
    await theirs.reports.update(record.id, { absentSince: NOW + 8000 });
    const parsed = parseAuditsFile(await exported(theirs));
    if (!parsed.ok) throw new Error(parsed.error);

    const mine = db();
    await importAudits(mine, parsed.file.reports, NOW);
    const state = (await getReportState(mine, record.id))!;
    expect(state.record).toMatchObject({ firstAuditedAt: NOW, auditedAt: NOW, noteUpdatedAt: NOW, absentSince: NOW });
    expect(state.notes.map((n) => n.updatedAt)).toEqual([NOW]);

    await setFindingNote(mine, { reportId: record.id, findingId: record.findings[0]!.id, note: '本地新写', status: 'fixed' }, '张三', NOW + 1);
    await importAudits(mine, parsed.file.reports, NOW);
    expect((await getReportState(mine, record.id))!.notes[0]!.note).toBe('本地新写');
  });

  it('leaves past times as they are', async () => {
    const source = await populated();
    const parsed = parseAuditsFile(await exported(source));
    if (!parsed.ok) throw new Error(parsed.error);
    const target = db();
    // 3000 is the newest time populated() writes: an import at that very time changes nothing.
    await importAudits(target, parsed.file.reports, 3000);
    expect(await loadAllAudits(target)).toEqual(await loadAllAudits(source));
  });
});

describe('an import larger than one message', () => {
  /** The records page and the background, joined as the runtime would join them: each message is checked as the background checks it. */
  function background(d: AuditDb, sessions = new ImportSessions()) {
    const sizes: number[] = [];
    const send = async (part: ImportPart) => {
      const message = JSON.stringify({ type: 'audits:import', ...part });
      sizes.push(utf8Bytes(message));
      const { type: _type, ...received } = REQUESTS['audits:import'].request.parse(JSON.parse(message));
      const got = sessions.receive(received, NOW);
      if ('error' in got) throw new Error(got.error);
      if (!got.done) return {};
      const { reportIds: _ids, ...imported } = await importAudits(d, got.reports, NOW);
      return { imported };
    };
    return { send, sizes };
  }

  it('is sent in parts under 64 MiB each and lands whole', async () => {
    const source = db();
    // 24 reports with a 1-million-character Chinese note each: 3 MB of UTF-8 per report, 72 MB in all.
    const note = '审'.repeat(1_000_000);
    for (let i = 0; i < 24; i++) {
      const { record } = await saveAudit(source, audited([sumBroken], { url: `https://www.example.gov.cn/r${i}.html` }), 1000 + i);
      await setReportNote(source, record.id, note, '张三', 2000 + i);
    }
    const text = await exported(source);
    expect(utf8Bytes(text)).toBeGreaterThan(MAX_MESSAGE_BYTES);

    const parsed = parseAuditsFile(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const split = splitImport(parsed.file.reports);
    if (!split.ok) throw new Error(split.error);
    const target = db();
    const { send, sizes } = background(target);
    expect(await sendImport(split.parts, 'import-1', send)).toEqual({ reports: 24, notes: 0 });
    expect(sizes.length).toBeGreaterThan(1);
    expect(Math.max(...sizes)).toBeLessThan(MAX_MESSAGE_BYTES);
    expect(await loadAllAudits(target)).toEqual(await loadAllAudits(source));
  }, 60_000);

  it('writes nothing when the background lost the first parts (restarted) and says so', async () => {
    const source = await populated();
    const parsed = parseAuditsFile(await exported(source));
    if (!parsed.ok) throw new Error(parsed.error);
    const parts = parsed.file.reports.map((r) => [r]);
    const target = db();
    let sessions = new ImportSessions();
    const restarting = async (part: ImportPart) => {
      if (part.part === 1) sessions = new ImportSessions();
      return background(target, sessions).send(part);
    };
    await expect(sendImport(parts, 'import-2', restarting)).rejects.toThrow('导入中断');
    expect(await loadAllAudits(target)).toEqual({ reports: [], notes: [], history: [] });
  });

  it('writes nothing when parts repeat a report that each part alone does not', async () => {
    const source = await populated();
    const parsed = parseAuditsFile(await exported(source));
    if (!parsed.ok) throw new Error(parsed.error);
    const first = parsed.file.reports[0]!;
    const target = db();
    await expect(sendImport([[first], [first]], 'import-3', background(target).send)).rejects.toThrow('第 2 份报告数据无效（同一份报告出现了两次）');
    expect(await loadAllAudits(target)).toEqual({ reports: [], notes: [], history: [] });
  });
});
