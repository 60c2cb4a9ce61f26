import { sectionText } from '../parse/report';
import { compact } from '../text';
import { ref, sumOf } from './helpers';
import type { ReportRule } from './types';

/**
 * The fee named, charging spoken of (「未收取」「均为免费提供」「均为无偿提供，未发生按件、按量计费的情形」), or the cost
 * of an application (「未产生信息公开相关费用」). Other 费用 is money spent, as in 「平台建设及运行维护费用35万元」, and
 * 行政事业性收费 is another table's row: neither reports the fee.
 */
const FEES = /处理费|收费|(?:未|不|没有|无)收取|收缴|免费|无偿|计费|计收|(?:信息公开|申请)[^,。;]{0,6}费用/;
const OTHER_FEES = '行政事业性收费';
/** A sentence about 行政事业性收费 alone (「…收费项目均按规定公示，本年度收费金额12.5万元」): none of its words is about the fee. */
const ofOtherFees = (sentence: string) => sentence.includes(OTHER_FEES) && !/处理费|信息公开/.test(sentence);

export const s6NoFee: ReportRule = {
  kind: 'report',
  id: 's6-no-fee',
  severity: 'warning',
  title: { zh: '未报告信息处理费', en: 'Information-processing fees not reported' },
  description: {
    zh: '按年报格式，第六部分应报告收取信息处理费的情况（国办函〔2020〕109号）；未收取（或写明均免费提供）也应写明。只写了其他费用（如平台运行维护费用、行政事业性收费）不算。',
    en: 'Section 6 should report the information-processing fees charged (国办函〔2020〕109号), even when none were (or all was free); other money (platform upkeep, 行政事业性收费) does not count.',
  },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）第六部分；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
  example: '第六部分没有提信息处理费，也没写「未收取」。',
  check(report) {
    const text = sectionText(report, 's6');
    if (text === undefined) return [];
    // A PDF wraps 「信息处\n理费」 over two lines; a sentence about 行政事业性收费 alone says nothing of the fee.
    const read = compact(text)
      .split(/(?<=[。；;！!？?])/)
      .filter((sentence) => !ofOtherFees(sentence))
      .join('')
      .replaceAll(OTHER_FEES, '');
    if (FEES.test(read)) return [];
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
