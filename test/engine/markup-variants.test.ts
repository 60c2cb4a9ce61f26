/**
 * The markup variants (test/fixtures/variants/README.md): one consistent report in the markups real
 * portals publish. Each page is audited as the command line audits a file; its findings of severity
 * error or warning must be exactly what expected.json says its one deliberate change breaks (none
 * for a page without one). A page that is no report (`"detected": false`) must be left alone. The body,
 * year and layout read must be expected.json's (示范县交通运输局, 2023 and the 2021 layout unless it names others).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFile } from '../../cli/audit-input';
import { corpus } from '../helpers/fixtures';

const {
  dir: DIR,
  cases,
  strayOpen,
} = corpus<{ about: string; agency?: string; year?: number; layout?: string; detected?: false; findings: { rule: string; cell?: string }[] }>(
  'variants',
  'expected.json',
);

describe('markup variants', () => {
  it('leave out only pages there are (open.json names pages of expected.json)', () => expect(strayOpen).toEqual([]));

  it.each(cases)('%s', async (file, { findings: expected, agency = '示范县交通运输局', year = 2023, layout = '2021', detected = true }) => {
    const { entry } = await auditFile(join(DIR, file));
    // A page about reports (a list, news, a circular on them) is left alone.
    expect(entry.detected).toBe(detected);
    if (!detected) return;
    expect(entry.report).toMatchObject({ agency, year, layout });
    const found = entry.findings.filter((f) => f.severity !== 'info');
    expect(found.map((f) => f.rule)).toEqual(expected.map((e) => e.rule));
    expected.forEach((e, i) => {
      if (e.cell) expect(found[i]!.cells?.map((c) => `${c.table}/${c.row}/${c.column}`)).toContain(e.cell);
    });
  });
});
