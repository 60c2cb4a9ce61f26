import { brokenIdentities } from './arithmetic';
import type { ReportRule } from './types';

export const t4GroupTotal: ReportRule = {
  kind: 'report',
  id: 't4-group-total',
  severity: 'error',
  title: { zh: '复议/诉讼总计与分项之和不符', en: 'Review/litigation total ≠ sum of outcomes' },
  description: {
    zh: '行政复议、未经复议直接起诉、复议后起诉三组，每组「总计」= 维持 + 纠正 + 其他结果 + 尚未审结。能定位到是哪一格错了时，本条作为该格「数值有误」（cell-wrong）问题的证据列出，不另计数；空白单元格按不小于 0 计，已填数值已使等式不可能成立时照样报告。',
    en: 'In each group, total = upheld + corrected + other + pending. When the wrong cell can be located, this finding is listed as evidence under its cell-wrong finding instead of counted; blanks count as unknowns ≥ 0.',
  },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）第四部分',
  example: '行政复议维持 1、尚未审结 1，总计写 1。',
  check: (report) => brokenIdentities(report, 't4-group-total'),
};
