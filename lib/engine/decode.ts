import { isMhtml, mhtmlPage, type MhtmlPart } from './source/mhtml';
import { isWordMl, wordMlToHtml } from './source/wordml';

/**
 * Bytes of a saved page or a fetched response to text. Many portals still serve GBK/GB2312,
 * so the charset comes from the Content-Type, a BOM, or the page's own <meta>, before UTF-8.
 * A single-file web page (MHTML) is its page part, its frames filled from the parts after it; a Word 2003 XML
 * document, the page it shows.
 */
export function decodePage(bytes: Uint8Array, contentType = ''): string {
  const archive = isMhtml(bytes) ? mhtmlPage(bytes) : undefined;
  if (archive) return withFrames(decodePage(archive.page.bytes, archive.page.contentType), archive.frames);
  const text = decodeText(bytes, contentType);
  return isWordMl(text) ? wordMlToHtml(text) : text;
}

/** An <iframe> with what it holds for browsers without frames, or a <frame>: the attributes of its tag. */
const FRAME = /<iframe\b([^>]*)>[\s\S]*?<\/iframe\s*>|<frame\b([^>]*)>/gi;
const HIDDEN_FRAME = /\shidden\b|display\s*:\s*none/i;
const SRC = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

/**
 * A saved page's frames filled with the documents the archive keeps of them (a portal showing its article in an
 * <iframe>: the article is the second part), each where its frame is, as the browser shows it.
 */
function withFrames(page: string, frames: MhtmlPart[]): string {
  if (!frames.length) return page;
  return page.replace(FRAME, (element, iframe: string | undefined, frame: string | undefined) => {
    const attributes = ` ${iframe ?? frame ?? ''}`;
    const src = SRC.exec(attributes);
    const name = (src?.[1] ?? src?.[2] ?? src?.[3] ?? '').replace(/&amp;/g, '&');
    const part = name && frames.find((f) => f.names.includes(name));
    // A hidden frame (a statistics counter's) stays hidden.
    const hidden = HIDDEN_FRAME.test(attributes) ? ' hidden' : '';
    return part ? `<div${hidden}>${bodyOf(decodePage(part.bytes, part.contentType))}</div>` : element;
  });
}

/** What a document's <body> holds (all of it when it has no <body> tag). */
function bodyOf(html: string): string {
  const open = /<body\b[^>]*>/i.exec(html);
  const from = open ? open.index + open[0].length : 0;
  const close = html.toLowerCase().lastIndexOf('</body');
  return html.slice(from, close > from ? close : undefined);
}

function decodeText(bytes: Uint8Array, contentType: string): string {
  const declared = charsetOf(contentType) ?? bomCharset(bytes);
  // Without a header's charset or a BOM, the bytes are read as UTF-8 once: for the meta's check and the detection alike.
  const utf8 = declared ? undefined : strictUtf8(bytes);
  const meta = declared ? undefined : metaCharset(bytes);
  const label = declared ?? (meta && !metaBelied(normalizeLabel(meta), bytes, utf8 ?? null) ? meta : undefined);
  if (label && /^utf-?8$/i.test(label) && typeof utf8 === 'string') return utf8;
  if (label) {
    try {
      return new TextDecoder(normalizeLabel(label)).decode(bytes);
    } catch {
      // Unknown label: fall through to detection.
    }
  }
  return detected(bytes, utf8 === undefined ? strictUtf8(bytes) : utf8);
}

/** The bytes as UTF-8, or null when they are not well-formed UTF-8. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-8 (`utf8`, the bytes read strictly), or GB18030 when the bytes are not UTF-8 but for a stray byte or two (mostlyUtf8). */
function detected(bytes: Uint8Array, utf8: string | null): string {
  if (utf8 !== null) return utf8;
  const lenient = new TextDecoder('utf-8').decode(bytes);
  return mostlyUtf8(lenient) ? lenient : new TextDecoder('gb18030').decode(bytes);
}

/**
 * A page's own <meta> charset the bytes contradict: a page re-encoded to UTF-8 (by an editor, a CMS migration or the tool that
 * saved it) whose meta still says gb2312, or GBK bytes under a template's 「utf-8」. A server that names the charset (which a
 * browser believes before the meta) shows such a page right; a saved file has only its bytes. Chinese text in GBK (or Big5) is
 * not valid UTF-8, and UTF-8 is: a GB page whose non-ASCII bytes are all well-formed UTF-8 is UTF-8, a 「UTF-8」 page whose bytes
 * mostly fail as UTF-8 is GB18030 (as a page with no charset is read). The Content-Type and a BOM are never second-guessed.
 * `utf8` is the bytes read strictly as UTF-8 (null: not well-formed).
 */
function metaBelied(label: string, bytes: Uint8Array, utf8: string | null): boolean {
  // More than a few stray bytes (a lone surrogate's, a character cut short): GBK fails on nearly every character.
  if (/^utf-?8$/i.test(label)) return utf8 === null && !mostlyUtf8(new TextDecoder('utf-8').decode(bytes), 10);
  // Any other 8-bit charset (gb2312, big5, windows-1252 …): text in it is not well-formed UTF-8 but by chance.
  return !/^utf-?16/i.test(label) && bytes.some((b) => b >= 0x80) && utf8 !== null;
}

/**
 * UTF-8 with at most a stray byte or a character cut short (a truncated download) per 200 good
 * ones (or as many as asked): GBK read as UTF-8 fails on nearly every character, so a few failures do not make a page GBK.
 */
function mostlyUtf8(text: string, goodPerBad = 200): boolean {
  let bad = 0;
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c >= 0x80) good++;
  }
  return bad * goodPerBad <= good;
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
