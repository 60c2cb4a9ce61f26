/**
 * What each seed report must yield, from its sidecar test/fixtures/seeds/<file>.expected.json:
 * written from the seed's text, the seeds' README and the template identities, read by every test
 * that checks the seeds (engine, CLI).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CellRef, Finding, Layout, SectionKey, type Report } from '../../lib/engine/model';
import { FIXTURES, SEED_IDS } from './fixtures';

export const SeedExpected = z.object({
  why: z.string(),
  agency: z.string().min(1),
  year: z.number().int(),
  layout: Layout,
  sections: z.array(SectionKey),
  /** `t3/1/total` → value; every count not listed here or under `blank` is 0. */
  cells: z.record(z.string(), z.number()),
  /** Cells left blank in the text: missing data. */
  blank: z.array(z.string()),
  findings: z.object({
    /** The rules of all error findings, exactly (none for a clean report). */
    errors: z.array(z.string()),
    /** Findings that must be there (partial: rule plus what matters). */
    must: z.array(
      z
        .object(Finding.shape)
        .partial()
        .extend({ rule: z.string(), cells: z.array(CellRef).optional() }),
    ),
    /** Rules that must not fire. */
    mustNot: z.array(z.string()),
  }),
});
export type SeedExpected = z.infer<typeof SeedExpected>;

const SEEDS = join(FIXTURES, 'seeds');

export function seedExpected(id: string): SeedExpected {
  const file = readdirSync(SEEDS).find((f) => f.startsWith(id + '_') && f.endsWith('.expected.json'));
  if (!file) throw new Error(`no sidecar for seed ${id}`);
  return SeedExpected.parse(JSON.parse(readFileSync(join(SEEDS, file), 'utf8')));
}

export const SEED_EXPECTED = Object.fromEntries(SEED_IDS.map((id) => [id, seedExpected(id)])) as Record<(typeof SEED_IDS)[number], SeedExpected>;

/** Every cell value of the three tables, `t3/1/total` → number, or null for missing data. */
export function cellValues(report: Report): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const t of ['t2', 't3', 't4'] as const)
    for (const [row, cols] of Object.entries(report.tables[t]?.rows ?? {}))
      for (const [col, cell] of Object.entries(cols)) out[`${t}/${row}/${col}`] = cell.value;
  return out;
}

/** What the sidecar says each cell of `actual` should hold: listed, blank (null), or 0. */
export function expectedValues(exp: SeedExpected, actual: Record<string, number | null>): Record<string, number | null> {
  const blank = new Set(exp.blank);
  return Object.fromEntries(Object.keys(actual).map((k) => [k, blank.has(k) ? null : (exp.cells[k] ?? 0)]));
}

/** Does a finding list satisfy the sidecar? Returns what is wrong, empty when all is right. */
export function findingProblems(exp: SeedExpected, findings: readonly Finding[]): string[] {
  const problems: string[] = [];
  const errors = findings.filter((f) => f.severity === 'error').map((f) => f.rule);
  if (JSON.stringify(errors) !== JSON.stringify(exp.findings.errors))
    problems.push(`errors ${JSON.stringify(errors)} ≠ ${JSON.stringify(exp.findings.errors)}`);
  for (const m of exp.findings.must)
    if (!findings.some((f) => Object.entries(m).every(([k, v]) => JSON.stringify(f[k as keyof Finding]) === JSON.stringify(v))))
      problems.push(`missing ${JSON.stringify(m)}`);
  for (const rule of exp.findings.mustNot) if (findings.some((f) => f.rule === rule)) problems.push(`unexpected ${rule}`);
  return problems;
}
