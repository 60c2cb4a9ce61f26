import type { Report } from '../model';
import { compact, digitYears, ellipsis } from '../text';
import type { Problem, ReportRule } from './types';

/** The sentence that names the report's own period: 统计期限, 统计时限 … */
// Not 统计范围: which units the figures cover (「包括局机关及2021年划入的3个执法大队」), not when.
const PERIOD = /统计(?:期限|时限|时间|区间|周期|起止)/;
/** …or a statistics (or 报告期) sentence that spans a whole year from 1 January: 「数据统计自2023年1月1日起至12月31日止」. */
const WHOLE_YEAR = /(20\d{2})年(?:0?1|一)月(?:(?:0?1|一)日)?起?[，,]?(?:至|到|截至|截止|[-—~－])/;

const yearIn = (text: string) => Number(/(20\d{2})年/.exec(text)?.[1]) || null;
/** The first year after 统计期限: 「根据2019年修订的《条例》编制，统计期限自2023年1月1日起」 names the 《条例》's year first. */
const namedPeriod = (text: string) => {
  const at = PERIOD.exec(text);
  return at ? (yearIn(text.slice(at.index)) ?? yearIn(text)) : null;
};
/**
 * The year a whole-year span of statistics (or the report's 报告期: 「本报告报告期为2023年1月1日至12月31日」) starts;
 * 「自2022年7月起实行按月统计」 is a practice, not the period.
 */
const spannedPeriod = (text: string) => (/统计|数据|报告期/.test(text) ? Number(WHOLE_YEAR.exec(text)?.[1]) || null : null);

/** Years the report states for itself: the 统计期限 sentence, and sentences opening 「2023年，我局……」. */
function statedYears(report: Report) {
  const texts = report.sentences.map((s) => digitYears(compact(s.text)));
  const first = (read: (text: string) => number | null) => {
    for (const [i, text] of texts.entries()) {
      const y = read(text);
      if (y) return { period: report.sentences[i], periodYear: y };
    }
  };
  const { period, periodYear } = first(namedPeriod) ?? first(spannedPeriod) ?? { period: undefined, periodYear: null };
  const leading = report.sentences.map((s, i) => ({ s, y: Number(/^(20\d{2})年度?[，,]/.exec(texts[i]!)?.[1]) })).filter((x) => x.s.section === 's1' && x.y);
  return { period, periodYear, leading };
}

export const yearMismatch: ReportRule = {
  kind: 'report',
  id: 'year-mismatch',
  severity: 'error',
  title: { zh: '报告年度前后不一致', en: 'Report year is inconsistent' },
  description: {
    zh: '标题的年度、统计期限（「统计期限自2023年1月1日起……」，也认中文数字「二〇二三年」）、正文「20XX年，我局……」所说的年度应当一致。统计期限句中在期限之前的年份（「根据2019年修订的《条例》」）和「自2022年7月起实行按月统计」之类的做法不算统计期限。',
    en: 'The year in the title, the statistics period (digits or Chinese numerals) and the prose must agree. A year before the period in its sentence (「2019年修订的《条例》」) or a practice such as 「自2022年7月起实行按月统计」 is not the period.',
  },
  basis: '《政府信息公开条例》第五十条；年度报告格式（统计期限为上一年度 1 月 1 日至 12 月 31 日）',
  example: '标题为「2023年…年度报告」，统计期限却写「自2022年1月1日起至12月31日止」。',
  check(report) {
    if (!report.year) return [];
    const out: Problem[] = [];
    const { period, periodYear, leading } = statedYears(report);
    if (period && periodYear && periodYear !== report.year)
      out.push({
        excerpt: period.text,
        expected: report.year,
        actual: periodYear,
        message: `标题为 ${report.year} 年度，统计期限却是 ${periodYear} 年：「${ellipsis(period.text, 50)}」`,
      });
    // One earlier year, opening two sentences or more: a plan for next year (「2024年，我局将…」) or last year's
    // figure beside this year's are not a report carried over.
    // A later year too where one voice alone gives the report's year: a title without its year leaves it to the
    // 统计期限, and a title with no 统计期限 may have its year mistyped (「2022年…年度报告」 over 「2023年，我局…」 throughout).
    const titled = /20\d{2}年/.test(digitYears(compact(report.title)));
    const oneVoice = !titled || !periodYear;
    const others = leading.filter((x) => (x.y < report.year! || (oneVoice && x.y > report.year!)) && !/将|计划|拟|力争|下一步/.test(x.s.text));
    const often = others.find((x) => others.filter((o) => o.y === x.y).length >= 2)?.y;
    const other = others.filter((x) => x.y === often);
    if (other.length >= 2 && other.length > leading.length / 2)
      out.push({
        severity: 'warning',
        section: 's1',
        excerpt: other[0]!.s.text,
        expected: report.year,
        actual: other[0]!.y,
        message: `${titled ? '标题' : '统计期限'}为 ${report.year} 年度，总体情况却多处写「${other[0]!.y}年，……」，${other[0]!.y < report.year ? '可能沿用了往年报告' : '年度前后不一致'}`,
      });
    return out;
  },
};
