/**
 * Word 97–2003 .doc files (test/fixtures/doc: every .docx fixture saved as .doc by LibreOffice, build.sh).
 * The same document as .doc and as .docx must give the same reports: the same bodies, years and layouts,
 * every table cell read alike, and the same findings by rule and cell. The .docx files are checked against
 * the report's model by their own tests (docx-variants.test.ts, file-formats.test.ts), so a .doc that reads
 * as its .docx reads right. `different.json` names the files that do not hold the same document, and why.
 * Then the reader's edges: damaged, encrypted and older files, a .wps in Word's format, corrupted bytes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NODE_READERS } from '../../cli/files';
import type { PageAudit } from '../../lib/engine/audit';
import { auditFile } from '../../lib/engine/audit-file';
import { readCompoundFile } from '../../lib/engine/source/cfb';
import { docToHtml, tableHtml } from '../../lib/engine/source/doc';
import { FileReadError } from '../../lib/engine/source/file-kind';
import { writeCompoundFile } from '../helpers/cfb-write';
import { FIXTURES } from '../helpers/fixtures';

const DIR = join(FIXTURES, 'doc');
const DIFFERENT: Record<string, { why: string; rules?: string[] }> = JSON.parse(readFileSync(join(DIR, 'different.json'), 'utf8'));
const DOCS = readdirSync(DIR).filter((f) => f.endsWith('.doc'));
const sourceOf = (doc: string) => {
  const docx = doc.replace(/\.doc$/, '.docx');
  return /^\d/.test(doc) ? join(FIXTURES, 'docx', docx) : join(FIXTURES, 'docx-variants', docx);
};
const audit = async (path: string, name = path) => (await auditFile(new Uint8Array(readFileSync(path)), NODE_READERS, { name })).audit;

/** What a reader must agree on: per report, its body, year and layout, each cell's reading, and the findings (less `skip`'s rules). */
function reading(a: PageAudit, skip: readonly string[] = []) {
  if (!a.detected) return { detected: false };
  return a.parts.map(({ report, findings }) => ({
    agency: report.agency,
    year: report.year,
    layout: report.layout,
    cells: Object.entries(report.tables).flatMap(([t, table]) =>
      Object.entries(table!.rows).flatMap(([row, cells]) =>
        Object.entries(cells ?? {}).map(([col, cell]) => `${t}/${row}/${col}=${cell!.status}:${cell!.value}`),
      ),
    ),
    findings: findings
      .filter((f) => f.severity !== 'info' && !skip.includes(f.rule))
      .map((f) => `${f.rule} ${(f.cells ?? []).map((c) => `${c.table}/${c.row}/${c.column}`).join(',')}`)
      .sort(),
  }));
}

describe('a .doc reads as the same document saved as .docx', () => {
  it('every .doc has its .docx, and different.json names only .doc files here', () => {
    expect(DOCS.length).toBeGreaterThanOrEqual(60);
    expect(Object.keys(DIFFERENT).filter((f) => !DOCS.includes(f))).toEqual([]);
  });
  it.each(DOCS.filter((d) => !DIFFERENT[d] || DIFFERENT[d].rules))(
    '%s',
    async (doc) => {
      const skip = DIFFERENT[doc]?.rules ?? [];
      const [asDoc, asDocx] = await Promise.all([audit(join(DIR, doc)), audit(sourceOf(doc))]);
      expect(asDocx.detected).toBe(true);
      expect(reading(asDoc, skip)).toEqual(reading(asDocx, skip));
    },
    30_000,
  );
});

/** The file with its WordDocument stream found and changed: the FIB starts a sector with its magic number. */
function withFib(bytes: Uint8Array, change: (fib: DataView) => void): Uint8Array {
  const out = bytes.slice();
  for (let at = 512; at + 512 <= out.length; at += 512)
    if (out[at] === 0xec && out[at + 1] === 0xa5) {
      change(new DataView(out.buffer, at, 512));
      return out;
    }
  throw new Error('no FIB');
}

/** Characters Word may store one byte each (a compressed piece): printable ASCII and cp1252's others, by their byte. */
const CP1252_BYTE = new Map(Array.from({ length: 0xe0 }, (_, i) => [new TextDecoder('windows-1252').decode(Uint8Array.of(0x20 + i)), 0x20 + i] as const));

/**
 * The document as Word writes it after fast saves or for text that fits cp1252: every run of such characters
 * in its own compressed piece (one byte a character, appended to the WordDocument stream), the rest of the
 * text in 16-bit pieces where it was. The runs' old 16-bit copies are overwritten, so that reading them there
 * would show. Paragraph and cell marks stay in 16-bit pieces, where the paragraphs' properties place them.
 * (LibreOffice, converting the rebuilt 003.doc to text, gives the original's text: the rebuilt file is a valid .doc.)
 */
