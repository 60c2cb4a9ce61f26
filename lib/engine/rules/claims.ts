import type { CellRef, Report, SectionKey, Sentence } from '../model';
import { chineseCount, chineseDigits, compact, digitYears, ellipsis } from '../text';
import { showBound, sumBound } from './arithmetic';
import { clauseBefore, ref, t3GroupRefs } from './helpers';
import type { Problem } from './types';

/** A statement in the prose that names a quantity the tables also hold. */
export interface Claim {
  pattern: RegExp;
  /** The table cells whose sum the stated number must equal. */
  cells: (r: Report) => CellRef[];
  /**
   * Readings of the same words, given the sentence from the claim on and the next one (「受理749件，
   * 其中新收713件、上年结转36件」: the whole counts the carried-over ones too). The claim holds when
   * any reading does; the first is the one messages name. Without it, `cells` is the one reading.
   */
  readings?: (r: Report, context: string) => CellRef[][];
  what: string;
  /**
   * Skips a match whose clause (from the comma before it to its end) or sentence says the number means something else;
   * `previous` is the paragraph's sentences before it (「…收到申请53件，上年结转4件；办结54件」 goes on after a 「；」), or '';
   * `section` the report's section the sentence stands in.
   */
  unless?: (clause: string, sentence: string, previous: string, section?: SectionKey) => boolean;
}

const compacted = new WeakMap<Report, { s: Sentence; c: string }[]>();

