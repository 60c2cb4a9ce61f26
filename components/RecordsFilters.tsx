import { SEVERITY_LABELS, LAYOUT_LABELS, ruleTitle } from '@/lib/engine/labels';
import { Layout, Severity } from '@/lib/engine/model';
import { recordBodies, recordRules, recordYears, type RecordFilter } from '@/lib/app/records-filter';
import { Status, STATUS_LABELS, STATUSES, type ReportRecord } from '@/lib/app/schema';
import { pick, t } from '@/lib/app/i18n';

interface Props {
  filter: RecordFilter;
  /** All reports: the choices offered come from them. */
  reports: readonly ReportRecord[];
  shown: number;
  onChange(filter: RecordFilter): void;
}

export const NO_FILTER: RecordFilter = { text: '', errorsOnly: false };

/** The records page's search box and filters; they decide the list, the statistics and the exports alike. */
export function RecordsFilters({ filter, reports, shown, onChange }: Props) {
  const set = (patch: Partial<RecordFilter>) => onChange({ ...filter, ...patch });
  const active = JSON.stringify(filter) !== JSON.stringify(NO_FILTER);
  return (
    <div class="filters" role="search">
      <input
        type="search"
        value={filter.text}
        placeholder={t('filters_searchPlaceholder')}
        title="Search reports (agency, title, URL), findings (message, rule, cell) and notes"
        aria-label={t('filters_search')}
        onInput={(e) => set({ text: e.currentTarget.value })}
      />
      <select title="Body" aria-label={t('filters_body')} value={filter.body ?? ''} onChange={(e) => set({ body: e.currentTarget.value || undefined })}>
        <option value="">{t('filters_allBodies')}</option>
        {recordBodies(reports).map((b) => (
          <option key={b} value={b}>
            {b}
          </option>
        ))}
      </select>
      <select
        title="Year"
        aria-label={t('filters_year')}
        value={filter.year === undefined ? '' : filter.year === null ? 'none' : String(filter.year)}
        onChange={(e) => {
          const v = e.currentTarget.value;
          set({ year: v === '' ? undefined : v === 'none' ? null : Number(v) });
        }}
      >
        <option value="">{t('filters_allYears')}</option>
        {recordYears(reports).map((y) => (
          <option key={y} value={String(y)}>
            {y}
          </option>
        ))}
        <option value="none">{t('report_yearUnknown')}</option>
      </select>
      <select
        title="Layout"
        aria-label={t('filters_layout')}
        value={filter.layout ?? ''}
        onChange={(e) => set({ layout: Layout.safeParse(e.currentTarget.value).data })}
      >
        <option value="">{t('filters_allLayouts')}</option>
        {Layout.options.map((l) => (
          <option key={l} value={l}>
            {pick(LAYOUT_LABELS[l])}
          </option>
        ))}
      </select>
      <select title="Rule" aria-label={t('filters_rule')} value={filter.rule ?? ''} onChange={(e) => set({ rule: e.currentTarget.value || undefined })}>
        <option value="">{t('findings_allRules')}</option>
        {recordRules(reports).map((id) => (
          <option key={id} value={id}>
            {pick(ruleTitle(id))}
          </option>
        ))}
      </select>
      <select
        title="Severity"
        aria-label={t('flag_severity')}
        value={filter.severity ?? ''}
        onChange={(e) => set({ severity: Severity.safeParse(e.currentTarget.value).data })}
      >
        <option value="">{t('filters_allSeverities')}</option>
        {Severity.options.map((s) => (
          <option key={s} value={s}>
            {pick(SEVERITY_LABELS[s])}
          </option>
        ))}
      </select>
      <select
        title="Status"
        aria-label={t('note_statusLabel')}
        value={filter.status ?? ''}
        onChange={(e) => set({ status: Status.safeParse(e.currentTarget.value).data })}
      >
        <option value="">{t('filters_allStatuses')}</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {pick(STATUS_LABELS[s])}
          </option>
        ))}
      </select>
      <label title="Only reports with errors">
        <input type="checkbox" checked={filter.errorsOnly} onChange={(e) => set({ errorsOnly: e.currentTarget.checked })} /> {t('filters_errorsOnly')}
      </label>
      {active && (
        <button type="button" onClick={() => onChange(NO_FILTER)} title="Clear search and filters">
          {t('filters_clear')}
        </button>
      )}
      <span class="muted" role="status">
        {t('filters_shown', { shown, total: reports.length })}
      </span>
    </div>
  );
}
