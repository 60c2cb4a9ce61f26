import { browser } from 'wxt/browser';
import type { LookingWorld } from '@/lib/app/content-scripts';

/**
 * The auditor's lifetime in one frame, in place of WXT's ContentScriptContext. WXT ends a copy when
 * a DOM event says a newer copy started; a page script that knows the extension's id (public, for
 * a store extension) can send that event and remove the overlay. Here a copy ends only when it
 * really is superseded: a newer copy took its place in this extension's world (which the page
 * cannot reach), or the extension was updated or reloaded and this copy lost its runtime.
 */
export class AuditorLifetime {
  private readonly ending = new AbortController();

  /** Listeners end with the lifetime. */
  addEventListener(target: EventTarget, type: string, handler: (e: Event) => void, options?: AddEventListenerOptions): void {
    target.addEventListener(type, handler, { ...options, signal: this.ending.signal });
  }

  onInvalidated(end: () => void): void {
    this.ending.signal.addEventListener('abort', end, { once: true });
  }

  end(): void {
    this.ending.abort();
  }
}

/** Each copy announces itself with this DOM event; the copy before it (in this world, or in another one after an update) ends on it. It carries nothing. */
const STARTED = 'report-auditor:started';

/** Starts this copy, ending the one before it: one auditor per frame, however often it is injected. */
export function startAuditor(start: (life: AuditorLifetime) => void): void {
  const world = globalThis as LookingWorld;
  const life = new AuditorLifetime();
  world.reportAuditorLife = life;
  // Anyone may send this event, the page too: a copy ends on it only when a newer one took its place
  // in this world, or when it lost its runtime (an older version, whose world the newer copy cannot see).
  life.addEventListener(document, STARTED, () => {
    if (world.reportAuditorLife !== life || !browser.runtime?.id) life.end();
  });
  document.dispatchEvent(new Event(STARTED));
  start(life);
}
