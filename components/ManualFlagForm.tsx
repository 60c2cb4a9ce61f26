import { useEffect, useState } from 'preact/hooks';
import { cellNames } from '@/lib/app/cell-names';
import type { ManualFlag } from '@/lib/app/content-messages';
import { SEVERITY_LABELS } from '@/lib/engine/labels';
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

  const where = flag.target.cell ? `单元格：${cellNames([flag.target.cell])}` : `文字：「${flag.target.excerpt ?? ''}」`;
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
        <h2 id="manual-flag-title">标记为问题 · Flag a finding</h2>
        <p class="excerpt">{where}</p>
        <label>
          严重程度 / Severity{' '}
          <select name="severity" value={severity} onChange={(e) => setSeverity(Severity.parse(e.currentTarget.value))}>
            {Severity.options.map((s) => (
              <option key={s} value={s}>
                {SEVERITY_LABELS[s].zh}
              </option>
            ))}
          </select>
        </label>
        <label class="block">
          说明 / Note
          <textarea name="note" rows={3} maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} placeholder="问题是什么、依据…" />
        </label>
        <button type="submit">保存 / Save</button>{' '}
        <button type="button" onClick={() => void ask({ type: 'manual:dismiss', tabId }).catch(() => undefined)}>
          取消 / Cancel
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
