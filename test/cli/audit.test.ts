import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Entry } from '../../cli/audit';
import { Finding } from '../../lib/engine/model';
import { FIXTURES, SEED_IDS, seedText } from '../helpers/fixtures';
import { findingProblems, SEED_EXPECTED } from '../helpers/seed-expected';
import { bodyAgency, compilationPage, wrongResultsTotal } from '../helpers/compilation';

const ROOT = join(FIXTURES, '..', '..');
// Each test starts the CLI (node + tsx) at least once; on a busy machine that alone takes seconds.
vi.setConfig({ testTimeout: 30_000 });
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/audit.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { out: r.stdout, err: r.stderr, code: r.status };
};

describe('npm run audit -- --json', () => {
  const bad = mkdtempSync(join(tmpdir(), 'audit-'));
  writeFileSync(join(bad, 'scan.pdf'), '%PDF-1.4');
  const { out, code, err } = run('--json', join(FIXTURES, 'seeds'), join(FIXTURES, 'html'), join(bad, 'scan.pdf'), join(bad, 'missing.html'));
  const entries: Entry[] = JSON.parse(out);
  const by = (suffix: string) => entries.find((e) => e.source.endsWith(suffix))!;

  it('prints one entry per input file, findings in the shared shape', () => {
    // 5 seeds and their README, 19 pages and their README, 2 bad inputs.
    expect(entries).toHaveLength(6 + 20 + 2);
    expect(entries.filter((e) => e.source.endsWith('README.md')).map((e) => e.detected)).toEqual([false, false]);
    for (const e of entries) for (const f of e.findings) expect(() => Finding.parse(f)).not.toThrow();
  });
  it('reports the seeds as their sidecars say, from text and from every HTML rendering', () => {
    for (const id of SEED_IDS) {
      const exp = SEED_EXPECTED[id];
      const ofSeed = entries.filter((x) => x.source.includes(`/${id}`));
      expect(ofSeed).toHaveLength(4); // the text and three renderings
      for (const e of ofSeed) {
        expect(e.detected, e.source).toBe(true);
        expect(e.report, e.source).toMatchObject({ agency: exp.agency, year: exp.year, layout: exp.layout });
        expect(findingProblems(exp, e.findings), e.source).toEqual([]);
      }
    }
    expect(by('002-word.html').report).toEqual({ title: expect.stringContaining('孟津区司法局'), agency: '孟津区司法局', year: 2022, layout: '2021' });
  });
  it('says why a page is not a report, and why an input cannot be read, without stopping', () => {
    expect(by('nonreport-list.html')).toMatchObject({ detected: false, reason: expect.any(String), findings: [] });
    expect(by('scan.pdf')).toMatchObject({ detected: false, error: expect.stringContaining('PDF') });
    expect(by('missing.html')).toMatchObject({ detected: false, error: '找不到该文件或文件夹' });
  });
  it('exits with 1 when some input failed, and says how many', () => {
    expect(code).toBe(1);
    expect(err).toContain('2 项无法读取或审核出错');
  });
});

describe('npm run audit -- --json on a report with wrong cells', () => {
  it('names one wrong cell in exactly one error, with its expected value; two wrong cells in two', () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-wrong-'));
    const html = readFileSync(join(FIXTURES, 'html', '001-semantic.html'), 'utf8');
    // Seed 001 (七)总计·总计 is 1 (its sidecar); 2 breaks three identities that all meet in that cell.
    const one = html.replace(/(<tr data-row="3\.7">.*)<td>1<\/td>(<\/tr>)/, '$1<td>2</td>$2');
    // And 一、本年新收·总计 (1 in the seed) changed too: a second cell, in other identities.
    const two = one.replace(/(<tr data-row="1">.*)<td>1<\/td>(<\/tr>)/, '$1<td>5</td>$2');
    expect(one).not.toBe(html);
    expect(two).not.toBe(one);
    writeFileSync(join(dir, 'one.html'), one);
    writeFileSync(join(dir, 'two.html'), two);
    const entries: Entry[] = JSON.parse(run('--json', join(dir, 'one.html'), join(dir, 'two.html')).out);
    const errors = (name: string) => entries.find((e) => e.source.endsWith(name))!.findings.filter((f) => f.severity === 'error');
    expect(errors('one.html')).toEqual([
      expect.objectContaining({ rule: 'cell-wrong', cells: [{ table: 't3', row: '3.7', column: 'total' }], expected: 1, actual: 2 }),
    ]);
    expect(errors('two.html').map((f) => [f.rule, f.cells, f.expected, f.actual])).toEqual(
      expect.arrayContaining([
        ['cell-wrong', [{ table: 't3', row: '3.7', column: 'total' }], 1, 2],
        ['cell-wrong', [{ table: 't3', row: '1', column: 'total' }], 1, 5],
      ]),
    );
    expect(errors('two.html')).toHaveLength(2);
  });
});

describe('npm run audit -- --json on a compilation (汇编)', () => {
  it('prints each report of the page as an entry of its own, named source#part=N, with its own findings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-'));
    const file = join(dir, 'compilation.html');
    const wrong = wrongResultsTotal(3);
    writeFileSync(
      file,
      compilationPage(3, (n) => (n === 2 ? { t3: wrong.t3 } : {})),
    );
    const entries: Entry[] = JSON.parse(run('--json', file).out);
    expect(entries.map((e) => [e.source, e.report?.agency])).toEqual([1, 2, 3].map((n) => [`${file}#part=${n}`, bodyAgency(n)]));
    const errors = entries.map((e) => e.findings.filter((f) => f.severity === 'error'));
    expect(errors[0]).toEqual([]);
    expect(errors[2]).toEqual([]);
    expect(errors[1]).toEqual([
      expect.objectContaining({ rule: 'cell-wrong', expected: wrong.expected, cells: [{ table: 't3', row: '3.7', column: 'total' }] }),
    ]);
  });
});

