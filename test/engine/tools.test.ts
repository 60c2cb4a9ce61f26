/**
 * The project's PDF, Word and HTML files as real extraction tools write them (test/fixtures/tools/README.md):
 * each output is audited as the command line audits a text file and must give its source's findings — a
 * seed's sidecar findings and cell values, or a variant's findings of severity error or warning, exactly.
 * An output whose tool provably loses something (`loses`) must give the findings that loss calls for, and
 * no error the source does not have. open.json lists the outputs still misread, and why.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFile } from '../../cli/audit-input';
import { auditText } from '../../lib/engine/audit';
import { decodePage } from '../../lib/engine/decode';
import { corpus } from '../helpers/fixtures';
import { cellValues, expectedValues, findingProblems, seedExpected } from '../helpers/seed-expected';

type Case = {
  source: string;
  tool: string;
  mode: string;
  /** A seed's PDF or Word file: its sidecar says what the text must give. */
  seed?: string;
  /** A variant's findings (expected.json of its corpus), or what the tool's loss calls for. */
  findings?: { rule: string; cell?: string }[];
  /** What the tool provably loses: then `findings` must be there, and no other error. */
  loses?: string;
};

const { dir: DIR, cases, strayOpen } = corpus<Case>('tools', 'manifest.json');
const cellName = (c: { table: string; row: string; column: string }) => `${c.table}/${c.row}/${c.column}`;

describe('files as real extraction tools wrote them', () => {
  it('leaves out only outputs there are', () => expect(strayOpen).toEqual([]));

  it.each(cases)('%s', async (file, c) => {
    const { entry } = await auditFile(join(DIR, file));
    expect(entry.detected).toBe(true);
    if (c.seed !== undefined) {
      const exp = seedExpected(c.seed);
      expect(entry.report).toMatchObject({ agency: exp.agency, year: exp.year, layout: exp.layout });
      expect(findingProblems(exp, entry.findings)).toEqual([]);
      const audit = auditText(decodePage(readFileSync(join(DIR, file))));
      if (!audit.detected) throw new Error(audit.reason);
      const values = cellValues(audit.report);
      const want = expectedValues(exp, values);
      expect(Object.fromEntries(Object.keys(want).map((k) => [k, values[k]]))).toEqual(want);
      return;
    }
    expect(entry.report).toMatchObject({ agency: '示范县交通运输局', year: 2023, layout: '2021' });
    const expected = c.findings!;
    const found = entry.findings.filter((f) => f.severity !== 'info');
    if (c.loses) {
      for (const e of expected)
        expect(
          found.map((f) => f.rule),
          e.rule,
        ).toContain(e.rule);
      const allowed = new Set(expected.map((e) => e.rule));
      expect(found.filter((f) => f.severity === 'error' && !allowed.has(f.rule)).map((f) => f.rule)).toEqual([]);
      return;
    }
    expect(found.map((f) => f.rule)).toEqual(expected.map((e) => e.rule));
    expected.forEach((e, i) => {
      if (e.cell) expect(found[i]!.cells?.map(cellName)).toContain(e.cell);
    });
  });
});
