/** Text helpers shared by every parser: width folding, compaction, numbers. */

/** Full-width ASCII (digits, letters, punctuation) to half-width; ideographic space to space. */
export function toHalfWidth(s: string): string {
  if (!WIDE.test(s)) return s;
  // Up to a first look's text prefix (≈ 12 000 characters with white space), a callback per wide character
  // costs less than a pass over every code unit, which the first look pays cold on every page.
  if (s.length < 16_384) return s.replace(WIDE_ALL, (c) => String.fromCharCode(widen(c.charCodeAt(0))));
  // A long text in one pass over its code units (a replace callback per character is slow on an 18 MB text node).
  const out = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) {
    out[i] = widen(s.charCodeAt(i));
  }
  return UTF16.decode(out);
}
const WIDE = /[\uFF01-\uFF5E\u3000\u00A0\u2002-\u200B]/;
const WIDE_ALL = new RegExp(WIDE.source, 'g');
const widen = (c: number) => (c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c === 0x3000 || c === 0xa0 || (c >= 0x2002 && c <= 0x200b) ? 0x20 : c);
const UTF16 = new TextDecoder('utf-16le');

/** Digits written as Chinese numerals (「二〇二三」; 〇 is also written ○ or 零) as ASCII digits; others are left as they are. */
export function chineseDigits(s: string): string {
  return s.replace(/[〇○零一二三四五六七八九]/g, (d) => String('〇一二三四五六七八九'.indexOf(d === '○' || d === '零' ? '〇' : d)));
}

/** 「二〇二三年」 as 「2023年」: a year written in Chinese numerals reads like one in digits. */
export const digitYears = (s: string): string => s.replace(/二[〇○零][〇○零一二三四五六七八九]{2}(?=年)/g, chineseDigits);

/** A printed page's number: 「— 4 —」「- 4 -」「第4页」「第 4 页 共 8 页」「第3页/共8页」「4/8」. Never a bare number, which may be a value. */
const PAGE_NUMBER =
  /^(?:[-—–―－~]+\d{1,4}[-—–―－~]+|第\d{1,4}页[,，/／]?(?:共\d{1,4}页)?|共\d{1,4}页[,，/／]?第\d{1,4}页|\d{1,4}\/\d{1,4}|page\d{1,4}(?:of\d{1,4})?)$/i;

export const isPageNumber = (text: string): boolean => (text.length <= 32 || text.trim().length <= 32) && PAGE_NUMBER.test(compact(text));

/**
 * 1–9999 in Chinese numerals (「三」「两」「十」「十五」「二十」「三十一」, 廿 for 二十 and 卅 for 三十: 「廿三」; 「一百零三」「两百」
 * 「一百一十五」; 「一千二百三十四」「两千零五」), or 0 for anything else (「一千二」 says 1200 only in speech).
 */
