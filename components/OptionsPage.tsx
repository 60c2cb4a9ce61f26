import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { rulePage } from '@/lib/app/ext-pages';
import { SEVERITY_LABELS } from '@/lib/engine/labels';
import { RULE_META } from '@/lib/engine/rules';
import { manualFinding } from '@/lib/engine/rules/manual-finding';
import { siteHost, sitePattern } from '@/lib/app/sites';
import type { SettingsChange } from '@/lib/app/settings';
import { ask } from '@/messaging/ask';
import { useSettings } from './hooks';
import { SavedText } from './SavedText';

/** The background applies each change to the settings as stored: two quick edits cannot undo each other. */
type Save = (change: SettingsChange) => Promise<unknown>;

export function OptionsPage() {
  const settings = useSettings();
  const [error, setError] = useState<string>();
  const save: Save = (change) =>
    ask({ type: 'settings:update', change }).catch((e: Error) => {
      setError(`设置未能保存：${e.message}`);
      throw e;
    });

  return (
    <main class="options">
      <h1>
        年报审计助手 · 设置 <small class="muted">Settings</small>
      </h1>
      <p>
        <a href="/records.html" target="_blank" title="All audits, export and import">
          查看审计记录（导出 / 导入）
        </a>
      </p>
      {error && <p class="error">{error}</p>}
      {settings.status === 'error' && <p class="error">{settings.error}</p>}
      {settings.status === 'ready' && (
        <>
          <Auditor value={settings.value.auditor} save={save} />
          <Rules disabled={settings.value.disabledRules} save={save} />
          <Sites sites={settings.value.sites} save={save} />
        </>
      )}
    </main>
  );
}

function Auditor({ value, save }: { value: string; save: Save }) {
  return (
    <section>
      <h2 title="Auditor">审计人</h2>
      <p class="muted">用于为备注署名。Signs your notes.</p>
      <SavedText
        single
        value={value}
        onSave={(auditor) => save({ kind: 'auditor', auditor })}
        placeholder="姓名"
        title="Auditor name"
        label="审计人姓名 / Auditor name"
      />
    </section>
  );
}

function Rules({ disabled, save }: { disabled: readonly string[]; save: Save }) {
  const toggle = (id: string, on: boolean) => void save({ kind: 'rule', ruleId: id, enabled: on }).catch(() => undefined);
  return (
    <section>
      <h2 title="Rules">审计规则</h2>
      <p class="muted">取消勾选的规则不再检查（下次审计起生效）。Unchecked rules are skipped from the next audit on.</p>
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
              <span class={`sev sev-${r.severity}`}>{SEVERITY_LABELS[r.severity].zh}</span> <strong>{r.title.zh}</strong>
              <span class="muted"> — {r.description.zh}</span>
            </label>
            <a href={rulePage(r.id)} target="_blank" title="规则说明 / Rule reference" class="rule-ref">
              说明
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
      if (!ok) throw new Error('浏览器未授予访问该网站的权限。');
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
        (e: Error) => setError(`已从列表移除，但撤销权限失败：${e.message}`),
      );

  return (
    <section>
      <h2 title="Sites">其他网站</h2>
      <p class="muted">
        *.gov.cn 上的报告自动审计。年报发布在其他域名时，在此添加，打开该网站的报告时即自动审计（已打开的页面需刷新）。Reports on other sites are audited once
        added here.
      </p>
      <ul class="sites">
        {sites.map((p) => (
          <li key={p}>
            <span class="mono">{siteHost(p)}</span>
            {granted[p] === false && (
              <button type="button" onClick={() => void grant(p).catch((e: Error) => setError(e.message))} title="Grant access">
                未授权，点此授权
              </button>
            )}
            <button type="button" onClick={() => void remove(p)} title="Remove">
              移除
            </button>
          </li>
        ))}
      </ul>
      <div class="add-site">
        <input
          value={input}
          placeholder="www.example.org 或 *.example.org"
          title="Host or URL"
          aria-label="要添加的网站 / Site to add"
          onInput={(e) => setInput(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && add()}
        />
        <button type="button" onClick={add} title="Add site">
          添加
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
