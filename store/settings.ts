/**
 * The settings: one versioned storage item, read and written by the background only (pages send
 * settings:update). In browser.storage.local rather than the audit database: they belong to this
 * browser (its granted sites, its auditor) and are left out of exports.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/app/schema';
import { resolveLocale, setUiLocale } from '@/lib/app/i18n';
import { SETTINGS_KEY } from './settings-key';
import { applySettingsChange, readSettings, settingsV2, type SettingsChange } from '@/lib/app/settings';

/** Version 1 is the unversioned value stored before this item existed, under the same key. */
export const settingsItem = storage.defineItem<Settings>(SETTINGS_KEY, {
  version: 2,
  fallback: DEFAULT_SETTINGS,
  migrations: { 2: settingsV2 },
});

export async function loadSettings(): Promise<Settings> {
  return readSettings(await settingsItem.getValue());
}

let queue: Promise<unknown> = Promise.resolve();

/** Changes are applied one after another to the value as stored, so two quick edits cannot undo each other. */
export function updateSettings(change: SettingsChange): Promise<Settings> {
  const next = queue.then(async () => {
    const updated = applySettingsChange(await loadSettings(), change);
    await settingsItem.setValue(updated);
    return updated;
  });
  queue = next.catch(() => undefined);
  return next;
}

/**
 * Keeps this context's UI language (lib/app/i18n.ts) on the stored setting: the background answers
 * pages with messages (refusals, storage errors) in the language they show.
 */
export async function followUiLanguage(browserLanguage: string): Promise<void> {
  // The browser's language at once (a fresh install has no setting), the stored choice once read.
  setUiLocale(resolveLocale('auto', browserLanguage));
  setUiLocale(resolveLocale((await loadSettings()).language, browserLanguage));
  watchSettings((next) => setUiLocale(resolveLocale(next.language, browserLanguage)));
}

/** Calls back with the new settings whenever they are saved; returns the unsubscribe. */
export function watchSettings(onChange: (next: Settings, prev: Settings) => void): () => void {
  return settingsItem.watch((next, prev) => onChange(readSettings(next), readSettings(prev)));
}
