import { sectionText } from '../parse/report';
import { compact } from '../text';
import type { ReportRule } from './types';

/** Words that say something was fixed. */
const FIXED = /整改|改进|落实|解决|完善|改正|纠正/;
/** A numbered sub-heading such as 「（二）整改措施」: a title, not an account. */
const HEADING = /^(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])[^。；]{0,30}$/;

/** Last year, in the words reports use: 上一年度, 上年度, 去年, or the year itself (「2022年度报告指出的问题」). */
function lastYear(year: number | null): RegExp {
  return new RegExp(`上一?年度?|去年|前一年度${year ? `|${year - 1}年` : ''}`);
}

/**
 * Whether s5 accounts for last year's problems: one sentence that names last year and a fix, or a
 * heading that names last year followed by text that says what was fixed.
 */
function accountsForLastYear(text: string, year: number | null): boolean {
  const last = lastYear(year);
  const lines = text
    .split('\n')
    .map((l) => compact(l))
    .filter(Boolean);
  return lines.some((line, i) => {
    if (HEADING.test(line)) return last.test(line) && FIXED.test(lines.slice(i + 1).find((l) => !HEADING.test(l)) ?? '');
    return line.split(/[。；]/).some((s) => last.test(s) && FIXED.test(s));
  });
}

export const s5NoRectification: ReportRule = {
  kind: 'report',
  id: 's5-no-rectification',
  severity: 'warning',
  title: { zh: '未说明上年度问题整改情况', en: 'No account of last year’s problems being fixed' },
  description: {
    zh: '第五部分应写明存在的问题、改进措施，以及上一年度问题的整改情况：要有一句话同时说到上一年度（上年度、去年、上一年的年份）和整改、改进或落实；只有「整改措施」这样的小标题不算。',
    en: 'Section 5 should state how last year’s problems were fixed: a sentence naming last year and a fix; a heading such as 「整改措施」 alone does not count.',
  },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）第五部分；第三方评估通常要求写明上年度问题整改情况',
  example: '第五部分只有「（二）整改措施」和今年的打算，没有说上年度问题改了没有。',
  check(report) {
    const text = sectionText(report, 's5');
    if (text === undefined) return [];
    if (!text.trim()) return [{ section: 's5', message: '「存在的主要问题及改进情况」部分为空' }];
    if (accountsForLastYear(text, report.year)) return [];
    return [{ section: 's5', message: '「存在的主要问题及改进情况」未说明上一年度问题的整改情况' }];
  },
};
