import type { CellRef, Report } from '../model';
import { compact, ellipsis } from '../text';
import { ref, sumOf, t3GroupRefs } from './helpers';
import type { Problem } from './types';

/** A statement in the prose that names a quantity the tables also hold. */
export interface Claim {
  pattern: RegExp;
  /** The table cells whose sum the stated number must equal. */
  cells: (r: Report) => CellRef[];
  what: string;
}

export const proseSentences = (r: Report) => r.sentences.map((s) => ({ s, c: compact(s.text) }));

export function checkClaims(report: Report, claims: Claim[]): Problem[] {
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

export const total = (row: string) => () => [ref('t3', row, 'total')];
export const groupTotal = (prefix: string) => (r: Report) => t3GroupRefs(r, prefix);
export const t4Totals = (groups: readonly string[]) => () => groups.map((g) => ref('t4', '1', `${g}.total`));

