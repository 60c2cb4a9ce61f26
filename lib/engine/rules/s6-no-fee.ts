import { sectionText } from '../parse/report';
import { ref, sumOf } from './helpers';
import type { ReportRule } from './types';

const FEES = /处理费|收费|收取|费用/;

export const s6NoFee: ReportRule = {
  kind: 'report',
  id: 's6-no-fee',
  severity: 'warning',
  title: { zh: '未报告信息处理费', en: 'Information-processing fees not reported' },
  description: {
    zh: '按年报格式，第六部分应报告收取信息处理费的情况（国办函〔2020〕109号）；未收取也应写明。',
    en: 'Section 6 should report the information-processing fees charged (国办函〔2020〕109号), even when none were.',
  },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）第六部分；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
  example: '第六部分没有提信息处理费，也没写「未收取」。',
  check(report) {
    const text = sectionText(report, 's6');
    if (text === undefined || FEES.test(text)) return [];
    const notices = sumOf(report, [ref('t3', '3.6.2', 'total')]);
    return [
      {
        section: 's6',
        cells: notices ? [ref('t3', '3.6.2', 'total')] : undefined,
        message: notices
          ? `表格显示 ${notices} 件申请因未缴纳费用不再处理，但「其他需要报告的事项」未报告信息处理费收取情况`
          : '「其他需要报告的事项」未报告信息处理费收取情况',
      },
    ];
  },
};
