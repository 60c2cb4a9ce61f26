import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../cli/audit';
import { Finding } from '../../lib/engine/model';
import { FIXTURES } from '../helpers/fixtures';

const ROOT = join(FIXTURES, '..', '..');
const run = (...args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', 'cli/audit.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

describe('npm run audit -- --json', () => {
  const bad = mkdtempSync(join(tmpdir(), 'audit-'));
  writeFileSync(join(bad, 'scan.pdf'), '%PDF-1.4');
  const entries: Entry[] = JSON.parse(run('--json', join(FIXTURES, 'seeds'), join(FIXTURES, 'html'), join(bad, 'scan.pdf'), join(bad, 'missing.html')));
  const by = (suffix: string) => entries.find((e) => e.source.endsWith(suffix))!;

  it('prints one entry per input file, findings in the shared shape', () => {
    // 5 seeds and their README, 19 pages and their README, 2 bad inputs.
    expect(entries).toHaveLength(6 + 20 + 2);
    expect(entries.filter((e) => e.source.endsWith('README.md')).map((e) => e.detected)).toEqual([false, false]);
    for (const e of entries) for (const f of e.findings) expect(() => Finding.parse(f)).not.toThrow();
  });
  it('reports the seeds as the tests expect, from text and from every HTML rendering', () => {
    for (const id of ['000', '001', '004']) {
      for (const e of entries.filter((x) => x.source.includes(`/${id}`))) {
        expect(e.detected, e.source).toBe(true);
        expect(e.findings.filter((f) => f.severity === 'error'), e.source).toEqual([]);
      }
    }
    for (const e of entries.filter((x) => x.source.includes('/002'))) expect(e.findings.some((f) => f.rule === 'prose-rate' && f.actual === '18%'), e.source).toBe(true);
    for (const e of entries.filter((x) => x.source.includes('/003')))
      expect(e.findings.find((f) => f.rule === 'cell-missing')?.cells?.map((c) => `${c.table}/${c.row}/${c.column}`), e.source).toEqual(
        ['review.upheld', 'review.corrected', 'review.other', 'review.pending', 'review.total'].map((c) => `t4/1/${c}`),
      );
    expect(by('002-word.html').report).toEqual({ title: expect.stringContaining('孟津区司法局'), agency: '孟津区司法局', year: 2022, layout: '2021' });
  });
  it('says why a page is not a report, and why an input cannot be read, without stopping', () => {
    expect(by('nonreport-list.html')).toMatchObject({ detected: false, reason: expect.any(String), findings: [] });
    expect(by('scan.pdf')).toMatchObject({ detected: false, error: expect.stringContaining('.pdf') });
    expect(by('missing.html')).toMatchObject({ detected: false, error: '找不到该文件或文件夹' });
  });
});

describe('npm run audit (readable summary)', () => {
  it('prints agency, year, layout and findings grouped by severity, in Chinese', () => {
    const out = run(join(FIXTURES, 'seeds', '003_b167490a9537da4f.txt'));
    expect(out).toContain('■ 阜新市司法局 · 2023 年度 · 2021 版格式');
    // Seed 003's blank 行政复议 group is one missing-data warning (no identity can fill it), not an error.
    expect(out).toMatch(/错误 0 · 警告 \d+ · 提示 0/);
    expect(out).toContain('t4/1/review.total');
  });
});

describe('npm run audit -- --follow-links', () => {
  it('audits every report a paginated list links to and runs the cross-year checks across them', async () => {
    const { startPortal } = await import('../portal/server');
    const { SYNTHETIC_REPORT_COUNT } = await import('../portal/synthetic');
    const portal = await startPortal();
    try {
      const out = await new Promise<string>((resolve, reject) => {
        const { execFile } = require('node:child_process') as typeof import('node:child_process');
        execFile(process.execPath, ['--import', 'tsx', 'cli/audit.ts', '--json', '--follow-links', `http://127.0.0.1:${portal.port}/portal/list.html`], { cwd: ROOT, encoding: 'utf8' }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
      });
      const entries: Entry[] = JSON.parse(out);
      expect(entries[0]).toMatchObject({ detected: false, links: SYNTHETIC_REPORT_COUNT });
      const reports = entries.slice(1);
      expect(reports).toHaveLength(SYNTHETIC_REPORT_COUNT);
      expect(reports.every((e) => e.linkedFrom?.endsWith('/portal/list.html'))).toBe(true);
      const rules = (slug: string, year: number) => reports.find((e) => e.source.includes(`/${year}/${slug}/`))!.findings.map((f) => f.rule);
      expect(rules('sfj', 2023)).toEqual(['cross-year-carryover', 'cross-year-carryover']);
      expect(rules('zjj', 2023)).toEqual(['cross-year-in-force']);
      expect(rules('jtj', 2023)).toEqual(['cross-year-carryover', 'cross-year-carryover']);
      expect(rules('wjw', 2023)).toEqual(['published-late']);
      expect(rules('scjgj', 2023)).toEqual(['report-attachment-only']);
      expect(rules('jyj', 2023)).toEqual([]);
      expect(rules('sfj', 2022)).toEqual([]);
    } finally {
      await portal.close();
    }
  });
});
