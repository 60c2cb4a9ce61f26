import { SECTION_KEYS, type Section, type SectionKey } from '../model';
import type { Block, Line } from '../source/blocks';
import { clean, compact } from '../text';

/** Heading keywords by section, loose enough for the variants real reports print (report-format.md). */
export const SECTION_SPECS: { key: SectionKey; heading: string; match: RegExp }[] = [
  { key: 's1', heading: '一、总体情况', match: /总体情况|总体概况|基本情况|工作概述|概述/ },
  { key: 's2', heading: '二、主动公开政府信息情况', match: /主动公开政府信息|主动公开(?:的)?情况/ },
  { key: 's3', heading: '三、收到和处理政府信息公开申请情况', match: /收到和处理.*申请|处理政府信息公开申请|依申请公开(?:政府信息)?(?:办理)?情况/ },
  { key: 's4', heading: '四、政府信息公开行政复议、行政诉讼情况', match: /行政复议.*行政诉讼|复议.*诉讼/ },
  { key: 's5', heading: '五、存在的主要问题及改进情况', match: /存在的?主要问题|存在(?:的)?问题|问题(?:及|和|与)改进/ },
  { key: 's6', heading: '六、其他需要报告的事项', match: /其[他它]需要报告|其[他它]事项/ },
];

/** A top-level heading starts with 一、 / 二. / 3、 … — never with （一）, which marks a sub-heading. */
const TOP_NUMERAL = /^(?:第?[一二三四五六七八九十]{1,2}(?:[、.,:：]|部分)|[1-9](?:[、.．]|\s))/;
/** The template's own numbering of the six sections, one numeral each, in SECTION_SPECS order. */
const SECTION_NUMERALS = '一二三四五六';
const PAREN_NUMERAL = /^[(（]([一二三四五六])[)）]/;
const LEAD_NUMERAL = /^第?([一二三四五六])\s*(?:[、.,:：]|部分)/;
/** The section the template numbers with this numeral (一 … 六). */
const numberedSpec = (numeral: string) => SECTION_SPECS[SECTION_NUMERALS.indexOf(numeral)]!;

/** A table of contents' line: leader dots and a page number after the heading (「五、存在的主要问题……5」). */
const CONTENTS_ENTRY = /(?:[.．…·•]{3,}|[…]{2,})\d{0,3}$/;

/** A heading line (or a paragraph that opens with one): its section, the heading, and the text after it. */
export interface HeadingLine {
  key: SectionKey;
  heading: string;
  /** Text in the same line after the heading (「一、总体情况本报告根据……」), or ''. */
  rest: string;
}

/** Section key of a heading line, or undefined for ordinary text. */
export function sectionOfHeading(line: string): SectionKey | undefined {
  return headingOf(line)?.key;
}

/**
 * Markdown left as text around a heading (a draft from an AI assistant or a converter pasted into the CMS: 「## 一、总体情况」,
 * 「**二、主动公开政府信息情况**」, 「**一、总体情况**本报告……」): the marks are layout, not the heading's words.
 */
