import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_READERS } from '../../cli/files';
import { auditDocument, type AuditResult } from '../../lib/engine/audit';
import { auditFile } from '../../lib/engine/audit-file';
import type { Finding, Report } from '../../lib/engine/model';
import { FileReadError, fileKind } from '../../lib/engine/source/file-kind';
import { FIXTURES, fixtureHtml, htmlDoc } from '../helpers/fixtures';

const bytes = (path: string) => new Uint8Array(readFileSync(join(FIXTURES, path)));
const audit = async (path: string) => (await auditFile(bytes(path), NODE_READERS, { name: path })).result;
const detected = (r: AuditResult) => {
  if (!r.detected) throw new Error(`not detected: ${r.reason}`);
  return r;
};

/** What makes two findings the same finding: rule, severity, place, cells, expected and actual. */
const key = (f: Finding) => JSON.stringify([f.rule, f.severity, f.section ?? null, f.cells ?? [], f.expected ?? null, f.actual ?? null]);
/** Every table value as read: row/column → value or status. */
const values = (r: Report) =>
  Object.fromEntries(
    (['t2', 't3', 't4'] as const).flatMap((t) =>
      Object.entries(r.tables[t]?.rows ?? {}).flatMap(([row, cols]) => Object.entries(cols).map(([col, c]) => [`${t}/${row}/${col}`, c.value ?? c.status])),
    ),
  );

/** The same report as a web page, as a PDF printed from it, and as a Word file written from it. */
const SAME_REPORT = [
  ['pdf/001-table.pdf', '001-semantic.html'],
  ['pdf/004-landscape.pdf', '004-semantic.html'],
  ['pdf/003-wrapped.pdf', '003-word.html'],
  ['pdf/002-short-pages.pdf', '002-semantic.html'],
  ['pdf/000-text.pdf', '000-plain.html'],
  ['docx/001.docx', '001-semantic.html'],
  ['docx/003.docx', '003-semantic.html'],
  ['docx/004.docx', '004-semantic.html'],
] as const;

describe.each(SAME_REPORT)('%s read as %s', (file, html) => {
  it('yields the same report, every table value and the same findings', async () => {
    const fromFile = detected(await audit(file));
    const fromPage = detected(auditDocument(htmlDoc(fixtureHtml(html))));
    expect(fromFile.report.agency).toBe(fromPage.report.agency);
    expect(fromFile.report.year).toBe(fromPage.report.year);
    expect(fromFile.report.sections.map((s) => s.key)).toEqual(fromPage.report.sections.map((s) => s.key));
    expect(Object.keys(values(fromPage.report))).toHaveLength(10 + 175 + 15);
    expect(values(fromFile.report)).toEqual(values(fromPage.report));
    expect(fromFile.findings.map(key).sort()).toEqual(fromPage.findings.map(key).sort());
  });
});

describe('findings that depend on the file', () => {
  it('003 (blank t4 cells) is found in the PDF with narrow wrapped labels, by cell name', async () => {
    const r = detected(await audit('pdf/003-wrapped.pdf'));
    expect(r.findings.find((f) => f.rule === 'cell-missing')?.cells?.map((c) => c.column)).toEqual([
      'review.upheld',
      'review.corrected',
      'review.other',
      'review.pending',
      'review.total',
    ]);
  });
  it('002 (「采用率18%」) is found in the PDF printed on short pages', async () => {
    const r = detected(await audit('pdf/002-short-pages.pdf'));
    expect(r.findings.some((f) => f.rule === 'prose-rate' && f.actual === '18%')).toBe(true);
  });
  it('a scanned PDF gets one clear finding, not a crash and not dozens of missing tables', async () => {
    const r = detected(await audit('pdf/scanned.pdf'));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ rule: 'file-unreadable', message: expect.stringContaining('扫描件，无法读取文字') });
  });
  it('a text PDF never gets the scan finding', async () => {
    expect(detected(await audit('pdf/001-table.pdf')).findings.some((f) => f.rule === 'file-unreadable')).toBe(false);
  });
  it.each([
    ['doc', '.doc'],
    ['wps', '.wps'],
  ])('a binary .%s gets one finding naming the file type, with the report named from the file', async (ext, named) => {
    const r = detected(await audit(`docx/示范局2023年政府信息公开工作年度报告.${ext}`));
    expect(r.findings).toEqual([expect.objectContaining({ rule: 'file-unreadable', message: expect.stringContaining(named) })]);
    expect(r.report).toMatchObject({ agency: '示范局', year: 2023 });
  });
  it('a damaged or fake PDF is a readable error', async () => {
    await expect(auditFile(new TextEncoder().encode('%PDF-1.4\n'), NODE_READERS, { name: 'a.pdf' })).rejects.toThrow(FileReadError);
    await expect(auditFile(new Uint8Array([1, 2, 3, 4]), NODE_READERS, { name: 'a.pdf' })).rejects.toThrow(/PDF/);
    await expect(auditFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), NODE_READERS, { name: 'a.docx' })).rejects.toThrow(/Word/);
  });
});

describe('fileKind', () => {
  const pdf = new TextEncoder().encode('%PDF-1.7\n');
  const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);
  const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const html = new TextEncoder().encode('\n <!doctype html><title>x</title>');
  it('trusts the first bytes over the name and the Content-Type', () => {
    expect(fileKind(pdf, 'text/html', 'report.html')).toBe('pdf');
    expect(fileKind(zip, '', 'download.php?id=3')).toBe('docx');
    expect(fileKind(ole, '', 'report.doc')).toBe('doc');
    expect(fileKind(ole, '', 'report.wps')).toBe('wps');
    expect(fileKind(html, 'application/octet-stream', 'report.pdf')).toBe('html');
  });
  it('falls back to the Content-Type, then the name', () => {
    const unknown = new TextEncoder().encode('plain words');
    expect(fileKind(unknown, 'application/pdf')).toBe('pdf');
    expect(fileKind(unknown, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('docx');
    expect(fileKind(unknown, '', '/files/a.pdf?x=1')).toBe('pdf');
    expect(fileKind(unknown, 'text/plain', 'notes.txt')).toBe('text');
  });
});
