import type { Published } from '../model';
import { chineseCount, chineseDigits, compact, toHalfWidth, visible } from '../text';

/** Y, M, D to YYYY-MM-DD, or null when it is no calendar date. */
export function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

const DATE = /(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/;

function parseDate(raw: string): string | null {
  const m = DATE.exec(raw);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** Meta tags CMSs put the publication date in (TRS PubDate, Hanweb, Open Graph, Dublin Core). */
const META_NAMES =
  /^(?:pubdate|publishdate|publish_date|firstpublishedtime|article:published_time|dc\.date(?:\.issued)?|dcterms\.issued|releasedate|datepublished)$/i;

export function metaPublished(doc: Document): Published | null {
  // schema.org microdata (<meta itemprop="datePublished">) dates an article as a NewsArticle's markup writes it.
  for (const m of Array.from(doc.querySelectorAll('meta[name],meta[property],meta[itemprop]'))) {
    const name = m.getAttribute('name') ?? m.getAttribute('property') ?? m.getAttribute('itemprop') ?? '';
    const content = m.getAttribute('content') ?? '';
    const date = META_NAMES.test(name) ? parseDate(content) : null;
    if (date) return { date, source: 'meta', raw: `${name}=${content}` };
  }
  return null;
}

/**
 * The article's own title, which the national guidelines for government sites have every article page
 * carry (<meta name="ArticleTitle">), when it names a report: a portal's <title> is often the site's name,
 * and the page may show the title only as an image.
 */
export function metaReportTitle(doc: Document): string {
  for (const m of Array.from(doc.querySelectorAll('meta[name]'))) {
    if (!/^articletitle$/i.test(m.getAttribute('name') ?? '')) continue;
    const content = (m.getAttribute('content') ?? '').replace(/\s+/g, ' ').trim();
    if (/年度报告|年报/.test(content)) return content;
  }
  return '';
}

/** 「二〇二四年三月十五日」: year, month and day in Chinese numerals (〇 also written ○ or 零). */
const CHINESE_DATE = '([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日';
/** 「2024-01-20」「2024年1月20」「2024/1/20」「2024.1.20」 (spaces allowed): a date in digits, its 日 left to the caller. */
const DIGIT_DATE = String.raw`\d{4}\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2}`;
/** The words that label a publication date (「发布时间」「信息时间」「发稿日期」…) and 「发布于」. */
const DATE_WORDS = '(?:发布|公开|发文|印发|信息|生成|发稿)(?:时间|日期)';
const PUBLISHED_AT = '(?:发布|发表)于';
// A bare 「日期：」「时间：」 too, as an info bar labels it (not 「成文日期」「统计时间」, which another word opens);
// 「信息时间：」 is 国泰新点's label, 「生成日期：」 the 信息公开目录's; some CMSs write 「发稿时间：」, 「发布于：」 or 「发布：」.
const LABELLED = new RegExp(
  String.raw`(?:${DATE_WORDS}[:：]?|${PUBLISHED_AT}[:：]?|发布[:：]|(?<![\u4e00-\u9fff])(?:日期|时间)[:：])\s*(${DIGIT_DATE}|${CHINESE_DATE})`,
  'g',
);
const CHINESE_DATE_ALONE = new RegExp(`^${CHINESE_DATE}$`);
/** LABELLED's labels with nothing after them. */
const LABEL_ALONE = new RegExp(`^(?:${DATE_WORDS}|${PUBLISHED_AT}|发布|日期|时间)[:：]?$`);

/** A label that says publication outright (发布日期, 发布时间, 发布于, 发表于). */
const PUBLICATION_LABEL = /^(?:发布|发表)/;
/** How many lines a strip of dates may take (a grid of 索引号 fields, three to a row). */
const STRIP_LINES = 3;

/**
 * 「发布时间：2024-01-15」 in the page text (full-width digits and dashes too). A strip may date a page
 * several ways (生成日期 | 成文日期 | 发布日期, on a row or a few): its 发布 label wins over the first.
 */
export function labelledPublished(lines: string[]): Published | null {
  let first: { published: Published; at: number } | undefined;
  for (const [i, line] of lines.entries()) {
    if (first && i >= first.at + STRIP_LINES) break;
    // Most lines say no 时间, 日期 or 发布: only those are widened and matched.
    if (!/时间|日期|发布|发表于/.test(line)) continue;
    // A label alone on its line (a <dl>'s <dt>, a strip's cell above its value) has its date on the next.
    const text = LABEL_ALONE.test(toHalfWidth(line).trim()) ? `${line.replace(/[:：]\s*$/, '')}：${lines[i + 1] ?? ''}` : line;
    // What prints nothing (a bidi mark in 「2024‎年」, isolates around a date copied from a <bdi>) does not part a date.
    for (const m of toHalfWidth(visible(text)).matchAll(LABELLED)) {
      const date = parseDate(m[1]!) ?? chineseDate(m[1]!);
      if (!date) continue;
      const published: Published = { date, source: 'text', raw: m[0] };
      if (PUBLICATION_LABEL.test(m[0])) return published;
      first ??= { published, at: i };
    }
  }
  return first?.published ?? null;
}

/**
 * A strip whose rows of labels alternate with rows of their values (索引号 | 发布机构 | 发布日期, then their
 * values; perhaps again for 成文日期 | 发布日期 | 文号): each date label with the value under it, as a line
 * 「发布日期：2024-01-20」. A label row has no digit; a list of news under a 发布日期 header is no strip (its rows
 * after the first have digits too).
 */
export function labelsAboveValues(rows: { text: string }[][]): string[] {
  const labelRows = rows.filter((_, i) => i % 2 === 0);
  if (rows.length % 2 || labelRows.some((r) => r.some((c) => /\d/.test(c.text)))) return [];
  return labelRows.flatMap((labels, k) => {
    const values = rows[2 * k + 1]!;
    return labels.flatMap((c, i) => (LABEL_ALONE.test(toHalfWidth(c.text).trim()) && values[i]?.text ? [`${c.text}：${values[i]!.text}`] : []));
  });
}

/** How many lines after the title an info bar may be (a subtitle or the 索引号 line may come first). */
const INFO_LINES = 3;

/**
 * An info bar's date without a label, right under the title: 「2024年1月20日 星期六 来源：…」,
 * 「[ 2024/1/20 10:30:00 ]」, 「示范县交通运输局 2024-01-20」, 「（二〇二四年一月二十日）」. Only a line that
 * opens with a full date followed by nothing, a time, a weekday or the next field, a short line of no
 * sentence that ends with one, or a date in Chinese numerals alone: a sentence that opens with a date
 * (「2023年1月1日起」) is the report's.
 */
export function infoLinePublished(linesAfterTitle: string[]): Published | null {
  for (const line of linesAfterTitle.slice(0, INFO_LINES)) {
    // Glyphs after trimming: one before the date sets it apart from the line's start as a field (「\ue6a12024-01-20\ue60c来源」).
    const text = toHalfWidth(visible(line)).trim().replace(ICON_GLYPH, ' ');
    const apart = YEAR_APART.exec(text);
    const split = apart && isoDate(Number(apart[1]), Number(apart[2]), Number(apart[3]));
    if (split) return { date: split, source: 'text', raw: text };
    const m = INFO_LINE_DATE.exec(text) ?? (isShortInfoLine(text) ? DATE_AMONG_FIELDS.exec(text) : null);
    const date = m ? parseDate(m[1]!) : chineseDate(compact(text).replace(/^[(（]|[)）]$/g, ''));
    if (date) return { date, source: 'text', raw: m?.[1] ?? text };
  }
  return null;
}
/** An icon font's glyph (private use: 「<i class="iconfont">&#xe6a1;</i>2024-01-20」) sets an info bar's fields apart as a space does. */
const ICON_GLYPH = /[\ue000-\uf8ff]/g;
const INFO_LINE_DATE = new RegExp(
  String.raw`^[\s[【(（]*(${DIGIT_DATE}日?)(?=\s*$|\s*(?:\d{1,2}:\d{2}|星期|周[一二三四五六日天]|[\]】)）|【[])|\s+[^\s:：]{1,6}[:：])`,
);
/** 「2024 01/21 10:15:36」: a news site's template (新华网) writes the year, the month/day and the time in parts; only with the time, alone on its line. */
const YEAR_APART = /^(\d{4})\s+(\d{1,2})\/(\d{1,2})\s+\d{1,2}:\d{2}(?::\d{2})?$/;
/** An info bar of source and date is short: 「来源：示范县交通运输局 2024-01-20 09:30」. */
const INFO_LINE_CHARS = 40;
/** No sentence, and one date only: 「统计期限 2023-01-01 至 2023-12-31」 and 「截至 2023-12-31」 date no publication. */
function isShortInfoLine(text: string): boolean {
  // A comma between digit groups is a count's (「浏览：1,025」), not a sentence's.
  return text.length <= INFO_LINE_CHARS && !/[。，；;]|,(?!\d{3}(?!\d))|截[至止]|统计|期限/.test(text) && (text.match(DATES) ?? []).length === 1;
}
const DATES = new RegExp(DIGIT_DATE, 'g');
/**
 * The short line's date set apart by white space, with its time or not: at the line's end (「来源：示范县交通运输局 2024-01-20 09:30」)
 * or amid fields (a 公众号's 「示范县交通运输 2024年01月20日 17:32 河南」: account, date, the writer's province).
 */
const DATE_AMONG_FIELDS = new RegExp(String.raw`\s(${DIGIT_DATE}日?)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s|$)`);

/** Date segments CMSs put in article URLs: TRS `…/202401/t20240115_123.html`, Hanweb `/art/2024/1/15/`. */
export function urlPublished(url: string | null | undefined): Published | null {
  if (!url) return null;
  const m = /\/t(20\d{2})(\d{2})(\d{2})_\d+/.exec(url) ?? /\/art\/(20\d{2})\/(\d{1,2})\/(\d{1,2})\//.exec(url);
  const date = m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  return date ? { date, source: 'url', raw: m![0] } : null;
}

/** How far from the end the signature may be: print and close links, a portal's footer and its links follow it. */
const SIGNATURE_LINES = 30;

/** The date under the signature at the end of the report (成文日期), a last resort: a line that is a date alone. */
export function signaturePublished(lines: string[]): Published | null {
  return signatureDate(lines)?.published ?? null;
}

/** The signature's date line (from the end, within SIGNATURE_LINES) and where it is in `lines`. */
function signatureDate(lines: string[]): { published: Published; at: number } | undefined {
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - SIGNATURE_LINES); i--) {
    const c = compact(lines[i]!);
    // 「2024-02-01」「2024.2.1」 alone signs too, under the body's name (alone, such a line may be anything's date);
    // its dashes may be Word's non-breaking hyphens (U+2011, w:noBreakHyphen) or U+2010, which keep a date on one line.
    const m =
      /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(c) ?? (underBodyName(lines, i) ? /^(\d{4})[-\u2010\u2011./](\d{1,2})[-\u2010\u2011./](\d{1,2})$/.exec(c) : null);
    const date = m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : chineseDate(c);
    if (date) return { published: { date, source: 'signature', raw: c }, at: i };
  }
  return undefined;
}

