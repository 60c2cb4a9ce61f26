/**
 * A .docx to HTML with mammoth, so that Word files go through the same DOM reading as web pages
 * (tables with their merged cells, headings, paragraphs). mammoth is imported only when needed.
 */
import { FileReadError } from './file-kind';

const BODY = 'word/document.xml';

export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  // Node's mammoth reads `buffer`, its browser build `arrayBuffer`.
  const copy = (await withSimpleFieldsUnwrapped(bytes)) ?? bytes.slice();
  const input = { buffer: copy, arrayBuffer: copy.buffer } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
  try {
    const { value } = await mammoth.convertToHtml(input);
    return `<!doctype html><html><head><meta charset="utf-8"></head><body>${withoutNoteMarks(value)}</body></html>`;
  } catch (e) {
    throw new FileReadError(`无法读取 Word 文件（文件损坏或不是 .docx）：${(e as Error)?.message ?? e}`);
  }
}

/**
 * mammoth drops a simple field (<w:fldSimple>) with the text it shows: a DATE field's 「2024年1月20日」
 * under the signature, a page number. Its runs are the field's last result, so the field's tags are
 * taken away and its runs kept. Returns the rewritten file, or undefined when it has no simple field
 * (or is no zip: mammoth then says what is wrong with it).
 */
async function withSimpleFieldsUnwrapped(bytes: Uint8Array): Promise<Uint8Array | undefined> {
  const { unzipSync, zipSync, strFromU8, strToU8 } = await import('fflate');
  let files: ReturnType<typeof unzipSync>;
  try {
    files = unzipSync(bytes);
  } catch {
    return undefined;
  }
  const body = files[BODY];
  if (!body) return undefined;
  const xml = strFromU8(body);
  if (!xml.includes('<w:fldSimple')) return undefined;
  files[BODY] = strToU8(xml.replace(/<w:fldSimple\b[^>]*\/>|<w:fldSimple\b[^>]*>|<\/w:fldSimple>/g, ''));
  return zipSync(files, { level: 1 });
}

/**
 * mammoth marks a footnote's or endnote's place with 「[1]」 in a link (the notes themselves follow the
 * body): a mark, not the text, which would otherwise end up in a title (「…年度报告[1]」) or a number's line.
 */
function withoutNoteMarks(html: string): string {
  return html.replace(/<sup><a href="#(?:footnote|endnote)-\d+" id="(?:footnote|endnote)-ref-\d+">\[\d+\]<\/a><\/sup>/g, '');
}
