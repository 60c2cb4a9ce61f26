/** Errors of the store, in words an auditor can act on. */

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
  if (QUOTA.test(names) || QUOTA.test(detail)) return '浏览器存储空间不足，审计记录未能保存。请清理浏览器存储空间，或导出记录备份后再试。';
  if (/OpenFailed|VersionError|InvalidState|DatabaseClosed|MissingAPI/.test(names))
    return `无法打开本地审计数据库（${err?.name}）：${detail}。隐私/无痕模式或浏览器设置可能禁止了扩展存储。`;
  return `本地审计数据库出错（${err?.name ?? 'Error'}）：${detail}`;
}
