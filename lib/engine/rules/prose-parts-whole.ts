import { numbersIn } from '../parse/prose';
import { clauseBefore } from './helpers';
import { proseApplications } from './prose-applications';
import { proseProactive } from './prose-proactive';
import { proseResults } from './prose-results';
import { proseReviewSuit } from './prose-review-suit';
import type { Problem, ReportRule } from './types';
import type { NumberMention, Sentence } from '../model';

/** What opens a list of parts; a colon right after a count too (「共收到申请53件：当面3件，网络40件，信函10件」). */
const PART_MARKER = /其中|包括|包含|分别为|分别是|(?<=\d\s*[件条项篇个]\s*)[:：](?=[^。；;\d]{1,12}\d)/g;
const YEARS_LISTED = /20\d{2}年度?(?:[、和及与]20\d{2}年度?)+$/;
/** A list within the list: 「政务动态信息248条，其中图片新闻40条」 breaks down that part, not the whole. */
const NESTED = /其中|包括|包含/g;
/**
 * A list that claims to be whole: 「分别为」, or a part named 其他/其余 (「其他2件」「其他情形2件」; not a name that opens with 其他:
 * 「其他法律行政法规禁止公开1件」 is one reason).
 */
const EXHAUSTIVE = /分别(?:为|是)|其[他它余][^，,、；;\d]{0,4}\d/;
/** Below this share of the whole, parts are highlights (「其中政策文件45条、政策解读30条」), not a breakdown. */
const NEAR_MISS = 0.9;
/** A whole written after its parts: 「概况类信息12条、…60条，共计326条」. */
const TOTAL = /(?:共计|合计|总计)(?:为|有|达)?:?$/;
/** Units of pieces one list may mix: 「文字解读24篇、图文解读12篇、视频解读4个」. */
const PIECES = new Set(['条', '篇', '个', '件', '项', '份', '期']);
/** Measure words the number parser leaves unread (「视频解读4部」), of pieces too. */
const MEASURE = /^[部张幅则本册套首集段宗]/;

const inParentheses = (text: string, index: number) =>
  (text.slice(0, index).match(/[（(]/g)?.length ?? 0) > (text.slice(0, index).match(/[）)]/g)?.length ?? 0);
/** 「较上年增加9件」: a change, not a whole. */
const isChange = (text: string, n: NumberMention) => /增加|减少|增长|下降|较|同比|环比/.test(clauseBefore(text, n.index, true));
/** 「100余件」「约300条」, or the end of a range (「每人1至5件不等」): no sum can be checked against it. */
const isApproximate = (text: string, n: NumberMention) =>
  /^[余多]/.test(text.slice(n.index + n.raw.length)) || /(?:约|近|逾|超过|\d[至到~～—–－-])$/.test(text.slice(0, n.index));
/**
 * The last count among these numbers of a text (「12345热线」 names a line, not a count), with the counts listed
 * beside it in its clause (「建议386件、提案452件」): each may be the whole of its own parts. A figure in brackets
 * (「57件（含上年结转4件）」) is a part of the figure before it, never the whole.
 */
function wholesOf(text: string, numbers: NumberMention[]): NumberMention[] {
  const counts = numbers.filter((n) => !isChange(text, n) && !inParentheses(text, n.index) && (n.unit || isApproximate(text, n)));
  const whole = counts.pop();
  if (!whole) return [];
  const start = whole.index - clauseBefore(text, whole.index).length;
  return [...counts.filter((n) => n.index >= start && n.unit === whole.unit), whole];
}
/** What a count is of, by the last two characters before it: 「市政协提案452件」 is of 提案. */
const kindOf = (text: string, n: NumberMention) => /([\u4e00-\u9fff]{2})(?:共计?|合计|总计|累计|达到?|为|有|约)*$/.exec(clauseBefore(text, n.index, true))?.[1];
/**
 * Channels one piece of information is published on (「其中门户网站100条，政务新媒体80条」): the same piece may go
 * out on several, so their counts may add up to more than the whole.
 */