/** Each sentence compacted, numbers without their thousands separators (「6,400件」 is 6400) and counts in digits; once per report, as several rules read them. */
export function proseSentences(r: Report): { s: Sentence; c: string }[] {
  let out = compacted.get(r);
  if (!out)
    compacted.set(
      r,
      (out = r.sentences.map((s) => ({
        s,
        // 「两件」「三起」「廿三件」「一百零三件」「一千二百三十四件」: a count in Chinese numerals reads as its digits.
        // A label's colon before its count (「部分公开：7件」「行政复议：4件」) reads as the count written beside it.
        c: respectively(
          // 「二〇二四年结转4件」: a year in Chinese numerals reads as one in digits.
          digitYears(compact(s.text))
            .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
            .replace(/(?<=[\u4e00-\u9fff])[:：](?=\d+[件起次])/g, '')
            // A label in quotes before its count (「“予以公开”22件」「“本年新收…申请数量”为53件」) reads as one without them.
            .replace(/[”’」』"'](?=(?:为|是|共计|共|合计)?\d+[件起次])/g, '')
            .replace(/(?<![\d〇零一二两三四五六七八九十廿卅百千万])[一二两三四五六七八九十廿卅百千零]{1,8}(?=[件起])/g, (n) => String(chineseCount(n) || n))
            // A count alone in brackets after its label (「收到申请（53件）」「予以公开（22件）」) reads as one written beside it; not a
            // bracket after another count (「7件（3件）」), which is a part of that one.
            .replace(/(?<=[\u4e00-\u9fff])(?<!\d[件起次条个项])[（(](\d+[件起次])[)）]/g, '$1'),
        ),
      }))),
    );
  return out;
}

/** 「…分别为22件、7件、7件」: after 分别, as many counts as items before it (words such as 提出申请, 收到政府信息公开申请 between). */
const RESPECTIVELY = /分别(?:为|是|有)?([^，,。；;\d]{0,16}?)(\d+(件|起|次)(?:[、和及与]\d+\3)+)/g;

/** Between listed items: 、 or a conjunction (not the 及 of 涉及). */
const ITEM_JOINT = /、|以及|(?<!涉)及|和|与/;

/**
 * Each listed item given its own count, a clause each (「予以公开、部分公开、不予公开的分别为22件、7件、7件」 as 「予以公开22件,
 * 部分公开7件,不予公开7件」), so that a claim reads an item's count as it reads one written beside it. The items are the clause
 * before 分别; a noun after their last 的 is their common head (「直接起诉和复议后起诉的行政诉讼」) and is left out. Where the items
 * and the counts do not pair one to one, or the items are bodies (「县自然资源局、县住房和城乡建设局分别收到…」, whose list is what
 * says they are others'), the words stay as they are.
 */
function respectively(c: string): string {
  if (!c.includes('分别')) return c;
  let out = '';
  let done = 0;
  for (const m of c.matchAll(RESPECTIVELY)) {
    const items = c
      .slice(done, m.index)
      .split(/[，,。；;：:]/)
      .pop()!;
    const head = items.replace(/的[^的]*$/, '');
    const values = m[2]!.split(/[、和及与]/);
    const listed = [/、/, ITEM_JOINT].map((sep) => head.split(sep)).find((xs) => xs.length === values.length && xs.every(Boolean));
    if (!listed || aboutOtherBody(items)) continue;
    out += c.slice(done, m.index - items.length) + listed.map((item, k) => item + m[1] + values[k]).join(',');
    done = m.index + m[0].length;
  }
  return out + c.slice(done);
}

/**
 * Words that say which year the numbers after them are of. 「上年结转」 names a row of this year's
 * table, not a year; 「2023年全年」「上年全年」 is the year just named, not the report's. A comparison (「较上年」「与上年…相比」
 * 「比2022年多收到5件」) holds to the end of its clause only.
 */
const YEAR_WORD =
  /(较|比|与)?(?:(?:上一?年度?|前一年度?|去年|前年)(?!度?结转)|(20\d{2}|二[〇○零][〇○零一二三四五六七八九]{2})\s*年)|(?:本|今|(?<![年度])全)年度?/g;

const YEARS_SPAN =
  /近(?:[两二三四五六七八九十]+|\d{1,2})年|(?:[两二三四五六七八九十]+|(?<!\d)\d{1,2})年(?:来|以来|间)|多年来|历年|20\d{2}年?度?(?:至|到|—|－|-|~|～)20\d{2}年|(20\d{2})年度?[^，,。；;、\d]{0,12}、(?!\1)20\d{2}年/;

/** Whether the text before a statement (its sentence so far) last names another year than the report's. */
export function aboutOtherYear(report: Report, before: string): boolean {
  // Several years at once (「近三年」「2021年至2023年」「多年来」「2022年被申请、2023年作出决定的」) are not the report's year alone.
  if (YEARS_SPAN.test(before)) return true;
  let other = false;
  for (const m of before.matchAll(YEAR_WORD)) {
    const year = m[2] ? Number(chineseDigits(m[2])) !== report.year : !/^(?:本|今|全)/.test(m[0]);
    if (!m[1]) other = year;
    // 「与上年相比：新收53件（上年47件）」: the comparison heads what its colon lists, this year's figures.
    else if (!/[，,；:：]/.test(before.slice(m.index + m[0].length))) return true;
  }
  return other;
}

/**
 * Words that make a statement another body's or several bodies' (「全县各级行政机关共收到申请356件」,
 * 「各直属单位另收到…」「委属医院另收到…」, 「组织全省开展清理，共废止…」, 「县政府及部门」, 「市级部门在园区内作出…」「县直单位」, 「另以省政府名义办理…」 (not 「以政府信息公开名义
 * 进行信访」, an applicant's), 「本系统」, two organs named side by side
 * 「县自然资源局、县住房和城乡建设局分别收到…」, a vertical body's whole district or nation: 「全关区」「全国海关」), or its sub-units and outposts, named in the plural (「所属各局」「各隶属海关」
 * 「下辖8个区县税务局」「各市场监管所另收到…」「各税务分局、税务所共受理…」「园区各驻区单位另收到…」「集团（含所属子公司）」, bodies counted: 「代管的3个街道办事处另行…收到申请21件」, not 「本局及下属3个事业单位共收到…」, the body with them): not this report's table.
 */
const OTHER_BODY =
  /全(?:省|市|州|盟|县|区|旗|镇|乡|系统|关区)|本系统|[省市州县区](?:级|直)(?:有关|相关)?(?:部门|单位|机关)|全国[^，,。；;\d]{0,8}?(?:系统|海关|税务|各级)|各级|各(?:部门|单位|地区|乡镇|街道|县|区)|(?:直属|所属|下属|[委局厅部办院署]属)各?(?:单位|部门|机构|医院|学校|院校|企业|子公司|分公司)|[及和与各](?:所属|下属|直属)?(?:部门|单位|乡镇|街道)|(?<!信息公开)名义|[局委厅][、和及与][^，,。；;、]{1,16}?[局委厅](?![长属])|(?:所属|下属)各|各隶属|派出机构|下辖(?:的)?(?:各|\d+个)?[^，,。；;\d]{0,8}?(?:局|所|站|海关|单位|部门|机构)|各[^，,。；;、的\d]{1,8}?(?:分局|所|站|海关|局|单位|部门|公司)(?=[、和及与另共均]|分别|收到|受理|$)|(?<![及和与](?:下属|所属|直属)?)\d+个[^，,。；;\d]{0,6}?(?:街道|乡镇|部门|单位|机构|分局|子公司)(?:办事处)?(?=[、和及与另共均]|分别|收到|受理|$)/;

/**
 * 「全市税务系统共收到申请1236件，其中市局机关53件」「被提起行政诉讼9件，其中本机关3件」: right after a count, the body's own part of
 * it, named as the body itself (本机关, 我局, 市局本级, 局机关, a company's 集团本部). Of a whole that is other bodies' it is the body's count; of any other
 * whole it is one more reading (the whole may be the body's too, its 本级 a part).
 */
const OWN_NAME = '其中(?:本(?:机关|局|委|厅|办|署|院|级)|我(?:局|委|厅|办|院|署)|[^，,。；;、\\d]{1,6}?(?:本级|机关|本部))';
const OWN_PART = new RegExp(`^[，,]?${OWN_NAME}([^，,。；;\\d]{0,16}?)(?:共计|合计|共|计|为)?(\\d+)(?:件|起|次)`);
/** The body's own part of the count matched (`head` its words before the number): named bare, or by the same words (「…作出行政处罚决定65件」). */
function ownPart(after: string, head: string, before = ''): { n: number; rest: string; at: number } | null {
  const own = OWN_PART.exec(after);
  const words = head.replace(/(?:共计|合计|总计|共|计|为)$/, '');
  // Or by the whole's verb, in its words or right before them (「共收到申请120件，其中本机关收到54件」「共作出行政处罚决定200件，其中本机关作出3件」).
  const verb = !!own?.[1] && own[1].length >= 2 && (words.startsWith(own[1]) || before.endsWith(own[1]));
  // Its context, for the claims' readings, is from the body's name on (「其中管委会机关53件、上年结转4件」: 53 new, the carried apart).
  if (!own || !(!own[1] || own[1].endsWith(words) || words.endsWith(own[1]) || verb)) return null;
  // `at`: where its number stands in `after` (the own clause, read as a statement of its own too, is then one finding).
  return { n: Number(own[2]), rest: after.slice(own[0].indexOf('其中') + 2), at: own[0].length - own[2]!.length - 1 };
}
/** Whether the body's own part of a count follows the text (「…200件，其中本机关3件」): checkClaims reads that part. */
export const ownPartFollows = (after: string): boolean => OWN_PART.test(after);
/** The clause of a statement that opens with the body's own part (「…，其中区局本级作出行政处罚决定65件」). */
const OWN_CLAUSE = new RegExp(`${OWN_NAME}[^，,。；;]*$`);

/**
 * A joint report's two names, the body first (「本局与区文物局合并统计」「我委与市粮食和物资储备局合署办公」): one set of figures, the
 * report's own, not two organs side by side.
 */
const JOINT_SELF = /(?:本|我)[局委厅办][、和及与][^，,。；;、]{1,16}?[局委厅办](?=[^，,。；;\d]{0,4}?(?:合并统计|合署办公))/;

/** Whether the text before a statement (its sentence so far) speaks of other bodies than the report's. */
export const aboutOtherBody = (before: string): boolean => OTHER_BODY.test(before.replace(JOINT_SELF, '本局'));

/** A paragraph that is an item of a numbered list: 「1.」「（1）」「①」. */
const LIST_ITEM = /^(?:\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[)）]|[①-⑳])/;

/**
 * The sentences before the i-th in its paragraph, joined; an item of a numbered list goes on from the items before it and the line
 * that leads into them (「（二）依申请公开。」|「1.本年新收申请53件。」|「2.全年办结54件。」), and so does a paragraph after a label's colon.
 */
function paragraphBefore(sentences: { s: Sentence; c: string }[], i: number): string {
  const startOf = (k: number) => {
    while (k > 0 && sentences[k]!.s.follows) k--;
    return k;
  };
  let start = startOf(i);
  // A paragraph under a label that ends in its colon (「2.办理情况：」|「全年办结54件。」) goes on from it too.
  while (start > 0 && (LIST_ITEM.test(sentences[start]!.c) || /[:：]$/.test(sentences[start - 1]!.c))) start = startOf(start - 1);
  return sentences
    .slice(start, i)
    .map((x) => x.c)
    .join('');
}

/** 「截至2023年底，累计收到申请612件」: a running total over the years, not the year's (「全年累计收到」「2023年累计」 is the year's). */
const RUNNING_TOTAL = /(?<![年内度])累计/;
/** 「平均每月收到申请约4件」「日均办结2件」: an average, no count of the table's. */
const AVERAGE = /平均|[月日周]均|每个?[月日周天]/;

/**
 * 「注：本表不含所属事业单位受理的申请12件」「统计数据不包括…」: a count its clause says the table leaves out, not one of its figures. Not
 * 「53件（不含上年结转4件）」, a figure left out of another one, still the table's; nor 「本表（不含…）53件」, whose bracket closes first.
 */
const LEFT_OUT = /(?:表|数据)[^，,。；;\d]{0,4}?(?:不含|不包括|未含|未包括|未计入|不计入)[^)）]*$/;

