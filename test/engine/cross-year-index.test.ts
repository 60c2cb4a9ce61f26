/**
 * The indexed previous-year matching gives what the plain quadratic filtering gave, on random
 * bodies, years and sources built to collide: equal names, spaced names, place prefixes, several
 * candidates for one body, reports without a year or an agency.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodiesGrid } from '@/lib/app/bodies';
import type { ReportRecord } from '@/lib/app/schema';
import { agencyKey, findPrevious, previousFinder, sameBody, type PreviousMatch, type YearFacts } from '@/lib/engine/cross-year';

/** The matching as it was before the index: every candidate looked at for every report. */
function quadraticPrevious(current: YearFacts, candidates: YearFacts[]): PreviousMatch {
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

const place = fc.constantFrom('', '洛阳市', '孟津区', '洛阳市孟津区', '某省', '示范市', '示范 市', '河南省洛阳市', '镇', '（示范）');
const organ = fc.constantFrom('司法局', '孟津区司法局', '公安局', '交通运输局', '人民政府办公室', '局', '中心', '司法', '');
const agency = fc.tuple(place, organ).map(([p, o]) => p + o);
const facts = fc.record({
  source: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
  agency,
  year: fc.option(fc.integer({ min: 2020, max: 2023 }), { nil: null }),
  layout: fc.constant('2021' as const),
  values: fc.constant({}),
});

describe('previous-year index', () => {
  it('matches exactly as the quadratic filtering did, for every report of a random set', () => {
    fc.assert(
      fc.property(fc.array(facts, { maxLength: 40 }), (all) => {
        const find = previousFinder(all);
        for (const current of all) {
          expect(find(current)).toEqual(quadraticPrevious(current, all));
          expect(findPrevious(current, all)).toEqual(quadraticPrevious(current, all));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('groups bodies in the 机关 × 年度 view as comparing every pair of names did', () => {
    const record = (a: YearFacts, i: number) => ({ id: `u${i}`, url: `https://x.gov.cn/${i}`, agency: a.agency, year: a.year }) as ReportRecord;
    fc.assert(
      fc.property(fc.array(facts, { maxLength: 30 }), (all) => {
        const records = all.map(record);
        expect(bodiesGrid(records)).toEqual(pairwiseGrid(records));
      }),
      { numRuns: 200 },
    );
  });
});

/** bodiesGrid as it was before the index (lib/app/bodies.ts at bc2ca37): every pair of names compared. */
function pairwiseGrid(records: readonly ReportRecord[]) {
  const exact = new Map<string, ReportRecord[]>();
  for (const r of records) {
    const key = agencyKey(r.agency) || `url:${r.url}`;
    exact.set(key, [...(exact.get(key) ?? []), r]);
  }
  const keys = [...exact.keys()];
  const parent = new Map(keys.map((k) => [k, k]));
  const root = (k: string): string => (parent.get(k) === k ? k : root(parent.get(k)!));
  for (const k of keys) {
    if (k.startsWith('url:')) continue;
    const longer = keys.filter((o) => o.length > k.length && !o.startsWith('url:') && sameBody(k, o) === 'likely');
    if (longer.length === 1) parent.set(root(k), root(longer[0]!));
  }
  const rows = new Map<string, { key: string; names: string[]; byYear: Map<number | null, ReportRecord[]> }>();
  for (const k of keys) {
    const rootKey = root(k);
    const row = rows.get(rootKey) ?? { key: rootKey, names: [] as string[], byYear: new Map<number | null, ReportRecord[]>() };
    rows.set(rootKey, row);
    for (const r of exact.get(k)!) {
      if (r.agency && !row.names.includes(r.agency)) row.names.push(r.agency);
      row.byYear.set(r.year, [...(row.byYear.get(r.year) ?? []), r]);
    }
  }
  const fullestFirst = (a: string, b: string) => agencyKey(b).length - agencyKey(a).length || a.length - b.length || a.localeCompare(b, 'zh-CN');
  for (const row of rows.values()) row.names.sort(fullestFirst);
  const years = [...new Set(records.map((r) => r.year))].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
  const bodies = [...rows.values()].sort((a, b) => (a.names[0] ?? '').localeCompare(b.names[0] ?? '', 'zh-CN'));
  return { bodies, years };
}