function withCompressedRuns(bytes: Uint8Array): { doc: Uint8Array; compressed: number } {
  const file = readCompoundFile(bytes);
  const word = file.stream('WordDocument')!;
  const w = new DataView(word.buffer, word.byteOffset, word.byteLength);
  const tableName = w.getUint16(0x0a, true) & 0x0200 ? '1Table' : '0Table';
  const table = file.stream(tableName)!;
  const t = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const fcLcb = 0x22 + w.getUint16(0x20, true) * 2 + 2 + w.getUint16(0x22 + w.getUint16(0x20, true) * 2, true) * 4 + 2;
  const [fcClx, lcbClx] = [w.getUint32(fcLcb + 33 * 8, true), w.getUint32(fcLcb + 33 * 8 + 4, true)];
  let at = fcClx;
  while (t.getUint8(at) === 0x01) at += 3 + t.getUint16(at + 1, true);
  const prc = table.slice(fcClx, at);
  const n = (t.getUint32(at + 1, true) - 4) / 12;
  const plc = at + 5;
  const extra: number[] = [];
  const pieces: { cp: number; fc: number; prm: number }[] = [];
  const words = word.slice();
  for (let i = 0; i < n; i++) {
    const [from, to] = [t.getUint32(plc + i * 4, true), t.getUint32(plc + (i + 1) * 4, true)];
    const fc = t.getUint32(plc + (n + 1) * 4 + i * 8 + 2, true);
    const prm = t.getUint16(plc + (n + 1) * 4 + i * 8 + 6, true);
    if (fc & 0x40000000) throw new Error('already compressed');
    let runCompressed: boolean | undefined;
    for (let cp = from; cp < to; cp++) {
      const pos = fc + (cp - from) * 2;
      const byte = CP1252_BYTE.get(String.fromCharCode(w.getUint16(pos, true)));
      const compress = byte !== undefined;
      if (compress !== runCompressed) pieces.push({ cp, fc: compress ? ((word.length + extra.length) * 2) | 0x40000000 : pos, prm });
      runCompressed = compress;
      if (compress) {
        extra.push(byte);
        words.set([0x19, 0xff], pos); // ９ (U+FF19) where the 16-bit copy was
      }
    }
  }
  const ends = [...pieces.map((p) => p.cp), t.getUint32(plc + n * 4, true)];
  const clx = new Uint8Array(prc.length + 5 + ends.length * 4 + pieces.length * 8);
  const c = new DataView(clx.buffer);
  clx.set(prc);
  clx[prc.length] = 0x02;
  c.setUint32(prc.length + 1, ends.length * 4 + pieces.length * 8, true);
  ends.forEach((cp, i) => c.setUint32(prc.length + 5 + i * 4, cp, true));
  pieces.forEach((p, i) => {
    c.setUint32(prc.length + 5 + ends.length * 4 + i * 8 + 2, p.fc, true);
    c.setUint16(prc.length + 5 + ends.length * 4 + i * 8 + 6, p.prm, true);
  });
  const newWord = new Uint8Array(words.length + extra.length);
  newWord.set(words);
  newWord.set(extra, words.length);
  // The new piece table goes after the table stream's end; the FIB points to it.
  const newTable = new Uint8Array(table.length + clx.length);
  newTable.set(table);
  newTable.set(clx, table.length);
  const fib = new DataView(newWord.buffer);
  fib.setUint32(fcLcb + 33 * 8, table.length, true);
  fib.setUint32(fcLcb + 33 * 8 + 4, clx.length, true);
  expect(lcbClx).toBeGreaterThan(0);
  const data = file.stream('Data');
  return {
    doc: writeCompoundFile({ WordDocument: newWord, [tableName]: newTable, ...(data && { Data: data }) }),
    compressed: pieces.filter((p) => p.fc & 0x40000000).length,
  };
}

