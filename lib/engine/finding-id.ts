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

/** Pages are one report whatever the fragment or tracking parameters. */
export function reportKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    for (const p of [...u.searchParams.keys()]) if (/^(utm_|spm|from|share)/i.test(p)) u.searchParams.delete(p);
    return u.toString();
  } catch {
    return url;
  }
}
