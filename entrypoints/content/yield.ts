import type { Deadline, Steps } from '@/lib/engine/steps';

/**
 * Giving the main thread back to the page between slices of work, so no task of ours runs long:
 * `scheduler.yield()` where the browser has it (the continuation keeps its priority), else a
 * MessageChannel message, which, unlike setTimeout(0), is not clamped to 4 ms after nesting.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

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