/** What an approximate count allows: the words as written (「60余件」), and the least and the most the table may hold. */
interface Rough {
  said: string;
  lo: number;
  hi: number;
}

/**
 * 「60余件」「五十多件」「近60件」「约60件」「60件左右」: a count with a word that makes it approximate. Not 「最近」「附近」, nor 余 before
 * another unit (「60余人次」 is no count of applications), nor 「其余3件」 (余 before the number).
 */
const ROUGH = /(?<![最附临\d.])(?:(将近|接近|近|大约|约)(为|有)?)?(\d+|[一二两三四五六七八九十廿卅百千]{1,8})([余多]?)(?=[件起次])(?:[件起次](左右))?/g;

/**
 * The range an approximate count allows, or null where the words give none. 余/多 say more than N and short of the next step of
 * its last rounded place (60余 61–69, 100余 101–199, 120余 121–129); a number with no rounded place (「15余件」) gives no range and is
 * not read. 近 says at most N, 约 and 左右 near N either way: how near is a matter of style (the corpus has 「近五十五件」 for 53), so
 * both are read loosely, within a fifth of N.
 */
function roughRange(word: string | undefined, n: number, above: string, around: string | undefined): { lo: number; hi: number } | null {
  if (above) {
    const step = 10 ** /0*$/.exec(String(n))![0].length;
    return step > 1 ? { lo: n + 1, hi: n + step - 1 } : null;
  }
  const near = Math.max(1, Math.ceil(n / 5));
  if (word && /近/.test(word)) return { lo: n - near, hi: n };
  return word || around ? { lo: n - near, hi: n + near } : null;
}