/** Whether the line before line i (blank lines aside) is a body's name, as above a signature's date. */
function underBodyName(lines: string[], i: number): boolean {
  const above = lines.slice(0, i).findLast((l) => compact(l) !== '');
  return !!above && AGENCY_NAME.test(compact(above));
}

/** A body's name as it signs: 「示范市自然资源局」, 「XX县人民政府办公室」, 「XX街道办事处」 — no digit, no punctuation. */
const AGENCY_NAME =
  /^[^\d\s:：,，。；;、!！?？()（）《》“”"]{1,28}(?:政府|办公室|办公厅|委员会|管委会|局|厅|委|办|院|署|中心|所|(?<!网)站|队|处|部|会|办事处|街道|镇|乡|公司|集团)$/;

/** The body that signs the report: the line above the signature's date, when it is a body's name. */
export function signatureAgency(lines: string[]): string {
  const sig = signatureDate(lines);
  const above = sig && sig.at > 0 ? compact(lines[sig.at - 1]!) : '';
  return AGENCY_NAME.test(above) ? above : '';
}

/**
 * The body a page's <title> names beside the report's own title (「2023年政府信息公开工作年度报告_示范市
 * 自然资源局」): a part of it between the separators portals use that is a body's name.
 */
export function pageTitleAgency(pageTitle: string): string {
  return (
    pageTitle
      .split(/\s*[_|｜\-—–·]+\s*|\s{2,}/)
      .map(compact)
      .find((part) => AGENCY_NAME.test(part)) ?? ''
  );
}

/** A date written in Chinese numerals alone (a signature's: see CHINESE_DATE) to YYYY-MM-DD. */
export function chineseDate(text: string): string | null {
  const m = CHINESE_DATE_ALONE.exec(text);
  if (!m) return null;
  const year = Number(chineseDigits(m[1]!));
  const month = chineseCount(m[2]!);
  const day = chineseCount(m[3]!);
  return month && day ? isoDate(year, month, day) : null;
}

/** Dates that are written wrong: 「20241月1日」 (year run into the month), 「2023年13月」, 「2月30日」. */
export function malformedDates(text: string): string[] {
  const out: string[] = [];
  const c = compact(text);
  for (const m of c.matchAll(/(?<!\d)(\d{5,6})月(\d{1,2})日/g)) out.push(m[0]);
  for (const m of c.matchAll(/(\d{4})年(\d{1,2})月(\d{1,2})日/g)) if (!isoDate(Number(m[1]), Number(m[2]), Number(m[3]))) out.push(m[0]);
  for (const m of c.matchAll(/(\d{4})年(\d{1,2})月(?!\d{1,2}日)/g)) if (Number(m[2]) < 1 || Number(m[2]) > 12) out.push(m[0]);
  return out;
}
