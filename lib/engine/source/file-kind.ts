import { isMhtml } from './mhtml';

/** What a fetched or saved file is, from its first bytes, then its Content-Type, then its name. */
export type FileKind = 'pdf' | 'ofd' | 'docx' | 'doc' | 'wps' | 'html' | 'text';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

/**
 * Whether a zip's central directory (at its end) lists an entry of this name: an OFD holds OFD.xml at
 * its root, a .docx word/document.xml. A zip cut short (no directory) is judged by its first entry,
 * where writers put OFD.xml.
 */
function zipLists(bytes: Uint8Array, entry: string): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 30 && new TextDecoder('latin1').decode(bytes.subarray(30, 30 + view.getUint16(26, true))) === entry) return true;
  for (let end = bytes.length - 22; end >= Math.max(0, bytes.length - 22 - 0xffff); end--) {
    if (view.getUint32(end, true) !== 0x06054b50) continue;
    const count = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    for (let i = 0; i < count && at + 46 <= bytes.length && view.getUint32(at, true) === 0x02014b50; i++) {
      const n = view.getUint16(at + 28, true);
      const name = new TextDecoder('latin1').decode(bytes.subarray(at + 46, at + 46 + n));
      if (name.replace(/^\/+/, '') === entry) return true;
      at += 46 + n + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return false;
  }
  return false;
}

export function fileKind(bytes: Uint8Array, contentType = '', name = ''): FileKind {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const ext = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  // Some servers put a few bytes of junk before the header; readers accept it within the first KB.
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, OLE2)) return ext === 'wps' || /kswps|ms-works/i.test(contentType) ? 'wps' : 'doc';
  // A .docx is a zip holding word/document.xml; an OFD (版式文档) a zip holding OFD.xml, named so or not.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return ext === 'ofd' || /\bofd\b/i.test(contentType) || zipLists(bytes, 'OFD.xml') ? 'ofd' : 'docx';
  // A single-file web page (MHTML), even named .doc: decodePage reads its page.
  if (isMhtml(bytes)) return 'html';
  if (/pdf/i.test(contentType)) return 'pdf';
  if (/\bofd\b/i.test(contentType)) return 'ofd';
  if (/wordprocessingml/i.test(contentType)) return 'docx';
  if (/msword/i.test(contentType)) return 'doc';
  if (/html|xml/i.test(contentType) || /^(?:\xef\xbb\xbf)?\s*</.test(head)) return 'html';
  if (ext === 'pdf' || ext === 'ofd' || ext === 'docx' || ext === 'doc' || ext === 'wps') return ext;
  return 'text';
}

/** The names of the files the engine reads as reports (PDF, OFD, Word, WPS): the links the viewer and the batch audit open. */
export const READABLE_FILE_EXTENSIONS = ['pdf', 'ofd', 'docx', 'doc', 'wps'] as const;
/** A link to such a file, a query or fragment allowed after its name. */
export const READABLE_FILE = new RegExp(`\\.(?:${READABLE_FILE_EXTENSIONS.join('|')})(?:$|[?#])`, 'i');

/** A file the engine cannot read, with the reason in words an auditor understands. */
export class FileReadError extends Error {}
