import { clauseBefore } from './helpers';
import type { Problem, ReportRule } from './types';

/** Counts of pieces of information: 「报送政务信息35条，被采用6篇」 counts one thing in both. */
const SAME_THING: Readonly<Record<string, string>> = { 条: '条', 篇: '条' };
const sameUnit = (a: string, b: string) => a === b || (!!SAME_THING[a] && SAME_THING[a] === SAME_THING[b]);

/** A share of a whole (not 满意率: a survey's answers, not the numbers before it). */
const SHARE_RATE = /(?:采用|办结|答复|回复|公开|按时|及时|完成|通过|合格|覆盖|参与|处理|受理|结案|上网|正确|准确)率|占|比例/;

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
    zh: '正文给出的比率应等于其分子除以分母（按所写精度四舍五入），例如「上报35条，采用6条，采用率18%」应为 17.1%。',
    en: 'A stated rate must equal numerator / denominator at its printed precision.',
  },
  basis: '数据准确性（报告内部一致）',
  example: '「上报政务信息35条，采用信息6条，采用率18%」：6/35 = 17.1%。',
  check(report) {
    const out: Problem[] = [];
    report.sentences.forEach((s, i) => {
      const prev = report.sentences[i - 1];
      for (const rate of s.numbers.filter((n) => n.unit === '%')) {
        // Only a share of a whole: a growth rate (增长率, 同比) is not numerator / denominator.
        const before = s.text.slice(Math.max(0, rate.index - 10), rate.index);
        if (!SHARE_RATE.test(before) || /增长|增幅|下降|降幅|同比|环比|提高|提升/.test(before)) continue;
        if (rate.value <= 0) continue;
        let counts = s.numbers.filter((n) => n.index < rate.index && n.unit !== '%');
        let text = s.text;
        if (!counts.length && prev && s.follows) {
          counts = prev.numbers.filter((n) => n.unit !== '%');
          text = prev.text;
        }
        const decimals = (String(rate.value).split('.')[1] ?? '').length;
        const fits = (num: number, den: number) => Math.abs((num / den) * 100 - rate.value) <= 0.5 * 10 ** -decimals + 1e-9;
        // The part is the number just before the rate, or the numbers after the whole summed (「采用6条、2条，采用率22.9%」);
        // the whole, any number before it in the same unit.
        const num = counts[counts.length - 1];
        // 「办结54件，办结率…」: a rate of a deed (办结, 采用) is of the number stated with that deed, not of any
        // number before it (「上年结转4件，按时办结率100%」).
        const deed = /(\S{2})率$/.exec(before.replace(/[\d.]+$/, ''))?.[1];
        const numClause = num ? clauseBefore(text, num.index + num.raw.length, true) : '';
        if (deed && !numClause.includes(deed)) continue;
        const wholes = counts.slice(0, -1).filter((n) => num && sameUnit(n.unit, num.unit) && n.value > 0 && n.value >= num.value);
        if (!num || !wholes.length) continue;
        const partsAfter = (i: number) => counts.slice(i + 1).reduce((sum, n) => sum + (sameUnit(n.unit, num.unit) ? n.value : 0), 0);
        if (wholes.some((den) => fits(num.value, den.value) || fits(partsAfter(counts.indexOf(den)), den.value))) continue;
        const den = wholes[wholes.length - 1]!;
        const computed = (num.value / den.value) * 100;
        const shown = computed.toFixed(Math.max(1, decimals));
        out.push({
          section: s.section,
          excerpt: text === s.text ? s.text : text + s.text,
          expected: `${shown}%`,
          actual: `${rate.value}%`,
          message: `比率有误：${num.value}/${den.value} = ${shown}%，正文写作 ${rate.value}%`,
        });
      }
    });
    return out;
  },
};
