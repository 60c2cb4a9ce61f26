/**
 * A .docx to HTML with mammoth, so that Word files go through the same DOM reading as web pages
 * (tables with their merged cells, headings, paragraphs). mammoth is imported only when needed.
 */
import { decodePage } from '../decode';
import { FileReadError } from './file-kind';
import { escapeHtml } from './html-write';

const BODY = 'word/document.xml';
const BODY_RELS = 'word/_rels/document.xml.rels';
/** Marks an imported chunk's place in mammoth's HTML: private-use characters no document text holds. */
const chunkMark = (i: number) => `\uE000chunk${i}\uE000`;

export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  const { file, chunks } = await preparedForMammoth(bytes);
  // Node's mammoth reads `buffer`, its browser build `arrayBuffer`.
  const input = { buffer: file, arrayBuffer: file.buffer } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
  try {
    const { value } = await mammoth.convertToHtml(input);
    const html = chunks.reduce((h, chunk, i) => h.replace(`<p>${chunkMark(i)}</p>`, () => chunk), withoutNoteMarks(value));
    return `<!doctype html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`;
  } catch (e) {
    throw new FileReadError(`无法读取 Word 文件（文件损坏或不是 .docx）：${(e as Error)?.message ?? e}`);
  }
}

/**
 * The file as mammoth should see it, and the HTML of the chunks it imports. mammoth drops what Word keeps
 * out of sight and drops some of what it shows; the body is mended for it only where it has one of these:
 * - a simple field (<w:fldSimple>), dropped with the text it shows (a DATE field's 「2024年1月20日」 under the
 *   signature): its runs are the field's last result, so its tags go and its runs stay;
 * - hidden text (<w:vanish/>), which mammoth shows (an editor's old value beside the new: 「14」「15」 read 1415):
 *   Word neither shows nor prints it, so its runs go;
 * - an imported chunk (<w:altChunk>: a web editor's 「export to Word」 puts the whole report in one HTML or MHT
 *   part), which mammoth skips: a paragraph marks its place, for the chunk's HTML to take;
 * - a text box that only DrawingML holds (<wps:txbx>, no VML fallback): mammoth reads a text box only as VML
 *   (what Word and WPS write as the fallback), so such a drawing's text boxes are given to it as VML;
 * - a character inserted as a symbol (<w:sym w:char="0031"/>, Insert ▸ Symbol), which mammoth drops: a digit
 *   so inserted is a count all the same, so a symbol that is a character of text becomes that text.
 * - a choice of content with no fallback (<mc:AlternateContent> holding only <mc:Choice Requires="w14">…, the
 *   fallback being optional): mammoth reads only the fallback, so a table or paragraph so wrapped was dropped; Word
 *   reads the choice, so a lone choice's content stands in its place.
 * A file that is no zip is passed on as it is (mammoth then says what is wrong with it).
 */
async function preparedForMammoth(bytes: Uint8Array): Promise<{ file: Uint8Array; chunks: string[] }> {
  const unchanged = { file: bytes.slice(), chunks: [] };
  const { unzipSync, zipSync, strFromU8, strToU8 } = await import('fflate');
  // The body alone is inflated first: most files need nothing mended, and their pictures need no inflating.
  const unzipped = (filter?: (f: { name: string }) => boolean) => {
    try {
      return unzipSync(bytes, filter && { filter });
    } catch {
      return undefined;
    }
  };
  const body = unzipped((f) => f.name === BODY)?.[BODY];
  if (!body) return unchanged;
  const xml = strFromU8(body);
  if (!/<w:fldSimple|<w:vanish|<w:altChunk|<wps:txbx|<w:sym\b/.test(xml) && !hasLoneChoice(xml)) return unchanged;
  const files = unzipped();
  if (!files) return unchanged;
  const chunks: string[] = [];
  const rels = files[BODY_RELS] ? strFromU8(files[BODY_RELS]) : '';
  const mended = withSymbolsAsText(
    withTextBoxesAsVml(
      withLoneChoicesRead(
        withoutHiddenRuns(xml.replace(/<w:fldSimple\b[^>]*\/>|<w:fldSimple\b[^>]*>|<\/w:fldSimple>/g, '')).replace(
          /<w:altChunk\b[^>]*\br:id="([^"]+)"[^>]*?(?:\/>|>[\s\S]*?<\/w:altChunk>)/g,
          (whole, id: string) => {
            const part = files[partPath(rels, id) ?? ''];
            if (!part) return whole;
            chunks.push(bodyOf(decodePage(part)));
            return `<w:p><w:r><w:t>${chunkMark(chunks.length - 1)}</w:t></w:r></w:p>`;
          },
        ),
      ),
    ),
  );
  files[BODY] = strToU8(mended);
  return { file: zipSync(files, { level: 1 }), chunks };
}

/** More choices of content than fallbacks: some choice has none (most files have none, or each its fallback). */
const hasLoneChoice = (xml: string) => (xml.match(/<mc:AlternateContent\b/g)?.length ?? 0) > (xml.match(/<mc:Fallback\b/g)?.length ?? 0);

