import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const npx = (...args: string[]) => execFileSync('npx', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('the Firefox package', () => {
  it('builds, zips, and the zip passes web-ext lint with no errors', () => {
    npx('wxt', 'zip', '-b', 'firefox');
    const zip = readdirSync(join(ROOT, '.output')).find((f) => /-firefox\.zip$/.test(f));
    expect(zip).toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'gra-firefox-'));
    execFileSync('python3', ['-m', 'zipfile', '-e', join(ROOT, '.output', zip!), dir]);
    let out: string;
    try {
      out = npx('web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery');
    } catch (e) {
      out = (e as { stdout: string }).stdout; // web-ext exits non-zero on errors; the JSON says which
    }
    const report = JSON.parse(out.slice(out.indexOf('{')));
    expect(report.errors).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });
});
