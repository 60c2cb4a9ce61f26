/**
 * The recall corpus (test/fixtures/recall/README.md): the consistent report in four markups, each page with
 * one mistake of a kind real reports hold (a transposed or dropped digit, a row or column that does not add
 * up, a prose count off by one, a late date, a template word left in …), and control pages with none. Each
 * planted mistake must be found by its rule (or one of the identities it breaks), at its cell when the
 * identities can tell it; nothing else of severity error or warning may be reported.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFile } from '../../cli/audit-input';
import type { CellRef } from '../../lib/engine/model';
import { corpus } from '../helpers/fixtures';

interface Planted {
  rule: string;
  /** Rules that report the same mistake as well (the identities a wrong cell breaks). */
  alts: string[];
  /** 「t3/ROW/COLUMN」: the cell the finding must name. */
  cell?: string;
  /** Several cells explain it equally: the cell need only be among the candidates. */
  ambiguous?: boolean;
}

const { dir: DIR, cases, strayOpen } = corpus<{ about: string; expect: Planted[]; also_right?: string[] }>('recall', 'expected.json');
const name = (c: CellRef) => `${c.table}/${c.row}/${c.column}`;

describe('recall corpus', () => {
  it('leaves out only pages there are (open.json names pages of expected.json)', () => expect(strayOpen).toEqual([]));

  it('holds planted mistakes and control pages', () => {
    expect(cases.filter(([, e]) => e.expect.length).length).toBeGreaterThan(50);
    expect(cases.filter(([, e]) => !e.expect.length).length).toBeGreaterThan(10);
  });

  it.each(cases)('%s', async (file, { expect: planted, also_right: alsoRight = [] }) => {
    const { entry } = await auditFile(join(DIR, file));
    expect(entry.detected).toBe(true);
    const serious = entry.findings.filter((f) => f.severity !== 'info');
    const all = entry.findings;
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
    expect(serious.filter((f) => !allowed.has(f.rule)).map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });
});
