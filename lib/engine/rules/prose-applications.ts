import { checkClaims, proseSentences, total } from './claims';
import { sumOf } from './helpers';
import type { ReportRule } from './types';

/** 「收到申请 N 件」 but not 「收到行政复议申请」. */
const APPLICATIONS = /(?:收到|受理|接收|新收|接到)(?:[^。；，,复议诉讼结转]{0,20})申请(?:共|计|合计)?(\d+)件/;

export const proseApplications: ReportRule = {
  kind: 'report',
  id: 'prose-applications',
  severity: 'error',
  title: { zh: '正文申请数与表格不符', en: 'Stated applications ≠ table' },
  description: { zh: '总体情况中的依申请公开数量、结转数量应与第三部分表格一致；「未收到申请」时表格不应有新收申请。', en: 'Application counts in the prose must agree with table 3.' },
  basis: '《政府信息公开条例》第五十条（年度报告应当包括收到和处理政府信息公开申请的情况）',
  example: '正文「共收到政府信息公开申请15件」，表格新收 12 件。',
  check(report) {
    if (!report.tables.t3) return [];
    const out = checkClaims(report, [
      { pattern: APPLICATIONS, cells: total('1'), what: '收到政府信息公开申请' },
      { pattern: /上年(?:度)?结转(?:[^。；，,\d]{0,16})(\d+)件/, cells: total('2'), what: '上年结转申请' },
      { pattern: /结转(?:至|到)?下(?:一)?年度?(?:继续办理)?(?:[^。；，,\d]{0,10})(\d+)件/, cells: total('4'), what: '结转下年度申请' },
    ]);
    const received = sumOf(report, total('1')());
    for (const { s, c } of proseSentences(report)) {
      if (received && received > 0 && /未(?:收到|受理|接到)(?:[^。；，,复议诉讼]{0,16})申请/.test(c))
        out.push({ section: s.section, cells: total('1')(), excerpt: s.text, expected: received, actual: 0, message: `正文称未收到申请，但表格本年新收申请 ${received} 件` });
    }
    return out;
  },
};
