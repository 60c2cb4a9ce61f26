import type { CellRef, Report } from '../model';
import { T4_GROUPS } from '../parse/table-specs';
import { compact, ellipsis } from '../text';
import { ref, sumOf, t3GroupRefs } from './access';
import type { Problem, Rule } from './types';

/** A statement in the prose that names a quantity the tables also hold. */
interface Claim {
  pattern: RegExp;
  /** The table cells whose sum the stated number must equal. */
  cells: (r: Report) => CellRef[];
  what: string;
}

const proseSentences = (r: Report) => r.sentences.map((s) => ({ s, c: compact(s.text) }));

function checkClaims(report: Report, claims: Claim[]): Problem[] {
  const out: Problem[] = [];
  for (const { s, c } of proseSentences(report))
    for (const claim of claims) {
      const m = claim.pattern.exec(c);
      if (!m) continue;
      const cells = claim.cells(report);
      const table = sumOf(report, cells);
      const stated = Number(m[1]);
      if (table === null || table === stated) continue;
      out.push({
        section: s.section,
        cells,
        excerpt: s.text,
        expected: table,
        actual: stated,
        message: `正文称${claim.what} ${stated} 件，表格为 ${table} 件：「${ellipsis(s.text, 60)}」`,
      });
    }
  return out;
}

const total = (row: string) => () => [ref('t3', row, 'total')];
const groupTotal = (prefix: string) => (r: Report) => t3GroupRefs(r, prefix);
const t4Totals = (groups: readonly string[]) => () => groups.map((g) => ref('t4', '1', `${g}.total`));

/** 「收到申请 N 件」 but not 「收到行政复议申请」. */
const APPLICATIONS = /(?:收到|受理|接收|新收|接到)(?:[^。；，,复议诉讼结转]{0,20})申请(?:共|计|合计)?(\d+)件/;

export const proseApplications: Rule = {
  id: 'prose-applications',
  severity: 'error',
  title: { zh: '正文申请数与表格不符', en: 'Stated applications ≠ table' },
  description: { zh: '总体情况中的依申请公开数量、结转数量应与第三部分表格一致；「未收到申请」时表格不应有新收申请。', en: 'Application counts in the prose must agree with table 3.' },
  basis: '《政府信息公开条例》第五十条（年度报告应当包括收到和处理政府信息公开申请的情况）',
  example: '正文「共收到政府信息公开申请15件」，表格新收 12 件。',
  check(report) {
    if (!report.tables.t3) return [];
    const out = checkClaims(report, [
      { pattern: APPLICATIONS, cells: total('1'), what: '收到政府信息公开申请' },
      { pattern: /上年(?:度)?结转(?:[^。；，,\d]{0,16})(\d+)件/, cells: total('2'), what: '上年结转申请' },
      { pattern: /结转(?:至|到)?下(?:一)?年度?(?:继续办理)?(?:[^。；，,\d]{0,10})(\d+)件/, cells: total('4'), what: '结转下年度申请' },
    ]);
    const received = sumOf(report, total('1')());
    for (const { s, c } of proseSentences(report)) {
      if (received && received > 0 && /未(?:收到|受理|接到)(?:[^。；，,复议诉讼]{0,16})申请/.test(c))
        out.push({ section: s.section, cells: total('1')(), excerpt: s.text, expected: received, actual: 0, message: `正文称未收到申请，但表格本年新收申请 ${received} 件` });
    }
    return out;
  },
};

export const proseResults: Rule = {
  id: 'prose-results',
  severity: 'error',
  title: { zh: '正文办理结果与表格不符', en: 'Stated results ≠ table' },
  description: { zh: '正文列出的予以公开、部分公开、不予公开等件数应与第三部分对应行一致。', en: 'A breakdown of results in the prose must match the rows of table 3.' },
  basis: '《政府信息公开条例》第五十条',
  example: '正文「予以公开6件」，表格「（一）予以公开」总计 5 件。',
  check(report) {
    if (!report.tables.t3) return [];
    return checkClaims(report, [
      { pattern: /予以公开(?:的)?(\d+)件/, cells: total('3.1'), what: '予以公开' },
      { pattern: /部分公开(?:的)?(\d+)件/, cells: total('3.2'), what: '部分公开' },
      { pattern: /不予公开(?:的)?(\d+)件/, cells: groupTotal('3.3'), what: '不予公开' },
      { pattern: /无法提供(?:的)?(\d+)件/, cells: groupTotal('3.4'), what: '无法提供' },
      { pattern: /不予处理(?:的)?(\d+)件/, cells: groupTotal('3.5'), what: '不予处理' },
    ]);
  },
};

