import type { CellRef, Report } from '../model';
import { compact, ellipsis } from '../text';
import { showBound, sumBound } from './arithmetic';
import { ref, t3GroupRefs } from './helpers';
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
  /** Skips a match whose sentence says the number means something else. */
  unless?: (sentence: string, match: RegExpExecArray) => boolean;
}

/** Each sentence compacted, numbers without their thousands separators (「6,400件」 is 6400). */
export const proseSentences = (r: Report) => r.sentences.map((s) => ({ s, c: compact(s.text).replace(/(\d),(?=\d{3}(?!\d))/g, '$1') }));

/**
 * Stated numbers against the table. Blank cells count as unknowns ≥ 0, so a number is contradicted
 * only when no values of the blanks can give it (the filled cells already exceed it, say).
 */
export function checkClaims(report: Report, claims: Claim[]): Problem[] {
  const out: Problem[] = [];
  const sentences = proseSentences(report);
  sentences.forEach(({ s, c }, i) => {
    for (const claim of claims) {
      const m = claim.pattern.exec(c);
      if (!m) continue;
      // The claim is read with the sentence after it: 「受理749件。其中新收713件、上年结转36件。」
      const context = c.slice(m.index) + (sentences[i + 1]?.c ?? '');
      if (claim.unless?.(context, m)) continue;
      const stated = Number(m[1]);
      const readings = claim.readings?.(report, context) ?? [claim.cells(report)];
      const bounds = readings.map((cells) => sumBound(report, cells));
      if (bounds.some((b) => stated >= b.lo && stated <= b.hi)) continue;
      const b = bounds[0]!;
      const exact = b.lo === b.hi;
      out.push({
        section: s.section,
        cells: readings[0],
        excerpt: s.text,
        expected: exact ? b.lo : showBound(b),
        actual: stated,
        message: `正文称${claim.what} ${stated} 件，表格为 ${showBound(b)} 件${exact ? '' : '（空白单元格按不小于 0 计）'}：「${ellipsis(s.text, 60)}」`,
      });
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
