/**
 * How a Word file's parts reach the page the engine reads (lib/engine/source/docx.ts), and a Word table
 * of contents in that page's lines (lib/engine/source/text.ts).
 */
import { describe, expect, it } from 'vitest';
import { Document, FootnoteReferenceRun, Packer, Paragraph, SimpleField, TextRun } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { docxToHtml } from '../../lib/engine/source/docx';
import { linesToBlocks } from '../../lib/engine/source/text';

const docx = async (children: Paragraph[], footnotes?: Record<number, { children: Paragraph[] }>) =>
  new Uint8Array(await Packer.toBuffer(new Document({ footnotes, sections: [{ children }] })));
const html = async (children: Paragraph[], footnotes?: Record<number, { children: Paragraph[] }>) => docxToHtml(await docx(children, footnotes));

/** A Word file with its parts edited: `edit` gets the body's XML and all parts, and returns the new body. */
async function edited(children: Paragraph[], edit: (xml: string, files: Record<string, Uint8Array>) => string): Promise<string> {
  const files = unzipSync(await docx(children));
  files['word/document.xml'] = strToU8(edit(strFromU8(files['word/document.xml']!), files));
  return docxToHtml(zipSync(files));
}
const HIDDEN = (text: string) => `<w:r><w:rPr><w:vanish/></w:rPr><w:t>${text}</w:t></w:r>`;

