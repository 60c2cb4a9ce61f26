/** Errors of the store, in words an auditor can act on. */

import { t } from '@/lib/app/i18n';

/** Something asked of the store that cannot be done, e.g. a note on a report that was never saved. */
export class StoreError extends Error {
  override name = 'StoreError';
}

const QUOTA = /quota/i;

/** Chinese message for any error thrown by a store function or by Dexie/IndexedDB underneath it. */
export function storageErrorMessage(e: unknown): string {
  if (e instanceof StoreError) return e.message;
  const err = e as { name?: string; message?: string; inner?: { name?: string; message?: string } } | undefined;
  const names = [err?.name, err?.inner?.name].join(' ');
  const detail = err?.inner?.message || err?.message || String(e);
  if (QUOTA.test(names) || QUOTA.test(detail)) return t('store_quota');
  if (/OpenFailed|VersionError|InvalidState|DatabaseClosed|MissingAPI/.test(names)) return t('store_cannotOpen', { name: String(err?.name), detail });
  return t('store_failed', { name: err?.name ?? 'Error', detail });
}
