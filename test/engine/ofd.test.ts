/**
 * OFD (GB/T 33190 版式文档) files: the corpus (test/fixtures/ofd/README.md), the pdf-variants report written
 * as OFD writers write it, each file audited as the command line audits it; its findings of severity error
 * or warning must be exactly what expected.json says its one planted change breaks, a broken package the
 * error it names. Then the reader's parts: the DeltaX shorthand, a TextCode cut at a cell gap, the package's
 * errors, and telling an OFD from a .docx.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { auditFile } from '../../cli/audit-input';
import { filesIn } from '../../cli/inputs';
import { FileReadError, fileKind } from '../../lib/engine/source/file-kind';
import { ofdDeltas, readOfd, readOfdPages } from '../../lib/engine/source/ofd';
import { corpus, FIXTURES } from '../helpers/fixtures';

type Expected = { about: string; findings: { rule: string; cell?: string }[]; error?: string };
const { dir: DIR, cases, strayOpen } = corpus<Expected>('ofd', 'expected.json');

describe('OFD corpus', () => {
  it('leaves out only files there are (open.json names files of expected.json)', () => expect(strayOpen).toEqual([]));

  it.each(cases)('%s', async (file, { findings: expected, error }) => {
    const { entry } = await auditFile(join(DIR, file));
    if (error) {
      expect(entry.detected).toBe(false);
      expect(entry.error).toContain(error);
      return;
    }
    expect(entry.error).toBeUndefined();
    expect(entry.detected).toBe(true);
    // A file that cannot be read is named after itself: no body or year to read.
    if (expected[0]?.rule !== 'file-unreadable') expect(entry.report).toMatchObject({ agency: '示范县交通运输局', year: 2023, layout: '2021' });
    const found = entry.findings.filter((f) => f.severity !== 'info');
    expect(found.map((f) => f.rule)).toEqual(expected.map((e) => e.rule));
    expected.forEach((e, i) => {
      if (e.cell) expect(found[i]!.cells?.map((c) => `${c.table}/${c.row}/${c.column}`)).toContain(e.cell);
    });
  });

  it('the command line lists the .ofd files of a folder', async () => {
    const files = (await filesIn(DIR)).map((p) => p.split('/').pop());
    expect(files).toEqual(expect.arrayContaining(Object.keys(JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')))));
  });

  it('takes the title from DocInfo, and reads pages in points top-down (A4: 595 × 842)', async () => {
    const read = await readOfd(new Uint8Array(readFileSync(join(DIR, 'O01-object-per-text-deltax.ofd'))));
    expect(read.title).toBe('示范县交通运输局2023年政府信息公开工作年度报告');
    expect(read.layout[0]!.width).toBeCloseTo(595.28, 0);
    expect(read.layout[0]!.height).toBeCloseTo(841.89, 0);
    const title = read.layout[0]!.texts[0]!;
    expect(title.str).toBe(read.title);
    expect(title.y).toBeGreaterThan(72);
    expect(title.y).toBeLessThan(100);
    expect(read.scanned).toBe(false);
  });

  it("leaves out a reviewer's annotation over a cell (Annots: added after the document, not its text) and reads the cell", async () => {
    const file = join(DIR, 'O24-reviewer-annotation.ofd');
    const bytes = new Uint8Array(readFileSync(file));
    // The note is really there, drawn in the cell of t3 3.2's natural persons.
    const annots = unzipSync(bytes, { filter: (f) => /^Doc_0\/Annots\/Page_\d+\/Annotation\.xml$/.test(f.name) });
    expect(
      Object.values(annots)
        .map((a) => strFromU8(a))
        .join(''),
    ).toContain('应为6？');
    const read = await readOfd(bytes);
    const texts = read.layout.flatMap((p) => p.texts.map((t) => t.str));
    expect(texts.some((t) => t.includes('应为'))).toBe(false);
    expect(texts).toContain('5');
  });
});

describe('ofdDeltas', () => {
  it('expands 「g n d」 into n advances of d', () => {
    expect(ofdDeltas('g 3 4.2 1.5')).toEqual([4.2, 4.2, 4.2, 1.5]);
    expect(ofdDeltas('1 g 2 3.175 2')).toEqual([1, 3.175, 3.175, 2]);
    expect(ofdDeltas('2.5 2.5')).toEqual([2.5, 2.5]);
  });
  it('reads nothing from no attribute, and a bad number as 0', () => {
    expect(ofdDeltas(undefined)).toEqual([]);
    expect(ofdDeltas('')).toEqual([]);
    expect(ofdDeltas('1 x 2')).toEqual([1, 0, 2]);
  });
  it('expands no further than the glyphs it spaces', () => {
    expect(ofdDeltas('g 99999999 1 g 99999999 2', 3)).toEqual([1, 1, 1]);
    expect(ofdDeltas('1 g 5 2', 3)).toEqual([1, 2, 2]);
  });
});

const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
/** A one-page OFD package whose page content is `layer` (millimetres), with optional extra parts. */
function ofdOf(layer: string, extra: Record<string, string> = {}, ofdXml?: string): Uint8Array {
  return zipSync({
    'OFD.xml': strToU8(
      ofdXml ??
        `<ofd:OFD ${NS}><ofd:DocBody><ofd:DocInfo><ofd:Title>T</ofd:Title></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
    ),
    'Doc_0/Document.xml': strToU8(
      `<ofd:Document ${NS}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>`,
    ),
    'Doc_0/Pages/Page_0/Content.xml': strToU8(`<ofd:Page ${NS}><ofd:Content><ofd:Layer ID="2">${layer}</ofd:Layer></ofd:Content></ofd:Page>`),
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, strToU8(v)])),
  });
}
const PT = 72 / 25.4;
/** An OFD needs neither pdf.js nor an HTML parser. */
const READERS = {
  pdf: { cMapUrl: '', standardFontDataUrl: '' },
  parseHtml: (): Document => {
    throw new Error('no HTML here');
  },
};

describe('readOfdPages', () => {
  it('places glyphs by DeltaX from the Boundary, and cuts a TextCode where a glyph stands a cell away', async () => {
    // 「规章」 then 「1」 20 mm on, in one TextCode (a row written as one run): two pieces.
    const { pages } = await readOfdPages(
      ofdOf('<ofd:TextObject ID="3" Boundary="30 40 60 5" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="4 20">规章1</ofd:TextCode></ofd:TextObject>'),
    );
    const texts = pages[0]!.texts;
    expect(texts.map((t) => t.str)).toEqual(['规章', '1']);
    expect(texts[0]!.x).toBeCloseTo(30 * PT);
    expect(texts[0]!.y).toBeCloseTo(44 * PT);
    expect(texts[1]!.x).toBeCloseTo(54 * PT);
    expect(texts[0]!.size).toBeCloseTo(4 * PT);
  });
  it('control: justified glyphs a little apart stay one piece', async () => {
    const { pages } = await readOfdPages(
      ofdOf('<ofd:TextObject ID="3" Boundary="30 40 60 5" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="g 3 4.6">政务公开</ofd:TextCode></ofd:TextObject>'),
    );
    expect(pages[0]!.texts.map((t) => t.str)).toEqual(['政务公开']);
    expect(pages[0]!.texts[0]!.w).toBeCloseTo((3 * 4.6 + 4) * PT);
  });
  it('applies the CTM in the Boundary, reads nested PageBlocks, and leaves turned text out', async () => {
    const { pages } = await readOfdPages(
      ofdOf(
        '<ofd:PageBlock ID="5"><ofd:PageBlock ID="6"><ofd:TextObject ID="3" Boundary="10 20 50 10" Size="1" CTM="5 0 0 5 0 0"><ofd:TextCode X="0" Y="1">总计</ofd:TextCode></ofd:TextObject></ofd:PageBlock></ofd:PageBlock>' +
          '<ofd:TextObject ID="4" Boundary="100 100 10 10" Size="4" CTM="0 1 -1 0 0 0"><ofd:TextCode X="0" Y="4">章</ofd:TextCode></ofd:TextObject>',
      ),
    );
    expect(pages[0]!.texts).toHaveLength(1);
    expect(pages[0]!.texts[0]).toMatchObject({ str: '总计' });
    expect(pages[0]!.texts[0]!.y).toBeCloseTo(25 * PT);
    expect(pages[0]!.texts[0]!.size).toBeCloseTo(5 * PT);
  });
  it('reads the content of composite units where CompositeObjects draw it (a converter may put a page’s text in one)', async () => {
    // The unit's text at (2, 6) in its own space (points, say), drawn scaled by 0.5 at the Boundary's origin (30, 40) mm.
    const unit = (id: string, word: string) =>
      `<ofd:CompositeGraphicUnit ID="${id}" Width="100" Height="50"><ofd:Content><ofd:TextObject ID="9" Boundary="0 0 100 50" Size="8"><ofd:TextCode X="2" Y="6">${word}</ofd:TextCode></ofd:TextObject>` +
      `<ofd:PathObject ID="10" Boundary="0 0 100 50"><ofd:AbbreviatedData>M 0 10 L 100 10</ofd:AbbreviatedData></ofd:PathObject></ofd:Content></ofd:CompositeGraphicUnit>`;
    const res = (units: string) => `<ofd:Res ${NS} BaseLoc="Res"><ofd:CompositeGraphicUnits>${units}</ofd:CompositeGraphicUnits></ofd:Res>`;
    const draw = (id: string) => `<ofd:CompositeObject ID="20" Boundary="30 40 50 25" CTM="0.5 0 0 0.5 0 0" ResourceID="${id}"/>`;
    const bytes = zipSync({
      'OFD.xml': strToU8(`<ofd:OFD ${NS}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`),
      'Doc_0/Document.xml': strToU8(
        `<ofd:Document ${NS}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes></ofd:CommonData>` +
          `<ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>`,
      ),
      'Doc_0/DocumentRes.xml': strToU8(res(unit('7', '总计'))),
      'Doc_0/Pages/Page_0/Content.xml': strToU8(
        `<ofd:Page ${NS}><ofd:PageRes>PageRes.xml</ofd:PageRes><ofd:Content><ofd:Layer ID="2">${draw('7')}${draw('8')}${draw('404')}</ofd:Layer></ofd:Content></ofd:Page>`,
      ),
      'Doc_0/Pages/Page_0/PageRes.xml': strToU8(res(unit('8', '合计'))),
    });
    const { pages } = await readOfdPages(bytes);
    // An unknown unit (404) draws nothing.
    expect(pages[0]!.texts.map((t) => t.str)).toEqual(['总计', '合计']);
    expect(pages[0]!.texts[0]!.x).toBeCloseTo((30 + 2 * 0.5) * PT);
    expect(pages[0]!.texts[0]!.y).toBeCloseTo((40 + 6 * 0.5) * PT);
    expect(pages[0]!.texts[0]!.size).toBeCloseTo(8 * 0.5 * PT);
    expect(pages[0]!.rules[0]).toMatchObject({ x0: expect.closeTo(30 * PT), x1: expect.closeTo(80 * PT), y0: expect.closeTo(45 * PT) });
  });
  it('reads rulings: stroked lines, a thin filled rectangle as its centre line, not a shaded box or an unpainted path', async () => {
    const { pages } = await readOfdPages(
      ofdOf(
        '<ofd:PathObject ID="3" Boundary="20 50 100 1"><ofd:AbbreviatedData>M 0 0 L 100 0</ofd:AbbreviatedData></ofd:PathObject>' +
          '<ofd:PathObject ID="4" Boundary="20 60 0.2 30" Stroke="false" Fill="true"><ofd:AbbreviatedData>M 0 0 L 0.2 0 L 0.2 30 L 0 30 C</ofd:AbbreviatedData></ofd:PathObject>' +
          '<ofd:PathObject ID="5" Boundary="20 100 50 10" Stroke="false" Fill="true"><ofd:AbbreviatedData>M 0 0 L 50 0 L 50 10 L 0 10 C</ofd:AbbreviatedData></ofd:PathObject>' +
          '<ofd:PathObject ID="6" Boundary="20 120 50 1" Stroke="false"><ofd:AbbreviatedData>M 0 0 L 50 0</ofd:AbbreviatedData></ofd:PathObject>',
      ),
    );
    const rules = pages[0]!.rules;
    expect(rules).toHaveLength(2);
    expect(rules[0]).toMatchObject({ y0: expect.closeTo(50 * PT), x1: expect.closeTo(120 * PT) });
    expect(rules[1]!.x0).toBeCloseTo(20.1 * PT);
    expect(rules[1]!.y1 - rules[1]!.y0).toBeCloseTo(30 * PT);
  });
  it("draws a page's template under it", async () => {
    const tpl = `<ofd:Page ${NS}><ofd:Content><ofd:Layer ID="9"><ofd:TextObject ID="10" Boundary="20 10 60 5" Size="3"><ofd:TextCode X="0" Y="3">页眉</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>`;
    const bytes = zipSync({
      'OFD.xml': strToU8(`<ofd:OFD ${NS}><ofd:DocBody><ofd:DocRoot>/Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`),
      'Doc_0/Document.xml': strToU8(
        `<ofd:Document ${NS}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:TemplatePage ID="8" BaseLoc="Tpls/T.xml"/></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/P.xml"/></ofd:Pages></ofd:Document>`,
      ),
      'Doc_0/Tpls/T.xml': strToU8(tpl),
      'Doc_0/Pages/P.xml': strToU8(`<ofd:Page ${NS}><ofd:Template TemplateID="8"/><ofd:Content><ofd:Layer ID="2"/></ofd:Content></ofd:Page>`),
    });
    const { pages, title } = await readOfdPages(bytes);
    expect(pages[0]!.texts.map((t) => t.str)).toEqual(['页眉']);
    expect(title).toBeUndefined();
  });
});

