/**
 * The recall corpus (test/fixtures/recall/README.md): the consistent report in four markups, each page with
 * one mistake of a kind real reports hold (a transposed or dropped digit, a row or column that does not add
 * up, a prose count off by one, a late date, a template word left in …), and control pages with none. Each
 * planted mistake must be found by its rule (or one of the identities it breaks), at its cell when the
 * identities can tell it; nothing else of severity error or warning may be reported.
 *
 * A compilation page (`parts`: how many reports it holds) must give that many reports, each planted mistake
 * found in its own report (`part`, from 1) and nothing in the others. A page given with others (`with`: two
 * years of one body as files of one folder) is audited as the command line audits them together: the
 * cross-year checks compare every report read with the others.
 *
 * A page made from a real report (`seed`, round 5: a seed of test/fixtures/seeds with one change) must give that
 * report's own findings as well (the seed is audited beside it), less those the change rightly takes away
 * (`seed_drops`), and nothing else of severity error or warning but the planted mistake.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFile } from '../../cli/audit-input';
import type { Audited } from '../../cli/entry';
import { crossYearFindings, previousFinder } from '../../lib/engine/cross-year';
import type { CellRef, Finding } from '../../lib/engine/model';
import { corpus, FIXTURES } from '../helpers/fixtures';

interface Planted {
  rule: string;
  /** Rules that report the same mistake as well (the identities a wrong cell breaks). */
  alts: string[];
  /** 「t3/ROW/COLUMN」: the cell the finding must name. */
  cell?: string;
  /** Several cells explain it equally: the cell need only be among the candidates. */
  ambiguous?: boolean;
  /** On a compilation page: the report (from 1) that holds the mistake. */
  part?: number;
}

interface Page {
  about: string;
  expect: Planted[];
  also_right?: string[];
  /** A compilation: the number of reports on the page. */
  parts?: number;
  /** Other files given to the command line with this one. */
  with?: string[];
  /** The real report (test/fixtures/seeds, by its number) this page was made from with one change. */
  seed?: string;
  /** Findings of the seed the change rightly takes away (section 五 removed takes its 整改 warning). */
  seed_drops?: string[];
}

const { dir: DIR, cases, strayOpen } = corpus<Page>('recall', 'expected.json');
const name = (c: CellRef) => `${c.table}/${c.row}/${c.column}`;
/** A finding as the seed's base compares it: its rule and the cells it names. */
const key = (f: Finding) => `${f.rule} ${(f.cells ?? []).map(name).join(',')}`;

/** The seed's own findings of severity error or warning (less those its page's change takes away). */
async function seedFindings(id: string, drops: string[]): Promise<Finding[]> {
  const dir = join(FIXTURES, 'seeds');
  const file = readdirSync(dir).find((f) => f.startsWith(`${id}_`) && f.endsWith('.txt'))!;
  const { entry } = await auditFile(join(dir, file));
  return entry.findings.filter((f) => f.severity !== 'info' && !drops.includes(f.rule));
}

/** Every report a file gives: one, or one per report of a compilation. */
const reportsOf = (a: Audited): Audited[] => [a, ...(a.more ?? [])];

/** The findings of each report of `file`, with the cross-year ones the command line adds when it is given with `others`. */
async function auditedReports(file: string, others: string[]): Promise<Finding[][]> {
  const own = reportsOf(await auditFile(join(DIR, file)));
  const rest = (await Promise.all(others.map((f) => auditFile(join(DIR, f))))).flatMap(reportsOf);
  const find = previousFinder([...own, ...rest].flatMap((a) => (a.facts ? [a.facts] : [])));
  return own.map((a) => {
    expect(a.entry.detected, a.entry.source).toBe(true);
    return [...a.entry.findings, ...(a.facts ? crossYearFindings(a.facts, find) : [])];
  });
}

function expectFound(all: Finding[], planted: Planted[], alsoRight: string[], base: Finding[] = []) {
  const serious = all.filter((f) => f.severity !== 'info');
  // The real report's own findings stay, each at its cells.
  const keys = new Set(all.map(key));
  expect(base.map(key).filter((k) => !keys.has(k))).toEqual([]);
  for (const p of planted) {
    const rules = [p.rule, ...p.alts];
    const hits = all.filter((f) => rules.includes(f.rule));
    expect(
      hits.map((f) => f.rule),
      `${p.rule} in ${all.map((f) => f.rule).join(', ')}`,
    ).not.toEqual([]);
    if (!p.cell || p.rule === 'row-missing') continue;
    const named = hits.filter((f) => (f.cells ?? []).map(name).some((c) => c === p.cell || c.startsWith(`${p.cell}/`)));
    expect(named.length, `${p.cell} named by ${p.rule}`).toBeGreaterThan(0);
    if (!p.ambiguous) expect(named.some((f) => f.cells?.length === 1)).toBe(true);
  }
  const allowed = new Set([...planted.flatMap((p) => [p.rule, ...p.alts]), ...alsoRight]);
  const own = new Set(base.map(key));
  expect(serious.filter((f) => !allowed.has(f.rule) && !own.has(key(f))).map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
}

describe('recall corpus', () => {
  it('leaves out only pages there are (open.json names pages of expected.json)', () => expect(strayOpen).toEqual([]));

  it('holds planted mistakes and control pages', () => {
    expect(cases.filter(([, e]) => e.expect.length).length).toBeGreaterThan(50);
    expect(cases.filter(([, e]) => !e.expect.length).length).toBeGreaterThan(10);
  });

  it.each(cases)('%s', async (file, { expect: planted, also_right: alsoRight = [], parts = 1, with: others = [], seed, seed_drops = [] }) => {
    const reports = await auditedReports(file, others);
    const base = seed ? await seedFindings(seed, seed_drops) : [];
    expect(reports).toHaveLength(parts);
    reports.forEach((findings, i) =>
      expectFound(
        findings,
        planted.filter((p) => (p.part ?? 1) === i + 1),
        // What a mistake also rightly draws, in the report that holds one: the others on the page stay clean.
        parts === 1 || planted.some((p) => p.part === i + 1) ? alsoRight : [],
        base,
      ),
    );
  });
});
