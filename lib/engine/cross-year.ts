/**
 * Checks across one body's consecutive years: carry-over (this year's t3 row 2 = last year's row
 * 4) and 现行有效件数 (last in_force + issued − repealed = this in_force). Reports are matched to a
 * body by agency name; when the match is not sure, the finding says so instead of guessing.
 */
import { cellValues, type Finding, type Report, type YearFacts } from './model';
import { CROSS_YEAR_RULES } from './rules/registry';
import { crossYearUncertain } from './rules/cross-year-uncertain';
import { toFinding } from './rules/types';
import { compact } from './text';
import { simplifiedName } from './traditional';

export type { YearFacts };

export function factsOf(report: Report, source: string): YearFacts {
  return { source, agency: report.agency, year: report.year, layout: report.layout, values: cellValues(report) };
}

/**
 * An agency name without spacing and punctuation, in simplified characters: 「开封市 司法局」 = 「开封市司法局」,
 * and the name as a portal's 繁 switch writes it is the same name.
 */
export function agencyKey(agency: string): string {
  return compact(simplifiedName(agency)).replace(/[()（）·,，、。.\-—]/g, '');
}

const ORGAN = /(?:局|委员会|委|办公室|办|院|政府|厅|处|中心|所|站|队|会|部)$/;
const PLACE_END = /[省市区县州旗盟镇乡]$/;
/** The shortest body name a place prefix may stand before (「司法局」 alone is too vague). */
const MIN_LIKELY = 4;

/**
 * 'same' when the names are equal; 'likely' when one is the other with a place prefix
 * (「孟津区司法局」 and 「洛阳市孟津区司法局」); otherwise 'no'.
 */
export function sameBody(a: string, b: string): 'same' | 'likely' | 'no' {
  return keyMatch(agencyKey(a), agencyKey(b));
}

/** sameBody on names already reduced by agencyKey. */
function keyMatch(x: string, y: string): 'same' | 'likely' | 'no' {
  if (!x || !y) return 'no';
  if (x === y) return 'same';
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return short.length >= MIN_LIKELY && ORGAN.test(short) && long.endsWith(short) && PLACE_END.test(long.slice(0, long.length - short.length)) ? 'likely' : 'no';
}

/**
 * Items by body name, found in time linear in the name's length rather than in the number of
 * items: by equal key, and for 'likely' matches by every suffix a longer name could share.
 */
export class BodyIndex<T> {
  private readonly byKey = new Map<string, T[]>();
  /** A suffix (≥ MIN_LIKELY chars) → the longer keys that end with it. */
  private readonly bySuffix = new Map<string, string[]>();

  add(key: string, item: T): void {
    if (!key) return;
    const items = this.byKey.get(key);
    if (items) return void items.push(item);
    this.byKey.set(key, [item]);
    for (let i = 1; i <= key.length - MIN_LIKELY; i++) {
      const suffix = key.slice(i);
      const longer = this.bySuffix.get(suffix);
      if (longer) longer.push(key);
      else this.bySuffix.set(suffix, [key]);
    }
  }

  /** Items filed under exactly this key. */
  same(key: string): readonly T[] {
    return this.byKey.get(key) ?? [];
  }

  /** Keys that keyMatch takes for 'likely' the same body: shorter ones this key ends with, longer ones that end with it. */
  likelyKeys(key: string): string[] {
    if (!key) return [];
    const out: string[] = [];
    for (let i = 1; i <= key.length - MIN_LIKELY; i++) {
      const shorter = key.slice(i);
      if (this.byKey.has(shorter) && keyMatch(key, shorter) === 'likely') out.push(shorter);
    }
    for (const longer of this.bySuffix.get(key) ?? []) if (keyMatch(key, longer) === 'likely') out.push(longer);
    return out;
  }
}

export type PreviousMatch = { kind: 'found'; previous: YearFacts; how: 'same' | 'likely' } | { kind: 'ambiguous'; candidates: YearFacts[] } | { kind: 'none' };

/** Finds a report's previous year among a fixed set of candidates. */
export type PreviousFinder = (current: YearFacts) => PreviousMatch;

/**
 * Indexes candidates by year and body once, so finding every report's previous year costs time
 * linear in their number (8 000 stored reports), where filtering all candidates for each was quadratic.
 */
export function previousFinder(candidates: readonly YearFacts[]): PreviousFinder {
  const byYear = new Map<number, BodyIndex<{ facts: YearFacts; order: number }>>();
  // A body's name recurs once a year: reduce each spelling once.
  const keys = new Map<string, string>();
  const keyOf = (agency: string) => keys.get(agency) ?? keys.set(agency, agencyKey(agency)).get(agency)!;
  candidates.forEach((facts, order) => {
    if (facts.year === null) return;
    let index = byYear.get(facts.year);
    if (!index) byYear.set(facts.year, (index = new BodyIndex()));
    index.add(keyOf(facts.agency), { facts, order });
  });
  return (current) => {
    if (!current.year) return { kind: 'none' };
    const index = byYear.get(current.year - 1);
    if (!index) return { kind: 'none' };
    const key = keyOf(current.agency);
    const other = (c: { facts: YearFacts }) => c.facts.source !== current.source;
    const same = index
      .same(key)
      .filter(other)
      .map((c) => c.facts);
    if (same.length === 1) return { kind: 'found', previous: same[0]!, how: 'same' };
    if (same.length > 1) return { kind: 'ambiguous', candidates: same };
    // In the candidates' own order, as a plain filter over them would list them.
    const likelyItems = index.likelyKeys(key).flatMap((k) => index.same(k).filter(other));
    const likely = likelyItems.sort((a, b) => a.order - b.order).map((c) => c.facts);
    const bodies = new Set(likely.map((c) => keyOf(c.agency)));
    if (likely.length === 1) return { kind: 'found', previous: likely[0]!, how: 'likely' };
    if (bodies.size > 1 || likely.length > 1) return { kind: 'ambiguous', candidates: likely };
    return { kind: 'none' };
  };
}

/** The same body's report for the year before, among candidates. */
export function findPrevious(current: YearFacts, candidates: readonly YearFacts[]): PreviousMatch {
  return previousFinder(candidates)(current);
}

/**
 * Cross-year findings for one report against the others the auditor has. For many reports against
 * one set, pass a previousFinder built once.
 */
export function crossYearFindings(current: YearFacts, candidates: readonly YearFacts[] | PreviousFinder, disabled: readonly string[] = []): Finding[] {
  const match = typeof candidates === 'function' ? candidates(current) : findPrevious(current, candidates);
  if (match.kind === 'none') return [];
  if (match.kind === 'ambiguous')
    return disabled.includes(crossYearUncertain.id)
      ? []
      : [
          toFinding(crossYearUncertain, {
            message: `找到多份可能是 ${current.year! - 1} 年度的同一机关报告（${match.candidates.map((c) => c.agency).join('、')}），未作跨年度比对`,
          }),
        ];
  return CROSS_YEAR_RULES.filter((r) => !disabled.includes(r.id)).flatMap((r) => r.check(current, match.previous, match.how).map((p) => toFinding(r, p)));
}
