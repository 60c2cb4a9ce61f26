import type { Report } from '../model';
import { compact, ellipsis } from '../text';
import type { Problem, ReportRule } from './types';

/** Years the report states for itself: the 统计期限 sentence, and sentences opening 「2023年，我局……」. */
function statedYears(report: Report) {
  const period = report.sentences.find((s) => /统计(?:期限|时限|时间|区间)|统计.*自.*起/.test(compact(s.text)));
  const periodYear = period ? Number(/(20\d{2})年/.exec(compact(period.text))?.[1]) || null : null;
  const leading = report.sentences
    .filter((s) => s.section === 's1')
    .map((s) => ({ s, y: Number(/^(20\d{2})年度?[，,]/.exec(compact(s.text))?.[1]) }))
    .filter((x) => x.y);
  return { period, periodYear, leading };
}

export const yearMismatch: ReportRule = {
  kind: 'report',
  id: 'year-mismatch',
  severity: 'error',
  title: { zh: '报告年度前后不一致', en: 'Report year is inconsistent' },
  description: {
    zh: '标题的年度、统计期限、正文「20XX年，我局……」所说的年度应当一致。',
    en: 'The year in the title, the statistics period and the prose must agree.',
  },
  basis: '《政府信息公开条例》第五十条；年度报告格式（统计期限为上一年度 1 月 1 日至 12 月 31 日）',
  example: '标题为「2023年…年度报告」，统计期限却写「自2022年1月1日起至12月31日止」。',
  check(report) {
    if (!report.year) return [];
    const out: Problem[] = [];
    const { period, periodYear, leading } = statedYears(report);
    if (period && periodYear && periodYear !== report.year)
      out.push({
        excerpt: period.text,
        expected: report.year,
        actual: periodYear,
        message: `标题为 ${report.year} 年度，统计期限却是 ${periodYear} 年：「${ellipsis(period.text, 50)}」`,
      });
    const other = leading.filter((x) => x.y !== report.year);
    if (other.length >= 2 && other.length > leading.length / 2)
      out.push({
        severity: 'warning',
        section: 's1',
        excerpt: other[0]!.s.text,
        expected: report.year,
        actual: other[0]!.y,
        message: `标题为 ${report.year} 年度，总体情况却多处写「${other[0]!.y}年，……」，可能沿用了往年报告`,
      });
    return out;
  },
};
