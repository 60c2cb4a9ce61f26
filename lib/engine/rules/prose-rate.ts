import type { Problem, ReportRule } from './types';

const SHARE_RATE = /(?:采用|办结|答复|回复|公开|满意|按时|及时|完成|通过|合格|覆盖|参与|处理|受理|结案|上网|正确|准确)率|占比|比例/;

/** 「采用率18%」 etc.: a stated share against the two numbers before it in the same sentence. */
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
    for (const s of report.sentences) {
      for (const rate of s.numbers.filter((n) => n.unit === '%')) {
        // Only a share of a whole: a growth rate (增长率, 同比) is not numerator / denominator.
        const before = s.text.slice(Math.max(0, rate.index - 10), rate.index);
        if (!SHARE_RATE.test(before) || /增长|增幅|下降|降幅|同比|环比|提高|提升/.test(before)) continue;
        const [den, num] = s.numbers.filter((n) => n.index < rate.index && n.unit !== '%').slice(-2);
        if (!den || !num || den.unit !== num.unit || den.value <= 0 || num.value > den.value) continue;
        const decimals = (String(rate.value).split('.')[1] ?? '').length;
        const computed = (num.value / den.value) * 100;
        if (Math.abs(computed - rate.value) <= 0.5 * 10 ** -decimals + 1e-9) continue;
        const shown = computed.toFixed(Math.max(1, decimals));
        out.push({
          section: s.section,
          excerpt: s.text,
          expected: `${shown}%`,
          actual: `${rate.value}%`,
          message: `比率有误：${num.value}/${den.value} = ${shown}%，正文写作 ${rate.value}%`,
        });
      }
    }
    return out;
  },
};
