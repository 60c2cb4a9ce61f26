#!/usr/bin/env node
// `npm test`: builds the extension, runs the unit tests and the real-browser tests, and ends
// with one plain line "N passed, N failed" over both runs. Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const OUT = 'artifacts/test';
mkdirSync(OUT, { recursive: true });

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  return r.status ?? 1;
}

function vitest(name, config) {
  const file = `${OUT}/${name}.json`;
  rmSync(file, { force: true });
  const status = run('npx', ['vitest', 'run', ...(config ? ['-c', config] : []), '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    return { status, passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
  } catch {
    return { status: status || 1, passed: 0, failed: 0, skipped: 0 };
  }
}

// The production build, and the test build whose overlay root is open to Playwright (entrypoints/content/host.ts).
const build = run('npx', ['wxt', 'build']) || run('npx', ['wxt', 'build', '--mode', 'test']);
const unit = vitest('unit');
const browser = build === 0 ? vitest('browser', 'vitest.browser.config.ts') : { status: 1, passed: 0, failed: 0, skipped: 0 };
if (build !== 0) console.error('扩展构建失败，未运行浏览器测试 / the extension did not build; browser tests not run');

const passed = unit.passed + browser.passed;
const failed = unit.failed + browser.failed;
const skipped = unit.skipped + browser.skipped;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(build || unit.status || browser.status || (failed ? 1 : 0));
