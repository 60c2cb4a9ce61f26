/**
 * The architecture's import rules (eslint.config.js) fire where they must and stay quiet where they
 * must not: each case lints a small snippet as if it were a file of that folder.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

/** The rules that report `code` placed at `file` (relative to the repository). */
async function rulesFired(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  const fatal = result!.messages.find((m) => m.fatal);
  if (fatal) throw new Error(fatal.message);
  return result!.messages.map((m) => m.ruleId ?? '');
}

describe('the engine imports nothing of the app', () => {
  it.each([
    ["import { Status as x } from '@/lib/app/schema';", 'import-x/no-restricted-paths'],
    ["import { Status as x } from '../app/schema';", 'import-x/no-restricted-paths'],
    ["import type { AuditDb as x } from '@/store/db';", 'import-x/no-restricted-paths'],
    ["import { SeverityCounts as x } from '@/components/Counts';", 'import-x/no-restricted-paths'],
    ["import { onMessage as x } from '@/entrypoints/background/handle-request';", 'import-x/no-restricted-paths'],
    ["import { browser as x } from 'wxt/browser';", 'no-restricted-imports'],
    ["import x from 'webextension-polyfill';", 'no-restricted-imports'],
    ["import { Dexie as x } from 'dexie';", 'no-restricted-imports'],
    ["import { browser as x } from '#imports';", 'no-restricted-imports'],
  ])('reports %s in lib/engine', async (line, rule) => {
    expect(await rulesFired('lib/engine/snippet.ts', `${line}\nexport type X = typeof x;\n`)).toContain(rule);
  });

  it('lets the engine import the engine, zod and the DOM reader', async () => {
    const code =
      "import { z } from 'zod';\nimport { Finding } from './model';\nimport { Severity } from '@/lib/engine/model';\nexport const x = [z, Finding, Severity];\n";
    expect(await rulesFired('lib/engine/snippet.ts', code)).toEqual([]);
  });
});

describe('lib/app stays pure', () => {
  it('may import the engine but not the browser API, the database or the store', async () => {
    expect(await rulesFired('lib/app/snippet.ts', "import { Finding } from '../engine/model';\nexport const x = Finding;\n")).toEqual([]);
    expect(await rulesFired('lib/app/snippet.ts', "import { browser } from 'wxt/browser';\nexport const x = browser;\n")).toContain('no-restricted-imports');
    // WXT's auto-import would let `browser` in without an import line.
    expect(await rulesFired('lib/app/snippet.ts', 'export const x = () => browser.runtime.id;\n')).toContain('no-restricted-globals');
    expect(await rulesFired('lib/app/snippet.ts', "import { liveQuery } from 'dexie';\nexport const x = liveQuery;\n")).toContain('no-restricted-imports');
    expect(await rulesFired('lib/app/snippet.ts', "import { loadAllAudits } from '@/store/transfer';\nexport const x = loadAllAudits;\n")).toContain(
      'import-x/no-restricted-paths',
    );
  });
});

describe('components read through hooks, not store/db', () => {
  it('reports store/db and allows the rest of the store', async () => {
    expect(await rulesFired('components/Snippet.tsx', "import { auditDb } from '@/store/db';\nexport const x = auditDb;\n")).toContain(
      'import-x/no-restricted-paths',
    );
    expect(await rulesFired('components/batch/Snippet.tsx', "import { auditDb } from '../../store/db';\nexport const x = auditDb;\n")).toContain(
      'import-x/no-restricted-paths',
    );
    expect(
      await rulesFired('components/Snippet.tsx', "import { storageErrorMessage } from '@/store/errors';\nexport const x = storageErrorMessage;\n"),
    ).toEqual([]);
  });

  it('keeps the store free of the UI', async () => {
    expect(await rulesFired('store/snippet.ts', "import { SeverityCounts } from '@/components/Counts';\nexport const x = SeverityCounts;\n")).toContain(
      'import-x/no-restricted-paths',
    );
    expect(await rulesFired('store/snippet.ts', "import { ReportRecord } from '@/lib/app/schema';\nexport const x = ReportRecord;\n")).toEqual([]);
  });

  it('lets the background use store/db', async () => {
    expect(await rulesFired('entrypoints/background/snippet.ts', "import { auditDb } from '@/store/db';\nexport const x = auditDb;\n")).toEqual([]);
  });
});

describe('no import cycles', () => {
  // Real files: the cycle rule follows imports on disk. Under test/ so nothing else picks them up.
  const dir = `test/lint/cycle-${process.pid}`;
  beforeAll(() => {
    mkdirSync(join(ROOT, dir), { recursive: true });
    writeFileSync(join(ROOT, dir, 'a.ts'), "import { b } from './b';\nexport const a = () => b();\n");
    writeFileSync(join(ROOT, dir, 'b.ts'), "import { c } from './c';\nexport const b = () => c();\n");
    writeFileSync(join(ROOT, dir, 'c.ts'), "import { a } from './a';\nexport const c = () => a;\n");
    writeFileSync(join(ROOT, dir, 'd.ts'), "import { a } from './a';\nexport const d = () => a;\n");
  });
  afterAll(() => rmSync(join(ROOT, dir), { recursive: true, force: true }));

  it('reports every module of a cycle, through a third module too, and not a module that only imports one', async () => {
    const results = await eslint.lintFiles(['a', 'b', 'c', 'd'].map((f) => join(ROOT, dir, `${f}.ts`)));
    const cyclic = results.map((r) => r.messages.some((m) => m.ruleId === 'import-x/no-cycle'));
    expect(cyclic).toEqual([true, true, true, false]);
  });
});
