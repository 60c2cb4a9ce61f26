import { isMhtml } from './mhtml';

/** What a fetched or saved file is, from its first bytes, then its Content-Type, then its name. */
export type FileKind = 'pdf' | 'docx' | 'doc' | 'wps' | 'html' | 'text';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

export function fileKind(bytes: Uint8Array, contentType = '', name = ''): FileKind {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const ext = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  // Some servers put a few bytes of junk before the header; readers accept it within the first KB.
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, OLE2)) return ext === 'wps' || /kswps|ms-works/i.test(contentType) ? 'wps' : 'doc';
  // A .docx is a zip holding word/document.xml; the entry name sits in the zip's local headers.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'docx';
  // A single-file web page (MHTML), even named .doc: decodePage reads its page.
  if (isMhtml(bytes)) return 'html';
  if (/pdf/i.test(contentType)) return 'pdf';
  if (/wordprocessingml/i.test(contentType)) return 'docx';
  if (/msword/i.test(contentType)) return 'doc';
  if (/html|xml/i.test(contentType) || /^(?:\xef\xbb\xbf)?\s*</.test(head)) return 'html';
  if (ext === 'pdf' || ext === 'docx' || ext === 'doc' || ext === 'wps') return ext;
  return 'text';
}

/** A file the engine cannot read, with the reason in words an auditor understands. */
export class FileReadError extends Error {}
