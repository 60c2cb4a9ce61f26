/**
 * Extension contexts forbid eval: zod must not try it there (lib/app/zod-without-eval.ts). The
 * counterpart, that zod does try without the setting, is zod-tries-eval.test.ts (its own file: zod
 * remembers the answer for the rest of a process).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMPTY_EXPORT, forbidEval } from '../helpers/csp-function';

const ROOT = resolve(import.meta.dirname, '../..');
const SETTING = "import '@/lib/app/zod-without-eval';";
/** The always-on first look stays free of zod (and of every library): it is not an entry that needs the setting. */
const WITHOUT_ZOD = new Set(['entrypoints/first-look.ts']);

/** WXT's entrypoints: a file directly in entrypoints/, or a folder's index.ts or the main.tsx its page loads. */
function entrypoints(): string[] {
  const dir = join(ROOT, 'entrypoints');
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (d.isFile()) return /\.tsx?$/.test(d.name) ? [`entrypoints/${d.name}`] : [];
    const files = readdirSync(join(dir, d.name));
    return ['index.ts', 'main.tsx'].filter((f) => files.includes(f)).map((f) => `entrypoints/${d.name}/${f}`);
  });
}

describe('zod in the extension', () => {
  it('every entrypoint that may load zod sets it up before anything else', () => {
    const entries = entrypoints();
    expect(entries).toEqual(expect.arrayContaining(['entrypoints/content/index.ts', 'entrypoints/background/index.ts', 'entrypoints/sidepanel/main.tsx']));
    for (const file of entries.filter((f) => !WITHOUT_ZOD.has(f))) {
      const firstImport = readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .find((l) => l.startsWith('import '));
      expect(firstImport, file).toBe(SETTING);
    }
  });

  it('never tries to compile code once set up, parsing an import file', async () => {
    const csp = forbidEval();
    try {
      await import('@/lib/app/zod-without-eval');
      const { AuditsFile } = await import('@/lib/app/export/json');
      expect(AuditsFile.safeParse(EMPTY_EXPORT).success).toBe(true);
      expect(AuditsFile.safeParse({ ...EMPTY_EXPORT, version: 9 }).success).toBe(false);
      expect(csp.tries()).toBe(0);
    } finally {
      csp.restore();
    }
  });
});
