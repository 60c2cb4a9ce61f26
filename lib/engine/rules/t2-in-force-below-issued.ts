import { ref, valueAt } from './helpers';
import type { Report } from '../model';
import type { Problem, ReportRule } from './types';

const ROWS = { rules: '规章', normative: '行政规范性文件' } as const;
const ROWS_2019 = { rules: '规章', normative: '规范性文件' } as const;

/** The 2019 table: what is published in all (对外公开总数量) holds this year's newly published (本年新公开数量). */
function belowPublished(report: Report): Problem[] {
  return (Object.keys(ROWS_2019) as (keyof typeof ROWS_2019)[]).flatMap((row) => {
    const published = valueAt(report, 't2', row, 'published');
    const total = valueAt(report, 't2', row, 'total');
    if (published === null || total === null || total >= published) return [];
    return [
      {
        section: 's2' as const,
        cells: [ref('t2', row, 'total'), ref('t2', row, 'published')],
        expected: `≥ ${published}`,
        actual: total,
        message: `「${ROWS_2019[row]}」：本年新公开 ${published} 件，对外公开总数量却只有 ${total}`,
      },
    ];
  });
}

export const t2InForceBelowIssued: ReportRule = {
  kind: 'report',
  id: 't2-in-force-below-issued',
  severity: 'warning',
  title: { zh: '现行有效（公开总数）件数少于本年净增', en: 'Fewer in force (published in all) than added this year' },
  description: {
    zh: '年末现行有效件数 = 年初现行有效 + 本年制发 − 本年废止 − 其他失效，年初件数不小于失效的旧件，所以「现行有效件数」不应小于「本年制发件数 − 本年废止件数」。只有本年制发又在本年内失效（未计入废止）的文件能使它不成立，故为警告。2019 年版表格同理：「对外公开总数量」不应小于「本年新公开数量」。',
    en: 'In force at year end = in force at the start + issued − repealed − otherwise expired, and the start is no smaller than the old documents that expired: so in force should not be below issued − repealed. Only a document issued and expired (not repealed) within the year can break it, hence a warning. Likewise in the 2019 table: 对外公开总数量 should not be below 本年新公开数量.',
  },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》第二部分「本年制发件数」「本年废止件数」「现行有效件数」',
  example: '行政规范性文件本年制发 5 件、废止 0 件，现行有效却写 3 件。',
  check(report) {
    if (report.layout === '2019') return belowPublished(report);
    return (Object.keys(ROWS) as (keyof typeof ROWS)[]).flatMap((row) => {
      const issued = valueAt(report, 't2', row, 'issued');
      const repealed = valueAt(report, 't2', row, 'repealed');
      const inForce = valueAt(report, 't2', row, 'in_force');
      if (issued === null || repealed === null || inForce === null || inForce >= issued - repealed) return [];
      return [
        {
          section: 's2' as const,
          cells: [ref('t2', row, 'in_force'), ref('t2', row, 'issued'), ref('t2', row, 'repealed')],
          expected: `≥ ${issued - repealed}`,
          actual: inForce,
          message: `「${ROWS[row]}」：本年制发 ${issued} − 废止 ${repealed} = ${issued - repealed}，现行有效件数却只有 ${inForce}`,
        },
      ];
    });
  },
};
