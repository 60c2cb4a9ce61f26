import { brokenIdentities } from './arithmetic';
import type { ReportRule } from './types';

export const t3Balance: ReportRule = {
  kind: 'report',
  id: 't3-balance',
  severity: 'error',
  title: { zh: '申请数量不平衡（一+二≠三+四）', en: 'Applications do not balance (1 + 2 ≠ 3 + 4)' },
  description: {
    zh: '表格自身注明：「本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和」。每一列都须满足。能定位到是哪一格错了时，本条作为该格「数值有误」（cell-wrong）问题的证据列出，不另计数；空白单元格按不小于 0 计，已填数值已使等式不可能成立时照样报告。',
    en: 'The table states it: new applications plus those carried over equal those handled plus those carried forward, in every column. When the wrong cell can be located, this finding is listed as evidence under its cell-wrong finding instead of counted; blanks count as unknowns ≥ 0.',
  },
  basis: '第三部分表格注：「本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和」',
  example: '新收 10 件、上年结转 1 件，但办理结果总计 9 件、结转下年度 1 件（11 ≠ 10）。',
  check: (report) => brokenIdentities(report, 't3-balance'),
};
