import { useEffect, useRef, useState } from 'preact/hooks';

interface Props {
  value: string;
  /** Called on blur when the text changed; rejects with a message for the user. */
  onSave: (text: string) => Promise<unknown>;
  placeholder: string;
  title: string;
  /** The field's accessible name (there is no visible label beside it). */
  label: string;
  /** One line (a name) rather than a note. */
  single?: boolean;
}

/** A text field that saves when it loses focus, and follows the stored value while not being edited. */
export function SavedText({ value, onSave, placeholder, title, label, single }: Props) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string>();
  const editing = useRef(false);
  useEffect(() => {
    if (!editing.current) setDraft(value);
  }, [value]);

  const save = () => {
    editing.current = false;
    if (draft === value) return;
    onSave(draft).then(
      () => setError(undefined),
      (e: Error) => setError(e.message),
    );
  };

  const field = {
    value: draft,
    placeholder,
    title,
    'aria-label': label,
    onFocus: () => (editing.current = true),
    onInput: (e: { currentTarget: { value: string } }) => setDraft(e.currentTarget.value),
    onBlur: save,
  };
  return (
    <>
      {single ? <input class="text-line" {...field} /> : <textarea class="note-text" rows={2} {...field} />}
      {error && <p class="error">{error}</p>}
    </>
  );
}
