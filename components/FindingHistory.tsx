import { formatUiTime, pick, t } from '@/lib/app/i18n';
import { STATUS_LABELS, type HistoryEntry, type NoteFields } from '@/lib/app/schema';

const quote = (note: string) => (note ? `「${note}」` : t('history_empty'));

/** What one entry changed, in words: the status, the note, or both. */
function change(before: NoteFields | null, after: NoteFields): string {
  const was = before ?? { status: 'pending' as const, note: '' };
  const parts: string[] = [];
  if (was.status !== after.status) parts.push(t('history_status', { from: pick(STATUS_LABELS[was.status]), to: pick(STATUS_LABELS[after.status]) }));
  if (was.note !== after.note) parts.push(t('history_note', { from: quote(was.note), to: quote(after.note) }));
  return parts.join('；') || t('history_unchanged');
}

/** A finding's 修改记录: who changed its status or note, when, from what to what; collapsed until opened. */
export function FindingHistory({ entries }: { entries: readonly HistoryEntry[] }) {
  if (!entries.length) return null;
  return (
    <details class="history">
      <summary title="Change history">{t('history_title', { count: entries.length })}</summary>
      <ol class="history-list">
        {entries.map((h) => (
          <li key={h.id} class="history-entry">
            <span class="muted">
              {h.by || t('common_unsigned')} · {formatUiTime(h.at)}
            </span>{' '}
            <span>{change(h.before, h.after)}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
