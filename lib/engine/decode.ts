import { isMhtml, mhtmlPage } from './source/mhtml';
import { isWordMl, wordMlToHtml } from './source/wordml';

/**
 * Bytes of a saved page or a fetched response to text. Many portals still serve GBK/GB2312,
 * so the charset comes from the Content-Type, a BOM, or the page's own <meta>, before UTF-8.
 * A single-file web page (MHTML) is its page part; a Word 2003 XML document, the page it shows.
 */
export function decodePage(bytes: Uint8Array, contentType = ''): string {
  const page = isMhtml(bytes) ? mhtmlPage(bytes) : undefined;
  if (page) return decodePage(page.bytes, page.contentType);
  const text = decodeText(bytes, contentType);
  return isWordMl(text) ? wordMlToHtml(text) : text;
}

function decodeText(bytes: Uint8Array, contentType: string): string {
  const label = charsetOf(contentType) ?? bomCharset(bytes) ?? metaCharset(bytes);
  if (label) {
    try {
      return new TextDecoder(normalizeLabel(label)).decode(bytes);
    } catch {
      // Unknown label: fall through to detection.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const utf8 = new TextDecoder('utf-8').decode(bytes);
    return mostlyUtf8(utf8) ? utf8 : new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * UTF-8 with at most a stray byte or a character cut short (a truncated download) per 200 good
 * ones: GBK read as UTF-8 fails on nearly every character, so a few failures do not make a page GBK.
 */
function mostlyUtf8(text: string): boolean {
  let bad = 0;
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c >= 0x80) good++;
  }
  return bad * 200 <= good;
}

function charsetOf(s: string): string | undefined {
  return /charset\s*=\s*["']?([\w-]+)/i.exec(s)?.[1];
}

function bomCharset(b: Uint8Array): string | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return undefined;
}

function metaCharset(b: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(b.subarray(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
}

/** GB2312 and GBK pages routinely hold characters only GB18030 has; it is their superset. */
function normalizeLabel(label: string): string {
  return /^(gb2312|gbk|x-gbk|gb_2312-80)$/i.test(label) ? 'gb18030' : label;
}
