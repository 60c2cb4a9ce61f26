/** The one finding for a report file the engine cannot read: a scan, or a Word format without a reader (Word 6/95, WPS's own). */
import type { Finding } from '../model';
import { toFinding, type RaisedRule } from './types';

export const fileUnreadable: RaisedRule = {
  kind: 'raised',
  id: 'file-unreadable',
  severity: 'warning',
  title: { zh: '附件无法读取', en: 'Report file cannot be read' },
  description: {
    zh: '报告文件是扫描件（PDF 或 OFD 中只有图片、没有文字层）、文字层是乱码的 PDF 或 OFD（字体缺少字符编码映射），或是无法读取的旧格式（Word 6.0/95 的 .doc、WPS 自有格式的 .wps），无法自动核对；请人工核对，或取得可复制文字的 PDF、.docx 文件。Word 97–2003 的 .doc 与 WPS 以该格式保存的 .wps 可以读取。',
    en: "The report file is a scan (a PDF or OFD of images without a text layer), a PDF or OFD whose text layer is garbled (fonts without a character map) or in a format without a reader (a Word 6.0/95 .doc, a .wps in WPS's own format): check it by hand, or get a text PDF or .docx. Word 97–2003 .doc files, and .wps files WPS saved in that format, are read.",
  },
  basis: '《政府信息公开条例》第五十条（年度报告应向社会公布）；公开的信息应便于公众获取与利用',
  example: '「2023年年度报告.pdf」共 6 页，每页是一张扫描图片。',
};

export type UnreadableKind = 'scanned' | 'garbled' | 'ofd-garbled' | 'doc' | 'wps';

const MESSAGES: Record<UnreadableKind, string> = {
  scanned: '扫描件，无法读取文字：文件（PDF 或 OFD）中只有图片、没有文字层，需人工核对（或先做文字识别 OCR）',
  garbled: 'PDF 的文字层无法读取：所用字体没有给出字符的编码（缺少 ToUnicode 映射），复制出的文字是乱码，需人工核对（或先做文字识别 OCR）',
  'ofd-garbled':
    'OFD 的文字无法读取：文字对象中写的是字形编号而不是字符（常见于由缺少字符编码映射的 PDF 转成的 OFD），复制出的文字是乱码，需人工核对（或先做文字识别 OCR）',
  doc: '旧版 Word 文档（.doc）不是 Word 97-2003 格式（如 Word 6.0/95），无法读取：请另存为 .docx 或 PDF 后再审核',
  wps: 'WPS 文字文档（.wps）是 WPS 自有格式，无法读取：请另存为 .docx 或 PDF 后再审核',
};

export function unreadableFindings(kind: UnreadableKind, detail = '', disabled: readonly string[] = []): Finding[] {
  if (disabled.includes(fileUnreadable.id)) return [];
  return [toFinding(fileUnreadable, { message: MESSAGES[kind] + (detail ? `（${detail}）` : '') })];
}
