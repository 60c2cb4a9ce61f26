/**
 * `--jsonl` over many files through the worker threads: one line per file, in the folder's order
 * (the order --json and a single thread give), whatever thread finished first; and the
 * cross-year checks over saved pages, from the compact facts the run keeps of each report.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Entry } from '../../cli/audit';
import type { Finding } from '../../lib/engine/model';
import { FIXTURES } from '../helpers/fixtures';
import { SYNTHETIC_PAGES } from '../portal/synthetic';

const ROOT = join(FIXTURES, '..', '..');
vi.setConfig({ testTimeout: 60_000 });
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'cli/audit.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
const linesOf = (out: string) =>
  out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Entry & { crossYear?: Finding[] });

describe('npm run audit -- --jsonl over a folder', () => {
  it('prints one line per file, in the folder’s order, the same with two threads as with one', () => {
    // Reports, non-reports, text and a file that cannot be read, in an order no thread keeps by chance.
    const sources = [
      ...readdirSync(join(FIXTURES, 'html')).map((f) => join(FIXTURES, 'html', f)),
      ...readdirSync(join(FIXTURES, 'seeds'))
        .filter((f) => f.endsWith('.txt'))
        .map((f) => join(FIXTURES, 'seeds', f)),
    ].filter((p) => /\.(html|txt)$/.test(p));
    const dir = mkdtempSync(join(tmpdir(), 'stream-'));
    const n = 3 * sources.length;
    for (let i = 0; i < n; i++)
      copyFileSync(sources[(i * 7) % sources.length]!, join(dir, `${String(i).padStart(3, '0')}-${sources[(i * 7) % sources.length]!.split('/').at(-1)}`));
    writeFileSync(join(dir, '050-binary.html'), Buffer.from([0, 159, 146, 150, 0, 1]));
    const expected = readdirSync(dir)
      .sort()
      .map((f) => join(dir, f));

    const threaded = run('--jsonl', '--workers=2', dir);
    const lines = linesOf(threaded.stdout);
    expect(lines).toHaveLength(n + 1);
    expect(lines.map((l) => l.source)).toEqual(expected);
    expect(lines.filter((l) => l.detected).length).toBeGreaterThan(n / 2);
    expect(linesOf(run('--jsonl', '--workers=0', dir).stdout)).toEqual(lines);
    expect(JSON.parse(run('--json', '--workers=2', dir).stdout)).toEqual(lines);
  });

  it('checks consecutive years of saved pages audited in threads, in lines after every file’s', () => {
    const dir = mkdtempSync(join(tmpdir(), 'years-'));
    const saved = Object.entries(SYNTHETIC_PAGES).filter(([path]) => /\/20\d\d\//.test(path));
    for (const [path, page] of saved) {
      const file = join(dir, path);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, page());
    }
    const lines = linesOf(run('--jsonl', '--workers=2', dir).stdout);
    const entries = lines.filter((l) => !l.crossYear);
    const cross = lines.filter((l) => l.crossYear);
    expect(entries).toHaveLength(saved.length);
    expect(lines.slice(0, saved.length)).toEqual(entries);
    const rules = (slug: string, year: number) => cross.find((l) => l.source.includes(`/${year}/${slug}/`))?.crossYear!.map((f) => f.rule) ?? [];
    // The synthetic portal's known defects (test/portal/synthetic.ts), as the --follow-links test finds them on the portal.
    expect(rules('sfj', 2023)).toEqual(['cross-year-carryover', 'cross-year-carryover']);
    expect(rules('zjj', 2023)).toEqual(['cross-year-in-force']);
    expect(rules('jyj', 2023)).toEqual([]);
    expect(rules('sfj', 2022)).toEqual([]);
  });
});
