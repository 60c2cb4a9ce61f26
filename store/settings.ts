/**
 * Settings live in browser.storage.local, not in the audit database: they belong to this browser
 * (its granted sites, its auditor), are left out of exports, and storage.onChanged tells the
 * background when the site list changes without another message type.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, Settings } from '@/lib/app/schema';

const KEY = 'settings';

/** Missing or damaged fields fall back to their defaults instead of losing the whole object. */
function read(stored: unknown): Settings {
  const merged = { ...DEFAULT_SETTINGS, ...(typeof stored === 'object' && stored ? stored : {}) };
  const parsed = Settings.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function loadSettings(): Promise<Settings> {
  const got = await browser.storage.local.get(KEY);
  return read(got[KEY]);
}

/** Applies `update` to the settings as stored now, so two quick edits cannot undo each other. */
export async function updateSettings(update: (current: Settings) => Partial<Settings>): Promise<Settings> {
  const current = await loadSettings();
  const next = { ...current, ...update(current) };
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

/** Calls back with the new settings whenever any context saves them; returns the unsubscribe. */
export function watchSettings(onChange: (next: Settings, prev: Settings) => void): () => void {
  const listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
    const change = changes[KEY];
    if (area === 'local' && change) onChange(read(change.newValue), read(change.oldValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
