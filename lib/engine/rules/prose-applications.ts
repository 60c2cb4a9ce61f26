import { clauseBefore, ofPartOfYear, ref } from './helpers';
import { aboutOtherBody, aboutOtherYear, atLeast, checkClaims, EVERYONE, ofOneApplicant, proseSentences, total, otherKind, totals, ROUGH_NOTE } from './claims';
import type { Report } from '../model';
import type { ReportRule } from './types';

const NOT_INFO = '[^。；，,复议诉讼结转\\d]';
const SUM = '(?:共计|合计|共|计)?';
/** 「收到申请 N 件」 but not 「收到行政复议申请」. */
const RECEIVED = new RegExp(`(?:收到|接收|接到)${NOT_INFO}{0,30}申请${SUM}(\\d+)件`);
/** 「新收713件」, 「本年新收政府信息公开申请713件」, 「新增政府信息公开申请713件」 (新增 only with 申请: 「新增12件」 may be anything). */
const NEW = new RegExp(`(?:新收(?:${NOT_INFO}{0,30}申请)?|(?<!同比|环比)新增${NOT_INFO}{0,30}申请)${SUM}(\\d+)件`);
/** 「政府信息公开申请量为713件」「申请总量713件」「依申请公开数量：0件」「“本年新收政府信息公开申请数量”为53件」. */
const VOLUME = new RegExp(`(?:(?:政府信息公开|依申请公开)?申请(?:总?量|数量|件数|总数)|依申请公开(?:总?量|数量|件数|总数))(?:为|达到?|共计?|合计)?(\\d+)件`);
/** 「受理申请749件」: the new ones, or the new and the carried-over ones together. */
const ACCEPTED = new RegExp(`受理${NOT_INFO}{0,30}申请${SUM}(\\d+)件`);
/** 「尚有3件在办理期限内」「另有3件申请结转至2024年继续办理」: applications carried forward, the count before its words. */
const FORWARD_COUNT_FIRST =
  /(?:尚有|另有|还有)(\d+)件(?:申请)?(?:[^。；\d]{0,24}?(?:结转(?:至|到)(?:下一?年度?|20\d{2}年度?)|(?:在|尚在)(?:办理|答复)期限内|正在办理|仍在办理|尚在办理))/;
/** 「办理（处理）申请57件（含上年结转4件）」: 办理 alone may mean those closed; with its carried-over ones in brackets, rows 一 and 二. */
const HANDLED_WITH_CARRIED = new RegExp(`(?:办理|处理)${NOT_INFO}{0,30}申请${SUM}(\\d+)件(?=[（(](?:含|包括)[^)）]{0,8}上一?年度?结转)`);
/**
 * The parts right after a whole name the carried-over applications (「受理57件（含上年结转4件）」, 「…57件，其中新收53件、
 * 上年结转4件」「…57件，其中2023年新收53件、2022年结转4件」): the whole counts rows 一 and 二. Not a 含 further on, of another count
 * (「办结54件（含上年结转）」), nor one whose bracket closes first (「53件（含不动产登记资料查询申请12件），上年结转4件」).
 */
const WITH_CARRIED = /^[^。；;\d]*\d+件[，,。：:]?[(（]?(?:其中|包括|含)[^。；;另)）]{0,30}(?:上一?|20\d{2})年(?:度)?结转/;
const newAndCarried = totals('1', '2');
/** 「…1件一并计入上年结转」「…6件已纳入本局统计」: a count counted into a figure, a part of it. */
const COUNTED_INTO = /^[^。；，,]*?\d+件[^。；，,\d]{0,6}?(?:计入|纳入|并入|合并统计)/;
/**
 * 「收到53件，其中网上申请43件、当面申请10件，上年结转4件」: parts that add up to the whole before the carried-over ones, in a
 * clause of their own, leave those beside the whole, not in it, which is then row 一 alone.
 */
