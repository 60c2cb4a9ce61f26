import { defineUnlistedScript } from '#imports';
import { AUDITOR_SCRIPT, FRAME_LOADED_PORT, MAYBE_REPORT_PORT, type LookingWorld } from '@/lib/app/content-scripts';
import { firstLook } from './content/first-look';

/** The calls this script makes (Chrome and Firefox both name it `chrome` in content scripts). */
interface RawExtensionApi {
  chrome?: { runtime: { connect(info: { name: string }): unknown; getURL(path: string): string } };
}

/** Content that arrives later (a CMS widget, an SPA) is looked at again once it has this much text. */
const NEW_TEXT_CHARS = 200;
/** Pages that build their report after load settle within this much quiet time. */
const SETTLE_MS = 700;
/** At most one "a frame loaded" signal per this long. */
const FRAMES_MS = 300;

/**
 * The only script on every page the extension may read (≤ 3 KB gzip, test/browser/first-look.test.ts),
 * injected by the background after the tab has loaded (entrypoints/background/first-look.ts). An
 * unlisted script, not a WXT content script: WXT wraps content scripts in a context object that
 * brings the browser polyfill, five times this script.
 * It asks the background for the auditor only when the page may be a report or a list of reports;
 * every other page pays for one bounded text read, and one more per large insertion of text.
 */
export default defineUnlistedScript({
  main() {
    // Injected again whenever the tab completes a load: one look per frame.
    const world = globalThis as LookingWorld;
    if (world.reportAuditorFirstLook) return;
    world.reportAuditorFirstLook = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The raw API, not wxt/browser's polyfill: connect() returns a port synchronously in every
    // browser, and the polyfill alone would be larger than this whole script.
    const runtime = (globalThis as unknown as RawExtensionApi).chrome?.runtime;
    const signal = (name: string) => runtime?.connect({ name });
    // Chromium: the frame imports the auditor itself, a round trip through the background sooner (≈ 5 ms to the
    // first marker), under a query of its own as the background's injection does (background/audit-tab.ts
    // injectAuditor; no crypto.randomUUID on http pages). Firefox, or an import that fails: the background injects it.
    const bringAuditor = () => {
      if (!import.meta.env.FIREFOX && runtime)
        import(/* @vite-ignore */ `${runtime.getURL(AUDITOR_SCRIPT)}?${Math.random()}`).catch(() => signal(MAYBE_REPORT_PORT));
      else signal(MAYBE_REPORT_PORT);
    };
    const look = () => {
      const saw = firstLook(document, location.href);
      if (!saw) return false;
      world.reportAuditorSaw = { look: saw, url: location.href };
      observer.disconnect();
      clearTimeout(timer);
      bringAuditor();
      return true;
    };
    // Load events do not bubble, but are seen on the way down: a frame that loads later gets its first
    // look too. Frames loading together (or a page reloading one on purpose) make one signal per FRAMES_MS.
    let framesLoaded: ReturnType<typeof setTimeout> | undefined;
    document.addEventListener(
      'load',
      (e) => {
        if (framesLoaded || !(e.target instanceof HTMLIFrameElement || e.target instanceof HTMLFrameElement)) return;
        framesLoaded = setTimeout(() => {
          framesLoaded = undefined;
          signal(FRAME_LOADED_PORT);
        }, FRAMES_MS);
      },
      true,
    );
    // A clock or a carousel changes a few characters: only a sizeable insertion can be a report.
    const observer = new MutationObserver((records) => {
      if (!records.some((r) => Array.from(r.addedNodes).some((n) => (n.textContent?.length ?? 0) >= NEW_TEXT_CHARS))) return;
      clearTimeout(timer);
      timer = setTimeout(look, SETTLE_MS);
    });
    const begin = () => {
      if (!look()) observer.observe(document.documentElement, { childList: true, subtree: true });
    };
    // Nothing before the load event (a frame may still be loading when the tab completes): neither the
    // look nor the auditor it may bring can delay it.
    if (document.readyState === 'complete') begin();
    else window.addEventListener('load', begin, { once: true });
  },
});
