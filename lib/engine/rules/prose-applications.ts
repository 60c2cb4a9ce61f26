import { ref } from './helpers';
import { atLeast, checkClaims, proseSentences, total, totals } from './claims';
import type { ReportRule } from './types';

const NOT_INFO = '[^。；，,复议诉讼结转\\d]';
/** 「收到申请 N 件」 but not 「收到行政复议申请」. */
const RECEIVED = new RegExp(`(?:收到|接收|接到)${NOT_INFO}{0,20}申请(?:共|计|合计)?(\\d+)件`);
/** 「新收713件」, 「本年新收政府信息公开申请713件」. */
const NEW = new RegExp(`新收(?:${NOT_INFO}{0,20}申请)?(?:共|计|合计)?(\\d+)件`);
/** 「受理申请749件」: the new ones, or the new and the carried-over ones together. */
const ACCEPTED = new RegExp(`受理${NOT_INFO}{0,20}申请(?:共|计|合计)?(\\d+)件`);
/** The parts that follow a whole name the carried-over applications: the whole counts rows 一 and 二. */
const WITH_CARRIED = /(?:其中|包括|含)[^。]{0,30}上年(?:度)?结转/;
const newAndCarried = totals('1', '2');
/** 「所有申请均已按时办结」, 「全部办结」: nothing carried forward — unless it speaks of last year's. */
const ALL_CLOSED = /(?:所有|全部|均已?|全都|一律)[^。；，,]{0,10}办结|全部办结/;

export const proseApplications: ReportRule = {
  kind: 'report',
  id: 'prose-applications',
  severity: 'error',
  title: { zh: '正文申请数与表格不符', en: 'Stated applications ≠ table' },
  description: {
    zh: '总体情况中的依申请公开数量、结转数量应与第三部分表格一致：「收到/新收申请 N 件」对应第一项；「受理 N 件，其中新收 a 件、上年结转 b 件」中 N 对应第一项与第二项之和（下一句列出分项时同样）；「未收到申请」时表格不应有新收申请；「所有申请均已办结」时不应有结转下年度的申请。表格有空白时按不小于 0 计，已填数值已超过正文数字即为矛盾。',
    en: 'Application counts in the prose must agree with table 3: received/new ↔ row 1, 「受理 N，其中新收 a、上年结转 b」 ↔ rows 1 + 2, 「未收到申请」 ↔ row 1 = 0, 「均已办结」 ↔ row 4 = 0. Blanks count as unknowns ≥ 0.',
  },
  basis: '《政府信息公开条例》第五十条（年度报告应当包括收到和处理政府信息公开申请的情况）',
  example: '正文「共收到政府信息公开申请15件」，表格新收 12 件；或正文「所有申请均已按时办结」，表格结转下年度 2 件。',
  check(report) {
    if (!report.tables.t3) return [];
    // A whole followed by 「其中…上年结转」 counts rows 一 and 二; 「受理」 alone may mean either.
    const received = (_: unknown, context: string) => (WITH_CARRIED.test(context) ? [newAndCarried()] : [total('1')()]);
    const accepted = (_: unknown, context: string) => (WITH_CARRIED.test(context) ? [newAndCarried()] : [total('1')(), newAndCarried()]);
    const out = checkClaims(report, [
      { pattern: RECEIVED, cells: total('1'), readings: received, what: '收到政府信息公开申请' },
      { pattern: NEW, cells: total('1'), what: '新收政府信息公开申请' },
      { pattern: ACCEPTED, cells: total('1'), readings: accepted, what: '受理政府信息公开申请' },
      { pattern: /上年(?:度)?结转(?:[^。；，,\d]{0,16})(\d+)件/, cells: total('2'), what: '上年结转申请' },
      { pattern: /结转(?:至|到)?下(?:一)?年度?(?:继续办理)?(?:[^。；，,\d]{0,10})(\d+)件/, cells: total('4'), what: '结转下年度申请' },
    ]);
    const newOnes = atLeast(report, total('1')());
    const forward = atLeast(report, total('4')());
    for (const { s, c } of proseSentences(report)) {
      if (newOnes > 0 && /未(?:收到|受理|接到)(?:[^。；，,复议诉讼]{0,16})申请/.test(c))
        out.push({
          section: s.section,
          cells: total('1')(),
          excerpt: s.text,
          expected: newOnes,
          actual: 0,
          message: `正文称未收到申请，但表格本年新收申请 ${newOnes} 件`,
        });
      const closed = ALL_CLOSED.exec(c);
      if (forward > 0 && closed && !/未|尚未|上年|上一年/.test(c.slice(0, closed.index + closed[0].length)))
        out.push({
          section: s.section,
          cells: [ref('t3', '4', 'total')],
          excerpt: s.text,
          expected: forward,
          actual: 0,
          message: `正文称申请均已办结，但表格「四、结转下年度继续办理」为 ${forward} 件`,
        });
    }
    return out;
  },
};
