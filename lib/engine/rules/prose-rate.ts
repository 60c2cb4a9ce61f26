import type { NumberMention, Report, Sentence } from '../model';
import { aboutOtherYear } from './claims';
import { clauseBefore, mentionsSum } from './helpers';
import type { Problem, ReportRule } from './types';

/** Counts of pieces of information: 「报送政务信息35条，被采用6篇」 counts one thing in both. */
const SAME_THING: Readonly<Record<string, string>> = { 条: '条', 篇: '条' };
const sameUnit = (a: string, b: string) => a === b || (!!SAME_THING[a] && SAME_THING[a] === SAME_THING[b]);

/** A number followed by its own share. */
const OWN_SHARE = /^[^，,。；;\d]{0,4}[，,]?(?:占|比例为?)[^，,。；;\d]{0,8}[\d.]+%/;

/** A rate of what was done in time (按时办结率, 按期答复率, 及时回复率…), and the words that say a count was. */
const IN_TIME_RATE = /(?:按时|按期|及时|限时|准时)[^，,。；;\d]{0,4}率(?:为|达到?|是)?$/;
const IN_TIME = /按时|按期|及时|期限|时限|限时|准时|当日|当场|规定时间/;

/** The part a share opens its sentence with, in words: 「自然人申请占比…」「网上申请占…」「第四季度收到申请最多，占…」. */
const NAMED_PART = /^([^。；;\d%]{2,}?)(?:的)?占/;

/** A share of a whole (not 满意率: a survey's answers, not the numbers before it). */
const SHARE_RATE = /(?:采用|采纳|办结|即办|网办|答复|回复|公开|按时|及时|完成|通过|合格|覆盖|参与|处理|受理|结案|上网|正确|准确|维持|纠错|败诉)率|占|比例/;

/**
 * 「采用率18%」 etc.: a stated share against the two numbers before it in the same sentence, or, when
 * the rate opens a sentence of its own (「采用6条。采用率为18%。」), in the sentence before it in the
 * same paragraph.
 */
