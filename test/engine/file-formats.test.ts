import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_READERS } from '../../cli/files';
import { auditDocument, type AuditResult } from '../../lib/engine/audit';
import { auditFile } from '../../lib/engine/audit-file';
import type { Finding, Report } from '../../lib/engine/model';
import { decodePage } from '../../lib/engine/decode';
import { tableToGrid } from '../../lib/engine/source/dom';
import { FileReadError, fileKind } from '../../lib/engine/source/file-kind';
import { FIXTURES, fixtureHtml, htmlDoc } from '../helpers/fixtures';
import { onePart } from '../helpers/one-part';

const bytes = (path: string) => new Uint8Array(readFileSync(join(FIXTURES, path)));
const audit = async (path: string) => onePart((await auditFile(bytes(path), NODE_READERS, { name: path })).audit);
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
  // A .doc in Word 97-2003 format is read (doc.test.ts); one in an older format gets the same one finding.
  it("a binary .wps in WPS's own format gets one finding naming the file type, with the report named from the file", async () => {
    const r = detected(await audit('docx/示范局2023年政府信息公开工作年度报告.wps'));
    expect(r.findings).toEqual([expect.objectContaining({ rule: 'file-unreadable', message: expect.stringContaining('.wps') })]);
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

describe('Word files that are text: Word 2003 XML and single-file web pages (MHTML), often named .doc', () => {
  const grid = (html: string) => tableToGrid(htmlDoc(html).querySelector('table')!).rows.map((r) => r.map((c) => c.text).join('|'));
  const cell = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;

  it('reads Word 2003 XML as the page it shows: paragraphs, and merged cells as spans', () => {
    const xml = `<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument><o:DocumentProperties><o:Title>某局报告</o:Title></o:DocumentProperties><w:body>
      <w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>一、总体情况</w:t></w:r></w:p>
      <w:tbl><w:tblGrid/>
        <w:tr>${cell('申请人', '<w:gridSpan w:val="2"/><w:vmerge w:val="restart"/>')}${cell('自然人')}</w:tr>
        <w:tr>${cell('', '<w:gridSpan w:val="2"/><w:vmerge/>')}${cell('40')}</w:tr>
        <w:tr>${cell('一')}${cell('本年新收')}${cell('53')}</w:tr>
      </w:tbl></w:body></w:wordDocument>`;
    const html = decodePage(new TextEncoder().encode(xml));
    expect(htmlDoc(html).title).toBe('某局报告');
    expect(htmlDoc(html).querySelector('p')?.textContent).toBe('一、总体情况');
    expect(grid(html)).toEqual(['申请人|申请人|自然人', '申请人|申请人|40', '一|本年新收|53']);
  });

  it('reads an MHTML file’s page part, in its transfer encoding and charset, and calls it a page whatever its name', () => {
    const page = '<html><head><title>示范局2023年政府信息公开工作年度报告</title></head><body><p>本年新收 53</p></body></html>';
    const gb = iconvGb(page);
    const qp = Array.from(gb, (c) => (c >= '\x80' || c === '=' ? `=${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : c))
      .join('')
      .replace(/(.{70})/g, '$1=\n');
    // One character a byte: the message as a mail client writes it, an 8-bit part's GBK bytes as they are.
    const mime = (encoding: string, body: string) =>
      Uint8Array.from(
        `MIME-Version: 1.0\nContent-Type: multipart/related; boundary="----=_NextPart_01"\n\nThis document is a Single File Web Page.\n\n------=_NextPart_01\nContent-Location: file:///C:/a.htm\nContent-Transfer-Encoding: ${encoding}\nContent-Type: text/html; charset="${encoding === 'base64' ? 'utf-8' : 'gb2312'}"\n\n${body}\n\n------=_NextPart_01\nContent-Type: image/png\n\nxx\n------=_NextPart_01--\n`,
        (c) => c.charCodeAt(0),
      );
    for (const file of [mime('quoted-printable', qp), mime('base64', Buffer.from(page).toString('base64')), mime('8bit', gb)]) {
      expect(fileKind(file, '', 'report.doc')).toBe('html');
      expect(htmlDoc(decodePage(file)).title).toBe('示范局2023年政府信息公开工作年度报告');
    }
  });
});

/** The text in GBK, one latin1 character per byte: what a Word of 2003 writes. */
function iconvGb(s: string): string {
  const bytes: number[] = [];
  const decoder = new TextDecoder('gb18030');
  // No GBK encoder in the platform: look each character up by decoding the two-byte codes once.
  const codes = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const c = decoder.decode(new Uint8Array([hi, lo]));
      if (c.length === 1 && !codes.has(c)) codes.set(c, [hi, lo]);
    }
  for (const c of s) bytes.push(...(c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : codes.get(c)!));
  return String.fromCharCode(...bytes);
}
