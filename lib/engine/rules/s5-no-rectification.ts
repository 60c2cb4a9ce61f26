import { sectionText } from '../parse/report';
import { compact } from '../text';
import type { ReportRule } from './types';

/** Words that say something was fixed. */
const FIXED = /整改|改进|落实|解决|完善|改正|纠正/;
/**
 * Words that say it is done: under a heading on last year's problems, 「已于6月底前全部按期完成」 is the account, and so
 * is 「均已销号」 (an item closed off a list once fixed).
 */
const DONE = /完成|到位|完毕|见效|实效|销号|清零|办结/;
/** What a sentence naming last year says when it is about last year's problems, not its figures. */
const PROBLEMS = /问题|不足|短板|差距|整改|报告|年报|意见|指出|提出|反映|查找|发现/;
/** 「上述问题」「这些问题」「以上整改措施」「两项问题」: a later sentence that speaks of the problems an earlier one named. */
const THOSE = /(?:上述|以上|前述|这些|该|此类)[^，,。；;]{0,8}?(?:问题|不足|短板|事项|措施|整改)|[两二三四五六七八九十\d]+(?:项|个|方面|类)(?:问题|不足|短板)/;
/** A question (「问：上一年度报告指出的问题是否已经整改？」): what the answer says is the account, not the question. */
const ASKED = /^问[:：]|[？?]$|是否[^，,；;。]*。?$/;
/** A plan, not an account (「下一步……力争比上年度有更大提升」), unless it also says what is already done. */
const FORWARD = /下一步|今后|接下来|力争|争取|明年|将(?:进一步|继续|持续|着力|不断)/;
/** A numbered sub-heading such as 「（二）整改措施」: a title, not an account. */
const HEADING = /^(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])[^。；]{0,30}$/;
/** Where a sub-heading's text ends: the next 「（三）…」 or 「三、…」 (「1.」 numbers items within it). */
const NEXT_PART = /^(?:[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)/;
const SENTENCE_END = /[。；;！!？?：:]$/;

/**
 * Last year, in the words reports use: 上一年度, 上年度, 去年, the previous report (上期年报), or the year
 * itself (「2022年度报告指出的问题」).
 */
function lastYear(year: number | null): RegExp {
  return new RegExp(`上一?年度?|去年|前一年度|上一?期(?:年度)?(?:年报|报告)${year ? `|${year - 1}年` : ''}`);
}

/** The section as sub-headings and paragraphs of sentences; a line a PDF wrapped mid-sentence goes on in the next. */
function partsOf(text: string): { heading: boolean; sentences: string[] }[] {
  const parts: { heading: boolean; text: string }[] = [];
  for (const line of text.split('\n').map((l) => compact(l))) {
    if (!line) continue;
    const prev = parts.at(-1);
    if (HEADING.test(line)) parts.push({ heading: true, text: line });
    else if (prev && !prev.heading && !SENTENCE_END.test(prev.text) && !NEXT_PART.test(line)) prev.text += line;
    else parts.push({ heading: false, text: line });
  }
  return parts.map((p) => ({ heading: p.heading, sentences: p.heading ? [p.text] : p.text.split(/(?<=[。；;！!？?])/).filter(Boolean) }));
}

/**
 * Whether s5 accounts for last year's problems: a sentence that names them and a fix; or one that names
 * them followed, before the next sub-heading, by one saying 「上述问题已整改到位」; or a sub-heading that
 * names them followed by text that says what was fixed or done.
 */
function accountsForLastYear(text: string, year: number | null): boolean {
  const last = lastYear(year);
  // 「比上年度有更大提升」 compares with last year's figures; it names none of its problems.
  const compared = new RegExp(`[比较](?:${last.source})`, 'g');
  const namesLast = (s: string) => last.test(s.replace(compared, '')) && PROBLEMS.test(s);
  const planned = (s: string) => FORWARD.test(s) && !s.includes('已');
  const fixed = (s: string) => FIXED.test(s) && !planned(s) && !ASKED.test(s);
  const done = (s: string) => (FIXED.test(s) || DONE.test(s)) && !planned(s);
  const parts = partsOf(text);
  /** The sentences after parts[i].sentences[j], up to the next sub-heading. */
  const following = (i: number, j: number) => {
    const end = parts.findIndex((p, k) => k > i && NEXT_PART.test(p.sentences[0]!));
    return [...parts[i]!.sentences.slice(j + 1), ...parts.slice(i + 1, end < 0 ? undefined : end).flatMap((p) => p.sentences)];
  };
  return parts.some(({ heading, sentences }, i) => {
    if (heading) return namesLast(sentences[0]!) && following(i, 0).some(done);
    return sentences.some((s, j) => namesLast(s) && !planned(s) && (fixed(s) || following(i, j).some((t) => THOSE.test(t) && done(t))));
  });
}

export const s5NoRectification: ReportRule = {
  kind: 'report',
  id: 's5-no-rectification',
  severity: 'warning',
  title: { zh: '未说明上年度问题整改情况', en: 'No account of last year’s problems being fixed' },
  description: {
    zh: '第五部分应写明存在的问题、改进措施，以及上一年度问题的整改情况：要有一句话说到上一年度（上年度、去年、上期年报、上一年的年份）的问题或报告，并说已整改、改进或落实，或由其后「上述问题已整改到位」一类的话接上；以上一年度问题整改为题的小标题下，写明已完成也算。只有「整改措施」这样的小标题、「力争比上年度有更大提升」这样的打算或比较不算。',
    en: 'Section 5 should state how last year’s problems were fixed: a sentence naming last year’s problems or report (上年度, 去年, 上期年报, the year) with a fix, or followed by one such as 「上述问题已整改到位」; under a heading on last year’s problems, saying they were done counts. A heading such as 「整改措施」 alone, or a plan or comparison (「力争比上年度有更大提升」), does not.',
  },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）第五部分；第三方评估通常要求写明上年度问题整改情况',
  example: '第五部分只有「（二）整改措施」和今年的打算，没有说上年度问题改了没有。',
  check(report) {
    const text = sectionText(report, 's5');
    if (text === undefined) return [];
    if (!text.trim()) return [{ section: 's5', message: '「存在的主要问题及改进情况」部分为空' }];
    if (accountsForLastYear(text, report.year)) return [];
    return [{ section: 's5', message: '「存在的主要问题及改进情况」未说明上一年度问题的整改情况' }];
  },
};
