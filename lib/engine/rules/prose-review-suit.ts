import { T4_GROUPS } from '../parse/table-specs';
import { aboutOtherBody, aboutOtherYear, atLeast, checkClaims, proseSentences, t4Totals, type Claim, ROUGH_NOTE } from './claims';
import { clauseBefore, ofPartOfYear, ref } from './helpers';
import type { ReportRule } from './types';
import type { CellRef } from '../model';

/** What a qualified denial speaks of: cases lost or corrected, not cases brought. */
const OUTCOME = /纠错|败诉|撤销|确认违法|纠正|追究|赔偿/;

/** The body itself named as the one the cases are against: 「以我局为被申请人的」「我局作为被告应诉的」. */
const SELF_RESPONDENT = /以(?:我|本)[^，,。；为]{0,8}为被(?:申请人|告)|(?:我|本)[^，,。；]{0,8}作为被(?:申请人|告)/;

const BY_THE_ORGAN = /被(?:行政)?复议机[关构]/g;

/**
 * Another body named as the one the cases are against (「以县政府为被申请人、涉及我镇工作的行政复议2件」): a higher body's or a
 * neighbour's cases. The body named by its full name reads so too, and is then not checked: the name cannot be told from another's here.
 */
const OTHER_RESPONDENT = /以(?![我本])[^，,。；为]{1,12}为被(?:申请人|告)/;

/**
 * The body as the one that decides or defends cases (a 司法局 handling reviews: 「办理行政复议案件98件」,
 * 「收到行政复议申请98件」, 「出庭应诉行政诉讼案件12件」), not as the one the cases are against (「被申请行政复议」,
 * 「复议机关受理以我局为被申请人的…」「我局作为被告应诉的…」). Reviews it received about its information disclosure
 * (「收到涉及政府信息公开的行政复议申请6件」) are against it: table 4's.
 */
const asTheirJudge = (said: string, sentence = '') => {
  // 「被复议机关纠错」: corrected by the organ, the body is the respondent.
  const clause = said.replace(BY_THE_ORGAN, '被');
  if (SELF_RESPONDENT.test(clause)) return allCasesFirst(clause, sentence);
  if (OTHER_RESPONDENT.test(clause)) return true;
  return (
    // 「法院全年审结…行政诉讼案件18件」: a court's cases, or those concluded, not all the body's.
    /办理|审理|审结|出庭|应诉|复议机[关构]/.test(clause) ||
    // A topic before (「行政应诉方面，本机关被提起行政诉讼4件」) does not make the cases brought against the body its own to judge.
    (/应诉|审理|复议机[关构]/.test(sentence.slice(0, sentence.indexOf(clause) + clause.length)) && !/被(?:申请|提起|起诉|诉)(?!人)/.test(clause)) ||
    (/(?<!被)(?:收到|受理|接到|新收)/.test(clause) && !/信息公开[^，,。；]{0,8}(?:行政复议|行政诉讼)/.test(clause)) ||
    allCasesFirst(clause, sentence)
  );
};

/** 「共发生行政复议案件12件…，其中涉及政府信息公开的行政复议4件」: the counts before 其中 are of all cases. */
const allCasesFirst = (clause: string, sentence: string) => {
  const part = /其中(?:涉及|属于|因|有关)?(?:政府)?信息公开/.exec(sentence);
  return !!part && sentence.indexOf(clause) < part.index;
};

/**
 * Results of reviews the body decides: whose the reviews are is said where their count is (「被申请行政复议4件，经复议机关
 * 审理，维持3件」 are the body's own, though 复议机关 and 审理 come before the results).
 */
const ofTheirReviews = (clause: string, sentence: string) => {
  const upTo = sentence.slice(0, sentence.indexOf(clause) + clause.length);
  const count = [...upTo.matchAll(/行政复议(?:案件)?\d+(?:件|起)/g)].at(-1);
  return asTheirJudge(count ? clauseBefore(upTo, count.index + count[0].length) : clause, sentence);
};

