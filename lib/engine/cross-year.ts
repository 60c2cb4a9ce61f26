/**
 * Checks across one body's consecutive years: carry-over (this year's t3 row 2 = last year's row
 * 4) and 现行有效件数 (last in_force + issued − repealed = this in_force). Reports are matched to a
 * body by agency name; when the match is not sure, the finding says so instead of guessing.
 */
import { cellKey, type Finding, type Report, type YearFacts } from './model';
import { CROSS_YEAR_RULES } from './rules/registry';
import { crossYearUncertain } from './rules/cross-year-uncertain';
import { toFinding } from './rules/types';
import { compact } from './text';

export type { YearFacts };

export function factsOf(report: Report, source: string): YearFacts {
  const values: Record<string, number | null> = {};
  for (const t of ['t2', 't3', 't4'] as const)
    for (const [row, cols] of Object.entries(report.tables[t]?.rows ?? {}))
      for (const [column, cell] of Object.entries(cols)) values[cellKey({ table: t, row, column })] = cell.status === 'ok' ? cell.value : null;
  return { source, agency: report.agency, year: report.year, layout: report.layout, values };
}

/** An agency name without spacing and punctuation: 「开封市 司法局」 = 「开封市司法局」. */
export function agencyKey(agency: string): string {
  return compact(agency).replace(/[()（）·,，、。.\-—]/g, '');
}

const ORGAN = /(?:局|委员会|委|办公室|办|院|政府|厅|处|中心|所|站|队|会|部)$/;

/**
 * 'same' when the names are equal; 'likely' when one is the other with a place prefix
 * (「孟津区司法局」 and 「洛阳市孟津区司法局」); otherwise 'no'.
 */
export function sameBody(a: string, b: string): 'same' | 'likely' | 'no' {
  const x = agencyKey(a);
  const y = agencyKey(b);
  if (!x || !y) return 'no';
  if (x === y) return 'same';
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return short.length >= 4 && ORGAN.test(short) && long.endsWith(short) && /[省市区县州旗盟镇乡]$/.test(long.slice(0, long.length - short.length)) ? 'likely' : 'no';
}

export type PreviousMatch =
  | { kind: 'found'; previous: YearFacts; how: 'same' | 'likely' }
  | { kind: 'ambiguous'; candidates: YearFacts[] }
  | { kind: 'none' };

/** The same body's report for the year before, among candidates. */
export function findPrevious(current: YearFacts, candidates: YearFacts[]): PreviousMatch {
  if (!current.year) return { kind: 'none' };
  const prior = candidates.filter((c) => c.year === current.year! - 1 && c.source !== current.source);
  const same = prior.filter((c) => sameBody(current.agency, c.agency) === 'same');
  if (same.length === 1) return { kind: 'found', previous: same[0]!, how: 'same' };
  if (same.length > 1) return { kind: 'ambiguous', candidates: same };
  const likely = prior.filter((c) => sameBody(current.agency, c.agency) === 'likely');
  const bodies = new Set(likely.map((c) => agencyKey(c.agency)));
  if (likely.length === 1) return { kind: 'found', previous: likely[0]!, how: 'likely' };
  if (bodies.size > 1 || likely.length > 1) return { kind: 'ambiguous', candidates: likely };
  return { kind: 'none' };
}

/** Cross-year findings for one report against the others the auditor has. */
export function crossYearFindings(current: YearFacts, candidates: YearFacts[], disabled: readonly string[] = []): Finding[] {
  const match = findPrevious(current, candidates);
  if (match.kind === 'none') return [];
  if (match.kind === 'ambiguous')
    return disabled.includes(crossYearUncertain.id)
      ? []
      : [toFinding(crossYearUncertain, { message: `找到多份可能是 ${current.year! - 1} 年度的同一机关报告（${match.candidates.map((c) => c.agency).join('、')}），未作跨年度比对` })];
  return CROSS_YEAR_RULES.filter((r) => !disabled.includes(r.id)).flatMap((r) => r.check(current, match.previous, match.how).map((p) => toFinding(r, p)));
}
