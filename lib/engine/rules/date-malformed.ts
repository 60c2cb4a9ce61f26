import { malformedDates } from '../parse/meta';
import type { ReportRule } from './types';

export const dateMalformed: ReportRule = {
  kind: 'report',
  id: 'date-malformed',
  severity: 'warning',
  title: { zh: '日期写法错误', en: 'Malformed date' },
  description: {
    zh: '日期应写作「2024年1月1日」：年份与月份粘连、月份或日期不存在，都是错误。',
    en: 'A date with the year run into the month, or a month/day that does not exist.',
  },
  basis: '《党政机关公文格式》（GB/T 9704）日期写法',
  example: '「20241月1日」「2023年2月30日」。',
  check(report) {
    return report.sentences.flatMap((s) =>
      malformedDates(s.text).map((d) => ({ section: s.section, excerpt: s.text, actual: d, message: `日期「${d}」写法有误` })),
    );
  },
};
