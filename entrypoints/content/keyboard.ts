import type { AuditorLifetime } from './lifetime';

/**
 * Alt+Shift+N / Alt+Shift+P walk the findings; Esc closes an open tooltip. Only the user's own key
 * presses count: a page script's synthetic events (isTrusted false) are ignored.
 */
export function listenForNavigation(life: AuditorLifetime, step: (delta: 1 | -1) => boolean, closeTip: () => boolean): void {
  life.addEventListener(
    document,
    'keydown',
    (e) => {
      const key = e as KeyboardEvent;
      if (!key.isTrusted) return;
      // Only a tooltip actually closed keeps Esc from the page (its own dialogs close as usual).
      if (key.key === 'Escape' && !key.altKey && !key.ctrlKey && !key.metaKey) {
        if (closeTip()) key.preventDefault();
        return;
      }
      if (!key.altKey || !key.shiftKey) return;
      const delta = key.code === 'KeyN' ? 1 : key.code === 'KeyP' ? -1 : 0;
      // Only a step taken (a report with findings on screen) keeps the key from the page.
      if (delta && step(delta)) key.preventDefault();
    },
    { capture: true },
  );
}
