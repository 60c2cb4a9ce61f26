import { describe, expect, it } from 'vitest';
import { IMPORT_IDLE_MS, ImportSessions, splitImport, utf8Bytes } from '@/lib/app/export/import-parts';
import type { ExportedReport } from '@/lib/app/export/json';
import { URL_A } from '../helpers/audits';

const report = (id: string, note = ''): ExportedReport => ({
  id,
  url: URL_A,
  title: 't',
  agency: 'a',
  year: 2023,
  layout: '2021',
  published: null,
  sections: [],
  tables: [],
  values: {},
  firstAuditedAt: 1,
  auditedAt: 1,
  findings: [],
  gone: [],
  newIds: [],
  note,
  noteBy: '',
  noteUpdatedAt: null,
  notes: [],
});
const jsonBytes = (r: ExportedReport) => utf8Bytes(JSON.stringify(r)) + 1;

describe('utf8Bytes', () => {
  it('counts as TextEncoder does', () => {
    for (const text of ['', 'abc', 'é', '审计', '😀x', 'a\uD800', '\uDC00b']) expect(utf8Bytes(text)).toBe(new TextEncoder().encode(text).length);
  });
});

describe('splitImport', () => {
  it('keeps the file order and no part over the budget', () => {
    const reports = ['a', 'b', 'c', 'd', 'e'].map((id) => report(id, '审'.repeat(100)));
    const one = jsonBytes(reports[0]!);
    const split = splitImport(reports, one * 2);
    expect(split).toEqual({ ok: true, parts: [reports.slice(0, 2), reports.slice(2, 4), reports.slice(4)] });
  });

  it('sends an empty file as one empty part, and a report over the budget alone', () => {
    expect(splitImport([])).toEqual({ ok: true, parts: [[]] });
    const big = report('big', 'x'.repeat(500));
    const small = report('small');
    expect(splitImport([small, big, small], 300)).toEqual({ ok: true, parts: [[small], [big], [small]] });
  });

  it('refuses a report that no message can carry, and says which', () => {
    const big = report('big', '审'.repeat(2000));
    const split = splitImport([report('a'), big], 1000, 4000);
    expect(split.ok).toBe(false);
    if (!split.ok) expect(split.error).toMatch(/^导入失败，未导入任何内容：第 2 份报告过大/);
  });
});

describe('ImportSessions', () => {
  const a = report('a');
  const b = report('b');

  it('answers done only when every part is in, in part order whatever the arrival order', () => {
    const s = new ImportSessions();
    expect(s.receive({ importId: 'x', part: 1, parts: 2, reports: [b] }, 0)).toEqual({ done: false });
    expect(s.receive({ importId: 'x', part: 0, parts: 2, reports: [a] }, 0)).toEqual({ done: true, reports: [a, b] });
    expect(s.pending).toBe(0);
  });

  it('keeps imports apart and takes a resent part once', () => {
    const s = new ImportSessions();
    s.receive({ importId: 'x', part: 0, parts: 2, reports: [a] }, 0);
    s.receive({ importId: 'y', part: 0, parts: 2, reports: [b] }, 0);
    s.receive({ importId: 'x', part: 0, parts: 2, reports: [a] }, 0);
    expect(s.receive({ importId: 'x', part: 1, parts: 2, reports: [b] }, 0)).toEqual({ done: true, reports: [a, b] });
    expect(s.pending).toBe(1);
  });

  it('rejects parts that disagree on the count or lie outside it', () => {
    const s = new ImportSessions();
    s.receive({ importId: 'x', part: 0, parts: 3, reports: [a] }, 0);
    expect(s.receive({ importId: 'x', part: 1, parts: 2, reports: [b] }, 0)).toHaveProperty('error');
    expect(s.pending).toBe(0);
    expect(s.receive({ importId: 'z', part: 2, parts: 2, reports: [b] }, 0)).toHaveProperty('error');
  });

  it('rejects a report repeated across parts', () => {
    const s = new ImportSessions();
    s.receive({ importId: 'x', part: 0, parts: 2, reports: [a] }, 0);
    expect(s.receive({ importId: 'x', part: 1, parts: 2, reports: [a] }, 0)).toEqual({ error: expect.stringContaining('第 2 份报告') });
  });

  it('drops an import whose parts stopped coming', () => {
    const s = new ImportSessions();
    s.receive({ importId: 'x', part: 0, parts: 2, reports: [a] }, 0);
    s.receive({ importId: 'y', part: 0, parts: 2, reports: [a] }, IMPORT_IDLE_MS + 1);
    expect(s.pending).toBe(1);
    expect(s.receive({ importId: 'x', part: 1, parts: 2, reports: [b] }, IMPORT_IDLE_MS + 2)).toEqual({ done: false });
  });
});