const CHANNEL = /网站|新媒体|微信|微博|公众号|客户端|APP|报刊|报纸|电视|广播|平台|政务号|头条|抖音|视频号|公开栏|公告栏|政务服务网/i;
/** A court's instances (「行政诉讼3件，其中一审3件、二审1件」): one case may go through several, so they too may add up to more. */
const INSTANCE = /[一二]审|再审/;
const mayOverlap = (clause: string) => CHANNEL.test(clause) || INSTANCE.test(clause);
/**
 * Where a list of parts moves on to something else: 「其中新收53件、上年结转4件，已办结54件」, to a share of the whole
 * (「占报送总数35条的17.1%」), or to the total of the parts (「…，共计57件」).
 */
const MOVES_ON = /办结|已|结转(?:至|到)?下|继续办理|答复|较|同比|占|共计|合计|总计|^共/;
/** Last year's applications carried over (「上年结转」「2022年度结转」). */
const CARRIED_IN = /(?:上一?|20\d{2})年度?结转(?!(?:至|到)?下)/;
/** A clause that opens a statement of its own: 「…13件，另有上年结转申请4件」「…13件，全年予以公开22件」. */
const NEW_STATEMENT = /^(?:另|此外|同时|全年|本年|今年)/;

interface Part {
  n: NumberMention;
  /** 「A、B、C各1件」: the number once for each item. */
  times: number;
  /** In another unit of pieces than the whole (「视频解读4个」 of 「政策解读40篇」): a part in one reading only. */
  other: boolean;
  /** The clause (between commas) of the list it stands in. */
  clause: number;
  /** The nested list (「，其中图片新闻40条」) it may belong to, and whether it is in that list's clause. */
  nested: number;
  inNested: boolean;
}

const valueOf = (p: Part) => p.n.value * p.times;
const sumOf = (ps: Part[]) => ps.reduce((t, p) => t + valueOf(p), 0);

/**
 * 「A、B、C各1件」: how many items 各 gives the number to (1 without 各), or 0 when that cannot be told: items joined
 * by 和/及/或 may be one (「法人或其他组织」) or two.
 */
function eachCount(before: string): number {
  const m = /各(?:为|有|是)?$/.exec(before);
  if (!m) return 1;
  const items = before
    .slice(0, m.index)
    .split(/[，,；;:]/)
    .pop()!
    .replace(/^、+/, '');
  if (/和|及|与|或/.test(items)) return 0;
  const n = items.split('、').filter(Boolean).length;
  return n >= 2 ? n : 0;
}

/**
 * The counts listed in text[from, to) as parts of a whole in `unit`, or undefined when their sum cannot be told
 * (an approximate part, 各 over items that cannot be counted). Where the list moves on, `restart` starts it anew
 * (the parts before a total written after them); otherwise the list ends there.
 */
function partsIn(s: Sentence, from: number, to: number, unit: string, restart: boolean): Part[] | undefined {
  const text = s.text;
  const nested = [...text.slice(0, to).matchAll(NESTED)].map((m) => m.index).filter((i) => i >= from && !inParentheses(text, i));
  let parts: Part[] = [];
  let prevEnd = from;
  for (const n of s.numbers) {
    if (n.index < from || n.index >= to) continue;
    const before = text.slice(prevEnd, n.index);
    prevEnd = n.index + n.raw.length;
    if (inParentheses(text, n.index)) continue;
    const clause = clauseBefore(text, n.index);
    // The item's words from the list's start on: after a colon (「共53件：当面3件」) the clause before holds the whole too.
    const item = clauseBefore(text, n.index, true);
    if (MOVES_ON.test(text.slice(Math.max(from, n.index - item.length), n.index)) || (NEW_STATEMENT.test(clause) && !/\d/.test(clause))) {
      if (!restart) break;
      parts = [];
    }
    // 「一审、二审均按1件统计」: how cases are counted, not a part.
    if (isChange(text, n) || /按$/.test(text.slice(0, n.index))) continue;
    if (isApproximate(text, n) && (!n.unit || n.unit === unit || PIECES.has(n.unit))) return undefined;
    const other = n.unit !== unit && PIECES.has(unit) && (PIECES.has(n.unit) || (!n.unit && MEASURE.test(text.slice(n.index + n.raw.length))));
    if (n.unit !== unit && !other) continue;
    const times = eachCount(before);
    if (!times) return undefined;
    const first = parts[0]?.n.index ?? Infinity;
    const nest = nested.filter((i) => i > first && i < n.index).pop();
    parts.push({
      n,
      times,
      other,
      clause: text.slice(from, n.index).split(/[，,；;]/).length,
      nested: nest ?? -1,
      inNested: nest !== undefined && !/[，,；;]/.test(text.slice(nest, n.index)),
    });
  }
  return parts;
}

