/**
 * The seeds as other extractors would have written them (test/fixtures/extractors/README.md): each
 * page must give exactly its seed's sidecar findings and cell values; a page of scanning noise must
 * give the finding its manifest names and never read the value it must not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFile } from '../../cli/audit-input';
import { auditText } from '../../lib/engine/audit';
import { decodePage } from '../../lib/engine/decode';
import { corpus } from '../helpers/fixtures';
import { cellValues, expectedValues, findingProblems, seedExpected } from '../helpers/seed-expected';

type Case = { style: string; seed: string } | { style: 'ocr'; seed?: undefined; expect: { must: string[]; not_values: Record<string, number[]> } };

const { dir: DIR, cases, strayOpen } = corpus<Case>('extractors', 'manifest.json');
const cellName = (c: { table: string; row: string; column: string }) => `${c.table}/${c.row}/${c.column}`;

describe('seeds as other extractors wrote them', () => {
  it('leaves out only pages there are', () => expect(strayOpen).toEqual([]));

  it.each(cases)('%s', async (file, c) => {
    const { entry } = await auditFile(join(DIR, file));
    const audit = auditText(decodePage(readFileSync(join(DIR, file))));
    if (!audit.detected) throw new Error(audit.reason);
    const values = cellValues(audit.report);
    if (c.seed === undefined) {
      for (const want of c.expect.must) {
        const [rules, cell] = want.split(' ');
        expect(
          entry.findings.some((f) => rules!.split('|').includes(f.rule) && (f.cells ?? []).some((x) => cellName(x) === cell)),
          want,
        ).toBe(true);
      }
      for (const [cell, never] of Object.entries(c.expect.not_values)) expect(never, cell).not.toContain(values[cell]);
      return;
    }
    const exp = seedExpected(c.seed);
    expect(entry.report).toMatchObject({ agency: exp.agency, year: exp.year, layout: exp.layout });
    expect(findingProblems(exp, entry.findings)).toEqual([]);
    const want = expectedValues(exp, values);
    expect(Object.fromEntries(Object.keys(want).map((k) => [k, values[k]]))).toEqual(want);
  });
});
