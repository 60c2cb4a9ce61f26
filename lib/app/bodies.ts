/**
 * The records page's 机关 × 年度 view: stored reports grouped by body, one column per year, and the
 * findings only cross-year checks reveal. Bodies are matched as the cross-year checks match them
 * (lib/cross-year): equal names after agencyKey, or a name with a place prefix when that match is
 * the only one; an unsure match stays a row of its own rather than a guess.
 */
import { agencyKey, BodyIndex } from '../engine/cross-year';
import { isCrossYearRule } from './report-stats';
import type { ReportRecord, StoredFinding } from './schema';

export interface BodyRow {
  /** Stable across renders: the agencyKey of the body's longest name, or the URL of a report without one. */
  key: string;
  /** Names as printed, the fullest first and, of equal ones, the one without spaces (「示范市交通运输局」, 「示范市 交通运输局」). */
  names: string[];
  /** Reports by year; null for reports whose year was not recognised. A year may hold several (two URLs). */
  byYear: Map<number | null, ReportRecord[]>;
}

export interface BodiesGrid {
  bodies: BodyRow[];
  /** Oldest first, so carry-over reads left to right; null (year not recognised) last. */
  years: (number | null)[];
}

export function bodiesGrid(records: readonly ReportRecord[]): BodiesGrid {
  // Exact names first; a report without an agency is a body of its own (nothing to match it by).
  const exact = new Map<string, ReportRecord[]>();
  for (const r of records) {
    const key = agencyKey(r.agency) || `url:${r.url}`;
    const same = exact.get(key);
    if (same) same.push(r);
    else exact.set(key, [r]);
  }
  const keys = [...exact.keys()];
  const index = new BodyIndex<string>();
  for (const k of keys) if (!k.startsWith('url:')) index.add(k, k);
  const parent = new Map(keys.map((k) => [k, k]));
  const root = (k: string): string => (parent.get(k) === k ? k : root(parent.get(k)!));
  for (const k of keys) {
    if (k.startsWith('url:')) continue;
    const longer = index.likelyKeys(k).filter((o) => o.length > k.length);
    if (longer.length === 1) parent.set(root(k), root(longer[0]!));
  }
  const rows = new Map<string, BodyRow>();
  for (const k of keys) {
    const rootKey = root(k);
    const row: BodyRow = rows.get(rootKey) ?? { key: rootKey, names: [], byYear: new Map() };
    rows.set(rootKey, row);
    for (const r of exact.get(k)!) {
      if (r.agency && !row.names.includes(r.agency)) row.names.push(r.agency); // a body has a handful of spellings
      const ofYear = row.byYear.get(r.year);
      if (ofYear) ofYear.push(r);
      else row.byYear.set(r.year, [r]);
    }
  }
  const fullestFirst = (a: string, b: string) => agencyKey(b).length - agencyKey(a).length || a.length - b.length || a.localeCompare(b, 'zh-CN');
  for (const row of rows.values()) row.names.sort(fullestFirst);
  const years = [...new Set(records.map((r) => r.year))].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
  const bodies = [...rows.values()].sort((a, b) => (a.names[0] ?? '').localeCompare(b.names[0] ?? '', 'zh-CN'));
  return { bodies, years };
}

export interface CrossYearItem {
  record: ReportRecord;
  finding: StoredFinding;
}

/** Findings only a comparison with another year reveals, by body name and then year. */
export function crossYearItems(records: readonly ReportRecord[]): CrossYearItem[] {
  return records
    .flatMap((record) => record.findings.filter((f) => isCrossYearRule(f.rule)).map((finding) => ({ record, finding })))
    .sort((a, b) => a.record.agency.localeCompare(b.record.agency, 'zh-CN') || (a.record.year ?? 0) - (b.record.year ?? 0));
}
