import { layoutFamily, SECTION_OF_TABLE, TABLE_KEYS, type SectionKey } from '../model';
import { SECTION_SPECS } from '../parse/sections';
import { HEADER_LABELS, T2_ROWS, T3_ROWS } from '../parse/table-specs';
import { compact, memoizedText } from '../text';
import { tableLayout } from './helpers';
import type { Problem, ReportRule } from './types';

/** Compares labels as words: numbering, brackets, quotes and punctuation aside (the template's own, again for each report). */
const words = memoizedText((label) =>
  compact(label)
    // 「一、」「（一）」「①」, and a section's 「第一部分」「Ⅰ、」「II.」: numbering, not words; its digits may be private-use glyphs
    // (an icon font's, a PDF font's whose map sends digits there).
    .replace(/^(?:[(（]?[一二三四五六七八九十\d\p{Co}]+[)）、.．,，]?|[①-⑳]|第[一二三四五六七八九十]+部分|[Ⅰ-Ⅻ]+[、.．]?|[IVX]+[、.．])+/u, '')
    .replace(/[()（）【】[\]“”"'‘’「」《》、，,。.．；;：:！!？?·\-—]/g, ''),
);

/** t3's group labels, which a text table's first column may run into its first row's (「三、本年度办理结果(一)予以公开」). */
const T3_GROUPS = /^(?:(?:本年度办理结果|不予公开|无法提供|不予处理|其他处理)[一二三四五六七八九十\d]*)+/;

/**
 * A printed label that differs from the template's. A label that is only cut short, or that carries
 * its group's label before it, is a PDF artifact, not a variant, and is left alone.
 */
function variant(printed: string, template: string): boolean {
  const p = words(printed);
  const t = words(template);
  return !!p && p !== t && !t.includes(p) && p.replace(T3_GROUPS, '') !== t;
}

/** Shared characters over total length: 1 for the same letters, 0 for none in common. */
function likeness(a: string, b: string): number {
  const pool = [...b];
  let common = 0;
  for (const ch of a) {
    const i = pool.indexOf(ch);
    if (i >= 0) {
      common++;
      pool.splice(i, 1);
    }
  }
  return (2 * common) / (a.length + b.length || 1);
}

const sameEnds = (a: string, b: string) => a.slice(0, 2) === b.slice(0, 2) || a.slice(-2) === b.slice(-2);

/** The template heading a printed column header stands for, when it is close to one but not the same. */
function headerVariant(printed: string, templates: readonly string[]): string | undefined {
  const p = words(printed);
  if (!p || templates.some((t) => words(t) === p || words(t).includes(p))) return undefined;
  // Two of the template's headers run together (「法人或其他组织—商业企业」: the group and its column) are none.
  if (templates.some((a) => p.startsWith(words(a)) && templates.some((b) => words(a) + words(b) === p))) return undefined;
  const best = templates.map((t) => ({ t, score: likeness(p, words(t)) })).sort((a, b) => b.score - a.score)[0];
  // A rewording keeps the template's first or last words; pieces of two headers a text table wrapped
  // together (「维持纠正结果审结」 for 「结果维持」) keep neither.
  return best && best.score >= 0.6 && sameEnds(p, words(best.t)) ? best.t : undefined;
}

export const labelVariant: ReportRule = {
  kind: 'report',
  id: 'label-variant',
  severity: 'info',
  title: { zh: '标签与模板用语不一致', en: 'Label differs from the template' },
  description: {
    zh: '行标签、表头或章节标题与国办格式的用语不同（错别字或改写）。报告仍可核对，仅供提示。',
    en: 'A row label, column header or section heading differs from the template’s words (a typo or rewording). The report still parses.',
  },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）的标准用语',
  example: '「属于三类内容事务信息」应为「属于三类内部事务信息」。',
  check(report) {
    const out: Problem[] = [];
    for (const t of ['t2', 't3'] as const) {
      const table = report.tables[t];
      if (!table) continue;
      for (const [row, printed] of Object.entries(table.labels)) {
        const spec = (t === 't2' ? T2_ROWS : T3_ROWS).find((r) => r.key === row && r.layouts.includes(layoutFamily(tableLayout(report, t))));
        if (!spec || !variant(printed, spec.label)) continue;
        out.push({
          section: SECTION_OF_TABLE[t],
          cells: spec.columns.slice(0, 1).map((column) => ({ table: t, row, column })),
          expected: spec.label,
          actual: printed,
          message: `行标签「${printed}」与模板「${spec.label}」不一致`,
        });
      }
    }
    for (const t of TABLE_KEYS)
      for (const printed of report.tables[t]?.headers ?? []) {
        const template = headerVariant(printed, HEADER_LABELS[t]);
        if (template) out.push({ section: SECTION_OF_TABLE[t], expected: template, actual: printed, message: `表头「${printed}」与模板「${template}」不一致` });
      }
    for (const s of report.sections) {
      const template = SECTION_SPECS.find((x) => x.key === s.key)!.heading;
      if (variant(s.heading, template))
        out.push({ section: s.key as SectionKey, expected: template, actual: s.heading, message: `章节标题「${s.heading}」与模板「${template}」不一致` });
    }
    return out;
  },
};
