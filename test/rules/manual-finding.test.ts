import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditText } from '../../lib/engine/audit';
import { manualFinding, manualFindingOf } from '../../lib/engine/rules/manual-finding';
import type { AuditDb } from '@/store/db';
import { addManualFinding, getReportState, removeManualFinding, saveAudit } from '@/store/reports';
import { toOverlayReport } from '@/lib/app/content-messages';
import { audited, freshDb, sectionMissing, sumBroken } from '../helpers/audits';
import { audit } from '../helpers/rules';

const RULE = 'manual-finding';
const SEEDS = join(import.meta.dirname, '..', 'fixtures', 'seeds');

describe(RULE, () => {
  it('is a raised rule: a flag becomes a finding with the auditor’s severity, words and place', () => {
    expect(manualFinding.kind).toBe('raised');
    const cell = { table: 't3' as const, row: '3.7', column: 'total' };
    expect(manualFindingOf({ cell }, 'error', '  与附件不一致 ')).toEqual({ rule: RULE, severity: 'error', message: '与附件不一致', cells: [cell] });
    expect(manualFindingOf({ excerpt: '已全部整改到位', section: 's5' }, 'info', '')).toEqual({
      rule: RULE,
      severity: 'info',
      message: manualFinding.title.zh,
      excerpt: '已全部整改到位',
      section: 's5',
    });
  });

  it('is never raised by the engine on its own: not on the template, not on any seed report', () => {
    expect(audit().findings.filter((f) => f.rule === RULE)).toEqual([]);
    for (const f of readdirSync(SEEDS).filter((x) => x.endsWith('.txt'))) {
      const r = auditText(readFileSync(join(SEEDS, f), 'utf8'));
      expect(r.detected && r.findings.filter((x) => x.rule === RULE), f).toEqual([]);
    }
  });
});

describe(`${RULE} in the store`, () => {
  let db: AuditDb;
  afterEach(async () => db?.delete());

  it('is kept, with its id, when the report is audited again (with other engine findings)', async () => {
    db = freshDb();
    const { record } = await saveAudit(db, audited([sumBroken]), 1000);
    const { findingId } = await addManualFinding(
      db,
      { reportId: record.id, target: { excerpt: '所有申请均已办结' }, severity: 'warning', note: '与表格不符' },
      1100,
    );
    const again = await saveAudit(db, audited([sectionMissing]), 2000);
    const manual = again.record.findings.filter((f) => f.rule === RULE);
    expect(manual.map((f) => [f.id, f.message, f.excerpt])).toEqual([[findingId, '与表格不符', '所有申请均已办结']]);
    // Not "gone", not "new": the auditor's finding did not come from either audit.
    expect(again.record.gone.map((f) => f.rule)).toEqual(['t3-balance']);
    expect(again.record.newIds).not.toContain(findingId);
    // A page that sends a manual finding of its own does not get it stored.
    const forged = await saveAudit(db, audited([{ rule: RULE, severity: 'error', message: '页面伪造' }]), 3000);
    expect(forged.record.findings.filter((f) => f.rule === RULE).map((f) => f.id)).toEqual([findingId]);
  });

  it('keeps its id when the following year is re-checked because its previous year arrived', async () => {
    db = freshDb();
    const year = (y: number, values: Record<string, number>) =>
      audited([], {
        url: `https://www.example.gov.cn/j/${y}.html`,
        agency: '示范市司法局',
        year: y,
        title: `示范市司法局${y}年政府信息公开工作年度报告`,
        values,
      });
    const { record } = await saveAudit(db, year(2023, { 't3/2/total': 0 }), 1000);
    const { findingId } = await addManualFinding(
      db,
      { reportId: record.id, target: { cell: { table: 't3', row: '2', column: 'total' } }, severity: 'error', note: '结转数可疑' },
      1100,
    );
    await saveAudit(db, year(2022, { 't3/4/total': 2 }), 2000);
    const after = (await getReportState(db, record.id))!.record;
    // The re-check did add the cross-year finding, and left the manual one as it was.
    expect(after.findings.map((f) => f.rule)).toEqual(['cross-year-carryover', RULE]);
    expect(after.findings.find((f) => f.rule === RULE)!.id).toBe(findingId);
    expect(after.newIds).not.toContain(findingId);
  });

  it('reaches the overlay (the page’s side) without the auditor’s words', async () => {
    db = freshDb();
    const { record } = await saveAudit(db, audited([sumBroken]), 1000);
    const { findingId } = await addManualFinding(
      db,
      { reportId: record.id, target: { excerpt: '所有申请均已办结' }, severity: 'error', note: '机密：与内部台账不符' },
      1100,
    );
    const overlay = toOverlayReport((await getReportState(db, record.id))!);
    expect(JSON.stringify(overlay)).not.toContain('机密');
    expect(overlay.findings.find((f) => f.id === findingId)).toMatchObject({ rule: RULE, severity: 'error', excerpt: '所有申请均已办结' });
    // The engine's findings keep their messages.
    expect(overlay.findings[0]!.message).toBe(sumBroken.message);
  });

  it('gives two flags on one cell two findings, and removes only manual findings', async () => {
    db = freshDb();
    const { record } = await saveAudit(db, audited([sumBroken]), 1000);
    const cell = { table: 't3' as const, row: '1', column: 'total' };
    const a = await addManualFinding(db, { reportId: record.id, target: { cell }, severity: 'error', note: '一' }, 1100);
    const b = await addManualFinding(db, { reportId: record.id, target: { cell }, severity: 'info', note: '二' }, 1200);
    expect(a.findingId).not.toBe(b.findingId);
    const after = await removeManualFinding(db, record.id, a.findingId);
    expect(after.record.findings.map((f) => f.message)).toEqual([sumBroken.message, '二']);
    await expect(removeManualFinding(db, record.id, record.findings[0]!.id)).rejects.toThrow('只能删除人工标记的问题');
  });
});

describe(`${RULE} in an import`, () => {
  it('keeps the manual findings of both sides, whichever audit is newer, and adds none twice', async () => {
    const { mergeReport } = await import('@/lib/app/export/merge');
    const mine = freshDb();
    const { record } = await saveAudit(mine, audited([sumBroken]), 1000);
    const a = await addManualFinding(mine, { reportId: record.id, target: { excerpt: '甲' }, severity: 'error', note: '我的' }, 1100);
    const theirs = freshDb();
    await saveAudit(theirs, audited([sumBroken]), 2000); // their audit is newer
    const b = await addManualFinding(theirs, { reportId: record.id, target: { excerpt: '乙' }, severity: 'info', note: '同事的' }, 2100);
    const merged = mergeReport(a.state.record, b.state.record)!;
    expect(merged.auditedAt).toBe(2000);
    expect(
      merged.findings
        .filter((f) => f.rule === RULE)
        .map((f) => f.message)
        .sort(),
    ).toEqual(['同事的', '我的']);
    // Importing the merged record again changes nothing.
    expect(mergeReport(merged, merged)).toBeUndefined();
    // Their older audit against my newer one: mine wins, theirs still joins.
    expect(mergeReport(b.state.record, { ...a.state.record, auditedAt: 3000 })!.findings.filter((f) => f.rule === RULE)).toHaveLength(2);
    await Promise.all([mine.delete(), theirs.delete()]);
  });
});
