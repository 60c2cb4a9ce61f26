import type { NumberMention, SectionKey, Sentence } from '../model';
import { chineseCount, chineseDigits, clean, MAX_DIGITS, significantDigits } from '../text';

/** Units a count or amount is stated in; dates (年/月/日) are not quantities. */
const NUMBER = /(\d+(?:,\d{3})*(?:\.\d+)?)\s*(人次|万元|%|件|条|个|次|期|篇|项|起|家|份|元|人|户|场|批|年|月|日|号|届)?/g;

/** A sentence stating more numbers than this is a table or garbage, not prose a rule can read. */
const MAX_MENTIONS = 200;

export function numbersIn(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  for (const m of text.matchAll(NUMBER)) {
    if (out.length >= MAX_MENTIONS) break;
    const unit = m[2] ?? '';
    const before = text[m.index! - 1] ?? '';
    if (/[年月日号届]/.test(unit) || /[〔[第]/.test(before) || significantDigits(m[1]!) > MAX_DIGITS) continue;
    out.push({ value: Number(m[1]!.replace(/,/g, '')), unit, index: m.index!, raw: m[0] });
  }
  if (!text.includes('百分之')) return out;
  for (const m of text.matchAll(PERCENT_IN_WORDS)) {
    const value = percentInWords(m[1]!, m[2]);
    if (value !== null) out.push({ value, unit: '%', index: m.index!, raw: m[0] });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** 「百分之五十八点五」「百分之百」: a percentage in words, read as one in digits (58.5%). */
const PERCENT_IN_WORDS = /百分之([零〇一二两三四五六七八九十廿卅百]+)(?:点([零〇一二三四五六七八九]+))?/g;

function percentInWords(whole: string, decimals: string | undefined): number | null {
  const n = /^一?百$/.test(whole) ? 100 : /^[零〇]$/.test(whole) ? 0 : chineseCount(whole);
  if (!n && !/^[零〇]$/.test(whole)) return null;
  return decimals ? Number(`${n}.${chineseDigits(decimals)}`) : n;
}

/** Splits a line of prose into sentences at 。；！？ and keeps those that state a number. */
export function sentencesOf(line: string, section: SectionKey | undefined, el: unknown): Sentence[] {
  // Markdown's bold left as text (an AI assistant's draft pasted: 「收到申请**53**件」) is no word of the report's: no report writes 「**」.
  const text = clean(line.includes('**') ? line.replace(/\*\*/g, '') : line);
  return text
    .split(/(?<=[。；;！!？?])/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t, i) => (i ? { section, text: t, numbers: numbersIn(t), el, follows: true } : { section, text: t, numbers: numbersIn(t), el }));
}
