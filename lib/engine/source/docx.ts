/**
 * A .docx to HTML with mammoth, so that Word files go through the same DOM reading as web pages
 * (tables with their merged cells, headings, paragraphs). mammoth is imported only when needed.
 */
import { FileReadError } from './file-kind';

export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  // Node's mammoth reads `buffer`, its browser build `arrayBuffer`.
  const copy = bytes.slice();
  const input = { buffer: copy, arrayBuffer: copy.buffer } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
  try {
    const { value } = await mammoth.convertToHtml(input);
    return `<!doctype html><html><head><meta charset="utf-8"></head><body>${value}</body></html>`;
  } catch (e) {
    throw new FileReadError(`无法读取 Word 文件（文件损坏或不是 .docx）：${(e as Error)?.message ?? e}`);
  }
}
