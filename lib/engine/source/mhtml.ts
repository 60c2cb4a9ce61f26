/**
 * A single-file web page (MHTML: Word's 「单个文件网页」, a browser's .mht), often uploaded as a `.doc`: a
 * MIME message whose first text/html part is the page, in quoted-printable or base64, in its own charset; the
 * documents of its frames are the text/html parts after it.
 */

const HEAD = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes.subarray(0, 2048));

/** MIME headers at the top that announce a multipart/related message. */
export const isMhtml = (bytes: Uint8Array): boolean => {
  const head = HEAD(bytes);
  return /^\s*[\w-]+:/.test(head) && /^MIME-Version:/im.test(head) && /^Content-Type:\s*multipart\/related/im.test(head);
};

/** An HTML part of the message: its bytes, decoded from the transfer encoding, its Content-Type and the names a frame may call it by. */
export interface MhtmlPart {
  bytes: Uint8Array;
  contentType: string;
  /** Its Content-Location, and 「cid:…」 for its Content-ID (Chrome points a saved frame's src at it). */
  names: string[];
}

/**
 * The page part (the first text/html part) and the other HTML parts after it, the documents of the page's frames;
 * undefined when there is none. The message is read as Latin-1 text only to find its parts (one character a byte,
 * so places in it are places in the bytes); an 8-bit part is taken from the bytes themselves, since a browser's
 * 「latin1」 decoder is windows-1252 and gives 0x80–0x9F other code points.
 */
export function mhtmlPage(bytes: Uint8Array): { page: MhtmlPart; frames: MhtmlPart[] } | undefined {
  const text = new TextDecoder('latin1').decode(bytes);
  const boundary = /boundary\s*=\s*"?([^"\r\n;]+)"?/i.exec(HEAD(bytes))?.[1];
  if (!boundary) return undefined;
  const marker = `--${boundary}`;
  const parts: MhtmlPart[] = [];
  for (let at = text.indexOf(marker); at >= 0;) {
    const start = at + marker.length;
    at = text.indexOf(marker, start);
    const part = text.slice(start, at < 0 ? undefined : at);
    const blank = /\r?\n\r?\n/.exec(part);
    if (!blank) continue;
    // A header may go on over lines that open with white space (IE writes 「text/html;」 then 「\tcharset="gb2312"」).
    const headers = part.slice(0, blank.index).replace(/\r?\n[ \t]+/g, ' ');
    const contentType = header(headers, 'Content-Type');
    if (!/text\/html/i.test(contentType)) continue;
    const from = blank.index + blank[0].length;
    const encoding = header(headers, 'Content-Transfer-Encoding').toLowerCase();
    const body =
      encoding === 'base64'
        ? base64Bytes(part.slice(from))
        : encoding === 'quoted-printable'
          ? latin1Bytes(quotedPrintable(part.slice(from)))
          : bytes.subarray(start + from, start + part.length);
    const id = header(headers, 'Content-ID').replace(/^<|>$/g, '');
    parts.push({ bytes: body, contentType, names: [header(headers, 'Content-Location'), id && `cid:${id}`].filter(Boolean) });
  }
  const [page, ...frames] = parts;
  return page && { page, frames };
}

const header = (headers: string, name: string) => new RegExp(`^${name}:\\s*([^\\r\\n]+)`, 'im').exec(headers)?.[1]?.trim() ?? '';

/** Soft line breaks (「=」 at a line's end) joined, 「=3D」 as the byte it codes; each character of the result one byte. */
const quotedPrintable = (s: string) => s.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const latin1Bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

function base64Bytes(s: string): Uint8Array {
  const binary = atob(s.replace(/[^A-Za-z0-9+/=]/g, ''));
  return latin1Bytes(binary);
}
