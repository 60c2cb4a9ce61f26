import { clauseBefore, ref } from './helpers';
import { aboutOtherYear, atLeast, checkClaims, proseSentences, total, totals } from './claims';
import type { ReportRule } from './types';

const NOT_INFO = '[^。；，,复议诉讼结转\\d]';
const SUM = '(?:共计|合计|共|计)?';
/** 「收到申请 N 件」 but not 「收到行政复议申请」. */
const RECEIVED = new RegExp(`(?:收到|接收|接到)${NOT_INFO}{0,30}申请${SUM}(\\d+)件`);
/** 「新收713件」, 「本年新收政府信息公开申请713件」. */
const NEW = new RegExp(`新收(?:${NOT_INFO}{0,30}申请)?${SUM}(\\d+)件`);
/** 「受理申请749件」: the new ones, or the new and the carried-over ones together. */
const ACCEPTED = new RegExp(`受理${NOT_INFO}{0,30}申请${SUM}(\\d+)件`);
/** The parts that follow a whole name the carried-over applications: the whole counts rows 一 and 二. */
const WITH_CARRIED = /(?:其中|包括|含)[^。；;]{0,30}上年(?:度)?结转/;
const newAndCarried = totals('1', '2');
/** Applications of another kind, which table 3 does not count: 行政许可, 信访, 咨询, 建议提案 … */
const OTHER_KIND = /许可|审批|信访|投诉|举报|咨询|建议|提案|信箱|来信|留言|热线|办件|政务服务/;
/**
 * A part of the applications, by channel or by applicant (「通过信函方式收到申请15件」「新收自然人申请40件」),
 * not all of them; 「公民、法人或者其他组织」 is everyone who may apply.
 */
const PART = /自然人|法人|其他组织|企业|个人|网站|网上|在线|线上|信函|邮寄|邮件|当面|现场|传真|电话|平台|渠道|方式/;
const EVERYONE = /公民、?法人(?:或者?|和|及)其他组织/g;
const notAllApplications = (statement: string) => OTHER_KIND.test(statement) || PART.test(statement.replace(EVERYONE, ''));
/** The columns of row 一 a denial of one kind of applicant speaks of (「未收到法人或其他组织提出的申请」). */
function deniedColumns(statement: string): string[] | null {
  const s = statement.replace(EVERYONE, '');
  if (/法人|其他组织|企业/.test(s)) return ['commercial', 'research', 'nonprofit', 'legal', 'other'];
  if (/自然人|个人|公民/.test(s)) return ['natural'];
  return PART.test(s) || OTHER_KIND.test(s) ? null : ['total'];
}
/**
 * 「自然人申请40件」「法人或其他组织提出申请13件」「商业企业6件」: row 一 by applicant. Not 「公民、法人或者其他组织」
 * (everyone), nor a count of persons (「40人次」).
 */
const BY = '(?:提出|提交)?(?:的)?(?:申请)?(?:共计|共|计)?(\\d+)件';
const APPLICANTS = [
  { pattern: new RegExp(`自然人${BY}`), columns: ['natural'], what: '自然人申请' },
  {
    pattern: new RegExp(`(?<!(?:公民|自然人)[、和及与]?)法人(?:或者?|和|及|、)?其他组织${BY}`),
    columns: ['commercial', 'research', 'nonprofit', 'legal', 'other'],
    what: '法人或其他组织申请',
  },
  { pattern: new RegExp(`商业企业${BY}`), columns: ['commercial'], what: '商业企业申请' },
  { pattern: new RegExp(`科研机构${BY}`), columns: ['research'], what: '科研机构申请' },
  { pattern: new RegExp(`社会公益组织${BY}`), columns: ['nonprofit'], what: '社会公益组织申请' },
  { pattern: new RegExp(`法律服务机构${BY}`), columns: ['legal'], what: '法律服务机构申请' },
];

/** 「未收到申请」「没有收到…申请」「无政府信息公开申请」: none received. */
const NONE_RECEIVED = /(?:未|没有)(?:收到|受理|接到)[^。；，,复议诉讼]{0,30}申请|无[^。；，,复议诉讼]{0,10}政府信息公开申请/;
/** 「所有申请均已按时办结」, 「全部办结」: nothing carried forward. */
const ALL_CLOSED = /(?:所有|全部|均已?|全都|一律)[^。；，,]{0,10}办结|全部办结/;
/** What makes 「均已办结」 say less than all: 「除3件…外，其余…」, or a clause about last year's carried-over ones. */
const ALL_BUT = /除|其余|其他|结转(?:至|到)?下|继续办理|尚未|未办结/;

