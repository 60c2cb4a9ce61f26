import { SEVERITY_LABELS, LAYOUT_LABELS, ruleTitle } from '@/lib/engine/labels';
import { Layout, Severity } from '@/lib/engine/model';
import { recordBodies, recordRules, recordYears, type RecordFilter } from '@/lib/app/records-filter';
import { Status, STATUS_LABELS, STATUSES, type ReportRecord } from '@/lib/app/schema';

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
        placeholder="搜索机关、标题或网址，以及问题与备注"
        title="Search reports (agency, title, URL), findings (message, rule, cell) and notes"
        aria-label="搜索 / Search"
        onInput={(e) => set({ text: e.currentTarget.value })}
      />
      <select title="Body" aria-label="机关 / Body" value={filter.body ?? ''} onChange={(e) => set({ body: e.currentTarget.value || undefined })}>
        <option value="">全部机关</option>
        {recordBodies(reports).map((b) => (
          <option key={b} value={b}>
            {b}
          </option>
        ))}
      </select>
      <select
        title="Year"
        aria-label="年度 / Year"
        value={filter.year === undefined ? '' : filter.year === null ? 'none' : String(filter.year)}
        onChange={(e) => {
          const v = e.currentTarget.value;
          set({ year: v === '' ? undefined : v === 'none' ? null : Number(v) });
        }}
      >
        <option value="">全部年度</option>
        {recordYears(reports).map((y) => (
          <option key={y} value={String(y)}>
            {y}
          </option>
        ))}
        <option value="none">年度未识别</option>
      </select>
      <select
        title="Layout"
        aria-label="格式 / Layout"
        value={filter.layout ?? ''}
        onChange={(e) => set({ layout: Layout.safeParse(e.currentTarget.value).data })}
      >
        <option value="">全部格式</option>
        {Layout.options.map((l) => (
          <option key={l} value={l}>
            {LAYOUT_LABELS[l].zh}
          </option>
        ))}
      </select>
      <select title="Rule" aria-label="规则 / Rule" value={filter.rule ?? ''} onChange={(e) => set({ rule: e.currentTarget.value || undefined })}>
        <option value="">全部规则</option>
        {recordRules(reports).map((id) => (
          <option key={id} value={id}>
            {ruleTitle(id).zh}
          </option>
        ))}
      </select>
      <select
        title="Severity"
        aria-label="严重程度 / Severity"
        value={filter.severity ?? ''}
        onChange={(e) => set({ severity: Severity.safeParse(e.currentTarget.value).data })}
      >
        <option value="">全部严重程度</option>
        {Severity.options.map((s) => (
          <option key={s} value={s}>
            {SEVERITY_LABELS[s].zh}
          </option>
        ))}
      </select>
      <select
        title="Status"
        aria-label="核实状态 / Status"
        value={filter.status ?? ''}
        onChange={(e) => set({ status: Status.safeParse(e.currentTarget.value).data })}
      >
        <option value="">全部状态</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s].zh}
          </option>
        ))}
      </select>
      <label title="Only reports with errors">
        <input type="checkbox" checked={filter.errorsOnly} onChange={(e) => set({ errorsOnly: e.currentTarget.checked })} /> 仅含错误
      </label>
      {active && (
        <button type="button" onClick={() => onChange(NO_FILTER)} title="Clear search and filters">
          清除筛选
        </button>
      )}
      <span class="muted" role="status">
        显示 {shown} / {reports.length} 份报告
      </span>
    </div>
  );
}