function carriedBeside(context: string): boolean {
  const m = /^[^。；;\d]*(\d+)件[^。；;\d]{0,4}(?:其中|包括|含)([^。；;另)）]{0,30}?)[，,](?:上一?|20\d{2})年(?:度)?结转/.exec(context);
  const parts = m ? [...m[2]!.matchAll(/(\d+)件/g)].map((x) => Number(x[1])) : [];
  return parts.length > 0 && parts.reduce((a, b) => a + b, 0) === Number(m![1]);
}
const withCarried = (context: string) => WITH_CARRIED.test(context) && !carriedBeside(context);
/** 「…53件，其中自然人申请40件…，上年结转4件」: the parts after 其中 begin with something other than the new or carried-over ones. */
const carriedAfterOtherParts = (context: string) =>
  /^[^。；;\d]*\d+件[^。；;\d]{0,4}(?:其中|包括|含)(?!本年|今年|新收|新增|(?:上一?|20\d{2})年(?:度)?结转)[^。；;另)）]{0,30}?[，,](?:上一?|20\d{2})年(?:度)?结转/.test(
    context,
  );
/**
 * A part of the applications, by channel or by applicant (「通过信函方式收到申请15件」「新收自然人申请40件」),
 * not all of them (those of a part of the year: ofPartOfYear); 「公民、法人或者其他组织」 is everyone who may apply.
 */
const PART =
  /自然人|法人|其他组织|企业|个人|网站|网上|在线|线上|信函|邮寄|邮件|当面|现场|传真|电话|平台|渠道|方式|窗口|代为|月均|(?:有关|涉及|关于)(?!(?:政府)?信息公开)[^。；，,]{1,20}?的[^。；，,]{0,16}申请/;
/**
 * 「通过政务公开网上服务平台等渠道共收到…」「通过网站、信函等多种方式共收到」: the channels named stand for all of them, the whole, when
 * a total follows (「通过网站、信函等方式收到31件」 may be two channels of several).
 */
const ALL_CHANNELS = /通过[^。；，,\d]{0,30}?(?:等|各种?|多种|各类)(?:渠道|方式|平台)(?=[^。；，,\d]{0,4}(?:共|累计|合计|总计))/g;
/** A part of the applications (PART), or those of a part of the year. */
const aPart = (statement: string) => {
  const s = statement.replace(EVERYONE, '').replace(ALL_CHANNELS, '');
  return PART.test(s) || ofPartOfYear(s);
};
/** Words between the verb and 申请 that name no kind: 「共收到各类申请」「受理群众提出的申请」「新收的53件申请」. */
const NO_KIND = /全年|本年度?|今年|共计|总计|共|各类|有效|依法|新|的|了|群众|申请人|提出|提交|通过|\d+件/g;
/**
 * 「受理不动产登记申请」「收到国家赔偿申请」: an application of another kind, named between the verb and 申请 where
 * disclosure is not (「收到…以书面形式提出的政府信息公开申请」 is one).
 */
function ofAnotherKind(statement: string): boolean {
  const m = /(?:收到|接收|接到|新收|受理)([^。；，,]*)申请[^申]*$/.exec(statement);
  return !!m && !/公开/.test(m[1]!) && m[1]!.replace(EVERYONE, '').replace(NO_KIND, '') !== '';
}
const notAllApplications = (statement: string) => otherKind(statement) || aPart(statement) || ofAnotherKind(statement);
/** Row 一's columns of 法人或其他组织. */
const LEGAL = ['commercial', 'research', 'nonprofit', 'legal', 'other'];
/** The columns of row 一 a denial of one kind of applicant speaks of (「未收到法人或其他组织提出的申请」). */
function deniedColumns(statement: string): string[] | null {
  const s = statement.replace(EVERYONE, '');
  if (/法人|其他组织|企业/.test(s)) return LEGAL;
  if (/自然人|个人|公民/.test(s)) return ['natural'];
  return aPart(s) || otherKind(s) || fromSomeApplicants(s) ? null : ['total'];
}
/**
 * 「自然人申请40件」「法人或其他组织提出申请13件」「商业企业6件」「自然人：新收40件」: row 一 by applicant. Not 「公民、法人或者其他组织」
 * (everyone), nor a count of persons (「40人次」).
 */