describe('OFD package errors', () => {
  const reason = (bytes: Uint8Array) =>
    readOfd(bytes).then(
      () => 'read',
      (e: unknown) => (e instanceof FileReadError ? e.message : `crash: ${e}`),
    );
  it('a damaged zip, a zip without OFD.xml, bytes that are no zip', async () => {
    const whole = ofdOf('');
    expect(await reason(whole.subarray(0, whole.length >> 1))).toMatch(/无法读取 OFD 文件（文件损坏或不是 OFD）/);
    expect(await reason(zipSync({ 'Index.xml': strToU8('<a/>') }))).toMatch(/没有 OFD\.xml/);
    expect(await reason(new TextEncoder().encode('not a zip at all'))).toMatch(/无法读取 OFD 文件/);
  });
  it('an encrypted package, a missing document or page, a document without pages', async () => {
    const encrypted = zipSync({
      'OFD.xml': strToU8(`<ofd:OFD ${NS}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`),
      'Encryptions.xml': strToU8('<Encryptions/>'),
      'Doc_0/Document.xml': new Uint8Array([0x9c, 0x11, 0xf3, 0x00, 0x42]),
    });
    expect(await reason(encrypted)).toMatch(/已加密/);
    expect(
      await reason(zipSync({ 'OFD.xml': strToU8(`<ofd:OFD ${NS}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`) })),
    ).toMatch(/Document\.xml/);
    const noPage = ofdOf('');
    const files = {
      'OFD.xml': strToU8(`<ofd:OFD ${NS}><ofd:DocBody><ofd:DocRoot>D.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`),
      'D.xml': strToU8(`<ofd:Document ${NS}><ofd:Pages/></ofd:Document>`),
    };
    expect(await reason(zipSync(files))).toMatch(/没有页面/);
    expect(noPage.length).toBeGreaterThan(0);
    const lostPage = zipSync({ ...files, 'D.xml': strToU8(`<ofd:Document ${NS}><ofd:Pages><ofd:Page ID="1" BaseLoc="P/C.xml"/></ofd:Pages></ofd:Document>`) });
    expect(await reason(lostPage)).toMatch(/第 1 页/);
  });
  it('text of glyph numbers (control characters) is garbled; control: CJK text is not', async () => {
    const codes = Array.from({ length: 12 }, (_, i) => `&#x${(i + 1).toString(16)};`).join('');
    const garbled = await readOfd(
      ofdOf(`<ofd:TextObject ID="3" Boundary="20 20 100 5" Size="4"><ofd:TextCode X="0" Y="4">${codes}</ofd:TextCode></ofd:TextObject>`),
    );
    expect(garbled.garbled).toBe(true);
    const fine = await readOfd(
      ofdOf('<ofd:TextObject ID="3" Boundary="20 20 100 5" Size="4"><ofd:TextCode X="0" Y="4">政府信息公开工作年度报告</ofd:TextCode></ofd:TextObject>'),
    );
    expect(fine.garbled).toBe(false);
    const { auditFile: auditBytes } = await import('../../lib/engine/audit-file');
    const { audit } = await auditBytes(
      ofdOf(`<ofd:TextObject ID="3" Boundary="20 20 100 5" Size="4"><ofd:TextCode X="0" Y="4">${codes}</ofd:TextCode></ofd:TextObject>`),
      READERS,
      {
        name: 'report.ofd',
      },
    );
    expect(audit.detected && audit.parts[0]!.findings.map((f) => [f.rule, f.message.slice(0, 14)])).toEqual([['file-unreadable', 'OFD 的文字无法读取：文字']]);
  });
  it('a page of images only is a scan', async () => {
    const read = await readOfd(ofdOf('<ofd:ImageObject ID="3" Boundary="0 0 210 297" CTM="210 0 0 297 0 0" ResourceID="9"/>'));
    expect(read).toMatchObject({ pages: 1, scanned: true });
  });
});

