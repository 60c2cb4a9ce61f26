import { useEffect, useState } from 'preact/hooks';
import { cellNames } from '@/lib/app/cell-names';
import type { ManualFlag } from '@/lib/app/content-messages';
import { SEVERITY_LABELS } from '@/lib/engine/labels';
import { pick, t } from '@/lib/app/i18n';
import { Severity } from '@/lib/engine/model';
import { ask } from '@/messaging/ask';
import { onPageMessage } from '@/messaging/broadcasts';

/**
 * The note and severity of a place the auditor flagged on the page (Alt+Shift+M or 「标记为问题…」).
 * Typed here, in the extension's own page: the web page only said where, and never sees the note.
 */
export function ManualFlagForm({ tabId }: { tabId: number | undefined }) {
  const [flag, setFlag] = useState<ManualFlag | null>(null);
  const [severity, setSeverity] = useState<Severity>('warning');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (tabId === undefined) return;
    let current = true;
    const load = () =>
      void ask({ type: 'manual:pending', tabId }).then(
        (a) => current && setFlag(a.flag),
        (e: Error) => current && setError(e.message),
      );
    load();
    const unlisten = onPageMessage((m) => m.type === 'manual:flag-changed' && m.tabId === tabId, load);
    return () => {
      current = false;
      unlisten();
    };
  }, [tabId]);
  if (!flag || tabId === undefined) return null;

  const where = flag.target.cell ? t('flag_cell', { cells: cellNames([flag.target.cell]) }) : t('flag_text', { excerpt: flag.target.excerpt ?? '' });
  const save = (e: Event) => {
    e.preventDefault();
    ask({ type: 'manual:add', reportId: flag.reportId, target: flag.target, severity, note, tabId }).then(
      () => {
        setNote('');
        setError(undefined);
      },
      (err: Error) => setError(err.message),
    );
  };
  return (
    <section class="manual-flag" role="dialog" aria-labelledby="manual-flag-title">
      <form onSubmit={save}>
        <h2 id="manual-flag-title">{t('flag_title')}</h2>
        <p class="excerpt">{where}</p>
        <label>
          {t('flag_severity')}{' '}
          <select name="severity" value={severity} onChange={(e) => setSeverity(Severity.parse(e.currentTarget.value))}>
            {Severity.options.map((s) => (
              <option key={s} value={s}>
                {pick(SEVERITY_LABELS[s])}
              </option>
            ))}
          </select>
        </label>
        <label class="block">
          {t('flag_note')}
          <textarea
            name="note"
            rows={3}
            maxLength={2000}
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
            placeholder={t('flag_notePlaceholder')}
          />
        </label>
        <button type="submit">{t('common_save')}</button>{' '}
        <button type="button" onClick={() => void ask({ type: 'manual:dismiss', tabId }).catch(() => undefined)}>
          {t('common_cancel')}
        </button>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
