import { copyFileSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditLoaded } from '../../cli/audit-input';
import { entryOf } from '../../cli/entry';
import { filePool } from '../../cli/pool';
import { bundledWorker } from '../../cli/worker-bundle';
import { FIXTURES, htmlDoc } from '../helpers/fixtures';

const SEED = join(FIXTURES, 'seeds', '001_c3a7b8f5e1f943e7.txt');

describe('the CLI’s worker pool', () => {
  it('gives a file whose thread dies or throws an error entry, replaces the thread and audits the rest', async () => {
    const pool = filePool(2, new URL('./crash-worker.ts', import.meta.url));
    try {
      const results = await Promise.all(['/x/exit.html', SEED, '/x/throw.html', SEED, SEED].map((p) => pool.audit(p)));
      expect(results.map((r) => entryOf(r).error ?? 'ok')).toEqual([
        expect.stringMatching(/^审核时出错：工作线程意外退出（代码 7）/),
        'ok',
        '审核时出错：boom',
        'ok',
        'ok',
      ]);
      expect(entryOf(results[1]!)).toMatchObject({ detected: true, report: { agency: '开封市政务服务和大数据管理局', year: 2023 } });
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('audits a file that needs more memory than a thread has in the main thread instead', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pool-'));
    const big = join(dir, 'oom-seed.txt');
    copyFileSync(SEED, big);
    const pool = filePool(1, new URL('./crash-worker.ts', import.meta.url));
    try {
      const [a, b] = await Promise.all([pool.audit(big), pool.audit(SEED)]);
      expect(entryOf(a)).toMatchObject({ source: big, detected: true, report: { agency: '开封市政务服务和大数据管理局' } });
      expect(entryOf(b).detected).toBe(true);
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('the real worker audits as this thread does', async () => {
    const pool = filePool(1);
    try {
      const [threaded, inline] = [await pool.audit(SEED), await filePool(0).audit(SEED)];
      expect(threaded).toEqual(inline);
    } finally {
      await pool.close();
    }
  }, 30_000);
});

describe('the bundled worker', () => {
  it('is built once and used again while its sources are unchanged; a worker that cannot be built gives null (the TypeScript worker runs)', async () => {
    const first = await bundledWorker();
    expect(first && existsSync(fileURLToPath(first))).toBe(true);
    expect((await bundledWorker())?.href).toBe(first!.href);
    expect(await bundledWorker(join(tmpdir(), 'no-such-worker.ts'))).toBeNull();
  }, 30_000);

  it('threads start when node was given options a thread refuses (heap sizes)', () => {
    const r = spawnSync(process.execPath, ['--max-semi-space-size=8', '--import', 'tsx', 'cli/audit.ts', '--jsonl', '--workers=2', join(FIXTURES, 'seeds')], {
      cwd: join(FIXTURES, '..', '..'),
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    // The seeds folder's texts (.txt and its README.md): one line each.
    expect(r.stdout.trim().split('\n')).toHaveLength(readdirSync(join(FIXTURES, 'seeds')).filter((f) => /\.(txt|md)$/.test(f)).length);
  }, 30_000);
});

describe('an input the engine crashes on', () => {
  it('is that input’s error entry, not the run’s', () => {
    const doc = htmlDoc('<html><head><title>示范市司法局2023年政府信息公开工作年度报告</title></head><body></body></html>');
    // A document whose reading overflows the stack, as a very deep page did with the recursive walk.
    const poisoned = new Proxy(doc, {
      get: (target, key) => {
        if (key === 'title') throw new RangeError('Maximum call stack size exceeded');
        return Reflect.get(target, key, target);
      },
    });
    const { entry } = auditLoaded('bad.html', { kind: 'html', text: '', doc: poisoned });
    expect(entry).toEqual({ source: 'bad.html', detected: false, findings: [], error: '审核时出错：页面嵌套过深，无法处理' });
  });
});
