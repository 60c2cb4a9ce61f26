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