/**
 * A result's count broken down in brackets still open (「结果维持的共3件（复议2件、直接起诉1件）」): the parts are of that result, not
 * all the cases of their kind.
 */
const RESULT_BRACKET = /(?:维持|纠正|纠错|撤销|审结|其他结果|驳回)[^（(，,；;]*?\d+(?:件|起)[（(][^）)]*$/;

/**
 * 「尚未审结的行政诉讼1件」 counts the pending ones, not all; or the body is the cases' judge; or 「上半年被申请行政复议1件」, the
 * cases of a part of the year (ofPartOfYear), not the year's.
 */
const notTheTotal = (clause: string, sentence: string) =>
  asTheirJudge(clause, sentence) || /未审结的?(?:行政复议|行政诉讼)/.test(clause) || RESULT_BRACKET.test(clause) || ofPartOfYear(clause);

/** Table 4's 结果纠正: the reviews, and the suits (direct or after a review), whose result corrected the body. */
const CORRECTED_REVIEWS = [ref('t4', '1', 'review.corrected')];
const CORRECTED_SUITS = [ref('t4', '1', 'suit.corrected'), ref('t4', '1', 'suit_after_review.corrected')];

/** Between a result and the one it is joined with: 「维持和驳回」「驳回复议申请和维持原答复」. */
const AND_REJECTED = '[^，,、。；;\\d]{0,6}?[和及与、]';

/**
 * A review's results as a breakdown names them: words, t4 column, what a message calls it. 维持 alone, not joined with 驳回
 * (「维持和驳回共2件」, below).
 */
const REVIEW_RESULTS: [string, string, string][] = [
  [`(?<!驳回${AND_REJECTED})维持(?!${AND_REJECTED}驳回)`, 'upheld', '结果维持'],
  ['纠正|纠错', 'corrected', '结果纠正'],
  ['尚未审结|未审结|正在审理', 'pending', '尚未审结'],
];

/** 「共计」「合计」…: the words before a count that say it is the sum. */
const SUM = '(?:共计|合计|总计|共|计)?';

/** 「均未被纠错」「全部未被撤销」「都没有败诉」: none of the cases named before it corrected the body. */
const ALL_KEPT = /(?:均|全部|都)(?:未|没有)(?:被)?(纠错|撤销|确认违法|败诉)/;
/** 「复议纠错率为零」「败诉率为0」「被复议机关纠错为零」: a rate or a count that says no case corrected the body. */
const ZERO_RATE = /(纠错|败诉)(?:率(?:均)?(?:为|是)?|(?:案件)?(?:均)?(?:为|是))(?:零|0(?:\.0+)?%?)(?![\d.件])/;

/** 「行政复议、行政诉讼均为零」「行政诉讼案件为0」: none, said as a count of nought (not 「纠错率为零」, a rate). */
const NONE_AS_ZERO = /(?:行政复议|行政诉讼|被诉)(?:(?!率)[^。；，,\d]){0,16}?(?:均|都)?(?:为|是)(?:零|0)(?![\d.%件起])/;
/** 「（行政复议方面，）未出现被纠错案件」: none corrected, the kind of case named before it, if at all. */
const NONE_CORRECTED = /(?:未|没有|无)(?:发生|出现|产生)?(?:被)?(?:复议机关)?(纠错|败诉)(?:的)?(?:案件|情况|情形)?/;

/** 「行政诉讼案件，我局全部胜诉」: every suit won, so none corrected the body nor is pending (其他结果, a withdrawal, says nothing). */
const ALL_WON = /(?:均|全部|都)(?:已|获|为)?胜诉/;
/** 「上述案件均已审结」: none of the cases named before it is pending. */
const ALL_CONCLUDED = /(?:均|全部|都)(?:已)?(?:审结|结案)/;

const EACH = /行政复议(?:、|和|及|与)(?:提起)?行政诉讼(?:案件)?各(\d+)(?:件|起)/;

export const proseReviewSuit: ReportRule = {
  kind: 'report',
  id: 'prose-review-suit',
  severity: 'error',
  title: { zh: '正文复议诉讼情况与表格不符', en: 'Stated review/litigation ≠ table' },
  description: {
    zh: `正文的行政复议、行政诉讼件数，复议「其中维持、纠正、尚未审结」各几件（「维持和驳回共 N 件」按结果维持，或结果维持与其他结果之和），复议、诉讼各自尚未审结的件数，未经复议直接起诉、复议后起诉各几件，被纠错、败诉的件数，以及「均获维持」「全部胜诉」「上述案件均已审结」「未发生复议诉讼」「未发生被纠错或败诉情形」等表述，应与第四部分表格一致。只有直接否认（「未发生行政复议、行政诉讼」「行政复议、行政诉讼均为零」）才表示没有复议诉讼；「未发生因…被行政复议纠错或行政诉讼败诉情形」说的是结果，与所提到的复议或诉讼的「结果纠正」核对；「未发生因答复超期引发的行政复议」只否认一种原因，不核对。本机关作为复议机关或应诉的案件、以其他机关为被申请人的案件、全部案件（「其中涉及政府信息公开的…」之前）、全县的案件不核对。表格有空白时按不小于 0 计：已填的「尚未审结」为 2 时，「均获维持」即使有空白也是矛盾。${ROUGH_NOTE.zh}`,
    en: `Review and litigation statements in the prose must agree with table 4: counts of cases, a review breakdown by result after 其中 (「维持和驳回共N件」 as upheld, or upheld and other results), the pending reviews and suits, direct suits and suits after a review, of cases that corrected the body (被纠错, 败诉), 「均获维持」, 「全部胜诉」 (no suit corrected or pending), 「均已审结」 (none pending), and denials. Only a plain denial means no cases; 「未发生…被纠错或败诉情形」 speaks of outcomes and is checked against the 结果纠正 columns it names. Cases the body decides or defends, cases against another body, all its cases before 「其中涉及政府信息公开的」, and a whole county’s are not checked. Blanks count as unknowns ≥ 0. ${ROUGH_NOTE.en}`,
  },
  basis: '《政府信息公开条例》第五十条（因政府信息公开工作被申请行政复议、提起行政诉讼的情况）',
  example: '正文「均获维持」，表格有 1 件尚未审结。',
  check(report) {
    if (!report.tables.t4?.rows['1']) return [];
    const out = checkClaims(report, [
      {
        pattern: new RegExp(`行政复议(?:、|和|及|与)(?:提起)?行政诉讼(?:案件)?${SUM}(\\d+)(?:件|起)`),
        cells: t4Totals(T4_GROUPS),
        what: '行政复议和行政诉讼',
        unless: notTheTotal,
      },
      {
        pattern: new RegExp(`行政复议(?!(?:、|和|及|与)(?:提起)?行政诉讼)(?:案件|申请)?${SUM}(\\d+)(?:件|起|次)`),
        cells: t4Totals(['review']),
        what: '行政复议',
        unless: notTheTotal,
      },
      {
        pattern: new RegExp(
          `(?<!复议(?:、|和|及|与)(?:提起)?|直接(?:提起)?|复议后(?:提起)?)(?:行政诉讼(?:案件)?|被(?:提起)?(?:行政)?起诉|被诉(?:行政)?(?:诉讼)?案件)${SUM}(\\d+)(?:件|起|次)`,
        ),
        cells: t4Totals(['suit', 'suit_after_review']),
        what: '行政诉讼',
        unless: notTheTotal,
      },
      // 「未经复议直接提起行政诉讼2件、复议后提起行政诉讼1件」: each kind of suit its own group.
      { pattern: /直接(?:提起)?(?:行政诉讼|起诉)(?:案件)?(\d+)(?:件|起|次)/, cells: t4Totals(['suit']), what: '未经复议直接起诉', unless: notTheTotal },
      {
        pattern: /复议后(?:提起)?(?:行政诉讼|起诉)(?:案件)?(\d+)(?:件|起|次)/,
        cells: t4Totals(['suit_after_review']),
        what: '复议后起诉',
        unless: notTheTotal,
      },
      // 「被申请行政复议、提起行政诉讼各1件」: that many of each.
      { pattern: EACH, cells: t4Totals(['review']), what: '行政复议', unless: notTheTotal },
      { pattern: EACH, cells: t4Totals(['suit', 'suit_after_review']), what: '行政诉讼', unless: notTheTotal },
      // 「行政复议尚未审结1件、行政诉讼尚未审结1件」「尚未审结的行政诉讼1件」: the pending ones of a kind.
      ...PENDING_OF_A_KIND,
      // 「被申请行政复议4件，其中维持2件、纠正1件、尚未审结1件」: the reviews' results, each its column.
      ...REVIEW_RESULT_CLAIMS,
      REVIEWS_UPHELD,
      // 「被行政复议纠错1件」「行政诉讼败诉1件」: the cases whose result corrected the body (结果纠正).
      {
        pattern: new RegExp(`被(?:行政复议|复议机关)?纠错${SUM}(\\d+)(?:件|起)`),
        cells: () => CORRECTED_REVIEWS,
        what: '行政复议被纠错',
        unless: asTheirJudge,
      },
      // The count before its words: 「有2件答复被复议纠正」「1件被复议机关撤销」.
      {
        pattern: /(\d+)(?:件|起)[^，,。；;\d]{0,8}?被(?:行政)?复议(?:机关)?(?:纠错|纠正|撤销)/,
        cells: () => CORRECTED_REVIEWS,
        what: '行政复议被纠错',
        unless: asTheirJudge,
      },
      { pattern: new RegExp(`败诉${SUM}(\\d+)(?:件|起)`), cells: () => CORRECTED_SUITS, what: '行政诉讼败诉', unless: asTheirJudge },
    ]);
    const reviews = atLeast(report, t4Totals(['review'])());
    const suits = atLeast(report, t4Totals(['suit', 'suit_after_review'])());
    for (const { s, c } of proseSentences(report)) {
      // 「未经复议直接起诉」 names a kind of suit, not the absence of one.
      // Within its clause: 「全年无超期答复情况，被申请行政复议4件」 denies something else.
      const found =
        /(?<!尚)(?:未|没有|无)(?!经|论|法|审结|结案)(?:发生|收到|出现|产生)?[^。；，,]{0,24}(行政复议|行政诉讼|被诉)/.exec(c) ?? NONE_AS_ZERO.exec(c);
      // 「未发生因答复超期引发的行政复议」 denies reviews of one cause; 「因政府信息公开工作…」「因不满政府信息公开答复…」 is every one of table 4.
      // 「王某未再提起行政诉讼」「申请人对重新答复未提出行政复议」: one applicant's, not the year's.
      const ofOne = found && (/^未再/.test(found[0]) || /(?:申请人|某)[^，,。；]{0,8}$/.test(c.slice(0, found.index)));
      // 「本机关作为复议机关（，全年）未收到…行政复议申请」: none the body was to decide, not none against it.
      const asOrgan = found && /作为(?:行政)?复议机[关构](?!.*被(?:申请|提起))/.test(c.slice(0, found.index));
      // 「除上述案件外，未发生其他行政复议、行政诉讼」「未发生行政复议以外的其他争议」: none beyond the cases stated, not none at all.
      const beyond = found && (/其他|其它|另外|以外/.test(c.slice(found.index).split(/[。；，,]/)[0]!) || /除[^。；]*外/.test(c.slice(0, found.index)));
      const denial =
        found && !ofOne && !asOrgan && !beyond && !/因(?!(?:不满|对)?(?:政府)?信息公开)/.test(found[0]) && !aboutOtherBody(c.slice(0, found.index))
          ? found
          : null;
      // 「未发生因…被行政复议纠错或行政诉讼败诉情形」 denies an outcome, not the cases.
      // To the end of its clause: 「没有发生行政诉讼败诉的情况，行政复议被纠错1件」 denies suits lost only.
      const clause = denial ? c.slice(denial.index).split(/[。；，,]/)[0]! : '';
      // 「未发生…被行政复议纠错或行政诉讼败诉的情形」: none corrected — table 4's 结果纠正, of the kinds it names.
      /** This sentence against table 4's `cells`: the tables' number and the sentence's. */
      const contradicts = (cells: CellRef[], expected: number, actual: number, message: string) =>
        out.push({ section: s.section, cells, excerpt: s.text, expected, actual, message });
      /** None corrected, as the sentence says it (`said`), against table 4's 结果纠正 of the kinds it names. */
      const noneCorrected = (cells: CellRef[], said: string) => {
        const n = atLeast(report, cells);
        if (n > 0) contradicts(cells, n, 0, `正文称${said}，但表格「结果纠正」共有 ${n} 件`);
      };
      if (denial && OUTCOME.test(clause) && !aboutOtherYear(report, c.slice(0, denial.index)))
        noneCorrected([...(/复议/.test(clause) ? CORRECTED_REVIEWS : []), ...(/诉讼|败诉/.test(clause) ? CORRECTED_SUITS : [])], '未发生被纠错或败诉的情形');
      // 「被申请行政复议4件，复议纠错率为零」: none corrected, said as a rate; of the kinds it names (纠错 alone: reviews).
      const zero = denial && OUTCOME.test(clause) ? null : ZERO_RATE.exec(c);
      const rateClause = zero ? clauseBefore(c, zero.index + zero[0].length) : '';
      if (zero && !aboutOtherYear(report, c.slice(0, zero.index)) && !aboutOtherBody(c.slice(0, zero.index)) && !asTheirJudge(rateClause, c)) {
        const ofReviews = /复议/.test(rateClause) || (zero[1] === '纠错' && !/诉讼/.test(rateClause));
        noneCorrected([...(ofReviews ? CORRECTED_REVIEWS : []), ...(/诉讼/.test(rateClause) || zero[1] === '败诉' ? CORRECTED_SUITS : [])], zero[0]);
      }
      // 「行政复议方面，本年度未出现被纠错案件」: none corrected, of the kind named before the denial.
      const outcome = denial || ZERO_RATE.test(c) || ALL_KEPT.test(c) ? null : NONE_CORRECTED.exec(c);
      const upToOutcome = outcome ? c.slice(0, outcome.index) : '';
      if (outcome && !aboutOtherYear(report, upToOutcome) && !aboutOtherBody(upToOutcome) && !asTheirJudge(clauseBefore(c, outcome.index), c)) {
        // 败诉 is of suits; 纠错 of the kind named last before it (reviews when none is).
        const ofSuits = outcome[1] === '败诉' || /诉讼(?!.*复议)/.test(upToOutcome);
        noneCorrected(ofSuits ? CORRECTED_SUITS : CORRECTED_REVIEWS, outcome[0]);
      }
      if (denial && !OUTCOME.test(clause)) {
        const mentionsReview = /复议/.test(denial[0]);
        const mentionsSuit = /诉讼|被诉/.test(denial[0]);
        const n = (mentionsReview ? reviews : 0) + (mentionsSuit ? suits : 0);
        if (n > 0) contradicts(t4Totals(T4_GROUPS)(), n, 0, `正文称未发生行政复议或行政诉讼，但表格共有 ${n} 件`);
      }
      // Not 「已审结的均获维持」 (the pending are apart), nor of cases of another kind (「被申请行政复议的行政处罚案件…均予维持」).
      const upheld = /(?<!审结的?)(?:均(?:获|被|予以|予|为|得到)?维持|全部(?:获|被|予)?维持)/.test(c);
      const otherCases = /处罚|许可|强制|征收|赔偿/.test(c) && !/信息公开/.test(c);
      // 「被申请行政复议4件，被提起行政诉讼3件，均未被纠错」: none of the cases it names corrected the body (结果纠正).
      const noneOf = denial ? null : ALL_KEPT.exec(c);
      const named = noneOf ? c.slice(0, noneOf.index) : '';
      if (noneOf && /复议|诉讼/.test(named) && !otherCases && !aboutOtherYear(report, named) && !aboutOtherBody(named) && !asTheirJudge(named, c))
        noneCorrected([...(/复议/.test(named) && noneOf[1] !== '败诉' ? CORRECTED_REVIEWS : []), ...(/诉讼/.test(named) ? CORRECTED_SUITS : [])], noneOf[0]);
      // 「…提起行政诉讼3件，全部胜诉」「上述复议诉讼案件均已审结」: of the kinds named before it, in this sentence, as table 4's.
      const wonOrDone = ALL_WON.exec(c) ?? ALL_CONCLUDED.exec(c);
      const casesNamed = wonOrDone ? c.slice(0, wonOrDone.index) : '';
      const won = !!wonOrDone && /胜诉/.test(wonOrDone[0]);
      // 胜诉 is of suits only.
      const kinds = T4_GROUPS.filter((g) => (g === 'review' ? !won && /复议/.test(casesNamed) : /诉讼|被诉|起诉/.test(casesNamed)));
      if (
        wonOrDone &&
        kinds.length &&
        !/未审结|(?:正在|尚在)审理|审理中/.test(c) &&
        !otherCases &&
        !aboutOtherYear(report, casesNamed) &&
        !aboutOtherBody(casesNamed) &&
        !asTheirJudge(casesNamed, c)
      ) {
        // 「已审结的2件均胜诉」: of the concluded ones, the pending apart.
        const ofConcluded = won && /审结|结案|判决/.test(casesNamed);
        const open = kinds.flatMap((g) => [...(won ? [ref('t4', '1', `${g}.corrected`)] : []), ...(ofConcluded ? [] : [ref('t4', '1', `${g}.pending`)])]);
        const n = atLeast(report, open);
        if (n > 0) contradicts(open, 0, n, won ? `正文称全部胜诉，但表格有 ${n} 件行政诉讼结果纠正或尚未审结` : `正文称案件均已审结，但表格有 ${n} 件尚未审结`);
      }
      if (upheld && /复议|诉讼/.test(c) && !otherCases && !aboutOtherYear(report, c)) {
        const notUpheld = T4_GROUPS.flatMap((g) => ['corrected', 'other', 'pending'].map((p) => ref('t4', '1', `${g}.${p}`)));
        const n = atLeast(report, notUpheld);
        if (n > 0) contradicts(notUpheld, 0, n, `正文称「均获维持」，但表格有 ${n} 件被纠正、其他结果或尚未审结`);
      }
    }
    return out;
  },
};

/** 尚未审结 and its words; 审结 and 审理 here do not make the body the cases' judge. */
const PENDING = '(?:尚未审结|未审结|尚在审理|正在审理|仍在审理)';
const notTheirPending = (clause: string, sentence: string) => {
  const unsaid = (text: string) => text.replace(new RegExp(PENDING, 'g'), '');
  return asTheirJudge(unsaid(clause), unsaid(sentence));
};
/** The pending ones of reviews (not joined with suits: 「尚未审结的行政复议和行政诉讼共2件」) and of suits. */
const PENDING_OF_A_KIND: Claim[] = [
  ['行政复议', ['review'], '行政复议尚未审结'],
  ['行政诉讼', ['suit', 'suit_after_review'], '行政诉讼尚未审结'],
].map(([kind, groups, what]) => ({
  pattern: new RegExp(`(?:${kind}(?:案件)?中?${PENDING}|${PENDING}的?${kind})(?![、和及与](?:行政)?(?:复议|诉讼))(?:的)?(?:案件)?${SUM}(\\d+)(?:件|起)`),
  cells: () => (groups as string[]).map((g) => ref('t4', '1', `${g}.pending`)),
  what: what as string,
  unless: notTheirPending,
}));
/**
 * 「被提起行政诉讼3件，尚未审结1件」「行政诉讼3件（其中尚未审结1件）」: the suits' pending ones right after their count, as for reviews;
 * not within a kind of suit (「其中直接起诉2件（…尚未审结1件）」「复议后起诉…」), whose pending are a part.
 */
PENDING_OF_A_KIND.push({
  pattern: new RegExp(
    `(?:行政诉讼|被(?:提起)?(?:行政)?起诉)(?:案件)?\\d+(?:件|起)[，,]?(?:其中|中[，,]|[（(](?:其中)?)?(?:(?!复议|直接|起诉|诉讼)[^。；])*?${PENDING}(?:的)?${SUM}(\\d+)(?:件|起)`,
  ),
  cells: () => ['suit', 'suit_after_review'].map((g) => ref('t4', '1', `${g}.pending`)),
  what: '行政诉讼尚未审结',
  unless: notTheirPending,
});

/** What a result kept or corrected (「维持原答复2件」「维持原行政行为2件」), between the result and its count. */
const WHAT_KEPT = '(?:原[^，,、。；;\\d]{1,6})?(?:的)?';

/** 「（行政复议方面，）复议维持3件」: the reviews upheld, named by 复议 alone. */
const REVIEWS_UPHELD: Claim = {
  pattern: new RegExp(`(?<!被)复议(?:结果|决定)?维持${WHAT_KEPT}(\\d+)(?:件|起)`),
  cells: () => [ref('t4', '1', 'review.upheld')],
  what: '行政复议结果维持',
  unless: notTheTotal,
};

/**
 * 「被申请行政复议4件，其中维持2件…」「行政复议4件中，维持2件…」「…4件（维持2件…）」「…4件，经复议机关审理，维持3件…」「…4件，结果维持2件…」: the claim on each review result. Built once: the
 * same for every report.
 */
const REVIEW_RESULT_CLAIMS: Claim[] = [
  ...REVIEW_RESULTS.map(([words, column, what]) => ({ words, readings: [[column]], what })),
  // 「维持和驳回共2件」: 驳回 is upheld in substance (驳回复议请求) or another result (驳回复议申请), so either reading.
  { words: `维持${AND_REJECTED}驳回[^，,、。；;\\d]{0,6}?|驳回${AND_REJECTED}维持`, readings: [['upheld'], ['upheld', 'other']], what: '结果维持' },
].map(({ words, readings, what }) => ({
  // After the reviews' count: 其中, 中, brackets, 经…审理, 结果, a result right after its comma (「…4件，维持和驳回共2件…」), or the
  // concluded ones' count (「已审结3件（维持2件、纠正1件）」).
  pattern: new RegExp(
    `行政复议(?:案件)?\\d+(?:件|起)[，,]?(?:其中|中[，,]|[（(](?:其中)?|经[^。；，,\\d]{1,12}[，,]|已审结\\d+(?:件|起)[（(，,]?(?:其中)?|(?=(?:复议)?结果|复议机[关构](?:决定)?(?:维持|纠正|纠错|驳回)|维持|纠正|纠错|驳回|尚未审结))(?:(?!诉讼|起诉)[^。；])*?(?:结果)?(?:${words})${WHAT_KEPT}${SUM}(\\d+)(?:件|起)`,
  ),
  cells: () => readings[0]!.map((column) => ref('t4', '1', `review.${column}`)),
  readings: () => readings.map((columns) => columns.map((column) => ref('t4', '1', `review.${column}`))),
  what: `行政复议${what}`,
  unless: ofTheirReviews,
}));
