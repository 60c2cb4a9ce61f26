import { nextTask, type Deadline, type Steps } from '@/lib/engine/steps';

/** Gives the main thread back to the page (lib/engine/steps.ts nextTask). */
export const yieldToPage = nextTask;

/** Work per task, in ms: well under the 50 ms of a long task, with room for a slow machine's jitter. */
export const SLICE_MS = 12;

/**
 * Runs steps that take a deadline (lib/engine/steps.ts) in tasks of their own: each works until
 * `budgetMs` have passed, then the steps yield and the page gets the main thread back before the
 * next slice. The first slice too waits for a task of its own, so that it never adds to the work
 * of the task that started it. Undefined when `stale()` says a newer run took over.
 */
export async function runInSlices<T>(start: (deadline: Deadline) => Steps<T>, stale: () => boolean, budgetMs = SLICE_MS): Promise<T | undefined> {
  let sliceStart = 0;
  const steps = start(() => performance.now() - sliceStart > budgetMs);
  for (;;) {
    await yieldToPage();
    if (stale()) return undefined;
    sliceStart = performance.now();
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Resolves once the load event has fired: the audit never competes with the page's own loading. */
export function afterLoad(): Promise<void> {
  if (document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => window.addEventListener('load', () => resolve(), { once: true }));
}
