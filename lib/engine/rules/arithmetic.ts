/**
 * Blank-aware arithmetic over the template's identities, table by table (report-format.md, identity 5).
 *
 * A readable count is fixed; a blank, absent or unreadable cell is an unknown ≥ 0. Bounds are
 * propagated through every identity of the table (interval reasoning), so an identity that leaves
 * one unknown determines it, a total of 0 forces its blank parts to 0, and known parts that already
 * exceed a total contradict it whatever the blanks hold.
 *
 * When the table cannot hold as printed, the smallest set of printed cells whose change lets every
 * identity hold is searched (1, then 2, then 3 cells): each such cell is one wrong cell, its expected
 * value what the identities then determine. When several sets of that size work, every one of them
 * is kept and the caller says which cells are candidates.
 */
import { cellKey, type CellRef, type InferredValue, type Report, type TableKey } from '../model';
import { cellAt, tableLayout } from './helpers';
import { identitiesOf, type Identity } from './identities';
import type { Problem } from './types';

export interface Bound {
  lo: number;
  /** Infinity when nothing bounds it from above. */
  hi: number;
}

export interface IdentityCheck {
  identity: Identity;
  /** Bounds of each side's sum with its blanks anywhere ≥ 0 (exact when the side has no blank). */
  left: Bound;
  right: Bound;
  /** No values ≥ 0 of its blanks make it hold, with the printed values as they are. */
  broken: boolean;
}

export interface WrongCell {
  cell: CellRef;
  actual: number;
  /** What the identities determine once this cell is freed; undefined when they leave it open. */
  expected?: number;
}

export interface TableSolution {
  table: TableKey;
  /** Every identity with its sides' bounds when something is broken; empty for a consistent table. */
  checks: IdentityCheck[];
  /**
   * 'consistent': every identity can hold. 'located': `sets` are the smallest sets of printed cells
   * whose change makes them hold (several when the identities cannot tell). 'unlocated': too many
   * wrong cells to name them; the broken identities are reported one by one.
   */
  status: 'consistent' | 'located' | 'unlocated';
  sets: WrongCell[][];
  /** Bounds of every cell that is not a trusted printed value (blanks, and the wrong cells). */
  bounds: Map<string, Bound>;
}

/** Searches stop here: beyond, the identities are reported one by one. */
const MAX_WRONG = 3;
const MAX_TRIALS = 4000;
const MAX_PASSES = 60;
/** Term visits one table may cost: a hostile page with huge numbers in every cell stays cheap. */
const MAX_WORK = 2_000_000;

/** The identities of a table as variables and signed terms: the same for every report with the same rows. */
interface Structure {
  identities: Identity[];
  keys: string[];
  refs: CellRef[];
  /** Per identity: variable indices and their signs (left +1, right −1; the sum is 0). */
  terms: { v: number; sign: 1 | -1 }[][];
}

interface System extends Structure {
  /** Printed value, or null for an unknown. */
  values: (number | null)[];
  /** Term visits so far, against MAX_WORK. */
  work: number;
}

function structureOf(identities: Identity[]): Structure {
  const index = new Map<string, number>();
  const st: Structure = { identities, keys: [], refs: [], terms: [] };
  const varOf = (r: CellRef) => {
    const k = cellKey(r);
    let i = index.get(k);
    if (i === undefined) {
      i = st.keys.length;
      index.set(k, i);
      st.keys.push(k);
      st.refs.push(r);
    }
    return i;
  };
  for (const id of identities)
    st.terms.push([...id.left.map((r) => ({ v: varOf(r), sign: 1 as const })), ...id.right.map((r) => ({ v: varOf(r), sign: -1 as const }))]);
  return st;
}

/** Structures by table, layout and the rows present; most pages share a handful. */
const structures = new Map<string, Structure>();
const MAX_STRUCTURES = 64;

function structureFor(report: Report, table: TableKey): Structure | undefined {
  const rows = report.tables[table]?.rows;
  if (!rows) return undefined;
  // The rows with a 小计 (identities.ts) belong to the structure too.
  const subtotals = Object.keys(rows).filter((r) => rows[r]!.subtotal);
  const signature = `${table}|${tableLayout(report, table)}|${Object.keys(rows).join(',')}|${subtotals.join(',')}`;
  let st = structures.get(signature);
  if (!st) {
    const identities = identitiesOf(report).filter((i) => i.table === table);
    if (!identities.length) return undefined;
    st = structureOf(identities);
    if (structures.size >= MAX_STRUCTURES) structures.clear();
    structures.set(signature, st);
  }
  return st;
}

