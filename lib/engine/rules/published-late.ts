import { clean } from '../text';
import type { ReportRule } from './types';

const DEADLINE = '《政府信息公开条例》第四十九条、第五十条：每年 1 月 31 日前公布上一年度的年度报告';

const SOURCE_ZH = { meta: '页面元数据', text: '页面「发布时间」', url: '网址中的日期', signature: '落款日期' } as const;

export const publishedLate: ReportRule = {
  kind: 'report',
  id: 'published-late',
  severity: 'warning',
  title: { zh: '发布逾期（晚于 1 月 31 日）', en: 'Published after 31 January' },
  description: {
    zh: '年度报告应在次年 1 月 31 日前公布；在报告年度结束前发布则不可能是完整年度的报告。',
    en: 'Reports are due by 31 January of the next year; one published before its year ended cannot cover the year.',
  },
  basis: DEADLINE,
  example: '2023 年度报告的发布时间为 2024-03-05。',
  check(report) {
    const p = report.published;
    if (!p || !report.year) return [];
    const deadline = `${report.year + 1}-01-31`;
    // Where the page says it (its 「发布时间」 line, the signature's date): the overlay marks that sentence.
    const where = p.source === 'text' || p.source === 'signature' ? { excerpt: clean(p.raw) } : {};
    if (p.date < `${report.year + 1}-01-01`)
      return [
        {
          ...where,
          severity: 'error',
          expected: `${report.year + 1}-01-01 至 ${deadline}`,
          actual: p.date,
          message: `${report.year} 年度报告的发布日期（${SOURCE_ZH[p.source]}）为 ${p.date}，早于该年度结束`,
        },
      ];
    if (p.date > deadline)
      return [
        {
          ...where,
          expected: `不晚于 ${deadline}`,
          actual: p.date,
          message: `${report.year} 年度报告的发布日期（${SOURCE_ZH[p.source]}）为 ${p.date}，晚于法定期限 ${deadline}`,
        },
      ];
    return [];
  },
};
