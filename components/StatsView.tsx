import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { ruleTitle, SEVERITY_LABELS } from '@/lib/engine/labels';
import { Severity } from '@/lib/engine/model';
import { STATUS_LABELS, STATUSES } from '@/lib/app/schema';
import { countByBody, countByRule, countByYear, formatShare, overview, type AuditWithNotes } from '@/lib/app/stats';
import { BarChart } from './charts/BarChart';
import { TrendChart } from './charts/TrendChart';
import './stats.css';
import { formatUiNumber, pick, t, uiLocale } from '@/lib/app/i18n';

/** Bodies beyond this many are in the table only: a chart of hundreds of bars reads as nothing. */
const TOP_BODIES = 20;

/** 统计: the audits the list shows, counted; each chart with its numbers in a table below it. */
export function StatsView({ audits }: { audits: readonly AuditWithNotes[] }) {
  const [includeSettled, setIncludeSettled] = useState(false);
  const opts = { includeSettled };
  const o = useMemo(() => overview(audits, opts), [audits, includeSettled]);
  const rules = useMemo(() => countByRule(audits, opts), [audits, includeSettled]);
  const bodies = useMemo(() => countByBody(audits, opts), [audits, includeSettled]);
  const years = useMemo(() => countByYear(audits, opts), [audits, includeSettled]);

  return (
    <section class="stats" aria-label={t('stats_label')}>
      <label class="stats-toggle" title="Count findings marked false positive or fixed">
        <input type="checkbox" checked={includeSettled} onChange={(e) => setIncludeSettled(e.currentTarget.checked)} /> {t('stats_includeSettled')}
      </label>
      <dl class="stats-overview">
        <Figure label={t('stats_reports')} en="Reports audited" value={formatUiNumber(o.reports)} />
        <Figure label={t('stats_withErrors')} en="Reports with errors" value={`${formatUiNumber(o.withErrors)}（${formatShare(o.shareWithErrors)}）`} />
        <Figure label={t('col_finding')} en="Findings" value={formatUiNumber(o.findings)} />
        {Severity.options.map((s) => (
          <Figure key={s} label={pick(SEVERITY_LABELS[s])} en={SEVERITY_LABELS[s].en} value={formatUiNumber(o.bySeverity[s])} />
        ))}
        {STATUSES.map((s) => (
          <Figure key={s} label={pick(STATUS_LABELS[s])} en={STATUS_LABELS[s].en} value={formatUiNumber(o.byStatus[s])} />
        ))}
      </dl>

      <Chart id="stats-rules" title={t('stats_perRule')} en="Findings per rule">
        <BarChart label={t('stats_perRule')} bars={rules.map((r) => ({ label: pick(ruleTitle(r.rule)), value: r.findings, hint: r.rule }))} />
        <NumbersTable
          caption={t('stats_perRule')}
          head={[t('col_rule'), t('stats_findings'), t('stats_reportsConcerned')]}
          rows={rules.map((r) => [`${pick(ruleTitle(r.rule))}（${r.rule}）`, r.findings, r.reports])}
        />
      </Chart>

      <Chart id="stats-bodies" title={t('stats_perBody')} en="Findings per body">
        {bodies.length > TOP_BODIES && <p class="muted">{t('stats_topBodies', { top: TOP_BODIES, count: bodies.length })}</p>}
        <BarChart label={t('stats_perBody')} tone="warning" bars={bodies.slice(0, TOP_BODIES).map((b) => ({ label: b.key, value: b.findings }))} />
        <NumbersTable
          caption={t('stats_perBody')}
          head={[t('col_body'), t('stats_reportCount'), t('stats_withErrors'), t('stats_findings')]}
          rows={bodies.map((b) => [b.key, b.reports, b.withErrors, b.findings])}
        />
      </Chart>

      <Chart id="stats-years" title={t('stats_perYear')} en="Findings per year, and the share of reports with errors">
        <BarChart label={t('stats_perYearFindings')} tone="error" bars={years.map((y) => ({ label: y.key, value: y.findings }))} />
        <TrendChart
          label={t('stats_perYearShare')}
          max={1}
          points={years.map((y) => ({
            label: y.key,
            value: y.reports ? y.withErrors / y.reports : 0,
            text: formatShare(y.reports ? y.withErrors / y.reports : 0),
          }))}
        />
        <NumbersTable
          caption={t('stats_perYear')}
          head={[t('col_year'), t('stats_reportCount'), t('stats_withErrors'), t('stats_share'), t('stats_findings')]}
          rows={years.map((y) => [y.key, y.reports, y.withErrors, formatShare(y.reports ? y.withErrors / y.reports : 0), y.findings])}
        />
      </Chart>
    </section>
  );
}

function Figure({ label, en, value }: { label: string; en: string; value: string }) {
  return (
    <div class="stats-figure">
      <dt title={en}>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function Chart({ id, title, en, children }: { id: string; title: string; en: string; children: ComponentChildren }) {
  return (
    <figure class="stats-chart" id={id} aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>
        {title} {uiLocale() !== 'en' && <small class="muted">{en}</small>}
      </figcaption>
      {children}
    </figure>
  );
}

function NumbersTable({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <table class="records-table stats-table">
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((c, j) => (
              <td key={j} class={typeof c === 'number' ? 'num' : undefined}>
                {typeof c === 'number' ? formatUiNumber(c) : c}
              </td>
            ))}
          </tr>
        ))}
        {!rows.length && (
          <tr>
            <td colSpan={head.length} class="muted">
              {t('findings_none')}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