function systemOf(report: Report, st: Structure): System {
  const values = st.refs.map((r) => {
    const c = cellAt(report, r.table, r.row, r.column);
    return c && c.status === 'ok' && c.value !== null && Number.isInteger(c.value) && c.value >= 0 ? c.value : null;
  });
  return { ...st, values, work: 0 };
}

/** Sum bounds of terms, counting infinite ends apart so that removing one term never gives ∞ − ∞. */
function sumBounds(terms: { v: number; sign: 1 | -1 }[], lo: number[], hi: number[]) {
  let min = 0,
    max = 0,
    minInf = 0,
    maxInf = 0;
  for (const { v, sign } of terms) {
    const tMin = sign > 0 ? lo[v]! : -hi[v]!;
    const tMax = sign > 0 ? hi[v]! : -lo[v]!;
    if (tMin === -Infinity) minInf++;
    else min += tMin;
    if (tMax === Infinity) maxInf++;
    else max += tMax;
  }
  return { min, max, minInf, maxInf };
}

/** Bounds of every variable with `freed` printed cells treated as unknown; null when the identities cannot all hold. */
function propagate(sys: System, freed: ReadonlySet<number>): { lo: number[]; hi: number[] } | null {
  const lo = sys.values.map((v, i) => (v === null || freed.has(i) ? 0 : v));
  const hi = sys.values.map((v, i) => (v === null || freed.has(i) ? Infinity : v));
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false;
    for (const terms of sys.terms) {
      sys.work += terms.length;
      const s = sumBounds(terms, lo, hi);
      // The sum must be 0: impossible when even its smallest value is above 0 or its largest below.
      if ((s.minInf === 0 && s.min > 0) || (s.maxInf === 0 && s.max < 0)) return null;
      for (const { v, sign } of terms) {
        if (lo[v] === hi[v]) continue;
        const tMin = sign > 0 ? lo[v]! : -hi[v]!;
        const tMax = sign > 0 ? hi[v]! : -lo[v]!;
        const otherMin = tMin === -Infinity ? (s.minInf > 1 ? -Infinity : s.min) : s.minInf > 0 ? -Infinity : s.min - tMin;
        const otherMax = tMax === Infinity ? (s.maxInf > 1 ? Infinity : s.max) : s.maxInf > 0 ? Infinity : s.max - tMax;
        // sign·x = −(the others), so x lies between −otherMax and −otherMin (or their negation).
        // + 0 turns −0 into 0.
        const newLo = Math.max(lo[v]!, sign > 0 ? -otherMax : otherMin) + 0;
        const newHi = Math.min(hi[v]!, sign > 0 ? -otherMin : otherMax) + 0;
        if (newLo > newHi) return null;
        if (newLo !== lo[v] || newHi !== hi[v]) {
          lo[v] = newLo;
          hi[v] = newHi;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return { lo, hi };
}

function sideBound(sys: System, refs: number[]): Bound {
  let lo = 0,
    hi = 0;
  for (const v of refs) {
    const x = sys.values[v];
    if (x === null || x === undefined) hi = Infinity;
    else {
      lo += x;
      hi += x;
    }
  }
  return { lo, hi };
}

/** How many of the broken identities no chosen cell touches. */
const untouched = (mustTouch: Set<number>[], chosen: number[]) => mustTouch.filter((ids) => !chosen.some((c) => ids.has(c))).length;

/** The most broken identities one candidate touches. */
const mostTouched = (candidates: number[], mustTouch: Set<number>[]) => Math.max(0, ...candidates.map((c) => mustTouch.filter((ids) => ids.has(c)).length));

/**
 * k-subsets of candidates that touch every broken identity, in order. A branch whose cells left cannot touch the
 * identities still untouched (each touches at most `most`) is cut: the same subsets, without walking the others.
 */
function* covers(
  candidates: number[],
  k: number,
  mustTouch: Set<number>[],
  start = 0,
  chosen: number[] = [],
  most = mostTouched(candidates, mustTouch),
): Generator<number[]> {
  if (untouched(mustTouch, chosen) > (k - chosen.length) * most) return;
  if (chosen.length === k) {
    yield [...chosen];
    return;
  }
  for (let i = start; i <= candidates.length - (k - chosen.length); i++) {
    chosen.push(candidates[i]!);
    yield* covers(candidates, k, mustTouch, i + 1, chosen, most);
    chosen.pop();
  }
}

function solveTable(report: Report, table: TableKey, st: Structure): TableSolution {
  const sys = systemOf(report, st);
  const identities = st.identities;
  const boundsOf = (r: { lo: number[]; hi: number[] }, freed: ReadonlySet<number>) => {
    const out = new Map<string, Bound>();
    sys.keys.forEach((k, i) => {
      if (sys.values[i] === null || freed.has(i)) out.set(k, { lo: r.lo[i]!, hi: r.hi[i]! });
    });
    return out;
  };

  const base = propagate(sys, new Set());
  // The common case, kept cheap: every identity can hold, nothing is broken.
  if (base) return { table, checks: [], status: 'consistent', sets: [], bounds: boundsOf(base, new Set()) };
  const checks: IdentityCheck[] = identities.map((identity, i) => {
    const terms = sys.terms[i]!;
    const left = sideBound(
      sys,
      terms.filter((t) => t.sign > 0).map((t) => t.v),
    );
    const right = sideBound(
      sys,
      terms.filter((t) => t.sign < 0).map((t) => t.v),
    );
    return { identity, left, right, broken: left.lo > right.hi || right.lo > left.hi };
  });

  // The variables each broken identity touches; a fix must free a printed cell in each of them.
  const brokenVars = checks.flatMap((c, i) => (c.broken ? [new Set(sys.terms[i]!.map((t) => t.v))] : []));
  const printed = (v: number) => sys.values[v] !== null;
  const touched = brokenVars.length ? brokenVars.flatMap((s) => [...s]) : sys.keys.map((_, i) => i);
  // A 小计 (identities.ts) is its row's parts summed, often by a spreadsheet: a wrong part takes it along, so where it holds
  // it is still a candidate beside its row's cells.
  const subtotals = new Map(sys.refs.flatMap((r, i) => (r.column === 'subtotal' ? [[r.row, i] as const] : [])));
  const withSubtotals = subtotals.size ? [...touched, ...touched.flatMap((v) => subtotals.get(sys.refs[v]!.row) ?? [])] : touched;
  const candidates = [...new Set(withSubtotals.filter(printed))].sort((a, b) => a - b);
  let trials = 0;
  // Triples of a hundred candidates are too many to walk: many broken identities mean many wrong cells anyway. Unless no
  // two cells can touch every broken identity (a row's three cells, each breaking both sums of its column, as (七)总计
  // summed by hand without one row): then only triples of cells that each touch as many can, and the walk is short.
  const most = mostTouched(candidates, brokenVars);
  const maxWrong = candidates.length > 60 && brokenVars.length <= 2 * most ? 2 : MAX_WRONG;
  for (let k = 1; k <= maxWrong && trials < MAX_TRIALS && sys.work <= MAX_WORK; k++) {
    const found: number[][] = [];
    for (const set of covers(candidates, k, brokenVars)) {
      if (++trials > MAX_TRIALS || sys.work > MAX_WORK) break;
      if (propagate(sys, new Set(set))) found.push(set);
    }
    if (!found.length) continue;
    const sets = found.map((set) => {
      const r = propagate(sys, new Set(set))!;
      return set.map((v) => ({ cell: sys.refs[v]!, actual: sys.values[v]!, expected: r.lo[v] === r.hi[v] ? r.lo[v] : undefined }));
    });
    // Blanks are bounded with every candidate freed: what holds whichever candidate is wrong.
    const all = new Set(found.flat());
    const bounds = boundsOf(propagate(sys, all)!, all);
    // Several sets of two or more cells, each off by 2 or more (a row's cell and its 总计 alike): the gap could as well be
    // split over rows the list leaves out, as too small to take it whole (two rows one too many each); naming the rows
    // that can would be a guess, so the broken identities are reported instead.
    if (found.length > 1 && sets.every((set) => set.length > 1 && set.every((w) => w.expected !== undefined && Math.abs(w.expected - w.actual) > 1)))
      return { table, checks, status: 'unlocated', sets: [], bounds };
    return { table, checks, status: 'located', sets, bounds };
  }
  return { table, checks, status: 'unlocated', sets: [], bounds: new Map() };
}

/**
 * Whether every identity of `table` can hold as the report reads it now, its blanks and the `freed` printed
 * cells taken as unknowns ≥ 0; when they can, the bounds that leaves on those unknowns (empty when the table
 * has no identities), else null. Uncached: the reading may change between calls (parse/blank-place.ts).
 */
export function tableBounds(report: Report, table: TableKey, freed: readonly CellRef[] = []): Map<string, Bound> | null {
  const st = structureFor(report, table);
  if (!st) return new Map();
  const sys = systemOf(report, st);
  const keys = new Set(freed.map(cellKey));
  const free = new Set(st.keys.flatMap((k, i) => (keys.has(k) ? [i] : [])));
  const r = propagate(sys, free);
  if (!r) return null;
  const out = new Map<string, Bound>();
  st.keys.forEach((k, i) => {
    if (sys.values[i] === null || free.has(i)) out.set(k, { lo: r.lo[i]!, hi: r.hi[i]! });
  });
  return out;
}

const solved = new WeakMap<Report, TableSolution[]>();

/** Solutions are kept while the rules of one run read them; a new run solves afresh. */
export function forgetSolutions(report: Report): void {
  solved.delete(report);
}

/** The solution of each table that has identities (t3, t4); computed once per run of the rules. */
export function solveReport(report: Report): TableSolution[] {
  let out = solved.get(report);
  if (!out) {
    out = (['t3', 't4'] as const).flatMap((t) => {
      const st = structureFor(report, t);
      return st ? [solveTable(report, t, st)] : [];
    });
    solved.set(report, out);
  }
  return out;
}

/** Bounds of one cell: its printed value, what the identities allow for a blank, or anything ≥ 0. */
export function cellBound(report: Report, r: CellRef): Bound {
  const c = cellAt(report, r.table, r.row, r.column);
  const solution = solveReport(report).find((s) => s.table === r.table);
  const b = solution?.bounds.get(cellKey(r));
  if (b && !(c?.status === 'ok')) return b;
  if (c && c.status === 'ok' && c.value !== null) return { lo: c.value, hi: c.value };
  return b ?? { lo: 0, hi: Infinity };
}

/** The cells among `cells` whose value the identities determine (a blank, a 「—」), with that value. */
export function inferredValues(report: Report, cells: readonly CellRef[]): InferredValue[] {
  return cells.flatMap((cell) => {
    const b = cellBound(report, cell);
    return b.lo === b.hi ? [{ cell, value: b.lo }] : [];
  });
}

/** Bounds of a sum of cells, blanks included. */
export function sumBound(report: Report, refs: CellRef[]): Bound {
  let lo = 0,
    hi = 0;
  for (const r of refs) {
    const b = cellBound(report, r);
    lo += b.lo;
    hi += b.hi;
  }
  return { lo, hi };
}

/** A bound as people write it: 「5」, 「≥ 5」, 「5–7」. */
export function showBound(b: Bound): string {
  return b.lo === b.hi ? String(b.lo) : b.hi === Infinity ? `≥ ${b.lo}` : `${b.lo}–${b.hi}`;
}

/** The finding of one broken identity: its cells, and both sides (a range when blanks are among them). */
export function identityProblem(check: IdentityCheck): Problem {
  const { identity: i, left, right } = check;
  const exact = left.lo === left.hi && right.lo === right.hi;
  const blanks = exact ? '' : '（空白单元格按不小于 0 计，仍不成立）';
  return {
    section: i.section,
    cells: [...i.left, ...i.right],
    expected: exact ? left.lo : showBound(left),
    actual: exact ? right.lo : showBound(right),
    message: i.describe(showBound(left), showBound(right)) + blanks,
  };
}

/**
 * The broken identities of one rule that no wrong cell explains: when a table's wrong cells are
 * located, its broken identities are the evidence of the `cell-wrong` findings instead.
 */
export function brokenIdentities(report: Report, rule: Identity['rule']): Problem[] {
  return solveReport(report)
    .filter((s) => s.status === 'unlocated')
    .flatMap((s) => s.checks.filter((c) => c.broken && c.identity.rule === rule).map(identityProblem));
}
