/**
 * A single-file web page (MHTML: Word's 「单个文件网页」, a browser's .mht), often uploaded as a `.doc`: a
 * MIME message whose first text/html part is the page, in quoted-printable or base64, in its own charset.
 */

const HEAD = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes.subarray(0, 2048));

/** MIME headers at the top that announce a multipart/related message. */
export const isMhtml = (bytes: Uint8Array): boolean => {
  const head = HEAD(bytes);
  return /^\s*[\w-]+:/.test(head) && /^MIME-Version:/im.test(head) && /^Content-Type:\s*multipart\/related/im.test(head);
};

/**
 * The page part: its bytes as sent, decoded from the transfer encoding, and its Content-Type; undefined when there is none.
 * The message is read as Latin-1 text only to find its parts (one character a byte, so places in it are places in the
 * bytes); an 8-bit part is taken from the bytes themselves, since a browser's 「latin1」 decoder is windows-1252 and
 * gives 0x80–0x9F other code points.
 */
export function mhtmlPage(bytes: Uint8Array): { bytes: Uint8Array; contentType: string } | undefined {
  const text = new TextDecoder('latin1').decode(bytes);
  const boundary = /boundary\s*=\s*"?([^"\r\n;]+)"?/i.exec(HEAD(bytes))?.[1];
  if (!boundary) return undefined;
  const marker = `--${boundary}`;
  for (let at = text.indexOf(marker); at >= 0;) {
    const start = at + marker.length;
    at = text.indexOf(marker, start);
    const part = text.slice(start, at < 0 ? undefined : at);
    const blank = /\r?\n\r?\n/.exec(part);
    if (!blank) continue;
    const headers = part.slice(0, blank.index);
    const contentType = /^Content-Type:\s*([^\r\n]+)/im.exec(headers)?.[1] ?? '';
    if (!/text\/html/i.test(contentType)) continue;
    const from = blank.index + blank[0].length;
    const encoding = /^Content-Transfer-Encoding:\s*([\w-]+)/im.exec(headers)?.[1]?.toLowerCase();
    const body =
      encoding === 'base64'
        ? base64Bytes(part.slice(from))
        : encoding === 'quoted-printable'
          ? latin1Bytes(quotedPrintable(part.slice(from)))
          : bytes.subarray(start + from, start + part.length);
    return { bytes: body, contentType };
  }
  return undefined;
}

/** Soft line breaks (「=」 at a line's end) joined, 「=3D」 as the byte it codes; each character of the result one byte. */
const quotedPrintable = (s: string) => s.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const latin1Bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

function base64Bytes(s: string): Uint8Array {
  const binary = atob(s.replace(/[^A-Za-z0-9+/=]/g, ''));
  return latin1Bytes(binary);
}