/**
 * Every list the parts may be read as: the parts of the whole's unit, with parts of nested lists left out
 * (the first of them, or as many as follow in the nested list's clause; the first reading), or kept; and the
 * same with parts in other units of pieces.
 */
function readingsOf(parts: Part[]): Part[][] {
  const out: Part[][] = [];
  for (const withOther of [false, true]) {
    const ps = parts.filter((p) => withOther || !p.other);
    out.push(
      ps.filter((p) => !p.inNested),
      ps,
    );
    for (const g of new Set(ps.map((p) => p.nested).filter((g) => g >= 0))) {
      const inG = ps.filter((p) => p.nested === g);
      for (let k = 1; k <= inG.length; k++) out.push(ps.filter((p) => !inG.slice(0, k).includes(p) && (p.nested === g || !p.inNested)));
    }
  }
  return out;
}

/**
 * The list, and runs of its clauses from its start, when two or more parts follow (「其中自然人40件、法人13件，
 * 予以公开22件、部分公开7件」 moves on to another list); with `fromEnd`, runs to its end, after a whole restated
 * before them (「发布信息326条，概况类12条、…，合计326条」). Either run holds two parts or more: a lone 1件 adds
 * up too easily.
 */
function spansOf(ps: Part[], fromEnd: boolean): Part[][] {
  const out = [ps];
  for (const c of new Set(ps.map((p) => p.clause))) {
    const span = ps.filter((p) => (fromEnd ? p.clause >= c : p.clause <= c));
    if (span.length >= 2 && ps.length - span.length >= (fromEnd ? 1 : 2)) out.push(span);
  }
  return out;
}

/**
 * Whether the parts contradict their whole: no reading of them adds up to it, and the first reading is more than
 * the whole (unless by channel or court instance), or less in a list that claims to be whole or by under a tenth.
 */
function contradicts(text: string, whole: NumberMention, parts: Part[], exhaustive: boolean, fromEnd: boolean, named = false): Part[] | undefined {
  const readings = readingsOf(parts);
  const first = readings[0]!;
  if (!first.length || /等/.test(text.slice(first[first.length - 1]!.n.index))) return undefined;
  // One part is a highlight, unless it names its whole and is more than it (「复议15件、诉讼11件，其中…诉讼13件」).
  if (first.length < 2 && !(named && sumOf(first) > whole.value)) return undefined;
  if (readings.some((r) => spansOf(r, fromEnd).some((span) => Math.abs(sumOf(span) - whole.value) < 1e-9))) return undefined;
  // 「收到53件，其中网上申请43件、当面申请10件，上年结转4件」: the carried-over ones, in a clause of their own after parts that
  // add up, stand beside the whole (the new ones), not in it.
  const last = first[first.length - 1]!;
  const rest = first.filter((p) => p.clause !== last.clause);
  // After one part only, not the new ones (「收到53件，其中局机关45件，上年结转4件」), that part is a highlight.
  const highlight = rest.length === 1 && !/新收|新增|本年|今年/.test(clauseBefore(text, rest[0]!.n.index, true));
  if ((rest.length >= 2 || highlight) && CARRIED_IN.test(clauseBefore(text, last.n.index, true)) && (highlight || Math.abs(sumOf(rest) - whole.value) < 1e-9))
    return undefined;
  const sum = sumOf(first);
  if (sum < whole.value && !exhaustive && sum < NEAR_MISS * whole.value) return undefined;
  if (sum > whole.value && first.every((p) => mayOverlap(clauseBefore(text, p.n.index, true)))) return undefined;
  return first;
}

/** What a finding was drawn from: the sentences it reads, its whole and its parts' values. */
const drawnFrom = new WeakMap<Problem, { texts: string[]; whole: number; parts: number[] }>();

