import { useState } from 'preact/hooks';
import { t } from '@/lib/app/i18n';
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
    if (!name.trim()) return setError(t('auditor_missing'));
    ask({ type: 'settings:update', change: { kind: 'auditor', auditor: name } }).then(
      () => setError(undefined),
      (err: Error) => setError(err.message),
    );
  };
  return (
    <section class="auditor-prompt" role="dialog" aria-labelledby="auditor-prompt-title">
      <form onSubmit={save}>
        <h3 id="auditor-prompt-title">{t('auditor_title')}</h3>
        <p class="muted">{t('auditor_why')}</p>
        <label>
          {t('auditor_label')}{' '}
          <input type="text" name="auditor" maxLength={200} value={name} onInput={(e) => setName(e.currentTarget.value)} autoComplete="name" />
        </label>{' '}
        <button type="submit">{t('common_save')}</button>{' '}
        <button type="button" onClick={() => setLater(true)}>
          {t('auditor_later')}
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
