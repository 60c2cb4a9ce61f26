/**
 * The counterpart of zod-without-eval.test.ts: without lib/app/zod-without-eval.ts, zod tries
 * `new Function` the first time it parses with a (classic) object schema, which the helper counts. This is what
 * the setting prevents, and shows that the other test would see the try.
 */
import { expect, it } from 'vitest';
import { EMPTY_EXPORT, forbidEval } from '../helpers/csp-function';

it('zod tries to compile code when not set up, and goes on without', async () => {
  const csp = forbidEval();
  try {
    const { AuditsFile } = await import('@/lib/app/export/json');
    expect(AuditsFile.safeParse(EMPTY_EXPORT).success).toBe(true);
    expect(csp.tries()).toBe(1);
  } finally {
    csp.restore();
  }
});