/** What the rules that check stated counts say of approximate ones (roughRange), in their descriptions. */
export const ROUGH_NOTE = {
  zh: '约数（「60余件」「五十多件」「近60件」「约60件」「60件左右」）按其允许的范围核对：「N余」「N多」为多于 N、不到 N 末位取整一级的下一档（60余为 61～69，100余为 101～199，120余为 121～129；没有取整位的「15余件」不核对）；「近N」为不超过 N、不少于 N 的五分之四；「约N」「N左右」为 N 上下五分之一以内（近、约的写法因人而异，从宽判断）。表格数值在范围之外的报为警告：范围是对作者取整的解读，不是报告写明的数字。',
  en: 'Approximate counts (「60余件」「近60件」「约60件」「60件左右」) are checked against the range their words allow: N余/N多 above N and below the next step of N’s last rounded place (60余: 61–69, 100余: 101–199; 「15余件」 is not read), 近N from four fifths of N up to N, 约N and N左右 within a fifth of N either way (read loosely, as usage varies). A table value outside is a warning: the range reads the writer’s rounding, not a figure the report states.',
};

/**
 * The sentence with each approximate count written as a plain one (「收到申请60余件」 as 「收到申请60件」), so that the claims match it,
 * and the ranges those counts allow, by where their numbers stand in the text returned.
 */
