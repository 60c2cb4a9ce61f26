import { useState } from 'preact/hooks';
import { ask } from '@/messaging/ask';
import { useSettings } from './hooks';

/**
 * Asks for the auditor's name while none is set, so notes and their history are signed from the
 * first one. The name goes to the settings through the background (the only writer). Not modal:
 * 「以后再说」 hides it on this page; it asks again on the next page until a name is given.
 */
export function AuditorPrompt() {
  const settings = useSettings();
  const [name, setName] = useState('');
  const [later, setLater] = useState(false);
  const [error, setError] = useState<string>();
  if (settings.status !== 'ready' || settings.value.auditor || later) return null;
  const save = (e: Event) => {
    e.preventDefault();
    if (!name.trim()) return setError('请填写姓名。');
    ask({ type: 'settings:update', change: { kind: 'auditor', auditor: name } }).then(
      () => setError(undefined),
      (err: Error) => setError(err.message),
    );
  };
  return (
    <section class="auditor-prompt" role="dialog" aria-labelledby="auditor-prompt-title">
      <form onSubmit={save}>
        <h3 id="auditor-prompt-title">请先填写您的姓名 · Your name</h3>
        <p class="muted">备注与状态的修改记录将署此名（可在「设置」中修改）。Notes and their history are signed with it.</p>
        <label>
          审核人 / Auditor <input type="text" name="auditor" maxLength={200} value={name} onInput={(e) => setName(e.currentTarget.value)} autoComplete="name" />
        </label>{' '}
        <button type="submit">保存 / Save</button>{' '}
        <button type="button" onClick={() => setLater(true)}>
          以后再说 / Later
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
