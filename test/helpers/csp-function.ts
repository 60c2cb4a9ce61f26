/**
 * A `Function` constructor as an extension's CSP makes it (no 'unsafe-eval'): every call throws, and
 * is counted, so a test can tell whether a library tried to compile code from a string.
 */
export function forbidEval(): { tries: () => number; restore: () => void } {
  const real = globalThis.Function;
  let tries = 0;
  const refuse = () => {
    tries++;
    throw new EvalError("Evaluating a string as JavaScript violates the Content Security Policy (no 'unsafe-eval')");
  };
  globalThis.Function = new Proxy(real, { construct: refuse, apply: refuse });
  return { tries: () => tries, restore: () => void (globalThis.Function = real) };
}

/** An export file with no reports: parsed with the import's schema (classic zod, whose objects compile their parsers). */
export const EMPTY_EXPORT = { format: 'gov-report-auditor/audits', version: 2, exportedAt: '2026-01-20T08:00:00.000Z', reports: [] };
