import { brokenIdentities } from './arithmetic';
import type { ReportRule } from './types';

export const t3RowTotal: ReportRule = {
  kind: 'report',
  id: 't3-row-total',
  severity: 'error',
  title: { zh: '行总计与各类申请人之和不符', en: 'Row total ≠ sum of applicant types' },
  description: {
    zh: '每一行的「总计」应等于自然人与五类法人或其他组织之和。能定位到是哪一格错了时，本条作为该格「数值有误」（cell-wrong）问题的证据列出，不另计数；空白单元格按不小于 0 计，已填数值已使等式不可能成立时照样报告。',
    en: 'Each row’s total must equal natural persons plus the five kinds of organisations. When the wrong cell can be located, this finding is listed as evidence under its cell-wrong finding instead of counted; blanks count as unknowns ≥ 0.',
  },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）第三部分「总计」列',
  example: '自然人 3、商业企业 1，总计却写 3。',
  check: (report) => brokenIdentities(report, 't3-row-total'),
};
