import { describe, expect, it } from 'vitest';
import { AUDITS_FORMAT, buildAuditsFile, parseAuditsFile, splitAuditsFile } from '@/lib/app/export/json';
import { mergeNote, mergeReport } from '@/lib/app/export/merge';
import type { FindingNote, ReportRecord } from '@/lib/app/schema';
import { withFindingIds } from '@/lib/engine/finding-id';
import { sumBroken, URL_A } from '../helpers/audits';

const findings = withFindingIds([sumBroken]);
const rec: ReportRecord = {
  id: URL_A,
  url: URL_A,
  title: 't',
  agency: 'a',
  year: 2023,
  layout: '2021',
  published: null,
  sections: ['s1'],
  tables: ['t3'],
  values: {},
  firstAuditedAt: 100,
  auditedAt: 200,
  findings,
  gone: [],
  newIds: [],
  note: 'n',
  noteBy: 'x',
  noteUpdatedAt: 150,
};
const note: FindingNote = { reportId: URL_A, findingId: findings[0]!.id, note: '备注', status: 'fixed', by: '张三', updatedAt: 300 };
const file = buildAuditsFile([rec], [note], new Date(Date.UTC(2024, 0, 2)));

describe('JSON export', () => {
  it("is versioned and nests each report's notes in it", () => {
    expect(file).toEqual({ format: AUDITS_FORMAT, version: 2, exportedAt: '2024-01-02T00:00:00.000Z', reports: [{ ...rec, notes: [note], history: [] }] });
  });

  it('round-trips through text', () => {
    const parsed = parseAuditsFile(JSON.stringify(file));
    expect(parsed).toEqual({ ok: true, file });
    if (parsed.ok) expect(splitAuditsFile(parsed.file)).toEqual({ reports: [rec], notes: [note], history: [] });
  });
});

describe('JSON import validation', () => {
  const reject = (data: unknown) => {
    const parsed = parseAuditsFile(typeof data === 'string' ? data : JSON.stringify(data));
    expect(parsed.ok).toBe(false);
    return parsed.ok ? '' : parsed.error;
  };

  it('rejects text that is not JSON, another format, or another version', () => {
    expect(reject('{not json')).toContain('不是有效的 JSON');
    expect(reject({ ...file, format: 'other' })).toContain('不是「年报审计助手」导出');
    expect(reject([1, 2])).toContain('不是「年报审计助手」导出');
    expect(reject({ ...file, version: 3 })).toContain('不支持的文件版本 3');
    expect(reject({ ...file, version: 0 })).toContain('不支持的文件版本 0');
  });

  it('rejects the whole file when one record is bad, and says which', () => {
    const bad = {
      ...file,
      reports: [
        { ...rec, notes: [] },
        { ...rec, id: 'b', notes: [], findings: [{ ...findings[0], severity: 'fatal' }] },
      ],
    };
    expect(reject(bad)).toMatch(/^导入失败，未导入任何内容：第 2 份报告的 findings\.0\.severity /);
  });

  it('rejects notes filed under another report, duplicate notes and duplicate reports', () => {
    expect(reject({ ...file, reports: [{ ...rec, notes: [{ ...note, reportId: 'other' }] }] })).toContain('不一致');
    expect(reject({ ...file, reports: [{ ...rec, notes: [note, note] }] })).toContain('两条备注');
    expect(
      reject({
        ...file,
        reports: [
          { ...rec, notes: [] },
          { ...rec, notes: [] },
        ],
      }),
    ).toContain('出现了两次');
  });

  it('takes only http(s) report URLs', () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'chrome-extension://x/records.html', ''])
      expect(reject({ ...file, reports: [{ ...rec, url, notes: [] }] })).toBe(
        '导入失败，未导入任何内容：第 1 份报告的 url 数据无效（网址须以 http:// 或 https:// 开头）。',
      );
    // A long query string: whatever was stored imports again.
    for (const url of ['http://a.gov.cn/r.html', 'HTTPS://a.gov.cn/r.html', `https://a.gov.cn/r.html?q=${'x'.repeat(3000)}`])
      expect(parseAuditsFile(JSON.stringify({ ...file, reports: [{ ...rec, url, notes: [] }] })).ok).toBe(true);
  });

  it('accepts a BOM before the JSON', () => {
    expect(parseAuditsFile('\uFEFF' + JSON.stringify(file)).ok).toBe(true);
  });
});

describe('merge rules', () => {
  it('takes an imported report only where it is newer, piece by piece', () => {
    expect(mergeReport(undefined, rec)).toBe(rec);
    expect(mergeReport(rec, rec)).toBeUndefined();
    expect(mergeReport(rec, { ...rec, auditedAt: 100, note: 'old', noteUpdatedAt: 100 })).toBeUndefined();
    expect(mergeReport(rec, { ...rec, auditedAt: 900, findings: [], note: 'old', noteUpdatedAt: 100 })).toEqual({ ...rec, auditedAt: 900, findings: [] });
    expect(mergeReport(rec, { ...rec, auditedAt: 100, note: 'new', noteBy: 'y', noteUpdatedAt: 999 })).toEqual({
      ...rec,
      note: 'new',
      noteBy: 'y',
      noteUpdatedAt: 999,
    });
    expect(mergeReport({ ...rec, noteUpdatedAt: null, note: '' }, { ...rec, auditedAt: 100 })).toEqual(rec);
    expect(mergeReport(rec, { ...rec, firstAuditedAt: 50 })).toEqual({ ...rec, firstAuditedAt: 50 });
  });

  it('takes an imported note only when it is newer', () => {
    expect(mergeNote(undefined, note)).toBe(note);
    expect(mergeNote(note, { ...note, updatedAt: 299, note: 'older' })).toBeUndefined();
    expect(mergeNote(note, { ...note, updatedAt: 300, note: 'same time' })).toBeUndefined();
    expect(mergeNote(note, { ...note, updatedAt: 301, note: 'newer' })).toEqual({ ...note, updatedAt: 301, note: 'newer' });
  });
});
