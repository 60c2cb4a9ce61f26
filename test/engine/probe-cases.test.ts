/**
 * The probe cases (test/fixtures/probes/README.md): one consistent report in text layouts, encodings
 * and the 2019 layout, pages that are not reports, and malformed tables. Each page is audited as the
 * command line audits a file and must give what expected.json says: whether it is a report, its
 * year and layout, the findings its deliberate change must give, and no other error or warning.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFile } from '../../cli/audit-input';
import type { Finding } from '../../lib/engine/model';
import { corpus } from '../helpers/fixtures';

interface Expected {
  about: string;
  detected: boolean;
  year?: number;
  layout?: string;
  /** Rule ids (「a|b」: either), or 「table:row:column」, a cell a cell-wrong error must name. */
  expect: string[];
  allow: string[];
}

const { dir: DIR, cases, strayOpen } = corpus<Expected>('probes', 'expected.json');

const names = (f: Finding) => (f.cells ?? []).map((c) => `${c.table}:${c.row}:${c.column}`);
const meets = (f: Finding, want: string) => want.split('|').includes(f.rule) || (f.rule === 'cell-wrong' && names(f).includes(want));

describe('probe cases', () => {
  it('leave out only pages there are (open.json names pages of expected.json)', () => expect(strayOpen).toEqual([]));

  it.each(cases)('%s', async (file, e) => {
    const { entry } = await auditFile(join(DIR, file));
    expect(entry.error).toBeUndefined();
    expect(entry.detected, entry.reason).toBe(e.detected);
    if (!e.detected) return expect(entry.findings).toEqual([]);
    if (e.year) expect(entry.report?.year).toBe(e.year);
    if (e.layout) expect(entry.report?.layout).toBe(e.layout);
    const serious = entry.findings.filter((f) => f.severity !== 'info');
    for (const want of e.expect)
      expect(
        serious.some((f) => meets(f, want)),
        `${want} in ${serious.map((f) => f.rule).join(', ')}`,
      ).toBe(true);
    const unexpected = serious.filter((f) => !e.expect.some((want) => meets(f, want)) && !e.allow.includes(f.rule));
    expect(unexpected.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });
});