export const proseApplications: ReportRule = {
  kind: 'report',
  id: 'prose-applications',
  severity: 'error',
  title: { zh: '正文申请数与表格不符', en: 'Stated applications ≠ table' },
  description: {
    zh: '总体情况中的依申请公开数量、结转数量应与第三部分表格一致：「收到/新收申请 N 件」对应第一项；按申请人分列的件数（「自然人申请 a 件，法人或其他组织申请 b 件」「商业企业 c 件」）对应第一项的相应列（或第一项与第二项之和）；「受理 N 件，其中新收 a 件、上年结转 b 件」中 N 对应第一项与第二项之和（下一句列出分项时同样）；「未收到申请」时表格不应有新收申请；「所有申请均已办结」时不应有结转下年度的申请。表格有空白时按不小于 0 计，已填数值已超过正文数字即为矛盾。',
    en: 'Application counts in the prose must agree with table 3: received/new ↔ row 1, by applicant ↔ row 1’s columns (or rows 1 + 2), 「受理 N，其中新收 a、上年结转 b」 ↔ rows 1 + 2, 「未收到申请」 ↔ row 1 = 0, 「均已办结」 ↔ row 4 = 0. Blanks count as unknowns ≥ 0.',
  },
  basis: '《政府信息公开条例》第五十条（年度报告应当包括收到和处理政府信息公开申请的情况）',
  example: '正文「共收到政府信息公开申请15件」，表格新收 12 件；或正文「所有申请均已按时办结」，表格结转下年度 2 件。',
  check(report) {
    if (!report.tables.t3) return [];
    // A whole followed by 「其中…上年结转」 counts rows 一 and 二; 「受理」 alone may mean either.
    const received = (_: unknown, context: string) => (WITH_CARRIED.test(context) ? [newAndCarried()] : [total('1')()]);
    const accepted = (_: unknown, context: string) => (WITH_CARRIED.test(context) ? [newAndCarried()] : [total('1')(), newAndCarried()]);
    const out = checkClaims(report, [
      { pattern: RECEIVED, cells: total('1'), readings: received, what: '收到政府信息公开申请', unless: notAllApplications },
      { pattern: NEW, cells: total('1'), what: '新收政府信息公开申请', unless: notAllApplications },
      { pattern: ACCEPTED, cells: total('1'), readings: accepted, what: '受理政府信息公开申请', unless: notAllApplications },
      ...APPLICANTS.map(({ pattern, columns, what }) => ({
        pattern,
        cells: () => columns.map((c) => ref('t3', '1', c)),
        // New ones (row 一), or new and carried-over ones (一 and 二) when the whole before counted both.
        readings: () => [columns.map((c) => ref('t3', '1', c)), columns.flatMap((c) => [ref('t3', '1', c), ref('t3', '2', c)])],
        what,
        unless: (clause: string) => OTHER_KIND.test(clause),
      })),
      { pattern: /上年(?:度)?结转(?:[^。；，,\d]{0,16})(\d+)件/, cells: total('2'), what: '上年结转申请' },
      { pattern: /结转(?:至|到)?下(?:一)?年度?(?:继续办理)?(?:[^。；，,\d]{0,10})(\d+)件/, cells: total('4'), what: '结转下年度申请' },
    ]);
    const forward = atLeast(report, total('4')());
    for (const { s, c } of proseSentences(report)) {
      const none = NONE_RECEIVED.exec(c);
      const columns = none && !aboutOtherYear(report, c.slice(0, none.index)) ? deniedColumns(none[0]) : null;
      const denied = columns?.map((col) => ref('t3', '1', col)) ?? [];
      const received = denied.length ? atLeast(report, denied) : 0;
      if (received > 0)
        out.push({
          section: s.section,
          cells: denied,
          excerpt: s.text,
          expected: received,
          actual: 0,
          message: `正文称未收到${columns![0] === 'total' ? '' : columns![0] === 'natural' ? '自然人的' : '法人或其他组织的'}申请，但表格本年新收 ${received} 件`,
        });
      const closed = ALL_CLOSED.exec(c);
      // What the clause names before 「均已办结」: last year's carried-over ones (「上年结转的1件申请均已办结」) are not all.
      const subject = closed ? clauseBefore(c, closed.index) : '';
      const ofCarried = /上一?年度?结转|\d{4}年度?结转|结转的/.test(subject) || aboutOtherYear(report, subject);
      if (forward > 0 && closed && /申请/.test(c) && !OTHER_KIND.test(c) && !ALL_BUT.test(c) && !ofCarried)
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
