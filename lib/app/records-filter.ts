/** The records page's search, filters, sorting and grouping, kept pure so they are tested like the exports. */
import { ruleTitle } from '../engine/labels';
import type { Layout, Severity } from '../engine/model';
import { cellNames } from './cell-names';
import { countedFindings, notesById, severityCounts, statusCounts, statusOf } from './report-stats';
import type { FindingNote, ReportRecord, Status, StoredFinding } from './schema';

export interface RecordFilter {
  /**
   * Full text, ignoring case and spacing: the report (agency, title, URL, report note), its findings
   * (message, rule title, readable cell name, quoted prose) and the notes on them.
   */
  text: string;
  /** undefined: any year; null: reports whose year was not recognised. */
  year?: number | null;
  layout?: Layout;
  errorsOnly: boolean;
  /** The body (机关) exactly as recognised. */
  body?: string;
  /** Finding filters: a report stays when one of its findings matches all of those set. */
  status?: Status;
  rule?: string;
  severity?: Severity;
}

/** Notes of each report, by report id (notesByReport). */
export type NotesByReport = ReadonlyMap<string, readonly FindingNote[]>;

const NONE: NotesByReport = new Map();

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, '');

/** Everything the search looks at in one report, normalised. */
function searchText(r: ReportRecord, notes: readonly FindingNote[]): string {
  const finding = (f: StoredFinding) => {
    const title = ruleTitle(f.rule);
    return [f.message, title.zh, title.en, f.rule, cellNames(f.cells, r.layout), f.excerpt ?? ''];
  };
  return norm([r.agency, r.title, r.url, r.note, ...r.findings.flatMap(finding), ...notes.map((n) => n.note)].join('\n'));
}

function matchesFindingFilters(r: ReportRecord, f: RecordFilter, notes: readonly FindingNote[]): boolean {
  if (!f.status && !f.rule && !f.severity) return true;
  const byId = notesById(notes);
  return r.findings.some(
    (x) => (!f.rule || x.rule === f.rule) && (!f.severity || x.severity === f.severity) && (!f.status || statusOf(byId.get(x.id)) === f.status),
  );
}

export function filterRecords(records: readonly ReportRecord[], f: RecordFilter, notes: NotesByReport = NONE): ReportRecord[] {
  const text = norm(f.text);
  return records.filter(
    (r) =>
      (f.year === undefined || r.year === f.year) &&
      (!f.layout || r.layout === f.layout) &&
      (f.body === undefined || r.agency === f.body) &&
      (!f.errorsOnly || r.findings.some((x) => x.severity === 'error')) &&
      matchesFindingFilters(r, f, notes.get(r.id) ?? []) &&
      (!text || searchText(r, notes.get(r.id) ?? []).includes(text)),
  );
}

/** Years present, newest first, for the year filter. */
export function recordYears(records: readonly ReportRecord[]): number[] {
  return [...new Set(records.flatMap((r) => (r.year === null ? [] : [r.year])))].sort((a, b) => b - a);
}

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

/** Bodies present, in Chinese collation order, for the body filter. */
export function recordBodies(records: readonly ReportRecord[]): string[] {
  return [...new Set(records.flatMap((r) => (r.agency ? [r.agency] : [])))].sort(collator.compare);
}

/** Rules that have findings, by their Chinese title, for the rule filter. */
export function recordRules(records: readonly ReportRecord[]): string[] {
  const ids = new Set(records.flatMap((r) => r.findings.map((f) => f.rule)));
  return [...ids].sort((a, b) => collator.compare(ruleTitle(a).zh, ruleTitle(b).zh));
}

export const SORT_KEYS = ['agency', 'year', 'title', 'auditedAt', 'findings', 'status'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface RecordSort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

/** The direction a column sorts in on its first click: names A→Z, numbers largest first. */
export function firstDirection(key: SortKey): RecordSort['dir'] {
  return key === 'agency' || key === 'title' ? 'asc' : 'desc';
}

/** The sort after a click on a column's header: that column, reversed when it was already the one sorted. */
export function nextSort(current: RecordSort | undefined, key: SortKey): RecordSort {
  if (current?.key !== key) return { key, dir: firstDirection(key) };
  return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
}

/** A sortable value; null sorts last whatever the direction (a report with no year is not "year 0"). */
type SortValue = string | number | number[] | null;

function sortValue(r: ReportRecord, key: SortKey, notes: readonly FindingNote[]): SortValue {
  switch (key) {
    case 'agency':
      return r.agency || null;
    case 'year':
      return r.year;
    case 'title':
      return r.title || r.url;
    case 'auditedAt':
      return r.auditedAt;
    case 'findings': {
      // As the column shows them: counted findings, errors before warnings before infos.
      const c = severityCounts(countedFindings(r.findings, notesById(notes)));
      return [c.error, c.warning, c.info];
    }
    case 'status':
      // Work left: findings still to be verified.
      return statusCounts(r.findings, notesById(notes)).pending;
  }
}

function compareValues(a: Exclude<SortValue, null>, b: Exclude<SortValue, null>): number {
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return 0;
  }
  return (a as number) - (b as number);
}

/** A sorted copy; ties keep their order (Array.prototype.sort is stable). */
export function sortRecords(records: readonly ReportRecord[], sort: RecordSort | undefined, notes: NotesByReport = NONE): ReportRecord[] {
  if (!sort) return [...records];
  const keyed = records.map((r) => ({ r, v: sortValue(r, sort.key, notes.get(r.id) ?? []) }));
  const sign = sort.dir === 'asc' ? 1 : -1;
  keyed.sort((x, y) => {
    if (x.v === null || y.v === null) return x.v === y.v ? 0 : x.v === null ? 1 : -1;
    return sign * compareValues(x.v, y.v);
  });
  return keyed.map((k) => k.r);
}

/** One row of the list: a report, or the reports one body published for one year at several URLs. */
export interface RecordGroup {
  /** The report id, or body and year for a group of several. */
  key: string;
  records: ReportRecord[];
}

/**
 * Reports of the same body and year (both recognised) at different URLs, together: the group sits where its
 * first report sits in `records`, so a sorted list stays sorted by each group's first report.
 */
export function groupRecords(records: readonly ReportRecord[]): RecordGroup[] {
  const groups: RecordGroup[] = [];
  const byBodyYear = new Map<string, RecordGroup>();
  for (const r of records) {
    const bodyYear = r.agency && r.year !== null ? `${r.agency}\n${r.year}` : null;
    const same = bodyYear === null ? undefined : byBodyYear.get(bodyYear);
    if (same) {
      same.records.push(r);
      same.key = bodyYear!;
      continue;
    }
    const group = { key: r.id, records: [r] };
    groups.push(group);
    if (bodyYear !== null) byBodyYear.set(bodyYear, group);
  }
  return groups;
}
