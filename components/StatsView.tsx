import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { ruleTitle, SEVERITY_LABELS } from '@/lib/engine/labels';
import { Severity } from '@/lib/engine/model';
import { STATUS_LABELS, STATUSES } from '@/lib/app/schema';
import { countByBody, countByRule, countByYear, formatShare, overview, type AuditWithNotes } from '@/lib/app/stats';
import { BarChart } from './charts/BarChart';
import { TrendChart } from './charts/TrendChart';
import './stats.css';

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
    <section class="stats" aria-label="统计 Statistics">
      <label class="stats-toggle" title="Count findings marked false positive or fixed">
        <input type="checkbox" checked={includeSettled} onChange={(e) => setIncludeSettled(e.currentTarget.checked)} /> 计入误报与已整改的问题
      </label>
      <dl class="stats-overview">
        <Figure label="审计报告" en="Reports audited" value={String(o.reports)} />
        <Figure label="含错误的报告" en="Reports with errors" value={`${o.withErrors}（${formatShare(o.shareWithErrors)}）`} />
        <Figure label="问题" en="Findings" value={String(o.findings)} />
        {Severity.options.map((s) => (
          <Figure key={s} label={SEVERITY_LABELS[s].zh} en={SEVERITY_LABELS[s].en} value={String(o.bySeverity[s])} />
        ))}
        {STATUSES.map((s) => (
          <Figure key={s} label={STATUS_LABELS[s].zh} en={STATUS_LABELS[s].en} value={String(o.byStatus[s])} />
        ))}
      </dl>

      <Chart id="stats-rules" title="各规则的问题数" en="Findings per rule">
        <BarChart label="各规则的问题数" bars={rules.map((r) => ({ label: ruleTitle(r.rule).zh, value: r.findings, hint: r.rule }))} />
        <NumbersTable
          caption="各规则的问题数"
          head={['规则', '问题数', '涉及报告数']}
          rows={rules.map((r) => [`${ruleTitle(r.rule).zh}（${r.rule}）`, r.findings, r.reports])}
        />
      </Chart>

      <Chart id="stats-bodies" title="各机关的问题数" en="Findings per body">
        {bodies.length > TOP_BODIES && (
          <p class="muted">
            图中为问题最多的 {TOP_BODIES} 个机关，表中为全部 {bodies.length} 个。
          </p>
        )}
        <BarChart label="各机关的问题数" tone="warning" bars={bodies.slice(0, TOP_BODIES).map((b) => ({ label: b.key, value: b.findings }))} />
        <NumbersTable
          caption="各机关的问题数"
          head={['机关', '报告数', '含错误的报告', '问题数']}
          rows={bodies.map((b) => [b.key, b.reports, b.withErrors, b.findings])}
        />
      </Chart>

      <Chart id="stats-years" title="各年度的问题数与含错误报告的比例" en="Findings per year, and the share of reports with errors">
        <BarChart label="各年度的问题数" tone="error" bars={years.map((y) => ({ label: y.key, value: y.findings }))} />
        <TrendChart
          label="各年度含错误报告的比例"
          max={1}
          points={years.map((y) => ({
            label: y.key,
            value: y.reports ? y.withErrors / y.reports : 0,
            text: formatShare(y.reports ? y.withErrors / y.reports : 0),
          }))}
        />
        <NumbersTable
          caption="各年度的问题数与含错误报告的比例"
          head={['年度', '报告数', '含错误的报告', '比例', '问题数']}
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
        {title} <small class="muted">{en}</small>
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
                {c}
              </td>
            ))}
          </tr>
        ))}
        {!rows.length && (
          <tr>
            <td colSpan={head.length} class="muted">
              没有问题。
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
