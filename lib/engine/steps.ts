/**
 * Work in slices without the engine knowing about the browser: a long pass takes a `deadline`
 * predicate and, when it says the slice is spent, yields; the caller (the content script) gives
 * the main thread back to the page there and resets the clock. Synchronous callers drain the
 * steps with a deadline that never comes, so they never yield.
 */
export type Deadline = () => boolean;

/** Steps of work that end with a value. */
export type Steps<T> = Generator<void, T, void>;

export const NO_DEADLINE: Deadline = () => false;

/** How many units of work (nodes, blocks, cells) pass between two looks at the deadline. */
export const CHECK_EVERY = 64;

/** Runs the steps to the end at once. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * A task boundary, for a caller between two slices: the content script gives the page's main
 * thread back, the background lets other requests in. `scheduler.yield()` where the platform has
 * it (the continuation keeps its priority), else a MessageChannel message, which, unlike
 * setTimeout(0), is not clamped to 4 ms after nesting.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Work per task on a page, in ms: well under the 50 ms of a long task, with room for a slow machine's jitter. */
export const SLICE_MS = 12;

/**
 * Runs steps that take a deadline in tasks of their own: each works until `budgetMs` have passed,
 * then the steps yield and a task boundary (nextTask) comes before the next slice. The first slice
 * too waits for a task of its own, so that it never adds to the work of the task that started it.
 * Undefined when `stale()` says the work is no longer wanted (a newer run, a page gone away).
 */
export async function runInSlices<T>(start: (deadline: Deadline) => Steps<T>, stale: () => boolean, budgetMs = SLICE_MS): Promise<T | undefined> {
  let sliceStart = 0;
  const steps = start(() => performance.now() - sliceStart > budgetMs);
  for (;;) {
    await nextTask();
    if (stale()) return undefined;
    sliceStart = performance.now();
    const step = steps.next();
    if (step.done) return step.value;
  }
}
