import { useEffect, useState } from 'preact/hooks';
import { SEVERITY_LABELS } from '@/lib/engine/labels';
import { isCrossYearRule } from '@/lib/app/report-stats';
import { RULE_META, type RuleMeta } from '@/lib/engine/rules';
import { useSettings } from './hooks';

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
        审核规则说明 <small class="muted">Rule reference</small>
      </h1>
      <p class="muted">
        每条规则检查什么、依据哪条规定、会发现什么样的问题。规则可在
        <a href="/options.html" target="_blank" title="Settings">
          设置
        </a>
        中逐条关闭。 What each rule checks, why, and an example; rules can be switched off in Settings.
      </p>
      <nav class="toc" aria-label="目录 Contents">
        {GROUPS.map((g) => (
          <div key={g.zh}>
            <strong title={g.en}>{g.zh}</strong>
            <ul>
              {g.rules.map((r) => (
                <li key={r.id}>
                  <a href={`#${r.id}`} title={r.title.en}>
                    {r.title.zh}
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
            {g.zh} <small class="muted">{g.en}</small>
          </h2>
          {g.rules.map((r) => (
            <RuleEntry key={r.id} rule={r} current={r.id === current} off={disabled.includes(r.id)} />
          ))}
        </section>
      ))}
    </main>
  );
}

function RuleEntry({ rule: r, current, off }: { rule: RuleMeta; current: boolean; off: boolean }) {
  return (
    <article id={r.id} class={`rule-entry${current ? ' current' : ''}`} data-rule={r.id}>
      <h3>
        <a href={`#${r.id}`} class="anchor" title="链接到此规则 / Link to this rule">
          #
        </a>{' '}
        {r.title.zh} <small class="muted">{r.title.en}</small>
      </h3>
      <p>
        <span class={`sev sev-${r.severity}`} title={SEVERITY_LABELS[r.severity].en}>
          {SEVERITY_LABELS[r.severity].zh}
        </span>{' '}
        <code class="mono">{r.id}</code>
        {off && (
          <span class="muted" title="Switched off in Settings">
            {' '}
            · 已在设置中关闭
          </span>
        )}
      </p>
      <dl class="rule-facts">
        <dt title="What it checks">检查内容</dt>
        <dd>
          {r.description.zh}
          <div class="muted" lang="en">
            {r.description.en}
          </div>
        </dd>
        <dt title="Why: the regulation or template clause">依据</dt>
        <dd>{r.basis}</dd>
        <dt title="Example">示例</dt>
        <dd>{r.example}</dd>
      </dl>
    </article>
  );
}