describe('the .doc reader at its edges', () => {
  const base = () => new Uint8Array(readFileSync(join(DIR, '003.doc')));

  it('an OLE2 header with nothing after it is a damaged file, said in words', async () => {
    const stub = readFileSync(join(FIXTURES, 'docx', '示范局2023年政府信息公开工作年度报告.doc'));
    await expect(auditFile(new Uint8Array(stub), NODE_READERS, { name: 'a.doc' })).rejects.toThrow(/无法读取旧版 Word 文件.*可能已损坏/);
  });
  it('an encrypted .doc is refused with the reason', () => {
    const locked = withFib(base(), (fib) => fib.setUint16(0x0a, fib.getUint16(0x0a, true) | 0x0100, true));
    expect(() => docToHtml(locked)).toThrow(FileReadError);
    expect(() => docToHtml(locked)).toThrow(/加密/);
  });
  it('a Word 6/95 file (an older FIB) gets the one unreadable-file finding', async () => {
    const old = withFib(base(), (fib) => fib.setUint16(2, 0x65, true));
    const a = await auditFile(old, NODE_READERS, { name: '示范局2023年政府信息公开工作年度报告.doc' });
    expect(a.audit.detected && a.audit.parts[0]!.findings).toEqual([
      expect.objectContaining({ rule: 'file-unreadable', message: expect.stringContaining('不是 Word 97-2003 格式') }),
    ]);
    // Named from the file, as every unreadable file is.
    expect(a.audit.detected && a.audit.parts[0]!.report).toMatchObject({ agency: '示范局', year: 2023 });
  });
  it('a .wps that WPS saved in Word 97 format is read as that .doc', async () => {
    const [asWps, asDocx] = await Promise.all([audit(join(DIR, '003.doc'), '2023年报.wps'), audit(sourceOf('003.doc'))]);
    expect(reading(asWps)).toEqual(reading(asDocx));
    expect(reading(asWps)).not.toEqual({ detected: false });
  });
  it('reads compressed (one byte a character) pieces as Word writes them: the same document, digits and all', () => {
    for (const name of ['003.doc', 'D07-t3-t4-two-row-headers.doc']) {
      const original = new Uint8Array(readFileSync(join(DIR, name)));
      const { doc, compressed } = withCompressedRuns(original);
      // Every number of the tables is in such a piece now.
      expect(compressed).toBeGreaterThan(100);
      expect(docToHtml(doc)).toBe(docToHtml(original));
    }
  });
  it('a FAT whose chain loops ends with a FileReadError, not a hang', () => {
    const bytes = base();
    const view = new DataView(bytes.buffer);
    // The directory's first sector points to itself in the FAT (the first FAT sector is named at 0x4c).
    const dirStart = view.getUint32(0x30, true);
    const fatAt = (view.getUint32(0x4c, true) + 1) * 512;
    view.setUint32(fatAt + dirStart * 4, dirStart, true);
    expect(() => docToHtml(bytes)).toThrow(FileReadError);
  });
  it('corrupted bytes anywhere give a report, no report, or a FileReadError, and nothing else', async () => {
    const original = base();
    let fib = 0;
    withFib(original, (v) => (fib = v.byteOffset));
    // Anywhere in the file, and more often in the structures: the header and directory, the FIB.
    const position = fc.oneof(fc.nat({ max: original.length - 1 }), fc.nat({ max: 1535 }), fc.integer({ min: fib, max: fib + 1023 }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(position, fc.nat({ max: 255 })), { minLength: 1, maxLength: 40 }), async (edits) => {
        const bytes = original.slice();
        for (const [at, value] of edits) bytes[at] = value;
        try {
          await auditFile(bytes, NODE_READERS, { name: 'x.doc' });
        } catch (e) {
          expect(e).toBeInstanceOf(FileReadError);
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});

describe('a .doc table written as HTML', () => {
  // Three columns at 0 | 1000 | 2000 | 3000 twips; a row's definition lists each cell's right edge and merge flags.
  const def = (right: number, horzMerge = 0, vertMerge = 0) => ({ right, horzMerge, vertMerge });
  const row = (cells: string[], defs: ReturnType<typeof def>[]) => ({ cells, props: { inTable: true, rowEnd: true, depth: 1, left: 0, cells: defs } });

  it('spans the grid columns between a cell’s boundaries, and joins vertical merges into a rowspan', () => {
    const html = tableHtml([
      row(['（本列数据的勾稽关系…）', '申请人情况'], [def(1000, 0, 3), def(3000)]),
      row(['', '自然人', '法人'], [def(1000, 0, 1), def(2000), def(3000)]),
      row(['一、本年新收', '1', '2'], [def(1000), def(2000), def(3000)]),
    ]);
    expect(html).toBe(
      '<table><tr><td rowspan="2">（本列数据的勾稽关系…）</td><td colspan="2">申请人情况</td></tr>\n<tr><td>自然人</td><td>法人</td></tr>\n<tr><td>一、本年新收</td><td>1</td><td>2</td></tr></table>',
    );
  });
  it('joins a Word 97 horizontal merge (fMerged after fFirstMerged) into a colspan', () => {
    const html = tableHtml([
      row(['行政复议', '', '行政诉讼'], [def(1000, 1), def(2000, 2), def(3000)]),
      row(['1', '2', '3'], [def(1000), def(2000), def(3000)]),
    ]);
    expect(html).toBe('<table><tr><td colspan="2">行政复议</td><td>行政诉讼</td></tr>\n<tr><td>1</td><td>2</td><td>3</td></tr></table>');
  });
  it('writes a row without a usable definition cell by cell', () => {
    const html = tableHtml([{ cells: ['a', 'b'], props: { inTable: true, rowEnd: true, depth: 1 } }]);
    expect(html).toBe('<table><tr><td>a</td><td>b</td></tr></table>');
  });
});
