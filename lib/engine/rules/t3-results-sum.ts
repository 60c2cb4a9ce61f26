import { brokenIdentities } from './arithmetic';
import type { ReportRule } from './types';

export const t3ResultsSum: ReportRule = {
  kind: 'report',
  id: 't3-results-sum',
  severity: 'error',
  title: { zh: '办理结果总计与分项之和不符', en: 'Results total ≠ sum of results' },
  description: {
    zh: '「（七）总计」应等于（一）至（六）各分项之和。能定位到是哪一格错了时，本条作为该格「数值有误」（cell-wrong）问题的证据列出，不另计数；空白单元格按不小于 0 计，已填数值已使等式不可能成立时照样报告。',
    en: 'Row (七) 总计 must equal the sum of every result row (一)–(六). When the wrong cell can be located, this finding is listed as evidence under its cell-wrong finding instead of counted; blanks count as unknowns ≥ 0.',
  },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）第三部分「（七）总计」',
  example: '各项办理结果相加为 11，「（七）总计」写 12。',
  check: (report) => brokenIdentities(report, 't3-results-sum'),
};