describe('Word file to HTML', () => {
  it('keeps what a simple field shows (a DATE field under the signature)', async () => {
    const page = await html([new Paragraph('示范县交通运输局'), new Paragraph({ children: [new SimpleField('DATE \\@ "yyyy年M月d日"', '2024年2月5日')] })]);
    expect(page).toContain('<p>2024年2月5日</p>');
  });

  it('reads a file with no simple field as it is', async () => {
    expect(await html([new Paragraph({ children: [new TextRun('2024年1月20日')] })])).toContain('<p>2024年1月20日</p>');
  });

  it('leaves out hidden text (w:vanish), which Word neither shows nor prints; keeps text marked not hidden', async () => {
    const page = await edited([new Paragraph('@15@')], (xml) =>
      xml.replace(
        /<w:r>(?:(?!<w:r>).)*?@15@<\/w:t><\/w:r>/,
        `${HIDDEN('14')}<w:r><w:t>15</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>件</w:t></w:r>`,
      ),
    );
    expect(page).toContain('<p>15件</p>');
  });

  it('leaves out text hidden with Track Changes on (w:vanish beside a w:rPrChange); keeps text whose former properties hid it (docx-variants D66)', async () => {
    const change = (old: string) => `<w:rPrChange w:id="70" w:author="办公室" w:date="2024-01-18T09:00:00Z"><w:rPr>${old}</w:rPr></w:rPrChange>`;
    const page = await edited([new Paragraph('@15@')], (xml) =>
      xml.replace(
        /<w:r>(?:(?!<w:r>).)*?@15@<\/w:t><\/w:r>/,
        `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/><w:vanish/>${change('<w:rFonts w:hint="eastAsia"/>')}</w:rPr><w:t>14</w:t></w:r>` +
          `<w:r><w:rPr><w:b/>${change('<w:vanish/>')}</w:rPr><w:t>15</w:t></w:r><w:r><w:t>件</w:t></w:r>`,
      ),
    );
    expect(page).toMatch(/<p>(?:<strong>)?15(?:<\/strong>)?件<\/p>/);
  });

  it('reads a character inserted as a symbol (w:sym) as that text; a picture font’s symbol is no text', async () => {
    const sym = (font: string, char: string) => `<w:r><w:sym w:font="${font}" w:char="${char}"/></w:r>`;
    const page = await edited([new Paragraph('@n@')], (xml) =>
      xml.replace(
        /<w:r>(?:(?!<w:r>).)*?@n@<\/w:t><\/w:r>/,
        sym('Times New Roman', '0035') + sym('Symbol', 'F033') + sym('Wingdings', 'F031') + '<w:r><w:t>件</w:t></w:r>',
      ),
    );
    // Wingdings' F031 is a picture (mammoth draws it as one), never the digit 1.
    expect(page).toMatch(/<p>53\D*件<\/p>/);
  });

  it('reads an imported chunk (w:altChunk, a web editor’s export) in its place', async () => {
    const page = await edited([new Paragraph('前'), new Paragraph('@chunk@'), new Paragraph('后')], (xml, files) => {
      files['word/afchunk.htm'] = strToU8(
        '<html><head><meta charset="utf-8"></head><body><h1>年度报告</h1><table><tr><td>规章</td><td>1</td></tr></table></body></html>',
      );
      const rels = 'word/_rels/document.xml.rels';
      files[rels] = strToU8(
        strFromU8(files[rels]!).replace(
          '</Relationships>',
          '<Relationship Id="chunk1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="afchunk.htm"/></Relationships>',
        ),
      );
      return xml.replace(/<w:p>(?:(?!<w:p>).)*?@chunk@.*?<\/w:p>/, '<w:altChunk r:id="chunk1"/>');
    });
    expect(page).toMatch(/<p>前<\/p><h1>年度报告<\/h1><table><tr><td>规章<\/td><td>1<\/td><\/tr><\/table><p>后<\/p>/);
  });

  it('reads a text box that only DrawingML holds (no VML fallback)', async () => {
    const box = (text: string) =>
      `<w:r><w:drawing><wp:anchor><wp:docPr id="1" name="文本框 1"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>`;
    const page = await edited([new Paragraph('@box@'), new Paragraph('正文')], (xml) =>
      xml.replace(/<w:r>(?:(?!<w:r>).)*?@box@<\/w:t><\/w:r>/, box('示范县交通运输局2023年政府信息公开工作年度报告')),
    );
    expect(page).toContain('<p>示范县交通运输局2023年政府信息公开工作年度报告</p>');
    expect(page).toContain('<p>正文</p>');
  });

  it('reads a choice of content with no fallback (Word reads the choice; docx-variants D81); leaves a choice with a fallback to its fallback', async () => {
    const choice = (inner: string, fallback?: string) =>
      `<mc:AlternateContent><mc:Choice Requires="w14">${inner}</mc:Choice>${fallback === undefined ? '' : `<mc:Fallback>${fallback}</mc:Fallback>`}</mc:AlternateContent>`;
    const para = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const page = await edited([new Paragraph('@lone@'), new Paragraph('@both@'), new Paragraph('@nested@')], (xml) =>
      xml
        .replace(/<w:p>(?:(?!<w:p>).)*?@lone@.*?<\/w:p>/s, choice(para('共收到政府信息公开申请53件')))
        .replace(/<w:p>(?:(?!<w:p>).)*?@both@.*?<\/w:p>/s, choice(para('选项文字'), para('后备文字')))
        // A lone choice holding a choice with a fallback: the outer choice is read, and in it the inner fallback.
        .replace(/<w:p>(?:(?!<w:p>).)*?@nested@.*?<\/w:p>/s, choice(`${para('外层选项')}${choice(para('内层选项'), para('内层后备'))}`)),
    );
    expect(page).toContain('<p>共收到政府信息公开申请53件</p>');
    expect(page).toContain('<p>后备文字</p>');
    expect(page).not.toContain('选项文字');
    expect(page).toContain('<p>外层选项</p><p>内层后备</p>');
    expect(page).not.toContain('内层选项');
  });

  it('leaves out a footnote’s mark in the text, keeps the note', async () => {
    const page = await html([new Paragraph({ children: [new TextRun('示范县交通运输局2023年政府信息公开工作年度报告'), new FootnoteReferenceRun(1)] })], {
      1: { children: [new Paragraph('本报告电子版可在门户网站下载。')] },
    });
    expect(page).toContain('<p>示范县交通运输局2023年政府信息公开工作年度报告</p>');
    expect(page).toContain('本报告电子版可在门户网站下载。');
  });
});

describe('a table of contents in the lines', () => {
  const texts = (lines: string[]) => linesToBlocks(lines.map((text) => ({ text }))).map((b) => (b.kind === 'line' ? b.text : `grid:${b.rows.length}`));

  it('reads headings with their page numbers (a tab leader) as lines, not a table, and the title above as a line', () => {
    const toc = [
      '示范县交通运输局2023年政府信息公开工作年度报告',
      '目录',
      '一、总体情况 1',
      '二、主动公开政府信息情况\t2',
      '三、收到和处理政府信息公开申请情况 3',
    ];
    expect(texts(toc)).toEqual(toc);
  });

  it('still reads a row whose label opens with a numeral, and a label with one value, as a table', () => {
    expect(texts(['一、本年新收政府信息公开申请数量 40 6 1 2 3 1 53', '二、上年结转政府信息公开申请数量 3 1 0 0 0 0 4'])).toEqual(['grid:2']);
    expect(texts(['行政许可 1234', '行政处罚 56'])).toEqual(['grid:2']);
  });
});
