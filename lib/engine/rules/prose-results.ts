import type { CellRef, Report, SectionKey } from '../model';
import {
  aboutOtherBody,
  aboutOtherYear,
  atLeast,
  checkClaims,
  groupTotal,
  ofOneApplicant,
  proseSentences,
  total,
  totals,
  otherKind,
  type Claim,
  ROUGH_NOTE,
} from './claims';
import { clauseBefore, ofPartOfYear, t3GroupRefs } from './helpers';
import type { Problem, ReportRule } from './types';

export const proseResults: ReportRule = {
  kind: 'report',
  id: 'prose-results',
  severity: 'error',
  title: { zh: '正文办理结果与表格不符', en: 'Stated results ≠ table' },
  description: {
    zh: `正文列出的予以公开、部分公开、不予公开等件数（或几项的合计：「予以公开及部分公开」「不予公开和无法提供共17件」），各项理由的件数（「本机关不掌握相关政府信息12件」「重复申请2件」），以及办结的申请件数（「（七）总计」），应与第三部分对应行一致；「没有因保护第三方合法权益不予公开的情况」「没有无法提供的情形」「未收到重复申请」时该行应为 0；「因本机关不掌握相关政府信息无法提供7件」是该理由的件数，不是「无法提供」的总数。表格有空白时按不小于 0 计：已填数值之和已超过正文数字，即使有空白也是矛盾。${ROUGH_NOTE.zh}`,
    en: `A breakdown of results in the prose (or the sum of several listed together), the counts of each reason under (三)–(六), and the count of applications closed (row (七)), must match table 3, and a reason or group said not to have occurred (「未收到重复申请」: none of a kind counted under (五)) must be 0; with blanks, it is contradicted when the filled cells already exceed it. ${ROUGH_NOTE.en}`,
  },
  basis: '《政府信息公开条例》第五十条',
  example: '正文「予以公开6件」，表格「（一）予以公开」总计 5 件。',
  check(report) {
    if (!report.tables.t3) return [];
    // 「予以公开29件（含部分公开7件）」: the whole of rows (一) and (二).
    const disclosed = (_: unknown, context: string) =>
      /^(?:予以|全部)公开(?:答复|决定)?(?:的)?\d+件[(（]?(?:含|包括)部分公开/.test(context) ? [totals('3.1', '3.2')()] : [total('3.1')()];
    return [
      ...checkClaims(report, [
        // 「予以公开和部分公开共29件」「不予公开、无法提供和不予处理的共22件」: results listed together, the sum of their rows.
        { pattern: RESULTS_LISTED, cells: () => [], readings: listedResultRows, what: '所列办理结果合计', unless: notAllResults },
        // 「公开（含部分公开）29件」: rows (一) and (二) named as one.
        {
          pattern: /(?:(?:予以|全部)|(?<![\u4e00-\u9fa5]))公开(?:答复)?[(（](?:含|包括)部分公开[)）](?:的)?(?:共计|共|合计)?(\d+)件/,
          cells: totals('3.1', '3.2'),
          what: '予以公开及部分公开',
          unless: notAllResults,
        },
        // 「予以公开22件」「全部公开22件」「作出予以公开答复22件」; the older template's 「同意公开22件」.
        {
          pattern: /(?:予以|全部|(?<!不)同意)公开(?:答复|决定)?(?:的)?(?:有|为)?(\d+)件/,
          cells: total('3.1'),
          readings: disclosed,
          what: '予以公开',
          unless: notAllResultsOrConsent,
        },
        // Not the second half of 「予以公开及部分公开258件」「全部或部分公开」; but 「予以公开22件、部分公开7件」 lists both.
        { pattern: /(?<!(?:公开|全部)[和及与、或])部分公开(?:答复|决定)?(?:的)?(\d+)件/, cells: total('3.2'), what: '部分公开', unless: notAllResults },
        // The older template's 「不同意公开7件」 is 不予公开.
        {
          pattern: listed(/(?:不予|不同意)公开(?:答复|决定)?(?:的)?(\d+)件/),
          cells: groupTotal('3.3'),
          what: '不予公开',
          unless: (clause: string, sentence: string) => ofAGroupPart(clause, sentence) || thirdPartyConsent(clause, sentence),
        },
        { pattern: listed(/无法提供(?:的)?(\d+)件/), cells: groupTotal('3.4'), what: '无法提供', unless: ofAGroupPart },
        { pattern: listed(/不予处理(?:的)?(\d+)件/), cells: groupTotal('3.5'), what: '不予处理', unless: ofAGroupPart },
        { pattern: listed(/其他处理(?:的)?(\d+)件/), cells: groupTotal('3.6'), what: '其他处理', unless: ofAGroupPart },
        ...REASON_CLAIMS,
        // 「办结政府信息公开申请54件」「已办结的54件中」: the applications given a result this year, (七)总计. Not 按时办结
        // (a part of them), and only where the sentence speaks of disclosure applications (not 「行政许可…办结1234件」).
        {
          pattern: /(?<!按时|及时|按期|逾期|提前|当场|当日|即时)(?:办结|办理完毕)(?:的)?(?:政府信息公开|依申请公开)?(?:申请)?(?:共计|共)?(\d+)件/,
          cells: total('3.7'),
          what: '办结申请',
          // 「新收申请53件，已办结50件，结转下年度3件；上年结转的4件…均已办结」: the year's new ones, apart from last year's.
          // 「共办结申请55件，其中予以公开22件…」: a sentence giving table 3's results speaks of disclosure applications too.
          unless: notTheClosed,
        },
      ]),
      ...deniedResults(report),
    ];
  },
};

/** The groups (三)–(六) by their words, for a denial that names a group and no reason. */
const GROUP_ROWS: [string, string][] = [
  ['不予公开', '3.3'],
  ['无法提供', '3.4'],
  ['不予处理', '3.5'],
  ['其他处理', '3.6'],
];
/** Table 3's results (一)–(六) as prose names them, each with its rows; 「予以和部分公开」 leaves 公开 to the last. */
const RESULT_NAMES: [string, (r: Report) => CellRef[]][] = [
  ['(?<!不)予以(?:全部)?(?:公开)?', total('3.1')],
  ['部分公开', total('3.2')],
  ...GROUP_ROWS.map(([words, row]): [string, (r: Report) => CellRef[]] => [words, groupTotal(row)]),
];
const RESULT_NAME = RESULT_NAMES.map(([name]) => name).join('|');
const RESULT_JOINT = '(?:和|及|与|、|以及|或)';
/** Two or more results joined, then one count: 「不予公开和部分公开共14件」. */
const RESULTS_LISTED = new RegExp(`(?:${RESULT_NAME})(?:${RESULT_JOINT}(?:${RESULT_NAME}))+(?:的)?(?:申请)?(?:共计|共|合计|总计)?(?:为)?(\\d+)件`);
/** The rows of the results a list names, from its start (the claim's context) to its count. */
function listedResultRows(r: Report, context: string): CellRef[][] {
  const list = context.slice(0, context.search(/\d/));
  const names = list.match(new RegExp(RESULT_NAME, 'g')) ?? [];
  return [names.flatMap((name) => RESULT_NAMES.find(([word]) => new RegExp(`^(?:${word})$`).test(name))![1](r))];
}
/** A group's own count, not the last item of a list counted together (「无法提供和不予处理的共15件」). */
const listed = (pattern: RegExp) => new RegExp(`(?<!(?:公开|提供|处理)${RESULT_JOINT})` + pattern.source);

/** 「没有因保护第三方合法权益不予公开的情况」「未发生不予处理的情形」: none of a reason (or of a group) this year. */
const DENIED_RESULT = /(?:未|没有|无)(?:发生|出现|存在)?(?:因|由于)?([^，,。；;\d]{2,30}?)(?:的)?(?:情况|情形)/;

const OUTCOME_OF_RESULT = /复议|诉讼|纠错|撤销|确认违法|超期|泄密|投诉(?!类)/;

/**
 * The rows a denial names: one reason with its group (「因保护第三方合法权益不予公开」, not 「侵犯第三方合法权益」, which is no
 * result), or the group alone (「无法提供的」, not 「应当公开而不予公开」, a wrong withholding).
 */
function deniedRows(report: Report, words: string): CellRef[] {
  const group = GROUP_ROWS.find(([name]) => words.includes(name));
  // 「未发生申请人逾期不补正的情形」: (六)'s reasons name no result but theirs, so they need no group named.
  const other = REASONS.filter(([row, reason]) => row.startsWith('3.6.') && new RegExp(reason).test(words));
  if (!group) return other.length === 1 ? total(other[0]![0])() : [];
  const reasons = REASONS.filter(([row, reason]) => row.startsWith(group[1] + '.') && new RegExp(reason).test(words));
  if (reasons.length === 1) return total(reasons[0]![0])();
  const alone = words.replace(/申请|答复|决定|的/g, '') === group[0];
  return alone && !REASON_WORDS.test(words) ? t3GroupRefs(report, group[1]) : [];
}

/**
 * 「未收到重复申请」「没有收到要求提供公开出版物的申请」: none of a kind of application table 3 counts apart under (五)不予处理,
 * which names its row by itself (「未收到申请」 alone is prose-applications'). Not 「未受理重复申请3件」, a count of those not accepted.
 */
const NONE_OF_A_KIND = /(?:未|没有)(?:收到|接到)(?:过)?([^，,。；;\d]{0,24}申请)(?![\d两一二三四五六七八九十])/;
const KIND_ROWS = () => REASONS.filter(([row]) => row.startsWith('3.5.'));

/** The row of 「未收到重复申请」: one (五) reason named, else none. */
function kindDenied(c: string): { m: RegExpExecArray; cells: CellRef[] } | null {
  const m = NONE_OF_A_KIND.exec(c);
  const rows = m ? KIND_ROWS().filter(([, reason]) => new RegExp(reason).test(m[1]!)) : [];
  return rows.length === 1 ? { m: m!, cells: total(rows[0]![0])() } : null;
}

/** A denial of a reason or a group whose row is not 0: the reason named, else the group. */
function deniedResults(report: Report): Problem[] {
  const out: Problem[] = [];
  for (const { s, c } of proseSentences(report)) {
    const kind = kindDenied(c);
    if (kind && !aboutOtherYear(report, c.slice(0, kind.m.index)) && !aboutOtherBody(c.slice(0, kind.m.index)) && !ofOneApplicant(c)) {
      const n = atLeast(report, kind.cells);
      if (n > 0)
        out.push({ section: s.section, cells: kind.cells, excerpt: s.text, expected: n, actual: 0, message: `正文称「${kind.m[0]}」，但表格为 ${n} 件` });
    }
    const m = DENIED_RESULT.exec(c);
    // 「未发生不予公开决定被纠错的情况」 denies what came of a result, not the result.
    if (!m || OUTCOME_OF_RESULT.test(m[1]!) || aboutOtherYear(report, c.slice(0, m.index)) || aboutOtherBody(c.slice(0, m.index)) || ofOneApplicant(c))
      continue;
    const cells = deniedRows(report, m[1]!);
    const n = cells.length ? atLeast(report, cells) : 0;
    if (n > 0)
      out.push({
        section: s.section,
        cells,
        excerpt: s.text,
        expected: n,
        actual: 0,
        message: `正文称「${m[0]}」，但表格为 ${n} 件`,
      });
  }
  return out;
}

/**
 * The reasons of table 3's rows (三)–(六) as prose names them, each only by words its template label alone
 * has: row, words, what a message calls it.
 */
const REASONS: [string, string, string][] = [
  ['3.3.1', '属于国家秘密', '属于国家秘密'],
  ['3.3.4', '第三方合法权益', '保护第三方合法权益'],
  ['3.3.5', '三类内部事务信息|内部事务信息', '属于三类内部事务信息'],
  ['3.3.6', '四类过程性信息|过程性信息', '属于四类过程性信息'],
  ['3.3.7', '行政执法案卷', '属于行政执法案卷'],
  ['3.3.8', '行政查询事项', '属于行政查询事项'],
  ['3.4.1', '本机关不掌握(?:相关)?(?:的)?(?:政府)?(?:信息)?', '本机关不掌握相关政府信息'],
  ['3.4.2', '没有现成信息|需要?另行制作', '没有现成信息需要另行制作'],
  ['3.4.3', '补正后申请内容仍不明确', '补正后申请内容仍不明确'],
  // 「申请人以政府信息公开名义进行信访、投诉、举报的」: the 2025 wording of the row, its words apart and in another order.
  ['3.5.1', '信访举报投诉类?|信访、?(?:投诉、?举报|举报、?投诉)类?', '信访举报投诉类申请'],
  ['3.5.2', '重复申请', '重复申请'],
  ['3.5.3', '公开出版物', '要求提供公开出版物'],
  ['3.5.4', '大量反复申请', '无正当理由大量反复申请'],
  ['3.5.5', '确认或重新出具', '要求行政机关确认或重新出具已获取信息'],
  ['3.6.1', '逾期(?:不|未)补正', '申请人逾期不补正'],
  ['3.6.2', '(?:逾期)?未按收费通知要求缴纳费用|未缴纳费用', '申请人逾期未缴纳费用'],
];

/**
 * Results the table's rows do not count as a whole: documents sorted (「公开属性审查…主动公开62件，依申请公开6件，不予公开18件」;
 * not 「已转为主动公开的4件」, applications whose answers were published), one applicant's applications (「在自然人申请的10件中，
 * 予以公开5件」「自然人申请43件…，其中予以公开15件」), or the results of the carried-over or of the new ones alone, said of them
 * (「上年结转的4件申请…，其中予以公开2件」「新收的53件申请中，予以公开20件」), or of one subject (OF_A_TOPIC).
 */
const notAllResults = (clause: string, sentence: string) =>
  ofOneApplicant(sentence) ||
  /公文|发文|复文|拟公开|公开属性|属性审查|确定为|(?<!转为?)主动公开的?\d+件|(?:自然人|法人|其他组织|企业|机构)[^。；，,]{0,12}中/.test(sentence) ||
  OF_ONE_ROW.test(sentence.slice(0, sentence.indexOf(clause) + clause.length)) ||
  OF_A_TOPIC.test(sentence.slice(0, sentence.indexOf(clause)));
/**
 * 「征求第三方意见5件，第三方同意公开3件，不同意公开2件」: a third party's consent, asked while handling some applications, is no
 * result; the sentence up to the count names the third party.
 */
const thirdPartyConsent = (clause: string, sentence: string) =>
  /同意/.test(clause) && /第三方|权利人|意见/.test(sentence.slice(0, sentence.indexOf(clause) + clause.length));
const notAllResultsOrConsent = (clause: string, sentence: string) => notAllResults(clause, sentence) || thirdPartyConsent(clause, sentence);
/**
 * 「依申请公开的征地信息中，予以公开18件」「涉及房屋征收的申请中，…」: the results of the applications on one subject, said of them
 * (not 「依申请公开的政府信息中」, all of them).
 */
const OF_A_TOPIC = /(?:涉及|有关|关于)[^，,。；;\d]{1,16}?中[，,]|的[^，,。；;\d]{1,12}?(?:(?<!政府)信息|事项|类|问题)中[，,]/;

/**
 * 「办结…N件」 not of (七)总计: in a sentence that does not speak of disclosure applications, of one applicant, of another kind, of a
 * part of the year (「一季度办结10件」), or of the year's new ones alone (「新收申请53件，已办结50件，结转下年度3件；上年结转的4件…均已办结」). The sentence before it in its paragraph
 * may be the one that names them (「共收到政府信息公开申请53件，上年结转4件；办结54件…」), unless this one names another kind.
 */
function notTheClosed(clause: string, sentence: string, previous: string, section?: SectionKey): boolean {
  const said = ABOUT_DISCLOSURE.test(sentence) || otherKind(sentence) ? sentence : previous + sentence;
  // Section 三 is about disclosure applications throughout (「全年新收申请53件，加上年结转4件，共办理57件，办结54件」 under its table).
  const aboutDisclosure = ABOUT_DISCLOSURE.test(said) || (section === 's3' && !otherKind(sentence));
  return !aboutDisclosure || ofOneApplicant(sentence) || otherKind(clause) || ofPartOfYear(clause) || newOnesClosed(said, clause);
}
/** 「新收申请53件，已办结50件」: the new ones' closings; not more than the new ones stated (「新收申请53件、办结55件」 closes the carried-over too). */
function newOnesClosed(said: string, clause: string): boolean {
  const m = NEW_ONES_CLOSED.exec(said);
  const received = Number(/新收[^。，,；;\d]{0,12}?(\d+)件/.exec(m?.[0] ?? '')?.[1] ?? NaN);
  return !!m && !(Number(/(\d+)件$/.exec(clause)?.[1]) > received);
}
/** 「新收申请53件，已办结50件」: the new ones' closings, unless the carried-over ones are added before (「新收53件，加上年结转4件，共办理57件，办结54件」). */
const NEW_ONES_CLOSED = /新收(?:(?!上年结转)[^。])*(?:办结|办理完毕)/;

/** Words that say a sentence speaks of disclosure applications and their results. */
const ABOUT_DISCLOSURE = /信息公开申请|依申请公开|予以公开|部分公开/;
/** 「上年结转的4件申请…，其中」「新收的53件中」「上年结转4件中」: a row of applications, apart from the others, whose results follow. */
const OF_ONE_ROW = /(?:结转|新收)(?:的|申请)?\d+件(?:申请)?中|(?:结转|新收)的\d+件[^。；]*其中/;
/** The groups (三)–(六) of table 3's results, as prose names them. */
const GROUPS = '不予公开|无法提供|不予处理|其他处理';
/**
 * A sentence about the results of applications, where a reason's words name its row: not 「评查行政执法案卷56件」 nor
 * 「受理信访举报投诉126件」, which count something else.
 */
const ABOUT_RESULTS = new RegExp(`${GROUPS}|予以公开|部分公开|申请`);
const REASON_WORDS = new RegExp(REASONS.map(([, words]) => words).join('|'));
const REASON_PATTERNS = REASONS.map(([, words]) => new RegExp(words));
/**
 * How many reasons a listed item names: 「属于三类内部事务信息和四类过程性信息的2件」 counts two rows at once; one reason in
 * its label's full words (「没有现成信息需要另行制作3件」) is one row, though two of its words match.
 */
const reasonsIn = (item: string) => REASON_PATTERNS.filter((re) => re.test(item)).length;
/** 「因本机关不掌握相关政府信息无法提供7件」: a group's count for one of its reasons is that reason's row, not the group's. */
const ofAGroupPart = (clause: string, sentence: string) =>
  notAllResults(clause, sentence) || REASON_WORDS.test(clause) || REASON_WORDS.test(causeBefore(sentence, clause)) || CAUSED.test(clause);
/** 「因属于三类内容不予公开1件」: a cause before the group in its clause, in whatever words, makes the count that cause's. */
const CAUSED = new RegExp(`(?:因|由于|鉴于)[^，,。；\\d]{1,30}?(?:${GROUPS})(?:的)?\\d+件`);
/** The clause before this one when it gives a cause (「因本机关不掌握相关政府信息，答复无法提供的7件」), or ''. */
function causeBefore(sentence: string, clause: string): string {
  const before = sentence
    .slice(0, sentence.lastIndexOf(clause))
    .split(/[。；;]/)
    .pop()!;
  const cause = before.split(/[，,]/).filter(Boolean).pop() ?? '';
  // A clause with a count of its own (「因本机关不掌握…无法提供7件」) is a statement, not the next one's cause.
  return /^(?:因|由于|鉴于|系)/.test(cause) && !/\d+件/.test(cause) ? cause : '';
}

/**
 * The reasons under (三)–(六), each its own row: 「本机关不掌握相关政府信息12件」「重复申请2件」, 「因本机关不掌握
 * 相关政府信息而无法提供的4件」. Built once: the same for every report.
 */
const REASON_CLAIMS: Claim[] = REASONS.flatMap(([row, words, what]) =>
  [
    // Not across another reason or a conjunction: 「属于三类内部事务信息和四类过程性信息的2件」 counts two rows.
    `(?:${words})(?:(?!${REASON_WORDS.source}|[和及与或])[^，,。；、\\d]){0,10}?(\\d+)件`,
    // The cause before a comma, the group and its count after it: 「因本机关不掌握相关政府信息，答复无法提供的7件」.
    `(?:因|由于|鉴于)(?:(?!${REASON_WORDS.source})[^，,。；])*?(?:${words})[^，,。；\\d]{0,12}[，,][^，,。；、\\d]{0,8}?(?:${GROUPS})(?:的)?(\\d+)件`,
    // The count before its reason: 「不予公开的7件中，3件涉及第三方合法权益」「其中2件属于行政查询事项」, all of them 「不予公开的7件均为保护第三方合法权益」.
    `(?<![\\d.])(\\d+)件(?:申请)?(?:(?:因|系|属于|涉及|为|是)|(?:均|全部|都)(?:因|系|属于|涉及|为|是)(?:保护|涉及)?)(?:${words})`,
  ].map((source) => ({
    pattern: new RegExp(source),
    cells: total(row),
    what,
    unless: (clause: string, sentence: string) =>
      notAllResults(clause, sentence) || !ABOUT_RESULTS.test(sentence) || reasonsIn(clauseBefore(clause, clause.length, true)) > 1,
  })),
);
