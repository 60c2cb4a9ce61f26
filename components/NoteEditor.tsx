import { useEffect, useRef, useState } from 'preact/hooks';
import { formatTime } from '@/lib/engine/labels';
import { statusOf } from '@/lib/app/report-stats';
import { Status, STATUS_LABELS, STATUSES, type FindingNote } from '@/lib/app/schema';
import { ask } from './ask';
import { SavedText } from './SavedText';

interface Props {
  reportId: string;
  findingId: string;
  note: FindingNote | undefined;
}

/** Status and note of one finding; each change is saved at once through the background, which signs it. */
export function NoteEditor({ reportId, findingId, note }: Props) {
  const [error, setError] = useState<string>();
  const status = statusOf(note);
  // Blurring the note by clicking the status sends two saves back to back: each carries both fields
  // as last edited, and they go one after another, so neither undoes the other.
  const latest = useRef({ note: note?.note ?? '', status });
  const inFlight = useRef(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  useEffect(() => {
    if (!inFlight.current) latest.current = { note: note?.note ?? '', status };
  }, [note?.note, status]);

  const save = (patch: Partial<typeof latest.current>) => {
    const fields = (latest.current = { ...latest.current, ...patch });
    inFlight.current++;
    const sent = queue.current.then(() => ask({ type: 'note:set', reportId, findingId, ...fields }));
    queue.current = sent.catch(() => undefined).finally(() => inFlight.current--);
    return sent;
  };

  return (
    <div class="note-editor">
      <div class="note-row">
        <select
          class={`status status-${status}`}
          value={status}
          title="Status"
          aria-label="核实状态 / Status"
          onChange={(e) =>
            save({ status: Status.parse(e.currentTarget.value) }).then(
              () => setError(undefined),
              (err: Error) => setError(err.message),
            )
          }
        >
          {STATUSES.map((s) => (
            <option key={s} value={s} title={STATUS_LABELS[s].en}>
              {STATUS_LABELS[s].zh}
            </option>
          ))}
        </select>
        {note && (
          <span class="muted" title="Last edited by">
            {note.by || '（未署名）'} · {formatTime(note.updatedAt)}
          </span>
        )}
      </div>
      <SavedText value={note?.note ?? ''} onSave={(text) => save({ note: text })} placeholder="核实意见、依据…" title="Note" label="备注 / Note" />
      {error && <p class="error">{error}</p>}
    </div>
  );
}
