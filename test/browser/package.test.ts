import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('has no web-ext lint warnings from our own code (npm run lint:ext), and would report one', () => {
    const dir = join(ROOT, '.output', 'firefox-mv2'); // built by the zip above
    const lint = (d: string) => {
      try {
        return { code: 0, out: execFileSync('node', ['scripts/lint-ext.mjs', d], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
      } catch (e) {
        return { code: (e as { status: number }).status, out: `${(e as { stdout: string }).stdout}${(e as { stderr: string }).stderr}` };
      }
    };
    const clean = lint(dir);
    expect(clean.out).toMatch(/web-ext lint: 0 from our code/);
    expect(clean.code).toBe(0);
    // The same package with one unsafe assignment of our own: no longer passes.
    const tainted = mkdtempSync(join(tmpdir(), 'gra-firefox-tainted-'));
    cpSync(dir, tainted, { recursive: true });
    writeFileSync(join(tainted, 'tainted.js'), 'document.body.innerHTML = location.hash;\n');
    const manifest = JSON.parse(readFileSync(join(tainted, 'manifest.json'), 'utf8'));
    manifest.background.scripts.push('tainted.js');
    writeFileSync(join(tainted, 'manifest.json'), JSON.stringify(manifest));
    const bad = lint(tainted);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/UNSAFE_VAR_ASSIGNMENT tainted\.js/);
  });
});

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('icons', () => {
  it('the manifest lists toolbar and store icons in every size, each a PNG of that size', () => {
    const dir = join(ROOT, '.output', 'firefox-mv2');
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const sizes = [16, 32, 48, 96, 128];
    expect(
      Object.keys(manifest.icons)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual(sizes);
    for (const [size, file] of [...Object.entries(manifest.icons), ...Object.entries(manifest.browser_action.default_icon)]) {
      const png = readFileSync(join(dir, file as string));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(pngSize(png)).toEqual({ width: Number(size), height: Number(size) });
    }
  });
});
