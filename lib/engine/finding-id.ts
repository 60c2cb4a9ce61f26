import { cellKey, type Finding } from './model';

/** FNV-1a, twice with different seeds: short, stable, and dependency-free. */
function fnv(s: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * A finding's identity across re-audits: its rule plus what it is about (cells, section or
 * sentence), never its message or numbers, so a note stays attached when a value is corrected
 * and the same identity still breaks.
 */
export function findingId(f: Pick<Finding, 'rule' | 'cells' | 'section' | 'excerpt'>): string {
  const about = f.cells?.length ? f.cells.map(cellKey).sort().join(',') : `${f.section ?? ''}|${f.excerpt ?? ''}`;
  const key = `${f.rule}|${about}`;
  return fnv(key, 0x811c9dc5) + fnv(key, 0x12345678);
}

/**
 * Stable ids for one audit's findings. Two findings about the same thing (same rule and cells) would
 * share an id; the later ones get -2, -3 so each keeps its own note, in engine order, which is stable.
 */
export function withFindingIds(findings: readonly Finding[]): (Finding & { id: string })[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = findingId(f);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { ...f, id: n === 1 ? base : `${base}-${n}` };
  });
}

/** A compilation's part in a record key: `#part=N`, the one fragment a key keeps. */
const PART = /^#part=[1-9]\d{0,3}$/;

/**
 * Pages are one report whatever the fragment or tracking parameters; a compilation's part (see
 * partKey) is a report of its own.
 */
export function reportKey(url: string): string {
  try {
    const u = new URL(url);
    if (!PART.test(u.hash)) u.hash = '';
    for (const p of [...u.searchParams.keys()]) if (/^(utm_|spm|from|share)/i.test(p)) u.searchParams.delete(p);
    return u.toString();
  } catch {
    return url;
  }
}

/** The key of part `part` (from 1) of the compilation at `url`, whatever fragment the URL had. */
export function partKey(url: string, part: number): string {
  return `${pageKey(reportKey(url))}#part=${part}`;
}

/** The part (from 1) a key names, or 0 for a page's one report. */
export function partOf(key: string): number {
  return Number(/#part=(\d+)$/.exec(key)?.[1] ?? 0);
}

/** The page a key belongs to: the key without its part. */
export function pageKey(key: string): string {
  return key.replace(/#part=\d+$/, '');
}
