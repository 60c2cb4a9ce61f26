import { formatTime } from '@/lib/engine/labels';
import { STATUS_LABELS, type HistoryEntry, type NoteFields } from '@/lib/app/schema';

const quote = (note: string) => (note ? `「${note}」` : '（空）');

/** What one entry changed, in words: the status, the note, or both. */
function change(before: NoteFields | null, after: NoteFields): string {
  const was = before ?? { status: 'pending' as const, note: '' };
  const parts: string[] = [];
  if (was.status !== after.status) parts.push(`状态 ${STATUS_LABELS[was.status].zh} → ${STATUS_LABELS[after.status].zh}`);
  if (was.note !== after.note) parts.push(`备注 ${quote(was.note)} → ${quote(after.note)}`);
  return parts.join('；') || '（无变化）';
}

/** A finding's 修改记录: who changed its status or note, when, from what to what; collapsed until opened. */
export function FindingHistory({ entries }: { entries: readonly HistoryEntry[] }) {
  if (!entries.length) return null;
  return (
    <details class="history">
      <summary title="Change history">修改记录（{entries.length}）</summary>
      <ol class="history-list">
        {entries.map((h) => (
          <li key={h.id} class="history-entry">
            <span class="muted">
              {h.by || '（未署名）'} · {formatTime(h.at)}
            </span>{' '}
            <span>{change(h.before, h.after)}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
