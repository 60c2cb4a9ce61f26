import { useMemo } from 'preact/hooks';
import { bodiesGrid, crossYearItems } from '@/lib/app/bodies';
import { reportPage, rulePage } from '@/lib/app/ext-pages';
import { ruleTitle, SEVERITY_LABELS } from '@/lib/engine/labels';
import { severityCounts } from '@/lib/app/report-stats';
import type { ReportRecord } from '@/lib/app/schema';
import { SeverityCounts } from './Counts';
import { pick, t } from '@/lib/app/i18n';

interface Props {
  records: readonly ReportRecord[];
  selected?: string;
  onSelect(reportId: string): void;
}

/** 机关 × 年度: a portal's reports side by side, and what only comparing the years reveals. */
export function BodiesView({ records, selected, onSelect }: Props) {
  const grid = useMemo(() => bodiesGrid(records), [records]);
  const cross = useMemo(() => crossYearItems(records), [records]);
  const select = (id: string) => (e: Event) => {
    // A real link (open in a new tab works); a plain click shows the findings below.
    e.preventDefault();
    onSelect(id);
  };

  return (
    <>
      <table class="records-table bodies-table">
        <thead>
          <tr>
            <th title="Body">{t('col_body')}</th>
            {grid.years.map((y) => (
              <th key={String(y)} title="Year">
                {y ?? t('report_yearUnknown')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.bodies.map((b) => (
            <tr key={b.key} data-body={b.names[0] ?? ''}>
              <td>
                {b.names[0] || t('overlay_agencyUnknown')}
                {b.names.length > 1 && (
                  <div class="muted" title="Also printed as">
                    {t('bodies_alsoAs', { names: b.names.slice(1).join('、') })}
                  </div>
                )}
              </td>
              {grid.years.map((y) => (
                <td key={String(y)} data-year={String(y)}>
                  {(b.byYear.get(y) ?? []).map((r) => (
                    <a
                      key={r.id}
                      class={`report-cell${r.id === selected ? ' selected' : ''}`}
                      href={reportPage(r.id)}
                      onClick={select(r.id)}
                      title={`${r.title || r.url} — ${t('bodies_showFindings')}`}
                    >
                      <SeverityCounts counts={severityCounts(r.findings)} />
                    </a>
                  ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>

      <section class="cross-year-findings">
        <h2>
          {t('bodies_cross', { count: cross.length })} <small class="muted">Found only by comparing years</small>
        </h2>
        {cross.length === 0 ? (
          <p class="empty">{t('bodies_noCross')}</p>
        ) : (
          <table class="records-table">
            <thead>
              <tr>
                <th title="Body">{t('col_body')}</th>
                <th title="Year">{t('col_year')}</th>
                <th title="Rule">{t('col_rule')}</th>
                <th title="Message">{t('col_finding')}</th>
              </tr>
            </thead>
            <tbody>
              {cross.map(({ record: r, finding: f }) => (
                <tr key={`${r.id} ${f.id}`} data-rule={f.rule}>
                  <td>{r.agency || '—'}</td>
                  <td>{r.year ?? '—'}</td>
                  <td>
                    <span class={`sev sev-${f.severity}`} title={SEVERITY_LABELS[f.severity].en}>
                      {pick(SEVERITY_LABELS[f.severity])}
                    </span>{' '}
                    <a href={rulePage(f.rule)} target="_blank" title={`规则说明 / Rule reference: ${ruleTitle(f.rule).en}`}>
                      {pick(ruleTitle(f.rule))}
                    </a>
                  </td>
                  <td>
                    {f.message}{' '}
                    <a href={reportPage(r.id)} onClick={select(r.id)} title="Show the report's findings">
                      {t('bodies_showReport')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