const problem = (s: Sentence, excerpt: string, whole: NumberMention, parts: Part[], texts = [s.text]): Problem => {
  const sum = sumOf(parts);
  const p: Problem = {
    section: s.section,
    excerpt,
    expected: whole.value,
    actual: sum,
    message:
      parts.length > 1
        ? `分项之和 ${parts.map((p) => (p.times > 1 ? `${p.times}×${p.n.value}` : p.n.value)).join(' + ')} = ${sum}${whole.unit}，与总数 ${whole.value}${whole.unit} 不符`
        : `分项 ${sum}${whole.unit} 超过其总数 ${whole.value}${whole.unit}`,
  };
  drawnFrom.set(p, { texts, whole: whole.value, parts: parts.map(valueOf) });
  return p;
};

/** The rules that check prose numbers against the tables' cells. */
const AGAINST_TABLES = [proseApplications, proseResults, proseReviewSuit, proseProactive];

/**
 * Whether the numbers the rules above already found wrong against the tables, in the same sentences, explain the sum:
 * 「行政复议4件，其中维持2件、纠正1件、尚未审结2件」 holds one wrong number (尚未审结 2, table 4 says 1), reported by
 * prose-review-suit; with its table's values the parts add up to the whole, so this rule says nothing more of it.
 */
function explainedByTables(againstTables: readonly Problem[], p: Problem): boolean {
  const from = drawnFrom.get(p);
  if (!from) return false;
  const wrong = againstTables.filter((w) => from.texts.includes(w.excerpt ?? '') && typeof w.expected === 'number' && typeof w.actual === 'number');
  if (!wrong.length) return false;
  const parts = [...from.parts];
  let whole = from.whole;
  let corrected = false;
  for (const w of wrong) {
    const at = parts.indexOf(w.actual as number);
    if (at >= 0) parts[at] = w.expected as number;
    else if (w.actual === whole) whole = w.expected as number;
    else continue;
    corrected = true;
  }
  return corrected && Math.abs(parts.reduce((t, v) => t + v, 0) - whole) < 1e-9;
}

/** 「共发布178条，其中1条、144条、33条」: the parts must add up to the stated whole. */
export const prosePartsWhole: ReportRule = {
  kind: 'report',
  id: 'prose-parts-whole',
  severity: 'warning',
  title: { zh: '正文分项之和与总数不符', en: 'Stated parts do not add up to their whole' },
  description: {
    zh: '正文中「共 N 条，其中 a 条、b 条……」或「a 条、b 条……，共计 N 条」的各分项之和应等于总数：超过总数即为矛盾（按发布渠道分列的除外：同一条信息可在网站、新媒体等多个渠道发布；诉讼的一审、二审也是：同一案件可经历两审）；少于总数时，只在列举自称完整（「分别为」「共计」、列有「其他」）或差得不多（九成以上，多半是笔误）时提示，「其中政策文件45条」之类的举例不算。「各 1 件」按所列项数计（项数看不准时不判断）；分项中又有「其中」的，其下的细分不重复计入；两个总数并列（「建议386件、提案452件，其中主办建议…」）时各分项归入所称的总数；紧跟总数的括号中的分项（「不予公开7件（其中…5件、…3件）」）按其总数的分项核对，其他括号中的数字、约数、范围（「1至5件」）、较上年的增减不参与计算；有任何一种读法（如列举到某一句为止、计入单位不同的分项）能对上即不提示；某个数字已由对照表格的规则报告为与表格不符、按表格数改正后即能对上时，只由那条规则报告。',
    en: 'Parts listed after 「其中」, or before 「共计」, must add up to their whole: more is a contradiction (except counts by publishing channel or by court instance, which overlap); less is flagged only when the list claims to be whole (「分别为」, 「共计」, a part named 其他) or falls short by under a tenth. 「各1件」 counts once per listed item (not judged when the items cannot be counted); a nested 其中 breaks down a part, not the whole; with two wholes side by side, parts go to the whole they name. Parts in brackets right after their whole (「不予公开7件（其中…5件、…3件）」) are checked against it; other figures in brackets, approximate figures, ranges (「1至5件」) and year-on-year changes are left out, and any reading that adds up (the list ending at a clause, parts in another unit counted) clears it; where a number another rule already reports against its table cell makes the sum add up once corrected, only that rule reports it.',
  },
  basis: '数据准确性（报告内部一致）',
  example: '「发布信息178条，其中1条、144条、30条」：1+144+30 = 175。',
  check(report) {
    const out: Problem[] = [];
    report.sentences.forEach((s, i) => {
      checkBracketed(s, out);
      // 「2022年、2021年分别为46件、38件」: earlier years' counts, each its own, not parts.
      const marker = [...s.text.matchAll(PART_MARKER)].find((m) => !inParentheses(s.text, m.index) && !YEARS_LISTED.test(s.text.slice(0, m.index)));
      if (marker && checkMarked(s, report.sentences[i - 1], marker, out)) return;
      checkTotals(s, marker ? marker.index + marker[0].length : 0, out);
    });
    if (!out.length) return out;
    const againstTables = AGAINST_TABLES.flatMap((rule) => rule.check(report));
    return out.filter((p) => !explainedByTables(againstTables, p));
  },
};