describe('a damaged OFD never crashes the reader', () => {
  const reads = (bytes: Uint8Array) =>
    readOfd(bytes).then(
      () => true,
      (e: unknown) => {
        if (e instanceof FileReadError) return true;
        throw e;
      },
    );
  const whole = new Uint8Array(readFileSync(join(DIR, 'O05-row-one-textcode.ofd')));
  it('bytes of the package changed at random', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: whole.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        async (edits) => {
          const bytes = whole.slice();
          for (const [at, v] of edits) bytes[at] = v;
          expect(await reads(bytes)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
  it("a page's XML cut anywhere or with its attributes scrambled", async () => {
    const files = unzipSync(whole);
    const page = new TextDecoder().decode(files['Doc_0/Pages/Page_1/Content.xml']);
    expect(page).toContain('<ofd:TextObject');
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: page.length }), fc.constantFrom('', 'NaN', '-1e308', 'g', 'g 99999999 1', '1 2 3 4 5 6 7'), async (cut, junk) => {
        const mangled = page.slice(0, cut).replace(/"[-\d. g]+"/g, (m, i: number) => (i % 3 ? m : `"${junk}"`));
        expect(await reads(zipSync({ ...files, 'Doc_0/Pages/Page_1/Content.xml': strToU8(mangled) }))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('fileKind tells an OFD from a .docx', () => {
  const ofd = ofdOf('');
  const docx = new Uint8Array(readFileSync(join(FIXTURES, 'docx-variants', 'D01-baseline-heading-styles.docx')));
  it("by the zip's OFD.xml, whatever the name", () => {
    expect(fileKind(ofd)).toBe('ofd');
    expect(fileKind(ofd, '', 'download.do?id=7')).toBe('ofd');
    expect(fileKind(docx)).toBe('docx');
    expect(fileKind(docx, '', 'report.docx')).toBe('docx');
  });
  it('by the .ofd name or the application/ofd type, for a zip or bytes cut short', () => {
    const zipStart = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    expect(fileKind(zipStart, '', '/files/report.ofd')).toBe('ofd');
    expect(fileKind(zipStart, 'application/ofd')).toBe('ofd');
    expect(fileKind(zipStart)).toBe('docx');
    // A download cut short (no directory at its end) whose first entry is OFD.xml.
    expect(fileKind(ofd.subarray(0, 60))).toBe('ofd');
    expect(fileKind(new TextEncoder().encode('junk'), '', 'a.OFD?x=1')).toBe('ofd');
  });
});
