import { sectionText } from '../parse/report';
import type { ReportRule } from './types';

export const s5NoRectification: ReportRule = {
  kind: 'report',
  id: 's5-no-rectification',
  severity: 'warning',
  title: { zh: '未说明上年度问题整改情况', en: 'No account of last year’s problems being fixed' },
  description: { zh: '第五部分应写明存在的问题、改进措施，以及上一年度问题的整改情况。', en: 'Section 5 should state the problems, the measures, and how last year’s problems were fixed.' },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）第五部分；第三方评估通常要求写明上年度问题整改情况',
  example: '第五部分只写了今年的问题和打算，没有说上年度问题改了没有。',
  check(report) {
    const text = sectionText(report, 's5');
    if (text === undefined) return [];
    if (!text.trim()) return [{ section: 's5', message: '「存在的主要问题及改进情况」部分为空' }];
    if (/整改|上一?年度|上年|去年|落实情况/.test(text)) return [];
    return [{ section: 's5', message: '「存在的主要问题及改进情况」未说明上一年度问题的整改情况' }];
  },
};
