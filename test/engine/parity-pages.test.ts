/**
 * The parity pages (test/fixtures/parity/build/gen.py): one clean report in markup a browser's parser
 * and style sheets read differently from a naive reader (tables inside <p> without a doctype, rows
 * wrapped inside <table>, a Word document pasted whole, text after </html>, a copy the page's style
 * sheet hides), each audited as the command line audits a file: one report, the year and layout, the
 * planted change's finding and no other error or warning. test/browser/parity.test.ts opens the same
 * pages in the browser and expects the same.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFile } from '../../cli/audit-input';
import { corpus } from '../helpers/fixtures';

interface Expected {
  about: string;
  detected: boolean;
  reports: number;
  year: number;
  layout: string;
  /** 「table:row:column」: a cell a cell-wrong error must name. */
  expect: string[];
  allow: string[];
}

const { dir: DIR, cases, strayOpen } = corpus<Expected>('parity', 'expected.json');

describe('parity pages', () => {
  it('leave out only pages there are', () => expect(strayOpen).toEqual([]));

  it('hold clean pages and their neighbours with the planted error', () => {
    expect(cases.filter(([, e]) => e.expect.length).length).toBeGreaterThan(4);
    expect(cases.filter(([, e]) => !e.expect.length).length).toBeGreaterThan(4);
  });

  it.each(cases)('%s', async (file, e) => {
    const audited = await auditFile(join(DIR, file));
    const { entry } = audited;
    expect(entry.detected, entry.reason).toBe(e.detected);
    expect(1 + (audited.more?.length ?? 0)).toBe(e.reports);
    expect(entry.report?.year).toBe(e.year);
    expect(entry.report?.layout).toBe(e.layout);
    const serious = entry.findings.filter((f) => f.severity !== 'info' && !e.allow.includes(f.rule));
    const named = serious.map((f) => `${f.rule}:${(f.cells ?? []).map((c) => `${c.table}:${c.row}:${c.column}`).join(',')}`);
    expect(named).toEqual(e.expect.map((cell) => `cell-wrong:${cell}`));
  });
});
