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