export const proseRate: ReportRule = {
  kind: 'report',
  id: 'prose-rate',
  severity: 'warning',
  title: { zh: '正文比率计算错误', en: 'Stated rate does not match its numbers' },
  description: {
    zh: '正文给出的比率应等于其分子除以分母（按所写精度四舍五入），例如「上报35条，采用6条，采用率18%」应为 17.1%。「占报送总数35条的」「分别占」、几项相加、总数写在比率之后等写法都按其本意读；总数只以文字写明（「占全部申请的」「占办结总数的」）时，取同段前面最近一句中唯一的该项本年数字；申请的「办结率」没有写明总数时，取同段前面分别写明的新收与上年结转件数之和（「收到申请53件，上年结转4件；办结54件，办结率94.7%」）；看不出是哪个总数的比率时不报（「各占13.0%」「公示率、及时率均为100%」、超过 100% 的完成率也不报）。只给出界限的比率（「超过90%」「近95%」「90%以上」）不核对。增长率只在同一句写明上年数字时核对（「较2022年的2103条增加365条，同比增长17.4%」：365/2103；或紧跟在比率后的括注「收到申请53件，同比增长10.4%（上年为48件）」），否则不报。',
    en: "A stated rate must equal numerator / denominator at its printed precision. Wholes restated after 占, rates given 分别, summed parts and a whole stated after the rate are read as meant; a whole named in words only (「占全部申请的」) is the one count of that thing in the nearest sentence before, in the same paragraph, of the report’s year; an 办结率 of applications with no whole stated is of the new and carried-over ones stated apart before it in its paragraph; a rate whose whole cannot be told (「各占」, 「均为100%」, a rate above 100%) is not judged. A rate given as a bound (「超过90%」「近95%」「90%以上」) is not judged. A growth rate is checked only where the sentence gives last year's figure after 较 (「较2022年的2103条增加365条，同比增长17.4%」) or in brackets right after the rate (「收到申请53件，同比增长10.4%（上年为48件）」).",
  },
  basis: '数据准确性（报告内部一致）',
  example: '「上报政务信息35条，采用信息6条，采用率18%」：6/35 = 17.1%。',
  check(report) {
    const out: Problem[] = [];
    report.sentences.forEach((s, i) => {
      const prev = report.sentences[i - 1];
      const rates = s.numbers.filter((n) => n.unit === '%');
      for (const rate of rates) {
        // Only a share of a whole: a growth rate (增长率, 同比) is not numerator / denominator. A rate further down a list
        // (「分别占56.6%、28.3%、17.0%」) is read by the words before the list's first.
        const head = listHead(s.text, rates, rate);
        // 「办结率超过九成（94.7%）」: the figure in brackets restates the words before it, the rate's words.
        const before = s.text
          .slice(Math.max(0, head.index - 10), head.index)
          .replace(/(?:超过|超|达到?|近|约|逾|不足)?[一二三四五六七八九]成(?:以上|左右)?[（(]$/, '');
        // 「超过90%」「近95%」「90%以上」: a bound, not the rate itself.
        if (BOUND_BEFORE.test(before) || BOUND_AFTER.test(s.text.slice(rate.index + rate.raw.length))) continue;
        if (GROWTH.test(before)) {
          const wrong = head === rate ? wrongGrowth(s, rate) : undefined;
          if (wrong) out.push(wrong);
          continue;
        }
        if (!SHARE_RATE.test(before)) continue;
        // 「7件、7件，各占13.0%」「公示率、及时率均为100%」: one rate for each of several, of a whole not named here.
        if (/[各均](?:占|为|达)/.test(before)) continue;
        // Above 100% a rate is not a part of a whole (a 完成率 of actual over plan).
        if (rate.value <= 0 || rate.value > 100) continue;
        let counts = s.numbers.filter((n) => n.index < rate.index && n.unit !== '%');
        let text = s.text;
        // The sentence before, unless its numbers have a rate of their own there (「…31件…调整率13.7%。…占比为4%」).
        if (!counts.length && prev && s.follows && !prev.numbers.some((n) => n.unit === '%')) {
          counts = prev.numbers.filter((n) => n.unit !== '%');
          text = prev.text;
        }
        // 「自然人申请占比75.5%」 after a sentence of other counts: a share of a part named here in words is that part's.
        const named = text === s.text ? undefined : NAMED_PART.exec(s.text.slice(0, rate.index).replace(/^(?:其中|其|此外|另外)[，,]?/, ''))?.[1];
        // 「分别占…」 lists its rates in this sentence's own order.
        const respectively = text === s.text ? s.text.lastIndexOf('分别', rate.index) : -1;
        const apart = closedOfNewAndCarried(report.sentences, i, before, rate);
        if (apart) {
          out.push({ section: s.section, ...apart });
          continue;
        }
        const pick = partAndWholes(text, counts, rates, rate, respectively);
        if (!pick) continue;
        const { num } = pick;
        // 「予以公开22件，部分公开7件，合计占办结总数的53.7%」: a whole named in words is a count of that thing, not any number before;
        // with none here, it is looked for before.
        const wholeWords = namedWholeWords(s.text.slice(0, head.index));
        const ofNamed = text === s.text && wholeWords ? pick.wholes.filter((w) => countsOf(text, w, wholeWords)) : pick.wholes;
        if (named && !clauseBefore(text, num.index + num.raw.length, true).includes(named)) continue;
        // 「办结54件，办结率…」: a rate of a deed (办结, 采用) is of the number stated with that deed, not of any number before
        // it (「上年结转4件，按时办结率100%」); the deed may follow a number that opens its clause (「…中，53件在法定期限内答复，
        // 按期答复率…」), not one of a list (「23个部门、12个乡镇全部完成…」).
        // 「办结率达99.6%」「采用率为18%」: the verb after 率 is not the deed.
        const deed = /(\S{2})率$/.exec(before.replace(/[\d.]+$/, '').replace(/(?:为|达到?|是|约)$/, ''))?.[1];
        const opens = /[，,；;：:]$/.test(text.slice(0, num.index));
        const tail = opens
          ? (/^[^，,、；;]*(?=[，,、；;])/.exec(text.slice(num.index + num.raw.length, text === s.text ? rate.index : undefined))?.[0] ?? '')
          : '';
        if (deed && !clauseBefore(text, num.index + num.raw.length, true).includes(deed) && !tail.includes(deed)) continue;
        // 「已办结54件，按时办结率100%」: a rate of the deed done in time is of the deed's count, those in time unstated; only a part
        // said to be in time (「53件在法定期限内答复，按期答复率…」) is its numerator.
        if (IN_TIME_RATE.test(before) && !IN_TIME.test(clauseBefore(text, num.index, true) + num.raw + tail)) continue;
        const fits = (part: number, whole: number) => roundsTo((part / whole) * 100, rate);
        const same = (n: NumberMention) => sameUnit(n.unit, num.unit);
        // Any reading that fits clears the rate: the numbers after the whole summed (「采用6条、2条，采用率22.9%」), the
        // parts just before the rate summed (「予以公开30件，部分公开10件，公开率76.9%」), a whole stated after the rate.
        const at = counts.indexOf(num);
        const parts = [1, 2, 3]
          .map((k) => counts.slice(Math.max(0, at + 1 - k), at + 1))
          .filter((p) => p.every(same))
          .map(mentionsSum);
        const later = text === s.text ? s.numbers.filter((n) => n.index > rate.index && n.unit !== '%' && same(n) && n.value >= num.value) : [];
        // 「全年共收到申请53件。自然人申请40件，占全部申请的75.5%。」: a whole named in words, stated in a sentence before.
        const earlier =
          !wholeWords || ofNamed.length || later.length || text !== s.text
            ? undefined
            : namedWholeBefore(report, i, s.text.slice(0, head.index), wholeWords, num);
        // Numbers here whose words are not the named whole's are still candidates (「受理57件。新收53件，其中自然人40件，占全部申请的」):
        // beside one from before, a rate that fits neither is not judged.
        const wholes = ofNamed.length ? ofNamed : pick.wholes;
        const dens = [...wholes, ...later, ...(earlier ? [earlier.whole] : [])];
        if (dens.some((den) => parts.some((p) => fits(p, den.value)) || fits(mentionsSum(counts.slice(counts.indexOf(den) + 1).filter(same)), den.value)))
          continue;
        // Said only where one whole can be meant: with two, which the rate is of, and so what it should be, is a guess.
        if (dens.length !== 1) continue;
        const den = dens[0]!;
        const shown = shownAs((num.value / den.value) * 100, rate);
        out.push({
          section: s.section,
          excerpt: earlier ? earlier.sentence.text + s.text : text === s.text ? s.text : text + s.text,
          expected: `${shown}%`,
          actual: `${rate.value}%`,
          message: `比率有误：${num.value}/${den.value} = ${shown}%，正文写作 ${rate.value}%`,
        });
      }
    });
    return out;
  },
};

/** Words that make a rate a bound (「超过90%」「不足10%」「近95%」「90%以上」): what it is exactly is not said. */
const BOUND_BEFORE = /(?:超过|超出|逾|不足|不到|低于|高于|大于|小于|近|将近|接近)$/;
const BOUND_AFTER = /^(?:以上|以下|以内)/;

/** 「办结率」 of applications, not one of those closed in time (按时办结率). */
const CLOSE_RATE = /(?<!按时|按期|及时|限时|准时)办结率(?:为|达到?|是)?$/;
/** A count with the sentence it is stated in. */
type Stated = { n: NumberMention; text: string };
/** The one count whose clause says this (收到, 上年结转, 办结), or none. */
function onlyCount(counts: Stated[], words: RegExp): NumberMention | undefined {
  const found = counts.filter(({ n, text }) => words.test(clauseBefore(text, n.index, true)));
  return found.length === 1 ? found[0]!.n : undefined;
}
/**
 * 「收到申请53件，上年结转4件；办结54件，办结率94.7%」: where no count states the whole, an 办结率 of disclosure applications is of
 * the new and the carried-over ones, stated apart in its paragraph before it (table 3's rows 一 and 二). Only where each is stated
 * once; a whole stated as one number (「受理57件」) is read as any other rate's.
 */
function closedOfNewAndCarried(sentences: Sentence[], at: number, before: string, rate: NumberMention): Omit<Problem, 'section'> | undefined {
  if (!CLOSE_RATE.test(before)) return undefined;
  // 「供水报装业务办结率100%」「乘客投诉办结率100%」: a rate named after another business is that business's, not the applications'.
  const named = before
    .split(/[，,；;。：:]/)
    .pop()!
    .replace(/办结率.*$/, '')
    .replace(/全年|本年度?|年度|今年|总体|整体|综合|平均|其中|的/g, '');
  if (named && !/申请/.test(named)) return undefined;
  // 「政务服务中心办理审批服务事项2.6万件，办结率99.8%」: a rate after a count of something else in its sentence is of that.
  const own = sentences[at]!;
  const otherCount = own.numbers.some((n) => n.index < rate.index && !['件', '%', '年', '月', '日', '号'].includes(n.unit));
  if (otherCount && !/申请/.test(own.text.slice(0, rate.index))) return undefined;
  let first = at;
  while (first > 0 && sentences[first]!.follows) first--;
  const chain = sentences.slice(first, at + 1);
  const counts = chain.flatMap((s) =>
    s.numbers.filter((n) => n.unit === '件' && (s !== sentences[at] || n.index < rate.index)).map((n) => ({ n, text: s.text })),
  );
  const excerpt = chain.map((s) => s.text).join('');
  if (!/信息公开申请|依申请公开/.test(excerpt)) return undefined;
  const closed = onlyCount(counts, /(?<!按时|按期|及时|限时|准时)办结/);
  const received = onlyCount(counts, /收到|新收/);
  const carried = onlyCount(counts, /上一?年度?结转/);
  if (!closed || !received || !carried || new Set([closed, received, carried]).size < 3) return undefined;
  const whole = received.value + carried.value;
  if (closed.value > whole || counts.some(({ n }) => n.value >= whole)) return undefined;
  const percent = (closed.value / whole) * 100;
  if (roundsTo(percent, rate)) return undefined;
  const shown = shownAs(percent, rate);
  return {
    excerpt,
    expected: `${shown}%`,
    actual: `${rate.value}%`,
    message: `比率有误：${closed.value}/(${received.value} + ${carried.value}) = ${shown}%，正文写作 ${rate.value}%`,
  };
}

/** The decimals a rate is printed with (「17.1%」: 1). */
const decimalsOf = (rate: NumberMention) => (String(rate.value).split('.')[1] ?? '').length;
/** Whether a percentage rounds to the stated rate at its printed precision. */
const roundsTo = (percent: number, rate: NumberMention) => Math.abs(percent - rate.value) <= 0.5 * 10 ** -decimalsOf(rate) + 1e-9;
/** A percentage as a finding shows it: at the rate's precision, at least one decimal. */
const shownAs = (percent: number, rate: NumberMention) => percent.toFixed(Math.max(1, decimalsOf(rate)));

/** A growth rate (增长率, 同比): a change over last year's figure, not numerator / denominator. */
const GROWTH = /增长|增幅|下降|降幅|同比|环比|提高|提升/;
/** Last year's figure, given after 较/比/与 (「较2022年的2103条」「比上年（41件）」). */
const LAST_YEAR_FIGURE = /(?:较|比|与)(?:上一?年度?|去年|20\d{2}年度?)(?:同期)?(?:的|[（(])?$/;
/** The change stated after last year's figure: 「增加365条」「减少2件」. */
const CHANGE = /^[)）]?(?:相比)?(?:增加|减少|增长|下降|多|少)(?:了)?$/;

/**
 * 「全年主动公开2468条，较2022年的2103条增加365条，同比增长16.4%」: a growth rate where the sentence gives last year's figure
 * after 较 and this year's before it, against the change over last year's (either the two figures' or the stated change).
 * Without last year's figure (「较上年增长12.5%」) there is nothing to check.
 */
function wrongGrowth(s: Sentence, rate: NumberMention): Problem | undefined {
  const counts = s.numbers.filter((n) => n.index < rate.index && n.unit !== '%');
  const at = counts.findLastIndex((n) => LAST_YEAR_FIGURE.test(s.text.slice(Math.max(0, n.index - 12), n.index)));
  const bracketed = at < 0 ? lastYearInBrackets(s, counts, rate) : undefined;
  const last = bracketed?.last ?? counts[at];
  if (!last || last.value <= 0) return undefined;
  const now =
    bracketed?.now ??
    counts
      .slice(0, at)
      .filter((n) => n.unit === last.unit)
      .at(-1);
  if (!now) return undefined;
  const change = counts.slice(at + 1).find((n) => n.unit === last.unit && CHANGE.test(s.text.slice(last.index + last.raw.length, n.index)));
  const growths = [Math.abs(now.value - last.value), ...(change ? [change.value] : [])].map((d) => (d / last.value) * 100);
  if (growths.some((g) => roundsTo(g, rate))) return undefined;
  const shown = shownAs(growths[0]!, rate);
  return {
    section: s.section,
    excerpt: s.text,
    expected: `${shown}%`,
    actual: `${rate.value}%`,
    message: `增长率有误：(${now.value} − ${last.value})/${last.value} = ${shown}%，正文写作 ${rate.value}%`,
  };
}

/** Last year's figure in brackets right after the rate (「收到申请53件，同比增长10.4%（上年为48件）」). */
const LAST_YEAR_AFTER = /^[（(](?:上一?年度?|去年|20\d{2}年度?)(?:同期)?(?:为|是)?$/;
/** The growth's two figures where last year's follows the rate in brackets and this year's is the count its clause opens with. */
function lastYearInBrackets(s: Sentence, counts: NumberMention[], rate: NumberMention) {
  const after = rate.index + rate.raw.length;
  const last = s.numbers.find((n) => n.index > rate.index && n.unit !== '%' && LAST_YEAR_AFTER.test(s.text.slice(after, n.index)));
  const now = counts.at(-1);
  // This year's: the count just before, with nothing but the growth's words between it and the rate (not 「…53件，办结54件，同比…」).
  if (
    !last ||
    !now ||
    now.unit !== last.unit ||
    !/^[，,]?(?:同比|较上年|比上年)?[^\d，,。；;]{0,6}$/.test(s.text.slice(now.index + now.raw.length, rate.index))
  )
    return undefined;
  return { last, now };
}

/**
 * The part a rate is of, and the wholes it may be of (numbers before the part, in its unit and no smaller):
 * - the number just before the rate;
 * - a whole restated after 占 (「采用6条，占报送总数35条的17.1%」) is the whole, the part the number before it;
 * - rates given 分别 (「网上30件、信函22件，分别占57.7%和42.3%」) pair with the parts listed before, in order.
 */
function partAndWholes(
  text: string,
  counts: NumberMention[],
  rates: NumberMention[],
  rate: NumberMention,
  respectively: number,
): { num: NumberMention; wholes: NumberMention[] } | undefined {
  const last = counts[counts.length - 1];
  if (!last) return undefined;
  // A number with a share of its own (「自然人申请40件，占75.5%，法人…13件，占24.5%」) is a part beside it, not its whole; but the
  // count just before a 其中 the part follows is the whole it breaks down (「予以公开22件，占40.7%，其中自然人15件，占68.2%」).
  const wholesBefore = (num: NumberMention, upTo: number) => {
    const before = counts.slice(0, upTo).filter((n) => sameUnit(n.unit, num.unit) && n.value > 0 && n.value >= num.value);
    const ownShare = (n: NumberMention) => OWN_SHARE.test(text.slice(n.index + n.raw.length));
    const split = text.lastIndexOf('其中', num.index);
    const head = before.filter((n) => n.index < split).at(-1);
    if (head && ownShare(head) && !before.some((n) => n.index > split)) return [head];
    return before.filter((n) => !ownShare(n));
  };
  if (/占[^，,。；;\d]{0,12}$/.test(text.slice(0, last.index))) {
    const num = counts[counts.length - 2];
    return num && last.value >= num.value ? { num, wholes: [last] } : undefined;
  }
  if (respectively > last.index) {
    const listed = respectiveRun(text, rates, respectively);
    const parts = counts.slice(-listed.length);
    const num = parts[listed.indexOf(rate)];
    return num && parts.length === listed.length ? { num, wholes: wholesBefore(num, counts.length - listed.length) } : undefined;
  }
  return { num: last, wholes: wholesBefore(last, counts.length - 1) };
}

/** The first rate of the list 「、」 or 「和」 joins `rate` to (「56.6%、28.3%、17.0%」), or `rate` itself. */
function listHead(text: string, rates: NumberMention[], rate: NumberMention): NumberMention {
  let head = rate;
  for (const r of rates.filter((r) => r.index < rate.index).reverse()) {
    if (!/^[\s、，,和及与]*$/.test(text.slice(r.index + r.raw.length, head.index))) break;
    head = r;
  }
  return head;
}

/** 「占全部申请的」「占办结总数的」「分别占申请总数的」「占新收申请的」: a whole named in words, as the things it counts (申请, 办结…). */
const NAMED_WHOLE = /占([^，,。；;\d%]{2,14}?)(?:的)?(?:比例|比重)?(?:为|达|是)?$/;
const WHOLE_WORDS = /^(?:全部|所有|全年|本年度?|总)|^(?:新收|收到)(?:的)?申请$|(?:总数|总量|总和|总计|合计|总件数)$/;
const COUNTED = /收到|新收|受理|办结|答复|办理|申请/g;

/** What a whole named in words (「占全部申请的」「占办结总数的」) counts: its words of applications or deeds; none when not so named. */
function namedWholeWords(lead: string): string[] | undefined {
  const named = NAMED_WHOLE.exec(lead)?.[1];
  const words = named && WHOLE_WORDS.test(named) ? [...new Set(named.match(COUNTED) ?? [])] : [];
  return words.length ? words : undefined;
}

/** Whether a number's clause says it counts those things. */
const countsOf = (text: string, n: NumberMention, words: string[]) => words.every((w) => clauseBefore(text, n.index + n.raw.length, true).includes(w));

/**
 * The whole a rate names in words (`words`, read from `lead`, its sentence up to the rate), as stated in the nearest sentence before it in the same
 * paragraph that counts that thing, when that sentence states exactly one such count, of the report's year; with two
 * (「收到申请53件，上年结转申请4件」), or of another year, which whole is meant is a guess.
 */
function namedWholeBefore(
  report: Report,
  at: number,
  lead: string,
  words: string[],
  part: NumberMention,
): { whole: NumberMention; sentence: Sentence } | undefined {
  if (aboutOtherYear(report, lead)) return undefined;
  for (let k = at; k > 0 && report.sentences[k]!.follows; k--) {
    const sentence = report.sentences[k - 1]!;
    const counts = sentence.numbers.filter((n) => n.unit === part.unit && countsOf(sentence.text, n, words));
    if (!counts.length) continue;
    const whole = counts[0]!;
    const ofYear = !aboutOtherYear(report, sentence.text.slice(0, whole.index));
    return counts.length === 1 && ofYear && whole.value >= part.value ? { whole, sentence } : undefined;
  }
  return undefined;
}

/**
 * The rates 「分别」 gives: those after it, each next to the one before (「分别占69.4%和67.5%」); a later rate
 * (「…，公开复文812件，公开率97%」) is a statement of its own.
 */
function respectiveRun(text: string, rates: NumberMention[], respectively: number): NumberMention[] {
  const run: NumberMention[] = [];
  for (const r of rates.filter((r) => r.index > respectively)) {
    const prev = run[run.length - 1];
    if (prev && !/^[\s、，,和及与]*$/.test(text.slice(prev.index + prev.raw.length, r.index))) break;
    run.push(r);
  }
  return run;
}