describe('exit codes and bad inputs', () => {
  it('exits with 0 when every input was read, findings or not', () => {
    const r = run('--json', join(FIXTURES, 'seeds', '003_b167490a9537da4f.txt'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)[0].findings.length).toBeGreaterThan(0);
  });
  it('exits with 2 on an unknown option, and --help documents the exit codes', () => {
    expect(run('--nope', 'x.html').code).toBe(2);
    const help = run('--help');
    expect(help.code).toBe(0);
    expect(help.err).toMatch(/退出码 Exit code: 0[\s\S]*1 [\s\S]*2 /);
  });
  it('gives an unreadable file in a folder its own error entry and audits the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-'));
    writeFileSync(join(dir, 'a.txt'), seedText('001'));
    symlinkSync(join(dir, 'gone.txt'), join(dir, 'b-dangling.html'));
    mkdirSync(join(dir, 'c.html')); // a folder named like a page: looked into, not read
    writeFileSync(join(dir, 'c.html', 'd.txt'), seedText('004'));
    const r = run('--json', dir);
    const entries: Entry[] = JSON.parse(r.out);
    expect(entries.map((e) => [e.source.slice(dir.length + 1), e.error ?? e.report?.agency])).toEqual([
      ['a.txt', SEED_EXPECTED['001'].agency],
      ['b-dangling.html', '找不到该文件或文件夹'],
      ['c.html/d.txt', SEED_EXPECTED['004'].agency],
    ]);
    expect(r.code).toBe(1);
  });
  it('reads a saved page that is plain text (no markup) as text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-'));
    writeFileSync(join(dir, 'extracted.html'), seedText('002'));
    const [e] = JSON.parse(run('--json', join(dir, 'extracted.html')).out) as Entry[];
    expect(e!.report).toMatchObject({ agency: SEED_EXPECTED['002'].agency, year: SEED_EXPECTED['002'].year });
    expect(findingProblems(SEED_EXPECTED['002'], e!.findings)).toEqual([]);
  });
});

describe('npm run audit -- --jsonl', () => {
  it('prints one line per input as it goes, the same entries as --json, cross-year findings last', () => {
    const lines = run('--jsonl', '--workers=2', join(FIXTURES, 'seeds'), join(FIXTURES, 'html'))
      .out.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const whole: Entry[] = JSON.parse(run('--json', '--workers=0', join(FIXTURES, 'seeds'), join(FIXTURES, 'html')).out);
    expect(lines).toEqual(whole); // no cross-year pairs among the seeds: no extra lines
  }, 60_000);
});

describe('npm run audit (readable summary)', () => {
  it('prints agency, year, layout and findings grouped by severity, in Chinese', () => {
    const { out } = run(join(FIXTURES, 'seeds', '003_b167490a9537da4f.txt'));
    expect(out).toContain('■ 阜新市司法局 · 2023 年度 · 2021 版格式');
    // Seed 003's blank 行政复议 group is one missing-data warning (no identity can fill it), not an error.
    expect(out).toMatch(/错误 0 · 警告 \d+ · 提示 0/);
    expect(out).toContain('t4/1/review.total');
  });
});

describe('npm run audit -- --follow-links', () => {
  it('audits every report a paginated list links to, with the batch runner, and runs the cross-year checks across them', async () => {
    const { startPortal } = await import('../portal/server');
    const { SYNTHETIC_REPORT_COUNT } = await import('../portal/synthetic');
    const portal = await startPortal();
    const list = `http://127.0.0.1:${portal.port}/portal/list.html`;
    try {
      const audit = (...args: string[]) =>
        new Promise<string>((resolve, reject) => {
          execFile(process.execPath, ['--import', 'tsx', 'cli/audit.ts', ...args], { cwd: ROOT, encoding: 'utf8' }, (err, stdout) =>
            err ? reject(err) : resolve(stdout),
          );
        });
      const entries: Entry[] = JSON.parse(await audit('--json', '--follow-links', '--interval=50', list));
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

      // Streamed: the same reports line by line, the cross-year findings in lines of their own at the end.
      const lines = (await audit('--jsonl', '--follow-links', '--interval=50', list))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      const cross = lines.filter((l) => 'crossYear' in l);
      expect(lines.slice(0, 1 + SYNTHETIC_REPORT_COUNT).every((l) => !('crossYear' in l))).toBe(true);
      expect(
        cross
          .map((l) => [
            l.source
              .match(/\/(\d{4})\/(\w+)\//)
              .slice(1)
              .join('/'),
            l.crossYear.map((f: Finding) => f.rule),
          ])
          .sort(),
      ).toEqual([
        ['2023/jtj', ['cross-year-carryover', 'cross-year-carryover']],
        ['2023/sfj', ['cross-year-carryover', 'cross-year-carryover']],
        ['2023/zjj', ['cross-year-in-force']],
      ]);
    } finally {
      await portal.close();
    }
  }, 30_000);
});