const BY = '[:：]?(?:新收|提出|提交)?(?:的)?(?:申请)?(?:共计|共|计)?(\\d+)件';
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

/**
 * 「未收到申请」「没有收到…申请」「无政府信息公开申请」: none received. Not 「不存在应受理而未受理的申请」, nor none of a
 * kind (「未收到需收取信息处理费的申请」「无超期办理的申请」).
 */
const NONE_RECEIVED =
  /(?<![而应该])(?:未|没有)(?:收到|受理|接到)([^。；，,复议诉讼]{0,30})申请|无(?:任何|[一1]件)?(?:人提出)?(?:的)?政府信息公开申请|无[一1]件申请(?=[。；;，,]|$)|零申请/;
/**
 * 「全年政府信息公开申请数量为零」: none received, said as a count of nought; the words before 申请 in its clause say of what kind
 * (「出入境管理类申请为零」 is none of one kind).
 */
// Tried only at a clause's start: a match can only begin there (the run takes any start within the clause), and trying every
// position of a clause with no 申请…为零 was quadratic (a line of 5 000 dates took seconds).
const NONE_AS_ZERO = /(?<=^|[。；，,])([^。；，,]*?)申请(?:总?量|数量?|件数|总数)?(?:均|都)?(?:为|是)(?:零|0)(?![\d.%件])/;
/** Words before 申请 that name no kind: the body, the year, disclosure itself. */
const NO_KIND_BEFORE = /(?:我|本)[^，,。；\d]{0,3}?(?:局|委|镇|乡|街道|办|院|厅|部|署|中心|机关)|\d{4}年度?|依申请公开|政府信息公开|信息公开|工作|情况|方面/g;
/**
 * 「未收到外国人提出的申请」「…人大代表、政协委员提出的…」: none from applicants table 3 does not count apart, which says nothing of the
 * others; not 「群众提出的」「公民、法人或者其他组织提出的」 (everyone).
 */
function fromSomeApplicants(statement: string): boolean {
  const who = /(?:收到|受理|接到)(.*?)(?:提出|提交)的/.exec(statement.replace(EVERYONE, ''))?.[1] ?? '';
  return !/^(?:任何人?|社会各界|社会|群众|申请人|个人|单位|公民|的)*$/.test(who.replace(NO_KIND, ''));
}
// The kinds of application table 3 counts apart under (五) (「未收到要求提供公开出版物的申请」「未收到重复申请」) are none of that kind
// too; not 「要求公开政府信息的申请」, every one.
const NONE_OF_A_KIND = /需|费|超期|逾期|涉及|有关|关于|符合|不符合|出版物|确认|重新出具|重复|反复|信访|投诉|举报/;
/** 「有关政府信息公开事务的申请」 is every application (seed 000), not applications of one kind. */
const ABOUT_DISCLOSURE = /(?:有关|涉及|关于)?(?:政府)?信息公开(?:事务|工作|事项)?的?/g;
/**
 * 「所有申请均已按时办结」, 「全部办结」, 「均在法定期限内答复完毕」, 「无结转」: nothing carried forward. Not 「占全部办结申请的」,
 * 「在办结前均经审核」, nor 「上年无结转」 (none carried over).
 */
const ALL_CLOSED =
  /(?:(?:所有|全部|(?<![月日年周人])均已?|全都|一律)[^。；，,]{0,10}|全部)(?:办结|办理完毕|答复完毕)(?![的申率件前后时])|均已(?:全部)?(?:回复|答复)(?!率)|(?:不存在|没有|无)[^。；，,\d]{0,4}结转(?:至|到)?下一?年度?|(?<!上一?年度?|去年|前一?年度?)(?:不存在|没有|无)(?:任何)?结转(?:的?申请|情况)?(?=[。；;，,]|$)/;
