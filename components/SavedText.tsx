import { useEffect, useRef, useState } from 'preact/hooks';
import { saveStatusText, useDurableSave, type DurableSave } from './useDurableSave';

interface FieldProps {
  value: string;
  placeholder: string;
  title: string;
  /** The field's accessible name (there is no visible label beside it). */
  label: string;
  /** One line (a name) rather than a note. */
  single?: boolean;
}

/**
 * A text field saved while typing (once typing pauses), on blur, and when the page goes away. It
 * follows the stored value while nothing typed is waiting to be saved.
 */
export function SavedTextField({ value, placeholder, title, label, single, save }: FieldProps & { save: DurableSave<string> }) {
  const [draft, setDraft] = useState(value);
  const focused = useRef(false);
  // Only when the stored value changes: right after a save it may not have caught up yet.
  useEffect(() => {
    if (!focused.current && !save.busy()) setDraft(value);
  }, [value]);

  const field = {
    value: draft,
    placeholder,
    title,
    'aria-label': label,
    onFocus: () => (focused.current = true),
    onInput: (e: { currentTarget: { value: string } }) => {
      setDraft(e.currentTarget.value);
      save.edit(e.currentTarget.value);
    },
    onBlur: () => {
      focused.current = false;
      save.flush();
    },
  };
  const said = saveStatusText(save.status);
  return (
    <>
      {single ? <input class="text-line" {...field} /> : <textarea class="note-text" rows={2} {...field} />}
      {said && <p class={said.error ? 'error' : 'muted save-status'}>{said.text}</p>}
    </>
  );
}

/** A text field that is its own value: `onSave` gets the text and the write id to send with it. */
export function SavedText({ onSave, ...field }: FieldProps & { onSave: (text: string, writeId: string) => Promise<unknown> }) {
  return <SavedTextField {...field} save={useDurableSave(onSave)} />;
}
