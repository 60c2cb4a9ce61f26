/**
 * The UI language glue of the extension pages and the overlay: reads the language setting from the
 * stored settings (written by the background only), resolves 'auto' with the browser's UI language,
 * sets lib/app/i18n.ts's current locale and re-renders when the setting changes (storage.onChanged).
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { resolveLocale, setUiLocale, storedLanguage, uiLocale, type Locale } from '@/lib/app/i18n';
import { SETTINGS_LOCAL_KEY } from '@/store/settings-key';

const localeOf = (settings: unknown): Locale => resolveLocale(storedLanguage(settings), browser.i18n.getUILanguage());

let first: Promise<void> | undefined;
let known = false;

/**
 * The stored choice, read once per page; started as soon as a page or the overlay loads so the
 * first render is already in the right language. Unreadable storage follows the browser.
 */
export function loadUiLocale(): Promise<void> {
  first ??= browser.storage.local
    .get(SETTINGS_LOCAL_KEY)
    .then(
      (stored) => localeOf(stored[SETTINGS_LOCAL_KEY]),
      () => localeOf(undefined),
    )
    .then((l) => {
      setUiLocale(l);
      known = true;
    });
  return first;
}

/**
 * The current UI language, following changes; undefined until first read. `documentLang` sets
 * <html lang> (extension pages; never on a portal page, which is not ours).
 */
export function useUiLocale({ documentLang }: { documentLang: boolean }): Locale | undefined {
  const [locale, setLocale] = useState<Locale | undefined>(known ? uiLocale() : undefined);
  useEffect(() => {
    let live = true;
    const apply = (l: Locale) => {
      setUiLocale(l);
      if (documentLang) document.documentElement.lang = l;
      if (live) setLocale(l);
    };
    // The latest language, not the first read: a component mounted after a change must not go back to it.
    void loadUiLocale().then(() => apply(uiLocale()));
    const watch = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && SETTINGS_LOCAL_KEY in changes) apply(localeOf(changes[SETTINGS_LOCAL_KEY]!.newValue));
    };
    browser.storage.onChanged.addListener(watch);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(watch);
    };
  }, []);
  return locale;
}
