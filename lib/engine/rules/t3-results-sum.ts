import { brokenIdentities } from './arithmetic';
import type { ReportRule } from './types';

export const t3ResultsSum: ReportRule = {
  kind: 'report',
  id: 't3-results-sum',
  severity: 'error',
  title: { zh: '办理结果总计与分项之和不符', en: 'Results total ≠ sum of results' },
  description: { zh: '「（七）总计」应等于（一）至（六）各分项之和。', en: 'Row (七) 总计 must equal the sum of every result row (一)–(六).' },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）第三部分「（七）总计」',
  example: '各项办理结果相加为 11，「（七）总计」写 12。',
  check: (report) => brokenIdentities(report, 't3-results-sum'),
};
