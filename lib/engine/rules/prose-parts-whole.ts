import type { Problem, ReportRule } from './types';

const PART_MARKER = /其中|包括|包含|分别为|分别是/;

/** 「共发布178条，其中1条、144条、33条」: the parts must add up to the stated whole. */
export const prosePartsWhole: ReportRule = {
  kind: 'report',
  id: 'prose-parts-whole',
  severity: 'warning',
  title: { zh: '正文分项之和与总数不符', en: 'Stated parts do not add up to their whole' },
  description: {
    zh: '正文中「共 N 条，其中 a 条、b 条……」的各分项之和应等于总数。',
    en: 'Parts listed after 「其中」 must add up to the whole stated before it.',
  },
  basis: '数据准确性（报告内部一致）',
  example: '「发布信息178条，其中1条、144条、30条」：1+144+30 = 175。',
  check(report) {
    const out: Problem[] = [];
    report.sentences.forEach((s, i) => {
      const marker = PART_MARKER.exec(s.text);
      if (!marker) return;
      const prev = report.sentences[i - 1];
      let whole = s.numbers.filter((n) => n.index < marker.index && n.unit && n.unit !== '%').pop();
      let context = s.text;
      // 「发布信息178条。其中……」: the whole closes the previous sentence of the same paragraph.
      if (!whole && marker.index <= 2 && prev && prev.el === s.el && prev.section === s.section) {
        whole = prev.numbers.filter((n) => n.unit && n.unit !== '%').pop();
        context = prev.text + s.text;
      }
      if (!whole) return;
      const parts = s.numbers.filter((n) => n.index > marker.index && n.unit === whole!.unit);
      if (parts.length < 2 || /等/.test(s.text.slice(parts[parts.length - 1]!.index))) return;
      const sum = parts.reduce((a, n) => a + n.value, 0);
      if (Math.abs(sum - whole.value) < 1e-9) return;
      out.push({
        section: s.section,
        excerpt: context,
        expected: whole.value,
        actual: sum,
        message: `分项之和 ${parts.map((p) => p.value).join(' + ')} = ${sum}${whole.unit}，与总数 ${whole.value}${whole.unit} 不符`,
      });
    });
    return out;
  },
};
