/**
 * Hostile and broken inputs (test/fixtures/probes/README.md, round H): a file that cannot be read is reported as unreadable
 * with a message in Chinese and the exit code 1, never a crash; a page too large or too odd to read whole says so.
 * The pages of this round that fit a corpus are in the probes corpus; these are the files, and the inputs too large to keep.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditFile } from '../../cli/audit-input';
import type { Entry } from '../../cli/audit';
import { FIXTURES } from '../helpers/fixtures';

const ROOT = join(FIXTURES, '..', '..');
const DIR = mkdtempSync(join(tmpdir(), 'broken-'));
const put = (name: string, data: Uint8Array | string) => (writeFileSync(join(DIR, name), data), join(DIR, name));
const audit = async (name: string) => (await auditFile(join(DIR, name))).entry;

/** A PDF whose /Encrypt dictionary the empty password does not open (its U entry matches no password). */
function encryptedPdf(): string {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    '<< /Length 10 >>\nstream\n0123456789\nendstream',
    `<< /Filter /Standard /V 1 /R 2 /O <${'11'.repeat(32)}> /U <${'22'.repeat(32)}> /P -44 >>`,
  ];
  let s = '%PDF-1.4\n';
  const offsets = objs.map((o, i) => {
    const at = s.length;
    s += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = s.length;
  s += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n` + offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  return s + `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R /Encrypt 5 0 R /ID [<${'ab'.repeat(16)}> <${'ab'.repeat(16)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
}

/** Deterministic bytes that are no format at all. */
const noise = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 2654435761) >>> 24);

const TAB_REPORT = readFileSync(join(FIXTURES, 'probes', 'T00-tab-control.txt'), 'utf8');
const HTML_REPORT = new TextDecoder('gbk').decode(readFileSync(join(FIXTURES, 'probes', 'G01-gbk-html-meta-gb2312.html'))).replace('gb2312', 'utf-8');

beforeAll(async () => {
  for (const ext of ['html', 'pdf', 'docx', 'doc']) put(`zero.${ext}`, new Uint8Array());
  put('html-named.pdf', '<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知</title></head><body><p>页面不存在</p></body></html>');
  const pdf = readFileSync(join(FIXTURES, 'pdf', '001-table.pdf'));
  put('cut.pdf', pdf.subarray(0, pdf.length >> 1));
  put('encrypted.pdf', encryptedPdf());
  const docx = readFileSync(join(FIXTURES, 'docx', '001.docx'));
  put('cut.docx', docx.subarray(0, docx.length >> 1));
  const zip = await JSZip.loadAsync(docx);
  zip.remove('word/document.xml');
  put('no-document.docx', await zip.generateAsync({ type: 'uint8array' }));
  put('noise.doc', noise(20_000));
});

describe('broken files', () => {
  it.each([
    ['zero.pdf', /^无法读取 PDF 文件（文件损坏或不是 PDF）/],
    ['cut.pdf', /^无法读取 PDF 文件（文件损坏或不是 PDF）/],
    ['encrypted.pdf', /^PDF 文件已加密，需要密码才能打开/],
    ['zero.docx', /^无法读取 Word 文件（文件损坏或不是 \.docx）/],
    ['cut.docx', /^无法读取 Word 文件（文件损坏或不是 \.docx）/],
    ['no-document.docx', /^无法读取 Word 文件（文件损坏或不是 \.docx）/],
    ['zero.doc', /^无法读取旧版 Word 文件/],
    ['noise.doc', /^无法读取旧版 Word 文件/],
  ])('%s is reported as unreadable, in Chinese', async (name, message) => {
    const e = await audit(name);
    expect(e).toMatchObject({ detected: false, findings: [] });
    expect(e.error).toMatch(message);
  });

  it('an empty page, or a page saved under a .pdf name, is read for what it is: no report, no error', async () => {
    for (const name of ['zero.html', 'html-named.pdf']) {
      const e = await audit(name);
      expect(e.error, name).toBeUndefined();
      expect(e).toMatchObject({ detected: false, findings: [] });
    }
  });

  it('the command line exits with 1 and still prints every entry when files cannot be read', async () => {
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'cli/audit.ts', '--json', join(DIR, 'cut.pdf'), join(DIR, 'zero.html')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const failed = await run.then(
      () => null,
      (e: { code?: number; stdout?: string }) => e,
    );
    expect(failed?.code).toBe(1);
    const entries: Entry[] = JSON.parse(failed!.stdout!);
    expect(entries.map((e) => [e.detected, Boolean(e.error)])).toEqual([
      [false, true],
      [false, false],
    ]);
  });
});

describe('inputs too large to keep in a corpus', () => {
  it('a cell of 200 000 <span>s is one invalid value, quoted by its start', async () => {
    put('spans.html', HTML_REPORT.replace('<td>17</td>', `<td>${'<span>1</span>'.repeat(200_000)}</td>`));
    const e = await audit('spans.html');
    expect(e.detected).toBe(true);
    const invalid = e.findings.filter((f) => f.rule === 'cell-invalid');
    expect(invalid.map((f) => f.cells)).toEqual([[{ table: 't3', row: '3.1', column: 'natural' }]]);
    // 17 is what the identities give, never a cell-wrong for the unreadable value.
    expect(invalid[0]!.expected).toBe(17);
    expect(invalid[0]!.message.length).toBeLessThan(200);
    expect(invalid[0]!.message).toContain('1111…');
    expect(e.findings.filter((f) => f.severity !== 'info').map((f) => f.rule)).toEqual(['cell-invalid']);
  });

  // Probes round J: markup that exhausts a reader. Each is read whole, or says what it could not read.
  const nonInfo = (e: Entry) => e.findings.filter((f) => f.severity !== 'info').map((f) => f.rule);
  it('an element of 50 000 attributes, and a cell with a 2 MB attribute, are read as the report they hold', async () => {
    const attrs = Array.from({ length: 50_000 }, (_, i) => `data-a${i}="${i}"`).join(' ');
    put('attrs.html', HTML_REPORT.replace('<div class="article">', `<div class="article" ${attrs}>`));
    put('big-attr.html', HTML_REPORT.replace('<td>17</td>', `<td title="${'x'.repeat(2 * 1024 * 1024)}">17</td>`));
    for (const name of ['attrs.html', 'big-attr.html']) {
      const e = await audit(name);
      expect([name, e.detected, e.report?.year, nonInfo(e)]).toEqual([name, true, 2023, []]);
    }
  });

  it('a t3 of 20 000 rows repeating its labels is past the cells read: the page says so, and invents no wrong cell', async () => {
    const start = HTML_REPORT.indexOf('<table', HTML_REPORT.indexOf('三、收到和处理'));
    const t3 = HTML_REPORT.slice(start, HTML_REPORT.indexOf('</table>', start) + '</table>'.length);
    const rows = t3.split('</tr>');
    const body = rows.slice(3, -1).join('</tr>') + '</tr>';
    put('t3-rows.html', HTML_REPORT.replace(t3, `${rows.slice(0, 3).join('</tr>')}</tr>${body.repeat(800)}</table>`));
    const e = await audit('t3-rows.html');
    expect(e.detected).toBe(true);
    const rules = nonInfo(e);
    expect(rules).toContain('page-too-large');
    // What was lost may be said missing; nothing read is said wrong.
    expect(
      rules.filter((r) => !['page-too-large', 'row-missing', 'table-missing', 'cell-missing', 'section-missing', 'row-cells-unplaced'].includes(r)),
    ).toEqual([]);
  });

  it('a text cut at the size cap before its tables says it was cut, not only that it is no report', async () => {
    put('big-line.txt', TAB_REPORT.replace('严格落实', `严格${'x'.repeat(5_200_000)}落实`));
    const e = await audit('big-line.txt');
    expect(e.detected).toBe(false);
    expect(e.reason).toMatch(/页面过大，文字超过 5,000,000 字，只读取了前面的部分/);
    // Below the cap the same line is read through.
    put('long-line.txt', TAB_REPORT.replace('严格落实', `严格${'统计数据1234，'.repeat(250_000)}落实`));
    const whole = await audit('long-line.txt');
    expect(whole.detected).toBe(true);
    expect(whole.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  // Patterns that tried every position of a long run were quadratic: 20 000 dates, or 100 000 digits, took many seconds.
  // The bound is generous (a linear reading takes well under one); the findings must be none, the report being consistent.
  it.each([
    ['dates', Array.from({ length: 20_000 }, (_, i) => `${2000 + (i % 30)}年${(i % 12) + 1}月${(i % 28) + 1}日`).join('、')],
    ['digits', '9'.repeat(100_000) + '件（'],
    ['dotted digits', '1.'.repeat(100_000) + '件（'],
  ])('a prose line of %s is read in linear time', async (name, line) => {
    put(`prose-${name}.txt`, TAB_REPORT.replace('严格落实信息发布保密审查制度。', `严格落实信息发布保密审查制度。${line}`));
    const t = performance.now();
    const e = await audit(`prose-${name}.txt`);
    expect(performance.now() - t).toBeLessThan(5000);
    expect(e.detected).toBe(true);
    expect(e.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
