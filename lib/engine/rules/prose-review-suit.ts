import { T4_GROUPS } from '../parse/table-specs';
import { checkClaims, proseSentences, t4Totals } from './claims';
import { ref, sumOf } from './helpers';
import type { ReportRule } from './types';

export const proseReviewSuit: ReportRule = {
  kind: 'report',
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