export function chineseCount(s: string): number {
  const digit = (c: string) => (c === '两' ? 2 : Number(chineseDigits(c)) || 0);
  const thousands = /^([一二两三四五六七八九])千(?:(零)?(.+))?$/.exec(s);
  if (thousands) {
    const [, t, zero, rest] = thousands;
    const below = rest ? chineseCount(rest) : 0;
    // After 零 the rest is under 100 (「两千零五」); without it, whole hundreds (「一千二百」).
    if (rest && (!below || (zero ? below >= 100 : !/百/.test(rest)))) return 0;
    return digit(t!) * 1000 + below;
  }
  const hundreds = /^([一二两三四五六七八九])百(?:零([一二三四五六七八九])|([一二三四五六七八九])十([一二三四五六七八九])?)?$/.exec(s);
  if (hundreds) {
    const [, h, units, tens, tensUnits] = hundreds;
    return digit(h!) * 100 + (units ? digit(units) : tens ? digit(tens) * 10 + (tensUnits ? digit(tensUnits) : 0) : 0);
  }
  if (s.length === 1) return s === '十' ? 10 : s === '廿' ? 20 : s === '卅' ? 30 : digit(s);
  const tens = /^([廿卅])([一二三四五六七八九])?$/.exec(s);
  if (tens) return (tens[1] === '廿' ? 20 : 30) + (tens[2] ? digit(tens[2]) : 0);
  const m = /^([二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  return m ? (m[1] ? digit(m[1]) : 1) * 10 + (m[2] ? digit(m[2]) : 0) : 0;
}

/**
 * Characters that print nothing: Unicode's format characters (zero-width spaces and joiners, the word joiner, a soft hyphen,
 * a byte-order mark pasted mid-text, bidi marks, embeddings and isolates: a <bdi> copied as text) and the combining grapheme
 * joiner. Word, WeChat and web editors leave them inside numbers and labels, where they must not split 「1‍2」 or keep
 * 「属于‌国家秘密」 from matching its label. (One property class, as the first look carries it: test/browser/first-look.test.ts.)
 */
const INVISIBLE = /[\p{Cf}\u034f]/gu;

/** The text without what prints nothing (INVISIBLE). */
export const visible = (s: string): string => s.replace(INVISIBLE, '');

/**
 * Text as it is shown where a right-to-left override (U+202E … U+202C, or to the line's end) reverses it: 「\u202e71\u202c」
 * shows 17, and 17 is what the reader of the page (or the text) takes for the report's value (the 「trojan source」 trick;
 * embeddings and isolates reorder no run of digits). Only the override's own span is reversed, and only when one is there.
 * Before `visible`, which drops the marks.
 */
export function shownOrder(s: string): string {
  return s.includes('\u202e')
    ? s.replace(/\u202e([^\u202a-\u202e\u2066-\u2069\n]*)(?:\u202c|(?=[\n\u202a-\u202e\u2066-\u2069])|$)/g, (_, run: string) =>
        Array.from(run).reverse().join(''),
      )
    : s;
}

/** Half-width text with every run of white space folded to one space, trimmed. */
export function clean(s: string): string {
  return toHalfWidth(visible(s)).replace(/\s+/g, ' ').trim();
}

/**
 * A function of short texts, remembered: cell texts and labels are read again by every rule, and the
 * same labels recur in every report. Bounded (emptied when full), and long texts are not kept.
 * Compaction alone took about a tenth of the CLI's time before.
 */
export function memoizedText<T>(f: (s: string) => T, maxEntries = 8192, maxChars = 200): (s: string) => T {
  const seen = new Map<string, T>();
  return (s) => {
    if (s.length > maxChars) return f(s);
    let v = seen.get(s);
    if (v === undefined) {
      if (seen.size >= maxEntries) seen.clear();
      v = f(s);
      seen.set(s, v);
    }
    return v;
  };
}

/**
 * The text without white space and marks that print nothing, its width as it is: all that patterns of Chinese words
 * alone need. compact() also folds the width, over a whole page's text one more pass over every character.
 */
export const squeezed = (s: string): string => visible(s.replace(/\s+/g, ''));

/** Half-width text without any white space: for matching labels that PDF extraction spread out. */
export const compact: (s: string) => string = memoizedText((s) => squeezed(toHalfWidth(s)));

/**
 * Marks a page writes instead of a number (「—」「/」「无」): report-format.md calls such a word inside a
 * row of numbers an invalid cell in its own column. They read as values (they hold their column, never
 * join the label) but are not numbers; only an empty cell is a blank.
 */
const PLACEHOLDER = /^(?:[-—–―─－~～/／\\×xX*＊]+|无|空|暂无|不适用|n\/?a)$/i;

/**
 * Glyphs an icon font draws as digits from private-use code points (an anti-scraping font: U+E600… for 0–9): no reader can
 * know their values. A cell of them (with digits or not) is read as a mark: it holds its column, never joins the label.
 */
export const PRIVATE_USE = /\p{Co}/u;
const GLYPH_VALUE = /^[\d\p{Co}]+$/u;

export type CellReading = { kind: 'number'; value: number; unit?: string } | { kind: 'blank' } | { kind: 'placeholder' } | { kind: 'text' };

/** Units a cell sometimes prints after its number (「251000元」「3件」, cases as 「2起」「2宗」): the number still counts. */
const CELL_UNIT = /(万元|元|件|条|个|项|次|人次|人|起|宗)$/;
/**
 * A note in brackets closing a cell, in words (「（已撤诉）」) or a share of the whole (「（50.0%）」): never a second number
 * alone (「1(2)」). Or a footnote mark right after the number (「53*」「53①」「53¹」), which points to a note under the table. Or last
 * year's figure for comparison, named, without brackets (「40 上年35」, often on a second line of the cell): not this year's count.
 */
const CELL_NOTE =
  /[(（](?:[^()（）]*[\u4e00-\u9fff][^()（）]*|\d+(?:\.\d+)?%)[)）]$|(?<=\d)(?:[*※†‡]|[\u2460-\u2473\u2776-\u277f]|[¹²³\u2070\u2074-\u2079]+|(?:上年度?|去年)(?:同期)?[:：]?\d+(?:\.\d+)?)$/;

/**
 * Reads one table cell: a number (ASCII, full-width or 〇 digits, thousands separators, decimals, a unit), a blank, a placeholder mark, or text.
 * Remembered, as the parsers and rules ask about the same cell again and again: a reading is shared, never changed.
 */
export const readCell: (raw: string) => Readonly<CellReading> = memoizedText(readCellOnce);

function readCellOnce(raw: string): CellReading {
  // 〇 (and ○, 零) is the Chinese zero some typists put in tables: 「〇」「1〇」「零」. A spreadsheet's text-cell apostrophe
  // copied with the value (「'53」, autocorrected to 「’53」) is no part of it.
  const c = decimalDigits(compact(shownOrder(raw)).replace(DIGIT_MARKS, '')).replace(/^['’‘](?=[+-]?[\d〇○零])/, '');
  const s = /[〇○零]/.test(c) && /^[\d〇○零,.]+$/.test(c) ? c.replace(/[〇○零]/g, '0') : c;
  if (s === '') return { kind: 'blank' };
  if (PLACEHOLDER.test(s) || (PRIVATE_USE.test(s) && GLYPH_VALUE.test(s))) return { kind: 'placeholder' };
  // A note after the number (「1（已撤诉）」「18（含修订1件）」) qualifies it: the number counts, the note is said as a unit is.
  const note = CELL_NOTE.exec(s)?.[0];
  const bare = note ? s.slice(0, -note.length) : s;
  const printed = CELL_UNIT.exec(bare)?.[1];
  const unit = printed || note ? (printed ?? '') + (note ?? '') : undefined;
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/.exec(printed ? bare.slice(0, -printed.length) : bare);
  if (!m) return { kind: 'text' };
  // Beyond 15 significant digits a double no longer holds the number exactly: not a count anyone wrote.
  if (significantDigits(m[2]! + (m[3] ?? '')) > MAX_DIGITS) return { kind: 'text' };
  const value = Number(m[1] + m[2]!.replace(/,/g, '') + (m[3] ?? ''));
  return unit ? { kind: 'number', value, unit } : { kind: 'number', value };
}

/**
 * Variation selectors, which print nothing of their own, and the keycap mark a WeChat editor puts on each digit (「1️⃣7️⃣」:
 * digit, U+FE0F, U+20E3), which shows the digit on a key. (Not in INVISIBLE: the first look has no numbers to read.)
 */
const DIGIT_MARKS = /[\ufe00-\ufe0f\u20e3]/g;

/**
 * Decimal digits of other forms and scripts as ASCII: mathematical digits (bold 「𝟓𝟑」, double-struck, sans-serif, monospace:
 * a 公众号 editor's 「特殊字体」), Arabic-Indic 「٥٣」, Devanagari 「५३」 … Each is Unicode's decimal digit (Nd) of its value, and
 * prints as a digit. (Full-width digits are folded with the other full-width forms.) Unicode places each script's ten digits
 * in a row, 0 first: a digit's value is the count of digits before it in its run, modulo 10 (the mathematical digits are five
 * sets of ten in one run).
 */
const decimalDigits = (s: string): string => (OTHER_DIGIT.test(s) ? s.replace(OTHER_DIGITS, (d) => String(digitValue(d.codePointAt(0)!))) : s);
const OTHER_DIGIT = /(?![0-9])\p{Nd}/u;
const OTHER_DIGITS = new RegExp(OTHER_DIGIT.source, 'gu');
const IS_DIGIT = /^\p{Nd}$/u;
function digitValue(code: number): number {
  let before = 0;
  while (IS_DIGIT.test(String.fromCodePoint(code - before - 1))) before++;
  return before % 10;
}

export const MAX_DIGITS = 15;

/** Significant digits of a written number (「0012.50」: 4). */
export function significantDigits(written: string): number {
  return written.replace(/\D/g, '').replace(/^0+/, '').length;
}

/** True for a cell that holds a value or a blank rather than a label. */
export function isValueLike(raw: string): boolean {
  return readCell(raw).kind !== 'text';
}

/** Shortens a sentence for messages and excerpts. */
export function ellipsis(s: string, max = 80): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

/**
 * Chromium and Word subset fonts map some ideographs to the look-alike Kangxi radicals, and text
 * extracted from their PDFs keeps them
 * (「⼆」 U+2F06 for 「二」, 「⻔」 U+2ED4 for 「门」). The Kangxi block folds under NFKC; the
 * supplement's simplified forms have no decomposition, so the ones reports use are listed.
 */
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '⻅': '见',
  '⻆': '角',
  '⻉': '贝',
  '⻋': '车',
  '⻓': '长',
  '⻔': '门',
  '⻘': '青',
  '⻚': '页',
  '⻛': '风',
  '⻜': '飞',
  '⻝': '食',
  '⻢': '马',
  '⻣': '骨',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻨': '麦',
  '⻩': '黄',
  '⻬': '齐',
  '⻮': '齿',
  '⻰': '龙',
  '⻳': '龟',
  '⻄': '西',
  '⻈': '讠',
  '⻊': '足',
  '⼾': '户',
  // Drawn as the ideograph itself, so a font's cmap may give either (「丰乐县⺠政局」: Chromium's print).
  '⺁': '厂',
  '⺇': '几',
  '⺊': '卜',
  '⺓': '幺',
  '⺝': '月',
  '⺟': '母',
  '⺠': '民',
  '⺩': '王',
  '⺪': '疋',
  '⺬': '示',
  '⺯': '糸',
  '⺻': '聿',
  '⻗': '雨',
  '⻙': '韦',
  '⻤': '鬼',
  '⻧': '卤',
};
export function foldRadicals(s: string): string {
  return s.replace(/[\u2e80-\u2fdf]/g, (c) => RADICAL_SUPPLEMENT[c] ?? c.normalize('NFKC'));
}