const ALL_CLOSED_EACH = new RegExp(ALL_CLOSED.source, 'g');
/**
 * An applicant split after 其中, or in brackets, of another row's total (「上年结转4件，其中自然人3件」「予以公开22件，其中自然人15件」):
 * that row's columns, not row 一's.
 */
function splitsAnotherRow(sentence: string, clause: string): boolean {
  const upTo = sentence.slice(0, sentence.lastIndexOf(clause) + clause.length);
  // 「上年结转4件，其中…」「结转下年度的3件中，…」「上年结转的4件均已办结，其中…」.
  // Or in brackets still open after that row's count: 「上年结转4件（自然人3件、商业企业1件）」.
  const whole =
    /([^，,。；;]*?)\d+件(?:[^，,。；;\d]{0,8}[，,：:]?其中|中[，,：:]?)[^。；;]*$/.exec(upTo) ??
    /([^，,。；;（(]*?)\d+件[（(](?:其中|含|包括)?[^。；;）)]*$/.exec(upTo);
  return !!whole && /结转|公开|不予|无法|处理|办结|答复|复议|诉讼/.test(whole[1]!.replace(/信息公开|依申请公开/g, ''));
}
/** Applications received or new that are not all of row 一: a part, another kind, or the new ones among those closed (「答复54件，其中新收50件」). */
const notAllOfRowOne = (clause: string, sentence: string) =>
  notAllApplications(clause) || splitsAnotherRow(sentence, clause) || ofPartOfYear(timeOpening(sentence));
/** 「截至11月底，已收到申请48件」「第一季度，…」: a sentence's opening clause without a count, the time all of it speaks of. */
const timeOpening = (sentence: string) => {
  const opening = /^[^，,。；;]*(?=[，,])/.exec(sentence)?.[0] ?? '';
  return /\d+件/.test(opening) ? '' : opening;
};

/** 「均为自然人申请」「全部由个人提出」: every application from one kind of applicant (not 「均为个人信息」). */
const ALL_FROM = /(?:均|全部|都)(?:为|是|系|由)(自然人|个人|公民|法人或其他组织|法人和其他组织)(?=申请|提出|提交|[，,。；;]|$)/;
/** A clause that counts the year's applications received (「共收到申请53件」「新收的53件申请」「受理申请57件」). */
const COUNTS_RECEIVED = /(?:收到|新收|受理)[^。；;，,]*?\d+件/;
/**
 * The columns of row 一 that 「…申请53件，均为自然人申请」 says are 0: the other kind's. Only of the year's applications as a whole, named in
 * the clause of 均为 or the one before it (not 「涉及养老补贴的申请均为自然人提出」, 「上年结转的4件均为…」, 「予以公开的…均为…」).
 */
function othersOfAllFrom(report: Report, c: string): { columns: string[]; who: string } | undefined {
  const m = ALL_FROM.exec(c);
  if (!m) return undefined;
  let subject = clauseBefore(c, m.index);
  if (!/\d+件/.test(subject)) subject = clauseBefore(c, m.index - subject.length - 1) + subject;
  const before = c.slice(0, m.index);
  if (!COUNTS_RECEIVED.test(subject) || notAllOfRowOne(subject, c) || aboutOtherYear(report, before) || aboutOtherBody(before)) return undefined;
  const natural = /自然人|个人|公民/.test(m[1]!);
  return { columns: natural ? LEGAL : ['natural'], who: natural ? '自然人' : '法人或其他组织' };
}

const NONE_CARRIED =
  /(?:无|没有|不存在)(?:上一?年度?|去年)结转(?:的)?(?:政府信息公开)?申请|(?:上一?年度?|去年)(?:无|没有)结转(?:的?(?:政府信息公开)?申请)?(?=[。；;，,]|$)/;

/** What makes 「均已办结」 say less than all: 「除3件…外，其余…」, or a clause about last year's carried-over ones. */
const ALL_BUT = /除|其余|其他|结转(?:至|到)?下|继续办理|尚未|未办结/;

export const proseApplications: ReportRule = {
  kind: 'report',
  id: 'prose-applications',
  severity: 'error',
  title: { zh: '正文申请数与表格不符', en: 'Stated applications ≠ table' },
  description: {
    zh: `总体情况中的依申请公开数量、结转数量应与第三部分表格一致：「收到/新收申请 N 件」对应第一项；按申请人分列的件数（「自然人申请 a 件，法人或其他组织申请 b 件」「商业企业 c 件」）对应第一项的相应列（或第一项与第二项之和）；「受理 N 件，其中新收 a 件、上年结转 b 件」中 N 对应第一项与第二项之和（下一句列出分项时同样）；「未收到申请」「申请数量为零」「零申请」时表格不应有新收申请，「收到申请 N 件，均为自然人申请」时第一项不应有法人或其他组织的申请（反之亦然），「无上年结转申请」时不应有上年结转；「所有申请均已办结」「不存在结转下年度的申请」时不应有结转下年度的申请。其他种类的申请（不动产登记、法律援助、国家赔偿等）、全县/全区、本系统或各部门、直属单位的件数，以及写明本表不含的件数（「本表不含…申请12件」），不是本表的，不核对；某季度、某几个月或截至年中某月的件数（「截至11月底收到48件」「第一季度未收到申请」）也不核对；其后紧接的「其中本机关（市局机关、本级）N 件」是本机关的，核对。表格有空白时按不小于 0 计，已填数值已超过正文数字即为矛盾。${ROUGH_NOTE.zh}`,
    en: `Application counts in the prose must agree with table 3: received/new ↔ row 1, by applicant ↔ row 1’s columns (or rows 1 + 2), 「受理 N，其中新收 a、上年结转 b」 ↔ rows 1 + 2, 「未收到申请」「零申请」 ↔ row 1 = 0, 「…N件，均为自然人申请」 ↔ row 1’s other applicants = 0, 「无上年结转」 ↔ row 2 = 0, 「均已办结」 ↔ row 4 = 0. Applications of other kinds, and counts for a whole county, a system or its departments, and counts the table is said to leave out (「本表不含…申请12件」) are not checked, nor those of a part of the year (「截至11月底收到48件」「第一季度未收到申请」); the body’s own part right after such a count (「其中本机关N件」) is. Blanks count as unknowns ≥ 0. ${ROUGH_NOTE.en}`,
  },
  basis: '《政府信息公开条例》第五十条（年度报告应当包括收到和处理政府信息公开申请的情况）',
  example: '正文「共收到政府信息公开申请15件」，表格新收 12 件；或正文「所有申请均已按时办结」，表格结转下年度 2 件。',
  check(report) {
    if (!report.tables.t3) return [];
    // A whole followed by 「其中…上年结转」 counts rows 一 and 二; 「受理」 alone may mean either.
    // 「收到53件，其中自然人40件，上年结转4件」: parts of another kind first, then the carried-over ones in a clause of their own, may
    // stand beside the whole as well as in it; either reading.
    const received = (_: unknown, context: string) =>
      withCarried(context) ? (carriedAfterOtherParts(context) ? [total('1')(), newAndCarried()] : [newAndCarried()]) : [total('1')()];
    const accepted = (_: unknown, context: string) => (withCarried(context) ? [newAndCarried()] : [total('1')(), newAndCarried()]);
    const out = checkClaims(report, [
      { pattern: RECEIVED, cells: total('1'), readings: received, what: '收到政府信息公开申请', unless: notAllOfRowOne },
      { pattern: NEW, cells: total('1'), what: '新收政府信息公开申请', unless: notAllOfRowOne },
      // 申请量 may count the carried-over ones too.
      // Not 「上年结转政府信息公开申请数量4件」, row 二's.
      {
        pattern: VOLUME,
        cells: total('1'),
        readings: accepted,
        what: '政府信息公开申请量',
        unless: (clause, sentence) => /结转/.test(clause) || notAllOfRowOne(clause, sentence),
      },
      { pattern: ACCEPTED, cells: total('1'), readings: accepted, what: '受理政府信息公开申请', unless: notAllApplications },
      { pattern: HANDLED_WITH_CARRIED, cells: newAndCarried, what: '办理政府信息公开申请（含上年结转）', unless: notAllApplications },
      ...APPLICANTS.map(({ pattern, columns, what }) => ({
        pattern,
        cells: () => columns.map((c) => ref('t3', '1', c)),
        // New ones (row 一), or new and carried-over ones (一 and 二) when the whole before counted both.
        readings: () => [columns.map((c) => ref('t3', '1', c)), columns.flatMap((c) => [ref('t3', '1', c), ref('t3', '2', c)])],
        what,
        unless: (clause: string, sentence: string) => otherKind(clause) || splitsAnotherRow(sentence, clause),
      })),
      {
        // 「上年结转4件」, or last year by its number: 「2022年度结转至本年度办理的申请4件」. Not a count after the bracket 结转 is in
        // closes (「收到申请（含上年结转）57件」): that is the whole's.
        pattern: new RegExp(`(?:上一?|${report.year ? report.year - 1 : '上'})年(?:度)?结转(?![^。；，,\\d（(]{0,16}[）)])(?:[^。；，,\\d]{0,16})(\\d+)件`),
        cells: total('2'),
        what: '上年结转申请',
        // 「提案28件（含上年结转2件）」 is another kind's; 「上年结转申请中有3件予以公开」 is a part of them.
        // 「自然人申请43件（含上年结转3件）…」 is one applicant's.
        // 「其上年结转的申请1件一并计入上年结转」: a count said to be counted into a figure is a part of it.
        unless: (clause: string, sentence: string) =>
          otherKind(clause) ||
          /结转[^。；，,\d]{0,16}中/.test(clause) ||
          ofOneApplicant(sentence) ||
          COUNTED_INTO.test(sentence.slice(sentence.indexOf(clause))),
      },
      {
        pattern: /结转(?:至|到)?下(?:一)?年度?(?:继续办理)?(?:[^。；，,\d]{0,10})(\d+)件/,
        cells: total('4'),
        what: '结转下年度申请',
        unless: (_: string, sentence: string) => ofOneApplicant(sentence),
      },
      // Next year by its number, the count after (「结转至2024年继续办理的申请3件」) or before (「尚在法定答复期限内的申请3件，结转至2024年继续办理」).
      ...(report.year
        ? [
            {
              pattern: new RegExp(`结转(?:至|到)${report.year + 1}年度?(?:继续办理)?[^。；，,\\d]{0,10}?(\\d+)件`),
              cells: total('4'),
              what: '结转下年度申请',
              unless: (_: string, sentence: string) => otherKind(sentence) || ofOneApplicant(sentence),
            },
            {
              pattern: new RegExp(
                `(?:申请[^。；，,\\d]{0,8}|(?<!\\d)(?=\\d+件申请))(\\d+)件(?:申请)?[，,]?[^。；，,\\d]{0,6}?结转(?:至|到)${report.year + 1}年`,
              ),
              cells: total('4'),
              what: '结转下年度申请',
              unless: (_: string, sentence: string) => otherKind(sentence) || ofOneApplicant(sentence),
            },
          ]
        : []),
      // The count before its words: 「尚有3件在办理期限内」「另有3件申请结转至2024年继续办理」.
      {
        pattern: FORWARD_COUNT_FIRST,
        cells: total('4'),
        what: '结转下年度申请',
        unless: (clause: string, sentence: string) => otherKind(clause) || ofOneApplicant(sentence),
      },
    ]);
    const forward = atLeast(report, total('4')());
    const carried = atLeast(report, total('2')());
    for (const { s, c } of proseSentences(report)) {
      const zero = NONE_AS_ZERO.exec(c);
      const none = NONE_RECEIVED.exec(c) ?? (zero && zero[1]!.replace(NO_KIND_BEFORE, '').replace(NO_KIND, '') === '' ? zero : null);
      const before = none ? c.slice(0, none.index) : '';
      // 「第一季度未收到申请」「有5个月未收到申请」: none in a part of the year says nothing of the year.
      const columns =
        none &&
        !ofPartOfYear(clauseBefore(c, none.index)) &&
        !NONE_OF_A_KIND.test((none[1] ?? '').replace(ABOUT_DISCLOSURE, '')) &&
        !aboutOtherYear(report, before) &&
        !aboutOtherBody(before)
          ? deniedColumns(none[0])
          : null;
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
      const allFrom = othersOfAllFrom(report, c);
      const others = allFrom
        ? atLeast(
            report,
            allFrom.columns.map((col) => ref('t3', '1', col)),
          )
        : 0;
      // 「均为自然人申请，未收到法人或其他组织提出的申请」 says it twice: the denial above has reported it.
      if (allFrom && others > 0 && received === 0)
        out.push({
          section: s.section,
          cells: allFrom.columns.map((col) => ref('t3', '1', col)),
          excerpt: s.text,
          expected: others,
          actual: 0,
          message: `正文称申请均为${allFrom.who}提出，但表格本年新收${allFrom.who === '自然人' ? '法人或其他组织' : '自然人'}申请 ${others} 件`,
        });
      const noneCarried = NONE_CARRIED.exec(c);
      if (noneCarried && carried > 0 && !otherKind(c) && !aboutOtherBody(c.slice(0, noneCarried.index)))
        out.push({
          section: s.section,
          cells: [ref('t3', '2', 'total')],
          excerpt: s.text,
          expected: carried,
          actual: 0,
          message: `正文称无上年结转申请，但表格「二、上年结转政府信息公开申请数量」为 ${carried} 件`,
        });
      const closed = ALL_CLOSED.exec(c);
      // What the clause names before 「均已办结」: last year's carried-over ones (「上年结转的1件申请均已办结」) are not all.
      let subject = closed ? clauseBefore(c, closed.index) : '';
      // 「结转至2025年的4件申请，已全部办结」: those carried into this year are the carried-over ones too.
      const carriedInto = closed && report.year ? new RegExp(`结转(?:至|到)(?:本年度?|今年|${report.year}年度?)的`) : null;
      // 「上年度报告中结转的4件申请，本年度均已办结」: a clause without a count of its own closes the ones the clause before names.
      if (closed && !/\d+件/.test(subject)) {
        const named = clauseBefore(c, closed.index - subject.length - 1);
        if (/结转的(?:\d+件)?(?:政府信息公开)?申请$/.test(named) || (carriedInto?.test(named) && /申请$/.test(named))) subject = named + subject;
      }
      // 「2024年度遗留申请4件已…全部答复完毕」: those left over from before are the carried-over ones.
      const ofCarried =
        /上一?年度?结转|跨年度?结转|\d{4}年度?结转|结转的|遗留/.test(subject) || !!carriedInto?.test(subject) || aboutOtherYear(report, subject);
      // A denial of carrying forward names 结转下年度 itself (「全部办结，无结转下年度的申请」): what makes it less than all is elsewhere.
      const allBut = closed && ALL_BUT.test(c.replace(ALL_CLOSED_EACH, ''));
      const upTo = closed ? c.slice(0, closed.index) : '';
      // 「受理不动产登记申请3562件，全部按时办结」 closes applications of another kind; 「依法延长答复期限的申请4件，均在延长期限内办结」
      // closes fewer than the year's new ones: a part of them (not 「…重复申请3件，所有申请均已办结」, which names its own).
      const named = Number(/(?:(\d+)件申请|申请(\d+)件)[，,]?$/.exec(upTo)?.slice(1).find(Boolean) ?? NaN);
      const aFew = closed?.[0].startsWith('均') && named < atLeast(report, total('1')());
      if (forward > 0 && closed && /申请/.test(c) && !otherKind(c) && !ofAnotherKind(upTo) && !aFew && !allBut && !ofCarried && !ofOneApplicant(c))
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
