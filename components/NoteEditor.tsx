import { useRef } from 'preact/hooks';
import { formatUiTime, pick, t } from '@/lib/app/i18n';
import { statusOf } from '@/lib/app/report-stats';
import { Status, STATUS_LABELS, STATUSES, type FindingNote } from '@/lib/app/schema';
import { ask } from '@/messaging/ask';
import { SavedTextField } from './SavedText';
import { useDurableSave } from './useDurableSave';

interface Props {
  reportId: string;
  findingId: string;
  note: FindingNote | undefined;
}

type Fields = { note: string; status: Status };

/**
 * Status and note of one finding, saved through the background, which signs them: the note while
 * typing and when the panel closes, a status at once. Both fields go in every save, as last
 * edited, through one queue, so a note save and a status save cannot undo each other.
 */
export function NoteEditor({ reportId, findingId, note }: Props) {
  const status = statusOf(note);
  const stored: Fields = { note: note?.note ?? '', status };
  const save = useDurableSave<Fields>((fields, writeId) => ask({ type: 'note:set', reportId, findingId, ...fields, writeId }));
  // The fields as last edited here, taken from the store when the stored note changes (another page
  // edited it) and nothing typed here is waiting. Not on every render: right after a save is
  // acknowledged the store may not have caught up, and a status chosen then must keep the new text.
  const latest = useRef(stored);
  const seen = useRef(stored);
  if (stored.note !== seen.current.note || stored.status !== seen.current.status) {
    seen.current = stored;
    if (!save.busy()) latest.current = stored;
  }
  const edit = (patch: Partial<Fields>) => save.edit((latest.current = { ...latest.current, ...patch }));

  const shown = latest.current.status;
  const text = {
    ...save,
    edit: (note: string) => edit({ note }),
  };
  return (
    <div class="note-editor">
      <div class="note-row">
        <select
          class={`status status-${shown}`}
          value={shown}
          title="Status"
          aria-label={t('note_statusLabel')}
          onChange={(e) => {
            edit({ status: Status.parse(e.currentTarget.value) });
            save.flush();
          }}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s} title={STATUS_LABELS[s].en}>
              {pick(STATUS_LABELS[s])}
            </option>
          ))}
        </select>
        {note && (
          <span class="muted" title="Last edited by">
            {note.by || t('common_unsigned')} · {formatUiTime(note.updatedAt)}
          </span>
        )}
      </div>
      <SavedTextField value={stored.note} save={text} placeholder={t('note_placeholder')} title="Note" label={t('note_label')} />
    </div>
  );
}
