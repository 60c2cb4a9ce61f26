import { clauseBefore, mentionsSum } from './helpers';
import type { Problem, ReportRule } from './types';
import type { NumberMention } from '../model';

const PART_MARKER = /其中|包括|包含|分别为|分别是/g;
/** A list that claims to be whole: 「分别为」, or a part named 其他/其余. */
const EXHAUSTIVE = /分别(?:为|是)|其[他它余]/;
/** Below this share of the whole, parts are highlights (「其中政策文件45条、政策解读30条」), not a breakdown. */
const NEAR_MISS = 0.9;

const inParentheses = (text: string, index: number) =>
  (text.slice(0, index).match(/[（(]/g)?.length ?? 0) > (text.slice(0, index).match(/[）)]/g)?.length ?? 0);
/** 「较上年增加9件」: a change, not a whole. */
const isChange = (text: string, n: NumberMention) => /增加|减少|增长|下降|较|同比|环比/.test(clauseBefore(text, n.index, true));
/** 「100余件」「约300条」: no sum can be checked against it. */
const isApproximate = (text: string, n: NumberMention) =>
  /^[余多]/.test(text.slice(n.index + n.raw.length)) || /(?:约|近|逾|超过)$/.test(text.slice(0, n.index));
/** The last count among these numbers of a text (「12345热线」 names a line, not a count). */
const wholeOf = (text: string, numbers: NumberMention[]) => numbers.filter((n) => !isChange(text, n) && (n.unit || isApproximate(text, n))).pop();
/**
 * Channels one piece of information is published on (「其中门户网站100条，政务新媒体80条」): the same piece may go
 * out on several, so their counts may add up to more than the whole.
 */
const CHANNEL = /网站|新媒体|微信|微博|公众号|客户端|APP|报刊|报纸|电视|广播|平台|政务号|头条|抖音|视频号|公开栏|公告栏|政务服务网/i;
/** Where a list of parts moves on to something else: 「其中新收53件、上年结转4件，已办结54件」, or to a share of the whole (「占报送总数35条的17.1%」). */
const MOVES_ON = /办结|已|结转(?:至|到)?下|继续办理|答复|较|同比|占/;

/** 「共发布178条，其中1条、144条、33条」: the parts must add up to the stated whole. */
export const prosePartsWhole: ReportRule = {
  kind: 'report',
  id: 'prose-parts-whole',
  severity: 'warning',
  title: { zh: '正文分项之和与总数不符', en: 'Stated parts do not add up to their whole' },
  description: {
    zh: '正文中「共 N 条，其中 a 条、b 条……」的各分项之和应等于总数：超过总数即为矛盾（按发布渠道分列的除外：同一条信息可在网站、新媒体等多个渠道发布）；少于总数时，只在列举自称完整（「分别为」、列有「其他」）或差得不多（九成以上，多半是笔误）时提示，「其中政策文件45条」之类的举例不算。括号中的分项、约数、较上年的增减不参与计算。',
    en: 'Parts listed after 「其中」 must add up to the whole before them: more is a contradiction (except counts by publishing channel, which overlap); less is flagged only when the list claims to be whole (「分别为」, a part named 其他) or falls short by under a tenth. Parenthesised parts, approximate wholes and year-on-year changes are left out.',
  },
  basis: '数据准确性（报告内部一致）',
  example: '「发布信息178条，其中1条、144条、30条」：1+144+30 = 175。',
  check(report) {
    const out: Problem[] = [];
    report.sentences.forEach((s, i) => {
      const marker = [...s.text.matchAll(PART_MARKER)].find((m) => !inParentheses(s.text, m.index));
      if (!marker) return;
      const prev = report.sentences[i - 1];
      let whole = wholeOf(
        s.text,
        s.numbers.filter((n) => n.index < marker.index),
      );
      let wholeText = s.text;
      // 「发布信息178条。其中……」: the whole closes the previous sentence of the same paragraph.
      if (!whole && marker.index <= 2 && prev && prev.el === s.el && prev.section === s.section) {
        whole = wholeOf(prev.text, prev.numbers);
        wholeText = prev.text;
      }
      if (!whole || !whole.unit || whole.unit === '%' || isApproximate(wholeText, whole)) return;
      const parts: NumberMention[] = [];
      for (const n of s.numbers.filter((n) => n.index > marker.index)) {
        if (inParentheses(s.text, n.index)) continue;
        if (MOVES_ON.test(clauseBefore(s.text, n.index, true))) break;
        if (n.unit === whole.unit) parts.push(n);
      }
      if (parts.length < 2 || /等/.test(s.text.slice(parts[parts.length - 1]!.index))) return;
      const sum = mentionsSum(parts);
      if (Math.abs(sum - whole.value) < 1e-9) return;
      if (sum < whole.value && !EXHAUSTIVE.test(s.text.slice(marker.index)) && sum < NEAR_MISS * whole.value) return;
      if (sum > whole.value && parts.every((p) => CHANNEL.test(clauseBefore(s.text, p.index, true)))) return;
      out.push({
        section: s.section,
        excerpt: wholeText === s.text ? s.text : prev!.text + s.text,
        expected: whole.value,
        actual: sum,
        message: `分项之和 ${parts.map((p) => p.value).join(' + ')} = ${sum}${whole.unit}，与总数 ${whole.value}${whole.unit} 不符`,
      });
    });
    return out;
  },
};
