import { malformedDates } from '../parse/meta';
import { compact, ellipsis } from '../text';
import type { Problem, Rule } from './types';

const DEADLINE = '《政府信息公开条例》第四十九条、第五十条：每年 1 月 31 日前公布上一年度的年度报告';

/** Years the report states for itself: the 统计期限 sentence, and sentences opening 「2023年，我局……」. */
function statedYears(report: Parameters<Rule['check']>[0]) {
  const period = report.sentences.find((s) => /统计(?:期限|时限|时间|区间)|统计.*自.*起/.test(compact(s.text)));
  const periodYear = period ? Number(/(20\d{2})年/.exec(compact(period.text))?.[1]) || null : null;
  const leading = report.sentences
    .filter((s) => s.section === 's1')
    .map((s) => ({ s, y: Number(/^(20\d{2})年度?[，,]/.exec(compact(s.text))?.[1]) }))
    .filter((x) => x.y);
  return { period, periodYear, leading };
}

export const yearMismatch: Rule = {
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
      out.push({ excerpt: period.text, expected: report.year, actual: periodYear, message: `标题为 ${report.year} 年度，统计期限却是 ${periodYear} 年：「${ellipsis(period.text, 50)}」` });
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

export const dateMalformed: Rule = {
  id: 'date-malformed',
  severity: 'warning',
  title: { zh: '日期写法错误', en: 'Malformed date' },
  description: { zh: '日期应写作「2024年1月1日」：年份与月份粘连、月份或日期不存在，都是错误。', en: 'A date with the year run into the month, or a month/day that does not exist.' },
  basis: '《党政机关公文格式》（GB/T 9704）日期写法',
  example: '「20241月1日」「2023年2月30日」。',
  check(report) {
    return report.sentences.flatMap((s) => malformedDates(s.text).map((d) => ({ section: s.section, excerpt: s.text, actual: d, message: `日期「${d}」写法有误` })));
  },
};

const SOURCE_ZH = { meta: '页面元数据', text: '页面「发布时间」', url: '网址中的日期', signature: '落款日期' } as const;

export const publishedLate: Rule = {
  id: 'published-late',
  severity: 'warning',
  title: { zh: '发布逾期（晚于 1 月 31 日）', en: 'Published after 31 January' },
  description: { zh: '年度报告应在次年 1 月 31 日前公布；在报告年度结束前发布则不可能是完整年度的报告。', en: 'Reports are due by 31 January of the next year; one published before its year ended cannot cover the year.' },
  basis: DEADLINE,
  example: '2023 年度报告的发布时间为 2024-03-05。',
  check(report) {
    const p = report.published;
    if (!p || !report.year) return [];
    const deadline = `${report.year + 1}-01-31`;
    if (p.date < `${report.year + 1}-01-01`)
      return [{ severity: 'error', expected: `${report.year + 1}-01-01 至 ${deadline}`, actual: p.date, message: `${report.year} 年度报告的发布日期（${SOURCE_ZH[p.source]}）为 ${p.date}，早于该年度结束` }];
    if (p.date > deadline)
      return [{ expected: `不晚于 ${deadline}`, actual: p.date, message: `${report.year} 年度报告的发布日期（${SOURCE_ZH[p.source]}）为 ${p.date}，晚于法定期限 ${deadline}` }];
    return [];
  },
};