/**
 * Each choice of content with no fallback as its first choice's content (a consumer that knows a choice's namespaces
 * reads it; Word knows its own w14, w15, wps…). Innermost first, so a choice holding another is also read; one with a
 * fallback is left to mammoth, which reads that.
 */
function withLoneChoicesRead(xml: string): string {
  if (!hasLoneChoice(xml)) return xml;
  const innermost = /<mc:AlternateContent\b[^>]*>((?:(?!<mc:AlternateContent\b).)*?)<\/mc:AlternateContent>/gs;
  // One with a fallback has its own tags renamed for a while (mc: → mc-kept:, which no text holds: a text's 「<」 is
  // escaped), so that the one around it is innermost next and sees only its own choices and fallback.
  for (let prev = ''; prev !== xml;) {
    prev = xml;
    xml = xml.replace(innermost, (whole, inner: string) =>
      /<mc:Fallback\b/.test(inner) ? whole.replace(/<(\/?)mc:/g, '<$1mc-kept:') : (/<mc:Choice\b[^>]*>(.*?)<\/mc:Choice>/s.exec(inner)?.[1] ?? ''),
    );
  }
  return xml.replace(/<(\/?)mc-kept:/g, '<$1mc:');
}

/**
 * Symbols that are characters of text as that text. A symbol font's characters sit at U+F0xx: the Symbol
 * font's digits and punctuation are the ASCII ones there; another symbol font's (Wingdings) are pictures, kept as symbols.
 */
function withSymbolsAsText(xml: string): string {
  return xml.replace(/<w:sym\b[^>]*\/>/g, (sym) => {
    const font = /w:font="([^"]*)"/.exec(sym)?.[1] ?? '';
    let code = parseInt(/w:char="([0-9A-Fa-f]+)"/.exec(sym)?.[1] ?? '', 16);
    if (code >= 0xf020 && code <= 0xf0ff) code = font === 'Symbol' && code <= 0xf03f ? code - 0xf000 : NaN;
    if (!(code >= 0x20) || (code >= 0xe000 && code <= 0xf8ff)) return sym;
    return `<w:t xml:space="preserve">${escapeHtml(String.fromCodePoint(code))}</w:t>`;
  });
}

/**
 * Runs of text whose own properties hide them (<w:vanish/>, not w:val="0"/"false"/"off"). Text hidden with
 * Track Changes on keeps its former properties in a w:rPrChange inside them (a w:rPr of its own): those are
 * not the run's, so they are skipped, not read.
 */
function withoutHiddenRuns(xml: string): string {
  return xml.replace(
    /<w:r\b[^>]*><w:rPr>((?:<w:rPrChange\b(?:(?!<\/w:rPrChange>).)*<\/w:rPrChange>|(?!<\/w:rPr>).)*)<\/w:rPr>(?:<w:t\b[^>]*>[^<]*<\/w:t>|<w:tab\/>|<w:br\/>)*<\/w:r>/g,
    (run, props: string) => (/<w:vanish\/>|<w:vanish w:val="(?:1|true|on)"\/>/.test(props.replace(/<w:rPrChange\b.*?<\/w:rPrChange>/g, '')) ? '' : run),
  );
}

/**
 * A drawing's text boxes as one VML picture, which mammoth reads (after the paragraph that holds it). Only a
 * drawing with no drawing inside it is taken (then its text boxes' contents do not nest); its other shapes,
 * pictures included, are not the report's text. In a choice of content (mc:AlternateContent) mammoth reads the
 * VML fallback and never the DrawingML, so a drawing there is changed to no effect.
 */
function withTextBoxesAsVml(xml: string): string {
  return xml.replace(/<w:drawing>((?:(?!<w:drawing>).)*?)<\/w:drawing>/gs, (drawing, inner: string) => {
    const boxes = inner.match(/<w:txbxContent\b[^>]*>.*?<\/w:txbxContent>/gs);
    if (!boxes) return drawing;
    return `<w:pict xmlns:v="${VML}">${boxes.map((box) => `<v:shape><v:textbox>${box}</v:textbox></v:shape>`).join('')}</w:pict>`;
  });
}
const VML = 'urn:schemas-microsoft-com:vml';

/** The zip path of the body's relationship `id` (targets are relative to word/ unless absolute). */
function partPath(rels: string, id: string): string | undefined {
  const rel = rels.match(/<Relationship\b[^>]*>/g)?.find((r) => r.includes(`Id="${id}"`));
  const target = rel && /\bTarget="([^"]+)"/.exec(rel)?.[1];
  if (!target) return undefined;
  return target.startsWith('/') ? target.slice(1) : `word/${target}`;
}

const bodyOf = (html: string) => /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;

/**
 * mammoth marks a footnote's or endnote's place with 「[1]」 in a link (the notes themselves follow the
 * body): a mark, not the text, which would otherwise end up in a title (「…年度报告[1]」) or a number's line.
 */
function withoutNoteMarks(html: string): string {
  return html.replace(/<sup><a href="#(?:footnote|endnote)-\d+" id="(?:footnote|endnote)-ref-\d+">\[\d+\]<\/a><\/sup>/g, '');
}
