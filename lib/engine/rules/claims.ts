import type { CellRef, Report, Sentence } from '../model';
import { chineseCount, chineseDigits, compact, ellipsis } from '../text';
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
  /** Skips a match whose clause (from the comma before it to its end) or sentence says the number means something else. */
  unless?: (clause: string, sentence: string) => boolean;
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
        // 「两件」「三起」: a count in Chinese numerals reads as its digits.
        c: compact(s.text)
          .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
          .replace(/(?<![\d〇零一二两三四五六七八九十百千万])[一二两三四五六七八九十]{1,3}(?=[件起])/g, (n) => String(chineseCount(n) || n)),
      }))),
    );
  return out;
}

/**
 * Words that say which year the numbers after them are of. 「上年结转」 names a row of this year's
 * table, not a year. A comparison (「较上年」「与上年…相比」) holds to the end of its clause only.
 */
const YEAR_WORD = /(较|比|与)?(?:上一?年度?|前一年度?|去年|前年)(?!度?结转)|(?:本|今|全)年度?|(20\d{2}|二[〇○零][〇○零一二三四五六七八九]{2})\s*年/g;

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
    else if (!/[，,；]/.test(before.slice(m.index + m[0].length))) return true;
  }
  return other;
}

/**
 * Words that make a statement another body's or several bodies' (「全县各级行政机关共收到申请356件」,
 * 「各直属单位另收到…」, 「组织全省开展清理，共废止…」, 「县政府及部门」, 「另以省政府名义办理…」): not this report's table.
 */
const OTHER_BODY =
  /全(?:省|市|州|盟|县|区|旗|镇|乡|系统)|各级|各(?:部门|单位|地区|乡镇|街道|县|区)|(?:直属|所属|下属|[委局厅部办院署]属)各?(?:单位|部门|机构)|[及和与各](?:所属|下属|直属)?(?:部门|单位|乡镇|街道)|名义/;

/** Whether the text before a statement (its sentence so far) speaks of other bodies than the report's. */
export const aboutOtherBody = (before: string): boolean => OTHER_BODY.test(before);

/**
 * Stated numbers against the table: every statement of a sentence, unless the sentence puts it in
 * another year or another body (「与上年收到申请41件相比」). Blank cells count as unknowns ≥ 0, so a number is
 * contradicted only when no values of the blanks can give it (the filled cells already exceed it, say).
 */
export function checkClaims(report: Report, claims: Claim[]): Problem[] {
  const out: Problem[] = [];
  const sentences = proseSentences(report);
  const each = claims.map((claim) => ({ claim, all: new RegExp(claim.pattern.source, claim.pattern.flags.replace('g', '') + 'g') }));
  sentences.forEach(({ s, c }, i) => {
    // Every claim states a count (「…12件」「…2起」): most sentences state none.
    if (!/\d[件起次]/.test(c)) return;
    for (const { claim, all } of each) {
      // A sentence that states the table's count once and others of the same kind beside it (「县政府印发3件，
      // 县政府办公室印发2件，全年共制发5件」) gives the others as parts of it.
      const wrong: Problem[] = [];
      let right = false;
      for (const m of c.matchAll(all)) {
        const before = c.slice(0, m.index);
        if (aboutOtherYear(report, before) || aboutOtherBody(before)) continue;
        // The claim is read with the sentence after it: 「受理749件。其中新收713件、上年结转36件。」
        const context = c.slice(m.index) + (sentences[i + 1]?.c ?? '');
        if (claim.unless?.(clauseBefore(c, m.index + m[0].length), c)) continue;
        const stated = Number(m[1]);
        const readings = claim.readings?.(report, context) ?? [claim.cells(report)];
        const bounds = readings.map((cells) => sumBound(report, cells));
        if (bounds.some((b) => stated >= b.lo && stated <= b.hi)) {
          right = true;
          continue;
        }
        const b = bounds[0]!;
        const exact = b.lo === b.hi;
        wrong.push({
          section: s.section,
          cells: readings[0],
          excerpt: s.text,
          expected: exact ? b.lo : showBound(b),
          actual: stated,
          message: `正文称${claim.what} ${stated} 件，表格为 ${showBound(b)} 件${exact ? '' : '（空白单元格按不小于 0 计）'}：「${ellipsis(s.text, 60)}」`,
        });
      }
      if (!right) out.push(...wrong);
    }
  });
  return out;
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
