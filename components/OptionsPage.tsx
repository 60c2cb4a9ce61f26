import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { rulePage } from '@/lib/app/ext-pages';
import { SEVERITY_LABELS } from '@/lib/engine/labels';
import { LANGUAGE_SETTINGS, pick, t, type LanguageSetting, type MessageKey } from '@/lib/app/i18n';
import { RULE_META } from '@/lib/engine/rules';
import { manualFinding } from '@/lib/engine/rules/manual-finding';
import { siteHost, sitePattern } from '@/lib/app/sites';
import type { SettingsChange } from '@/lib/app/settings';
import { ask } from '@/messaging/ask';
import { useSettings } from './hooks';
import { SavedText } from './SavedText';
import { EnglishGloss } from './Localized';

/** The background applies each change to the settings as stored: two quick edits cannot undo each other. */
type Save = (change: SettingsChange) => Promise<unknown>;

export function OptionsPage() {
  const settings = useSettings();
  const [error, setError] = useState<string>();
  const save: Save = (change) =>
    ask({ type: 'settings:update', change }).catch((e: Error) => {
      setError(t('options_saveFailed', { error: e.message }));
      throw e;
    });

  return (
    <main class="options">
      <h1>
        {t('options_title')} <EnglishGloss text="Settings" />
      </h1>
      <p>
        <a href="/records.html" target="_blank" title="All audits, export and import">
          {t('options_records')}
        </a>
      </p>
      {error && <p class="error">{error}</p>}
      {settings.status === 'error' && <p class="error">{settings.error}</p>}
      {settings.status === 'ready' && (
        <>
          <Language value={settings.value.language ?? 'auto'} save={save} />
          <Auditor value={settings.value.auditor} save={save} />
          <Rules disabled={settings.value.disabledRules} save={save} />
          <Sites sites={settings.value.sites} save={save} />
        </>
      )}
    </main>
  );
}

const LANGUAGE_NAMES: Record<LanguageSetting, MessageKey> = {
  auto: 'options_languageAuto',
  'zh-CN': 'options_languageZh',
  en: 'options_languageEn',
};

/** 跟随浏览器 / 简体中文 / English: saved like any setting; every open page and overlay follows it (components/locale.ts). */
function Language({ value, save }: { value: LanguageSetting; save: Save }) {
  return (
    <section>
      <h2 id="language-title" title="Language">
        {t('options_language')}
      </h2>
      <p class="muted">{t('options_languageHelp')}</p>
      <div role="radiogroup" aria-labelledby="language-title" class="language">
        {LANGUAGE_SETTINGS.map((l) => (
          <label key={l} lang={l === 'auto' ? undefined : l}>
            <input
              type="radio"
              name="language"
              value={l}
              checked={value === l}
              onChange={() => void save({ kind: 'language', language: l }).catch(() => undefined)}
            />{' '}
            {t(LANGUAGE_NAMES[l])}
          </label>
        ))}
      </div>
    </section>
  );
}

function Auditor({ value, save }: { value: string; save: Save }) {
  return (
    <section>
      <h2 title="Auditor">{t('options_auditor')}</h2>
      <p class="muted">{t('options_auditorHelp')}</p>
      <SavedText
        single
        value={value}
        onSave={(auditor) => save({ kind: 'auditor', auditor })}
        placeholder={t('options_auditorPlaceholder')}
        title="Auditor name"
        label={t('options_auditorLabel')}
      />
    </section>
  );
}

function Rules({ disabled, save }: { disabled: readonly string[]; save: Save }) {
  const toggle = (id: string, on: boolean) => void save({ kind: 'rule', ruleId: id, enabled: on }).catch(() => undefined);
  return (
    <section>
      <h2 title="Rules">{t('options_rules')}</h2>
      <p class="muted">{t('options_rulesHelp')}</p>
      <ul class="rules">
        {RULE_META.map((r) => (
          <li key={r.id}>
            <label title={`${r.title.en} — ${r.description.en}`}>
              {/* The auditor's own findings are not a check to switch off. */}
              {r.id === manualFinding.id ? (
                <input type="checkbox" checked disabled />
              ) : (
                <input type="checkbox" checked={!disabled.includes(r.id)} onChange={(e) => toggle(r.id, e.currentTarget.checked)} />
              )}
              <span class={`sev sev-${r.severity}`}>{pick(SEVERITY_LABELS[r.severity])}</span> <strong>{pick(r.title)}</strong>
              <span class="muted"> — {pick(r.description)}</span>
            </label>
            <a href={rulePage(r.id)} target="_blank" title="规则说明 / Rule reference" class="rule-ref">
              {t('options_ruleRef')}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Sites beyond *.gov.cn. The permission prompt must open from the click itself, so request() comes first. */
function Sites({ sites, save }: { sites: readonly string[]; save: Save }) {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string>();
  const granted = useGranted(sites);

  const grant = (pattern: string) =>
    browser.permissions.request({ origins: [pattern] }).then((ok) => {
      if (!ok) throw new Error(t('options_permissionDenied'));
    });
  const add = () => {
    const site = sitePattern(input);
    if (!site.ok) return setError(site.error);
    grant(site.pattern)
      .then(() => save({ kind: 'site', site: site.pattern, present: true }))
      .then(
        () => {
          setInput('');
          setError(undefined);
        },
        (e: Error) => setError(e.message),
      );
  };
  const remove = (pattern: string) =>
    save({ kind: 'site', site: pattern, present: false })
      .then(() => browser.permissions.remove({ origins: [pattern] }))
      .then(
        () => setError(undefined),
        (e: Error) => setError(t('options_revokeFailed', { error: e.message })),
      );

  return (
    <section>
      <h2 title="Sites">{t('options_sites')}</h2>
      <p class="muted">{t('options_sitesHelp')}</p>
      <ul class="sites">
        {sites.map((p) => (
          <li key={p}>
            <span class="mono">{siteHost(p)}</span>
            {granted[p] === false && (
              <button type="button" onClick={() => void grant(p).catch((e: Error) => setError(e.message))} title="Grant access">
                {t('options_notGranted')}
              </button>
            )}
            <button type="button" onClick={() => void remove(p)} title="Remove">
              {t('options_remove')}
            </button>
          </li>
        ))}
      </ul>
      <div class="add-site">
        <input
          value={input}
          placeholder={t('options_sitePlaceholder')}
          title="Host or URL"
          aria-label={t('options_siteLabel')}
          onInput={(e) => setInput(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && add()}
        />
        <button type="button" onClick={add} title="Add site">
          {t('options_add')}
        </button>
      </div>
      {error && <p class="error">{error}</p>}
    </section>
  );
}

/** Whether each site's host permission is granted now; the user can revoke it in the browser at any time. */
function useGranted(sites: readonly string[]): Record<string, boolean> {
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  useEffect(() => {
    const check = () =>
      void Promise.all(sites.map((p) => browser.permissions.contains({ origins: [p] }))).then((oks) =>
        setGranted(Object.fromEntries(sites.map((p, i) => [p, oks[i]!]))),
      );
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, [sites.join()]);
  return granted;
}
