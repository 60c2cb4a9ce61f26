/**
 * Saving one edited value (a note) durably: debounced while typing, at once on demand (blur, a
 * status change, the page going away), one save at a time, and each save retried until the
 * background acknowledges it. A save carries a write id that stays the same on every retry, so a
 * save that landed but whose answer was lost (a service-worker stop) is not applied twice, and the
 * editor never reports a failure for it. Pure: the sender, the timers and the ids are passed in.
 */

export type SaveStatus =
  | { kind: 'idle' }
  /** Typed, not sent yet (the debounce is running). */
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  /** The background could not be reached; the same write is sent again. */
  | { kind: 'retrying'; attempt: number }
  /** The background refused the write: retrying would not help. */
  | { kind: 'refused'; error: string };

export interface SaveQueueOptions<T> {
  /** Resolves once the background acknowledged the write. */
  send(value: T, writeId: string): Promise<unknown>;
  /** Whether a failed send may succeed when sent again (the background was unreachable). */
  retryable(e: unknown): boolean;
  onStatus(status: SaveStatus): void;
  newWriteId(): string;
  debounceMs?: number;
  /** Wait before the n-th retry (1-based). */
  retryDelayMs?(attempt: number): number;
  setTimer?(fn: () => void, ms: number): unknown;
  clearTimer?(handle: unknown): void;
}

interface Write<T> {
  value: T;
  writeId: string;
}

export const DEBOUNCE_MS = 800;
const backoff = (attempt: number) => Math.min(250 * 2 ** (attempt - 1), 5000);

export class SaveQueue<T> {
  /** The newest edit not yet sent. */
  private next?: Write<T>;
  private sending = false;
  private debounce: unknown;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly opts: SaveQueueOptions<T>) {
    this.setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  /** Whether an edit is waiting or being sent: the field must not be reset from the stored value yet. */
  get busy(): boolean {
    return this.sending || this.next !== undefined;
  }

  /** An edit while typing: sent once typing pauses. */
  edit(value: T): void {
    this.next = { value, writeId: this.opts.newWriteId() };
    this.opts.onStatus({ kind: 'pending' });
    this.clearTimer(this.debounce);
    this.debounce = this.setTimer(() => this.flush(), this.opts.debounceMs ?? DEBOUNCE_MS);
  }

  /** Sends the waiting edit now (blur, a status change). */
  flush(): void {
    this.clearTimer(this.debounce);
    if (!this.sending) void this.run();
  }

  /**
   * The page is going away (pagehide, the panel closed): send the waiting edit at once, even while
   * an earlier one is in flight, since the page will not live to send it after. The background
   * applies writes in the order they arrive.
   */
  leave(): void {
    this.clearTimer(this.debounce);
    const write = this.next;
    if (!write) return;
    this.next = undefined;
    this.opts.send(write.value, write.writeId).catch(() => undefined);
  }

  private async run(): Promise<void> {
    this.sending = true;
    let write = this.take();
    let attempt = 0;
    while (write) {
      if (!attempt) this.opts.onStatus({ kind: 'saving' });
      try {
        await this.opts.send(write.value, write.writeId);
        write = this.take();
        attempt = 0;
        if (!write) this.opts.onStatus({ kind: 'saved' });
      } catch (e) {
        if (!this.opts.retryable(e)) {
          this.opts.onStatus({ kind: 'refused', error: e instanceof Error ? e.message : String(e) });
          write = undefined;
          break;
        }
        attempt++;
        this.opts.onStatus({ kind: 'retrying', attempt });
        await new Promise<void>((resolve) => this.setTimer(resolve, (this.opts.retryDelayMs ?? backoff)(attempt)));
        // A newer edit made meanwhile replaces this one: it writes every field, so the older need not land.
        write = this.take() ?? write;
      }
    }
    this.sending = false;
  }

  private take(): Write<T> | undefined {
    const write = this.next;
    this.next = undefined;
    return write;
  }
}