function roughCounts(c: string): { text: string; rough: Map<number, Rough> } {
  const rough = new Map<number, Rough>();
  if (!/[余多近约]|左右/.test(c)) return { text: c, rough };
  let text = '';
  let done = 0;
  for (const m of c.matchAll(ROUGH)) {
    const [all, word, verb = '', digits, above, around] = m;
    const n = /\d/.test(digits!) ? Number(digits) : chineseCount(digits!);
    const range = n ? roughRange(word, n, above!, around) : null;
    if (!range) continue;
    text += c.slice(done, m.index) + verb;
    // The words as written, with their unit: 「60余件」「近60件」「60件左右」.
    const said = (word ?? '') + all.slice(word ? word.length + verb.length : 0) + (around ? '' : c.charAt(m.index + all.length));
    rough.set(text.length, { said, ...range });
    text += String(n) + (around ? all.slice(-3, -2) : '');
    done = m.index + all.length;
  }
  return { text: text + c.slice(done), rough };
}

/** A claim's pattern, global and with indices: compiled once per pattern, not for every report (most patterns are the rules' constants). */
function everyMatch(pattern: RegExp): RegExp {
  let all = EVERY_MATCH.get(pattern);
  if (!all) {
    // A pattern that starts with a count's digits matches at the first digit of a run if anywhere in it: tried only there, a long
    // run of digits is scanned once, not once from every digit (quadratic: 100 000 digits took many seconds).
    const first = /^\(?\\d\+/.test(pattern.source) ? '(?<!\\d)' : '';
    EVERY_MATCH.set(pattern, (all = new RegExp(first + pattern.source, pattern.flags.replace(/[gd]/g, '') + 'gd')));
  }
  return all;
}
const EVERY_MATCH = new WeakMap<RegExp, RegExp>();

/**
 * Stated numbers against the table: every statement of a sentence, unless the sentence puts it in
 * another year or another body (「与上年收到申请41件相比」). Blank cells count as unknowns ≥ 0, so a number is
 * contradicted only when no values of the blanks can give it (the filled cells already exceed it, say).
 */
export function checkClaims(report: Report, claims: Claim[]): Problem[] {
  const out: Problem[] = [];
  const sentences = proseSentences(report);
  const each = claims.map((claim) => ({ claim, all: everyMatch(claim.pattern) }));
  sentences.forEach(({ s, c: written }, i) => {
    const { text: c, rough } = roughCounts(written);
    // Every claim states a count (「…12件」「…2起」): most sentences state none.
    if (!/\d[件起次]/.test(c)) return;
    // One number read by two of the claims (「另有4件申请结转至2025年继续办理」: a count before its words, and next year by its number) is one contradiction.
    const said = new Set<string>();
    for (const { claim, all } of each) {
      // A sentence that states the table's count once and others of the same kind beside it (「县政府印发3件，
      // 县政府办公室印发2件，全年共制发5件」) gives the others as parts of it.
      const wrong: { problem: Problem; at: string }[] = [];
      let right = false;
      for (const m of c.matchAll(all)) {
        const before = c.slice(0, m.index);
        const own = ownPart(c.slice(m.index + m[0].length), c.slice(m.index, m.indices![1]![0]), before);
        // 「本系统作出…2315件，其中区局本级作出…65件」: the clause that names the body's own part is its own.
        const others = aboutOtherBody(before) && !OWN_CLAUSE.test(before);
        if (aboutOtherYear(report, before) || (others && own === null)) continue;
        // The claim is read with the sentence after it: 「受理749件。其中新收713件、上年结转36件。」
        const next = sentences[i + 1]?.c ?? '';
        const context = (others ? own!.rest : c.slice(m.index)) + next;
        const clause = clauseBefore(c, m.index + m[0].length);
        if (RUNNING_TOTAL.test(clause) || AVERAGE.test(clause) || LEFT_OUT.test(clause) || claim.unless?.(clause, c, paragraphBefore(sentences, i), s.section))
          continue;
        const at = others ? m.index + m[0].length + own!.at : m.indices![1]![0];
        const stated = others ? own!.n : Number(m[1]);
        // An approximate count holds where its range meets what the table may hold.
        const range = (n: number, where: number) => rough.get(where) ?? { lo: n, hi: n };
        const readingsOf = (text: string) => claim.readings?.(report, text) ?? [claim.cells(report)];
        const readings = readingsOf(context);
        const bounds = readings.map((cells) => sumBound(report, cells));
        const holds = (n: { lo: number; hi: number }) => (b: { lo: number; hi: number }) => n.hi >= b.lo && n.lo <= b.hi;
        // The body's own part beside a whole that may be its own too: either reading clears it.
        const ownHolds =
          !others && own !== null && readingsOf(own.rest + next).some((cells) => holds(range(own.n, m.index + m[0].length + own.at))(sumBound(report, cells)));
        const roughly = rough.get(at);
        if (bounds.some(holds(range(stated, at))) || ownHolds) {
          right = true;
          continue;
        }
        const b = bounds[0]!;
        const exact = b.lo === b.hi;
        const blanks = exact ? '' : '（空白单元格按不小于 0 计）';
        wrong.push({
          at: `${at}:${claim.what}`,
          problem: roughly
            ? {
                // A warning, not an error: the range is the auditor's reading of the writer's rounding, not a figure the report states.
                severity: 'warning',
                section: s.section,
                cells: readings[0],
                excerpt: s.text,
                expected: exact ? b.lo : showBound(b),
                actual: roughly.said,
                message: `正文称${claim.what}「${roughly.said}」（约数，应在 ${roughly.lo}～${roughly.hi} 件之间），表格为 ${showBound(b)} 件${blanks}：「${ellipsis(s.text, 60)}」`,
              }
            : {
                section: s.section,
                cells: readings[0],
                excerpt: s.text,
                expected: exact ? b.lo : showBound(b),
                actual: stated,
                message: `正文称${claim.what} ${stated} 件，表格为 ${showBound(b)} 件${blanks}：「${ellipsis(s.text, 60)}」`,
              },
        });
      }
      if (right) continue;
      for (const { problem, at } of wrong) {
        if (said.has(at)) continue;
        said.add(at);
        out.push(problem);
      }
    }
  });
  return out;
}

/**
 * A body whose name holds words of another kind of application (「开封市政务服务和大数据管理局」「行政审批和政务服务局」):
 * the reporting body itself, not applications for 政务服务 or 审批. Not 「政务服务中心」, which may be a channel.
 */
const BODY_NAMED_LIKE_A_KIND = /(?:政务服务|行政审批|审批服务)[^。；，,、\d]{0,10}?(?:局|办公室|委员会)/g;
export const withoutBodyNames = (text: string): string => text.replace(BODY_NAMED_LIKE_A_KIND, '');

/** Applications of another kind, which table 3 does not count: 行政许可, 信访, 咨询, 建议提案, 热线, 留言 … */
const OTHER_KIND = /许可|审批|信访|投诉|举报|咨询|建议|提案|信箱|来信|留言|热线|办件|政务服务/;
/** Whether a text names another kind of application than disclosure (the reporting body's own name left out). */
export const otherKind = (text: string): boolean => OTHER_KIND.test(withoutBodyNames(text));

/** The kinds of applicant table 3's columns count; 「公民、法人或者其他组织」 is everyone who may apply. */
const APPLICANT_KIND = /自然人|法人(?:或者?|和|及|、)?其他组织|商业企业|科研机构|社会公益组织|法律服务机构/g;
const AN_APPLICANT_KIND = new RegExp(APPLICANT_KIND.source);
/** 「公民、法人或者其他组织」: everyone who may apply, no one kind of applicant. */
export const EVERYONE = /公民、?法人(?:或者?|和|及)其他组织/g;

/**
 * 「自然人申请43件（含上年结转3件），办结41件，其中予以公开15件…」: a sentence that opens with the count of one kind of
 * applicant, and names no other kind, restates that kind's column: its carried-over, closed and result counts are not the rows' totals.
 */
export function ofOneApplicant(sentence: string): boolean {
  const s = sentence.replace(EVERYONE, '');
  const kinds = new Set(s.match(APPLICANT_KIND));
  const opening = s.split(/[，,]/)[0]!;
  // 「自然人提出的43件申请（含上年结转3件）中，予以公开15件…」: what follows breaks that kind's count down, as after 其中.
  return kinds.size === 1 && AN_APPLICANT_KIND.test(opening) && /\d+件/.test(opening) && (/其中|办结/.test(s) || /中$/.test(opening));
}

export const total = (row: string) => () => [ref('t3', row, 'total')];
export const totals =
  (...rows: string[]) =>
  () =>
    rows.map((row) => ref('t3', row, 'total'));
export const groupTotal = (prefix: string) => (r: Report) => t3GroupRefs(r, prefix);
export const t4Totals = (groups: readonly string[]) => () => groups.map((g) => ref('t4', '1', `${g}.total`));

/** The smallest value the cells can sum to, blanks at 0 (or what the identities force them to). */
export const atLeast = (report: Report, cells: CellRef[]) => sumBound(report, cells).lo;