/** Words that name another year than the count's own (not 上年结转, this year's row). */
const OTHER_YEARS = /20\d{2}年|(?:上一?年|去年|前年)(?!度?结转)|同比|较/;
/** A count with its parts in brackets right after it: 「不予公开7件（其中涉及个人隐私5件、涉及商业秘密3件）」. */
const BRACKETED = /[件条个篇项起次][（(]/g;

/**
 * Where each count with bracketed parts starts, and where its bracket opens: found from the unit and bracket back to the
 * number's first digit, since a pattern starting at the digits tried every digit of a long run (quadratic on 20 000 digits).
 */
function* bracketedCounts(text: string): Generator<{ index: number; open: number }> {
  for (const m of text.matchAll(BRACKETED)) {
    let end = m.index;
    while (end > 0 && /\s/.test(text[end - 1]!)) end--;
    let start = end;
    while (start > 0 && /[\d,.]/.test(text[start - 1]!)) start--;
    while (start < end && !/\d/.test(text[start]!)) start++;
    if (start < end) yield { index: start, open: m.index + 1 };
  }
}

/**
 * Parts in brackets after their whole, read as if written after 「，其中」 (brackets inside them stay brackets: a part's own
 * parts). The words before the whole, from the comma before it, go with it (what it counts, a change).
 */
function checkBracketed(s: Sentence, out: Problem[]) {
  for (const m of bracketedCounts(s.text)) {
    const open = m.open;
    const close = closingBracket(s.text, open);
    if (close < 0) continue;
    const inner = s.text.slice(open + 1, close).replace(/^(?:其中|包括|包含|含)/, '');
    // 「53件（2022年41件、2021年35件）」「（上年41件）」: other years' counts beside it, not its parts.
    if (OTHER_YEARS.test(inner)) continue;
    const start = m.index - clauseBefore(s.text, m.index).length;
    const text = `${s.text.slice(start, open)}，其中${inner}`;
    const marker = /，其中/.exec(text.slice(0, open - start + 3))!;
    const found: Problem[] = [];
    checkMarked({ ...s, text, numbers: numbersIn(text) }, undefined, marker, found);
    for (const p of found) {
      const from = drawnFrom.get(p)!;
      const q = { ...p, excerpt: s.text };
      drawnFrom.set(q, { ...from, texts: [s.text] });
      out.push(q);
    }
  }
}

/** The index of the bracket that closes the one opened at `open`, or -1. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (/[（(]/.test(text[i]!)) depth++;
    else if (/[）)]/.test(text[i]!) && --depth === 0) return i;
  }
  return -1;
}

/**
 * Applications listed against a whole that holds more than they: the results, with those carried forward after
 * them (「受理57件，其中予以公开22件…其他处理3件，结转下年度3件」), or the new ones only, when the whole says in
 * brackets what else it holds (「办理57件（含上年结转4件），其中网上申请38件…」).
 */
function addsUpOtherwise(wholeText: string, whole: NumberMention, partsText: string, sum: number): boolean {
  const forward = Number(/结转(?:至|到)?下一?年度?(?:继续办理)?(\d+)件/.exec(partsText)?.[1] ?? NaN);
  const after = wholeText.slice(whole.index + whole.raw.length);
  const held = Number(/^[(（](?:含|包括|其中)[^)）]*?(\d+)件/.exec(after)?.[1] ?? NaN);
  return sum + forward === whole.value || sum + held === whole.value;
}

/** Parts after 其中 against the whole before it; whether there was one. */
function checkMarked(s: Sentence, prev: Sentence | undefined, marker: RegExpExecArray, out: Problem[]): boolean {
  let wholes = wholesOf(
    s.text,
    s.numbers.filter((n) => n.index < marker.index),
  );
  let wholeText = s.text;
  // 「发布信息178条。其中……」: the whole closes the previous sentence of the same paragraph.
  if (!wholes.length && marker.index <= 2 && prev && prev.el === s.el && prev.section === s.section) {
    wholes = wholesOf(prev.text, prev.numbers);
    wholeText = prev.text;
    // 「收到申请53件，上年结转4件。其中予以公开22件…」: with several counts before, which the 其中 is of cannot be told.
    const last = wholes.at(-1);
    const counts = prev.numbers.filter((n) => n.unit === last?.unit && !isChange(prev.text, n) && !inParentheses(prev.text, n.index));
    if (counts.length > 1) return true;
  }
  const whole = wholes[wholes.length - 1];
  if (!whole) return false;
  if (!whole.unit || whole.unit === '%' || isApproximate(wholeText, whole)) return true;
  const parts = partsIn(s, marker.index + marker[0].length, s.text.length, whole.unit, false);
  if (!parts) return true;
  const excerpt = wholeText === s.text ? s.text : prev!.text + s.text;
  const texts = wholeText === s.text ? [s.text] : [prev!.text, s.text];
  const exhaustive = EXHAUSTIVE.test(s.text.slice(marker.index));
  // 「建议386件、提案452件，其中主办建议268件、主办提案305件」: each part goes to the whole whose kind it names.
  const kinds = wholes.map((w) => kindOf(wholeText, w));
  const label = (p: Part) => clauseBefore(s.text, p.n.index, true);
  const others = new Set(kinds.filter((k) => k && k !== kinds[kinds.length - 1]));
  if (parts.some((p) => [...others].some((k) => label(p).includes(k!)))) {
    const named = (p: Part) => new Set(kinds.filter((k) => k && label(p).includes(k)));
    if (new Set(kinds).size !== kinds.length || parts.some((p) => named(p).size !== 1)) return true;
    wholes.forEach((w, j) => {
      const own = parts.filter((p) => named(p).has(kinds[j]!));
      const wrong = own.length && contradicts(s.text, w, own, exhaustive, false, true);
      if (wrong) out.push(problem(s, excerpt, w, wrong, texts));
    });
    return true;
  }
  const wrong = contradicts(s.text, whole, parts, exhaustive, false);
  // Another count before the list that the parts add up to is their whole (「印发文件412件，按发文字号分…；其中主动公开的68件…」),
  // or the wholes listed side by side together, when the parts name none of them (「承办建议32件、提案41件，其中主办23件、协办50件」).
  const sum = wrong ? sumOf(wrong) : NaN;
  const before = [...s.numbers.filter((n) => n.index < marker.index), ...(wholeText === s.text ? [] : prev!.numbers)];
  const ofAnother = before.some((n) => n.unit === whole.unit && n.value === sum) || (wholes.length > 1 && wholes.reduce((t, w) => t + w.value, 0) === sum);
  if (wrong && !ofAnother && !addsUpOtherwise(wholeText, whole, s.text.slice(marker.index), sum)) out.push(problem(s, excerpt, whole, wrong, texts));
  return true;
}

/** 「概况类信息12条、…60条，共计326条」: parts before a total, which claims to be their sum. */
function checkTotals(s: Sentence, from: number, out: Problem[]) {
  for (const total of s.numbers) {
    if (total.index < from || !TOTAL.test(s.text.slice(from, total.index))) continue;
    if (total.unit && total.unit !== '%' && !isApproximate(s.text, total) && !inParentheses(s.text, total.index)) {
      const parts = partsIn(s, from, total.index, total.unit, true);
      const wrong = parts && contradicts(s.text, total, parts, true, true);
      if (wrong) out.push(problem(s, s.text, total, wrong));
    }
    from = total.index + total.raw.length;
  }
}
