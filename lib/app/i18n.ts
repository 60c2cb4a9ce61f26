/**
 * The UI language: one `t(key, subs?)` for every extension page, the overlay and the notices they show.
 * Pure: the dictionaries are bundled (lib/app/i18n-zh.ts is the source, i18n-en.ts its translation), so the
 * options page's switch can pick a language other than the browser's; `browser.i18n.getMessage` always
 * answers in the browser's language. The glue that reads the setting and the browser's language is in
 * components/locale.ts; `_locales/*\/messages.json` (manifest name and description) is generated from the
 * same dictionaries at build time (localeFiles below, wxt.config.ts).
 */
import { formatTime } from '../engine/labels';
import { en } from './i18n-en';
import { zh, type MessageKey } from './i18n-zh';

export type { MessageKey } from './i18n-zh';

/** What the options page offers: follow the browser, or one of the two UI languages. */
export const LANGUAGE_SETTINGS = ['auto', 'zh-CN', 'en'] as const;
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];
export type Locale = Exclude<LanguageSetting, 'auto'>;

/** The language setting in a stored settings value, read without its schema (the overlay has no full zod); anything else follows the browser. */
export function storedLanguage(settings: unknown): LanguageSetting {
  const value = typeof settings === 'object' && settings !== null ? (settings as { language?: unknown }).language : undefined;
  return LANGUAGE_SETTINGS.find((l) => l === value) ?? 'auto';
}

export type Dictionary = Partial<Record<MessageKey, string>>;
const DICTIONARIES: Record<Locale, Dictionary> = { 'zh-CN': zh, en };

/**
 * The UI language for a setting and the browser's UI language (`browser.i18n.getUILanguage()`).
 * Following the browser means what Chrome does with _locales: English for any English UI, the
 * default locale (zh_CN) for every other language.
 */
export function resolveLocale(setting: LanguageSetting | undefined, browserLanguage: string): Locale {
  if (setting === 'zh-CN' || setting === 'en') return setting;
  return /^en\b/i.test(browserLanguage) ? 'en' : 'zh-CN';
}

export type Substitutions = Record<string, string | number>;

/** `{name}` in the message is replaced by subs.name; a placeholder with no value is left as written. */
function substitute(message: string, subs: Substitutions | undefined): string {
  if (!subs) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in subs ? String(subs[name]) : whole));
}

/** The message in `dictionary`, else the Chinese one (the default locale is complete), else the key itself. */
export function translate(dictionary: Dictionary, key: MessageKey, subs?: Substitutions): string {
  return substitute(dictionary[key] ?? zh[key] ?? key, subs);
}

/** The placeholders a message uses, sorted: both locales must use the same ones. */
export function placeholders(message: string): string[] {
  return [...new Set(Array.from(message.matchAll(/\{(\w+)\}/g), (m) => m[1]!))].sort();
}

let current: Locale = 'zh-CN';

/** Set by the page's (or overlay's) locale glue when the setting or the browser's language is known or changes. */
export function setUiLocale(locale: Locale): void {
  current = locale;
}

export function uiLocale(): Locale {
  return current;
}

/** The message for `key` in the current UI language. */
export function t(key: MessageKey, subs?: Substitutions): string {
  return translate(DICTIONARIES[current], key, subs);
}

/** The current language's half of a `{ zh, en }` pair: rule titles, severities, statuses. */
export function pick(label: { zh: string; en: string }): string {
  return current === 'en' ? label.en : label.zh;
}

/** A `{ zh, en }` notice that the Chinese UI shows in both languages (as it always did), the English UI in English. */
export function bilingual(label: { zh: string; en: string }): string {
  return current === 'en' ? label.en : `${label.zh} ${label.en}`;
}

/**
 * A date and minute as the UI shows it. Chinese keeps the working-paper form 2024-03-05 14:07
 * (formatTime in lib/engine/labels.ts, which exports also use); English uses the browser's date format.
 */
export function formatUiTime(ms: number): string {
  if (current !== 'en') return formatTime(ms);
  return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** A count or amount as the UI shows it, grouped for the UI language. */
export function formatUiNumber(n: number): string {
  return new Intl.NumberFormat(current === 'en' ? 'en' : 'zh-CN').format(n);
}

type ChromeMessage = { message: string; placeholders?: Record<string, { content: string }> };

/**
 * A dictionary as `_locales/<locale>/messages.json`: `{name}` becomes Chrome's `$name$` with a
 * positional placeholder (in order of first use), a literal `$` is doubled.
 */
export function chromeMessages(dictionary: Dictionary): Record<string, ChromeMessage> {
  return Object.fromEntries(
    Object.entries(dictionary).map(([key, text]) => {
      const names: string[] = [];
      const message = text!.replace(/\$/g, '$$$$').replace(/\{(\w+)\}/g, (_, name: string) => {
        if (!names.includes(name)) names.push(name);
        return `$${name}$`;
      });
      const entry: ChromeMessage = { message };
      if (names.length) entry.placeholders = Object.fromEntries(names.map((n, i) => [n, { content: `$${i + 1}` }]));
      return [key, entry];
    }),
  );
}

/** The generated locale folders: Chrome's names for the two UI languages (zh_CN is default_locale). */
export const LOCALE_FOLDERS: Record<Locale, string> = { 'zh-CN': 'zh_CN', en: 'en' };
export const localeFiles = (): { relativeDest: string; contents: string }[] =>
  (Object.keys(DICTIONARIES) as Locale[]).map((l) => ({
    relativeDest: `_locales/${LOCALE_FOLDERS[l]}/messages.json`,
    contents: JSON.stringify(chromeMessages(DICTIONARIES[l]), null, 2),
  }));
