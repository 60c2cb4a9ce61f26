/**
 * The prose corpus (test/fixtures/prose/README.md): one report with fixed, consistent tables and
 * pages of prose written the way real portals write them. A page whose prose agrees with
 * the tables must draw no prose finding; a page with one planted contradiction must draw exactly
 * one (or the count expected.json gives, where the sentence states two numbers), from the rule it names.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFile } from '../../cli/audit-input';
import { corpus } from '../helpers/fixtures';

/** The rules that read the prose: the prose-* claims, what sections five and six must say, the period and the dates. */
const readsProse = (rule: string) =>
  rule.startsWith('prose-') || ['s5-no-rectification', 's6-no-fee', 'template-text-left', 'year-mismatch', 'date-malformed', 'published-late'].includes(rule);

const { dir: DIR, cases, strayOpen } = corpus<{ expect: string | null; count?: number; note?: string }>('prose', 'expected.json');

describe('prose corpus', () => {
  it('leaves out only pages there are', () => expect(strayOpen).toEqual([]));

  it.each(cases)('%s', async (file, { expect: rule, count = 1 }) => {
    const { entry } = await auditFile(join(DIR, file));
    expect(entry.detected).toBe(true);
    const prose = entry.findings.filter((f) => readsProse(f.rule));
    expect(prose.map((f) => `${f.rule}: ${f.message}`)).toHaveLength(rule ? count : 0);
    for (const f of prose) expect(f.rule).toBe(rule);
  });
});
