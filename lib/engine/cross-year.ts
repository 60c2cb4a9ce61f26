/**
 * Checks across one body's consecutive years: carry-over (this year's t3 row 2 = last year's row
 * 4) and 现行有效件数 (last in_force + issued − repealed = this in_force). Reports are matched to a
 * body by agency name; when the match is not sure, the finding says so instead of guessing.
 */
import { cellKey, type CellRef, type Finding, type Layout, type Report } from './model';
import { T3_COLUMN_LABELS, T3_COLUMNS } from './parse/table-specs';
import { compact } from './text';
import { toFinding, type Problem, type RuleMeta } from './rules/types';

/** What cross-year checks need of one audited report: identity and its cell values. */
export interface YearFacts {
  /** Where it came from (URL or file), to name it in messages. */
  source: string;
  agency: string;
  year: number | null;
  layout: Layout;
  /** `t3/2/natural` → value; null for missing data. */
  values: Record<string, number | null>;
}

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

export type PreviousMatch =
  | { kind: 'found'; previous: YearFacts; how: 'same' | 'likely' }
  | { kind: 'ambiguous'; candidates: YearFacts[] }
  | { kind: 'none' };

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
    const same = index.same(key).filter(other).map((c) => c.facts);
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

export interface CrossRule extends RuleMeta {
  check(current: YearFacts, previous: YearFacts, how: 'same' | 'likely'): Problem[];
}

const ref = (row: string, column: string, table: 't2' | 't3' = 't3'): CellRef => ({ table, row, column });
const matchNote = (p: YearFacts, how: 'same' | 'likely') => (how === 'likely' ? `（按机关名称近似匹配到「${p.agency}」）` : '');

export const carryOver: CrossRule = {
  id: 'cross-year-carryover',
  severity: 'error',
  title: { zh: '上年结转与上一年度报告不符', en: 'Carry-over ≠ last year’s carried-forward' },
  description: {
    zh: '本年度「二、上年结转政府信息公开申请数量」应逐列等于同一机关上一年度报告的「四、结转下年度继续办理」。',
    en: 'This year’s row 2 must equal, column by column, the same body’s previous-year row 4.',
  },
  basis: '年度报告格式第三部分：上年结转 = 上一年度结转下年度继续办理',
  example: '2023 年报「上年结转」为 0，而 2022 年报「结转下年度继续办理」为 2。',
  check(current, previous, how) {
    return T3_COLUMNS.flatMap((c) => {
      const now = current.values[cellKey(ref('2', c))];
      const before = previous.values[cellKey(ref('4', c))];
      if (now === undefined || before === undefined || now === null || before === null || now === before) return [];
      return [{
        section: 's3' as const,
        cells: [ref('2', c)],
        expected: before,
        actual: now,
        message: `「${T3_COLUMN_LABELS[c]}」列：上年结转 ${now} 件，但 ${previous.year} 年度报告结转下年度 ${before} 件${matchNote(previous, how)}`,
      }];
    });
  },
};

export const inForce: CrossRule = {
  id: 'cross-year-in-force',
  severity: 'warning',
  title: { zh: '现行有效件数与上年不衔接', en: 'In-force count does not follow from last year' },
  description: {
    zh: '上一年度「现行有效件数」+ 本年制发 − 本年废止，一般应等于本年度「现行有效件数」（修订等情形可能例外，故为警告）。',
    en: 'Last year’s in-force + issued − repealed should equal this year’s in-force (revisions can break it).',
  },
  basis: '年度报告格式第二部分「现行有效件数」',
  example: '2022 年现行有效 10 件，2023 年制发 2 件、废止 0 件，现行有效却写 10 件。',
  check(current, previous, how) {
    if (current.layout === '2019' || previous.layout === '2019') return [];
    return (['rules', 'normative'] as const).flatMap((row) => {
      const v = (f: YearFacts, col: string) => f.values[cellKey(ref(row, col, 't2'))];
      const [before, issued, repealed, now] = [v(previous, 'in_force'), v(current, 'issued'), v(current, 'repealed'), v(current, 'in_force')];
      if ([before, issued, repealed, now].some((x) => x === undefined || x === null)) return [];
      const expected = before! + issued! - repealed!;
      if (expected === now) return [];
      return [{
        section: 's2' as const,
        cells: [ref(row, 'in_force', 't2'), ref(row, 'issued', 't2'), ref(row, 'repealed', 't2')],
        expected,
        actual: now!,
        message: `「${row === 'rules' ? '规章' : '行政规范性文件'}」：上年现行有效 ${before} + 本年制发 ${issued} − 废止 ${repealed} = ${expected}，本年现行有效却为 ${now}${matchNote(previous, how)}`,
      }];
    });
  },
};

export const uncertain: RuleMeta = {
  id: 'cross-year-uncertain',
  severity: 'info',
  title: { zh: '无法确定上一年度报告', en: 'Previous year’s report is uncertain' },
  description: { zh: '找到多份可能属于同一机关的上一年度报告，未作跨年度比对，以免误判。', en: 'Several reports could be the same body’s previous year; no cross-year check was made rather than guess.' },
  basis: '跨年度比对需确认为同一机关',
  example: '「司法局」2022 年报与「市司法局」「区司法局」两份 2022 年报都可能对应。',
};

export const CROSS_RULES: CrossRule[] = [carryOver, inForce];

/**
 * Cross-year findings for one report against the others the auditor has. For many reports against
 * one set, pass a previousFinder built once.
 */
export function crossYearFindings(current: YearFacts, candidates: readonly YearFacts[] | PreviousFinder, disabled: readonly string[] = []): Finding[] {
  const match = typeof candidates === 'function' ? candidates(current) : findPrevious(current, candidates);
  if (match.kind === 'none') return [];
  if (match.kind === 'ambiguous')
    return disabled.includes(uncertain.id)
      ? []
      : [toFinding(uncertain, { message: `找到多份可能是 ${current.year! - 1} 年度的同一机关报告（${match.candidates.map((c) => c.agency).join('、')}），未作跨年度比对` })];
  return CROSS_RULES.filter((r) => !disabled.includes(r.id)).flatMap((r) => r.check(current, match.previous, match.how).map((p) => toFinding(r, p)));
}