const MARKDOWN_HEADING_MARKS = /^\s*(?:#{1,6}\s*)?(?:\*\*|__)(?=\S)|^\s*#{1,6}\s+|(?<=\S)(?:\*\*|__)\s*$/g;

export function headingOf(text: string): HeadingLine | undefined {
  const line = text.includes('#') || text.includes('**') || text.includes('__') ? text.replace(MARKDOWN_HEADING_MARKS, '') : text;
  const c = compact(line);
  if (CONTENTS_ENTRY.test(c)) return undefined;
  const key = wholeHeading(c) ?? parenHeading(c);
  if (key) return { key, heading: clean(line), rest: '' };
  // Checked on the compacted line first: most lines are prose, and clean() of a long one is not remembered.
  return LEAD_NUMERAL.test(c) ? leadHeading(clean(line)) : undefined;
}

function wholeHeading(c: string): SectionKey | undefined {
  // （二）… is a sub-heading inside a section, however much it sounds like a section title.
  if (c.length > 42 || /[。；]/.test(c) || /^[(（][一二三四五六七八九十\d]+[)）]/.test(c)) return undefined;
  const numbered = TOP_NUMERAL.test(c);
  if (!numbered && !(c.length <= 24 && /(?:情况|事项|问题)$/.test(c))) return undefined;
  return SECTION_SPECS.find((s) => s.match.test(c))?.key;
}

/**
 * 「（一）总体情况」…「（六）其他需要报告的事项」: sections numbered as sub-headings usually are. Taken
 * only when the numeral is the section's own, which the sub-headings of 一、总体情况 (（一）主动公开,
 * （二）依申请公开 …) never are.
 */
function parenHeading(c: string): SectionKey | undefined {
  const n = PAREN_NUMERAL.exec(c);
  if (!n || c.length > 42 || /[。；，,]/.test(c)) return undefined;
  const spec = numberedSpec(n[1]!);
  return spec.match.test(c.slice(n[0].length)) ? spec.key : undefined;
}

/**
 * A paragraph that opens with its section's heading (「<strong>一、总体情况</strong>本报告……」):
 * the first opening that ends like a heading and names the section its numeral numbers, carried on
 * only by a conjunction (「存在的主要问题」「及改进情况」), never into the body's first words.
 */
function leadHeading(text: string): HeadingLine | undefined {
  const n = LEAD_NUMERAL.exec(text);
  if (!n) return undefined;
  const spec = numberedSpec(n[1]!);
  let heading: string | undefined;
  for (const m of text.slice(0, 44).matchAll(/情况|事项|问题|概况|概述|措施/g)) {
    const candidate = text.slice(0, m.index + m[0].length);
    if (/[。；，,]/.test(candidate)) break;
    if (heading !== undefined && !/^\s*[及和与并、]/.test(candidate.slice(heading.length))) break;
    if (spec.match.test(compact(candidate))) heading = candidate;
  }
  return heading === undefined ? undefined : { key: spec.key, heading, rest: text.slice(heading.length).replace(/^(?:\*\*|__)?[\s。：:，,．.]*/, '') };
}

/**
 * Heading element of a section, with the heading text there; for a missing section, the heading it
 * should precede (or the last one it should follow).
 */
export function sectionElement(
  report: { sections: Pick<Section, 'key' | 'heading' | 'order' | 'el'>[] },
  key: SectionKey,
): { el: unknown; heading: string; missing: boolean } | undefined {
  const found = report.sections.find((s) => s.key === key);
  if (found) return { el: found.el, heading: found.heading, missing: false };
  const idx = SECTION_KEYS.indexOf(key);
  const next = report.sections.filter((s) => SECTION_KEYS.indexOf(s.key) > idx).sort((a, b) => a.order - b.order)[0];
  const near = next ?? [...report.sections].sort((a, b) => b.order - a.order)[0];
  return near ? { el: near.el, heading: near.heading, missing: true } : undefined;
}

/**
 * The page's lines as the section headings are read from them: a heading broken over two lines
 * (「四、政府信息公开行政复议、」<br>「行政诉讼情况」, or two paragraphs) made one line, and a table of
 * contents listing the headings before the report left out, so that sections start at their own headings.
 */
export function headingLines(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const next = blocks[i + 1];
    const joined = b.kind === 'line' && next?.kind === 'line' ? joinedHeading(b, next) : undefined;
    if (joined) {
      out.push(joined);
      i++;
    } else out.push(b);
  }
  return withoutContents(out);
}

/** The two lines as one heading, when the first opens a section's heading that only the second completes. */
function joinedHeading(first: Line, second: Line): Line | undefined {
  const a = compact(first.text);
  const n = LEAD_NUMERAL.exec(a);
  if (!n || a.length > 30 || compact(second.text).length > 24 || headingOf(first.text)) return undefined;
  const text = first.text.trimEnd() + second.text.trimStart();
  const heading = headingOf(text);
  return heading?.key === numberedSpec(n[1]!).key && !heading.rest ? { kind: 'line', text, el: first.el } : undefined;
}

/** Lines listing three or more headings in a row that all come again later: a table of contents, dropped. */
function withoutContents(blocks: Block[]): Block[] {
  const keys = blocks.map((b) => (b.kind === 'line' ? sectionOfHeading(b.text) : undefined));
  for (let i = 0; i < blocks.length; i++) {
    let end = i;
    while (keys[end] && (end === i || keys[end] !== keys[i])) end++;
    if (end - i < 3) continue;
    const later = new Set(keys.slice(end));
    if (keys.slice(i, end).every((k) => later.has(k))) return [...blocks.slice(0, i), ...blocks.slice(end)];
  }
  return blocks;
}