export const proseReviewSuit: Rule = {
  id: 'prose-review-suit',
  severity: 'error',
  title: { zh: '正文复议诉讼情况与表格不符', en: 'Stated review/litigation ≠ table' },
  description: { zh: '正文的行政复议、行政诉讼件数，以及「均获维持」「未发生复议诉讼」等表述，应与第四部分表格一致。', en: 'Review and litigation statements in the prose must agree with table 4.' },
  basis: '《政府信息公开条例》第五十条（因政府信息公开工作被申请行政复议、提起行政诉讼的情况）',
  example: '正文「均获维持」，表格有 1 件尚未审结。',
  check(report) {
    if (!report.tables.t4?.rows['1']) return [];
    const out = checkClaims(report, [
      { pattern: /行政复议(?:案件)?(?:共|计)?(\d+)(?:件|起)/, cells: t4Totals(['review']), what: '行政复议' },
      { pattern: /行政诉讼(?:案件)?(?:共|计)?(\d+)(?:件|起)/, cells: t4Totals(['suit', 'suit_after_review']), what: '行政诉讼' },
    ]);
    const reviews = sumOf(report, t4Totals(['review'])()) ?? 0;
    const suits = sumOf(report, t4Totals(['suit', 'suit_after_review'])()) ?? 0;
    for (const { s, c } of proseSentences(report)) {
      // 「未经复议直接起诉」 names a kind of suit, not the absence of one.
      const denial = /(?:未|没有|无)(?!经|论)(?:发生|收到|出现|产生)?[^。；]{0,24}(行政复议|行政诉讼)/.exec(c);
      if (denial) {
        const mentionsReview = /复议/.test(denial[0]);
        const mentionsSuit = /诉讼/.test(denial[0]);
        const n = (mentionsReview ? reviews : 0) + (mentionsSuit ? suits : 0);
        if (n > 0)
          out.push({ section: s.section, cells: t4Totals(T4_GROUPS)(), excerpt: s.text, expected: n, actual: 0, message: `正文称未发生行政复议或行政诉讼，但表格共有 ${n} 件` });
      }
      if (/均(?:获|被|予以|得到)?维持|全部(?:获|被)?维持/.test(c)) {
        const notUpheld = T4_GROUPS.flatMap((g) => ['corrected', 'other', 'pending'].map((p) => ref('t4', '1', `${g}.${p}`)));
        const n = sumOf(report, notUpheld);
        if (n)
          out.push({ section: s.section, cells: notUpheld, excerpt: s.text, expected: 0, actual: n, message: `正文称「均获维持」，但表格有 ${n} 件被纠正、其他结果或尚未审结` });
      }
    }
    return out;
  },
};

const SHARE_RATE = /(?:采用|办结|答复|回复|公开|满意|按时|及时|完成|通过|合格|覆盖|参与|处理|受理|结案|上网|正确|准确)率|占比|比例/;

/** 「采用率18%」 etc.: a stated share against the two numbers before it in the same sentence. */
export const proseRate: Rule = {
  id: 'prose-rate',
  severity: 'warning',
  title: { zh: '正文比率计算错误', en: 'Stated rate does not match its numbers' },
  description: { zh: '正文给出的比率应等于其分子除以分母（按所写精度四舍五入），例如「上报35条，采用6条，采用率18%」应为 17.1%。', en: 'A stated rate must equal numerator / denominator at its printed precision.' },
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

const PART_MARKER = /其中|包括|包含|分别为|分别是/;

/** 「共发布178条，其中1条、144条、33条」: the parts must add up to the stated whole. */
export const prosePartsWhole: Rule = {
  id: 'prose-parts-whole',
  severity: 'warning',
  title: { zh: '正文分项之和与总数不符', en: 'Stated parts do not add up to their whole' },
  description: { zh: '正文中「共 N 条，其中 a 条、b 条……」的各分项之和应等于总数。', en: 'Parts listed after 「其中」 must add up to the whole stated before it.' },
  basis: '数据准确性（报告内部一致）',
  example: '「发布信息178条，其中1条、144条、30条」：1+144+30 = 175。',
  check(report) {
    const out: Problem[] = [];
    report.sentences.forEach((s, i) => {
      const marker = PART_MARKER.exec(s.text);
      if (!marker) return;
      const prev = report.sentences[i - 1];
      let whole = s.numbers.filter((n) => n.index < marker.index && n.unit && n.unit !== '%').pop();
      let context = s.text;
      // 「发布信息178条。其中……」: the whole closes the previous sentence of the same paragraph.
      if (!whole && marker.index <= 2 && prev && prev.el === s.el && prev.section === s.section) {
        whole = prev.numbers.filter((n) => n.unit && n.unit !== '%').pop();
        context = prev.text + s.text;
      }
      if (!whole) return;
      const parts = s.numbers.filter((n) => n.index > marker.index && n.unit === whole!.unit);
      if (parts.length < 2 || /等/.test(s.text.slice(parts[parts.length - 1]!.index))) return;
      const sum = parts.reduce((a, n) => a + n.value, 0);
      if (Math.abs(sum - whole.value) < 1e-9) return;
      out.push({
        section: s.section,
        excerpt: context,
        expected: whole.value,
        actual: sum,
        message: `分项之和 ${parts.map((p) => p.value).join(' + ')} = ${sum}${whole.unit}，与总数 ${whole.value}${whole.unit} 不符`,
      });
    });
    return out;
  },
};

