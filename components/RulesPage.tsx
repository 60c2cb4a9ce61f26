import { useEffect, useState } from 'preact/hooks';
import { SEVERITY_LABELS } from '@/lib/engine/labels';
import { isCrossYearRule } from '@/lib/app/report-stats';
import { RULE_META, type RuleMeta } from '@/lib/engine/rules';
import { useSettings } from './hooks';
import { pick, t, uiLocale } from '@/lib/app/i18n';
import { EnglishGloss } from './Localized';

const GROUPS = [
  { zh: '单份报告的检查', en: 'Checks of one report', rules: RULE_META.filter((r) => !isCrossYearRule(r.id)) },
  { zh: '跨年度比对', en: 'Cross-year checks (same body, consecutive years)', rules: RULE_META.filter((r) => isCrossYearRule(r.id)) },
];

const hashRule = () => decodeURIComponent(location.hash.slice(1));

/** 审核规则说明 (rules.html#rule-id): what each rule checks, why, and an example; findings link here. */
export function RulesPage() {
  const [current, setCurrent] = useState(hashRule);
  const settings = useSettings();
  const disabled = settings.status === 'ready' ? settings.value.disabledRules : [];
  useEffect(() => {
    const onHash = () => setCurrent(hashRule());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  // The entries are rendered after load, when the browser has already looked for the fragment: jump now.
  useEffect(() => {
    if (current) document.getElementById(current)?.scrollIntoView({ block: 'start' });
  }, [current]);

  return (
    <main class="rules-page">
      <h1>
        {t('rules_title')} <EnglishGloss text="Rule reference" />
      </h1>
      <p class="muted">
        {t('rules_introBefore')}
        <a href="/options.html" target="_blank" title="Settings">
          {t('panel_settings')}
        </a>
        {t('rules_introAfter')}
      </p>
      <nav class="toc" aria-label={t('rules_contents')}>
        {GROUPS.map((g) => (
          <div key={g.zh}>
            <strong title={g.en}>{pick(g)}</strong>
            <ul>
              {g.rules.map((r) => (
                <li key={r.id}>
                  <a href={`#${r.id}`} title={r.title.en}>
                    {pick(r.title)}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      {GROUPS.map((g) => (
        <section key={g.zh}>
          <h2>
            <Both label={g} />
          </h2>
          {g.rules.map((r) => (
            <RuleEntry key={r.id} rule={r} current={r.id === current} off={disabled.includes(r.id)} />
          ))}
        </section>
      ))}
    </main>
  );
}

/** The reference shows both languages: the UI's first, the other one muted. */
const other = () => (uiLocale() === 'en' ? 'zh-CN' : 'en');

function Both({ label }: { label: { zh: string; en: string } }) {
  return (
    <>
      {pick(label)}{' '}
      <small class="muted" lang={other()}>
        {other() === 'en' ? label.en : label.zh}
      </small>
    </>
  );
}

function RuleEntry({ rule: r, current, off }: { rule: RuleMeta; current: boolean; off: boolean }) {
  return (
    <article id={r.id} class={`rule-entry${current ? ' current' : ''}`} data-rule={r.id}>
      <h3>
        <a href={`#${r.id}`} class="anchor" title={t('rules_link')}>
          #
        </a>{' '}
        <Both label={r.title} />
      </h3>
      <p>
        <span class={`sev sev-${r.severity}`} title={SEVERITY_LABELS[r.severity].en}>
          {pick(SEVERITY_LABELS[r.severity])}
        </span>{' '}
        <code class="mono">{r.id}</code>
        {off && (
          <span class="muted" title="Switched off in Settings">
            {' '}
            · {t('rules_off')}
          </span>
        )}
      </p>
      <dl class="rule-facts">
        <dt title="What it checks">{t('rules_checks')}</dt>
        <dd>
          {pick(r.description)}
          <div class="muted" lang={other()}>
            {other() === 'en' ? r.description.en : r.description.zh}
          </div>
        </dd>
        <dt title="Why: the regulation or template clause">{t('rules_basis')}</dt>
        <dd>{r.basis}</dd>
        <dt title="Example">{t('rules_example')}</dt>
        <dd>{r.example}</dd>
      </dl>
    </article>
  );
}
