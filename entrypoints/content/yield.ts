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

/** Runs a generator's steps with a yield after each; undefined when `stale()` says a newer run took over. */
export async function runInSlices<T>(steps: Generator<void, T>, stale: () => boolean): Promise<T | undefined> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await yieldToPage();
    if (stale()) return undefined;
  }
}

/** Resolves once the load event has fired: the audit never competes with the page's own loading. */
export function afterLoad(): Promise<void> {
  if (document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => window.addEventListener('load', () => resolve(), { once: true }));
}
