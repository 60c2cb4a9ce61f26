import { useEffect, useMemo, useState } from 'preact/hooks';
import { opinionPage, recordsTarget, type RecordsTarget } from '@/lib/app/ext-pages';
import { formatTime, LAYOUT_LABELS } from '@/lib/engine/labels';
import { Layout } from '@/lib/engine/model';
import { filterRecords, recordYears, type RecordFilter } from '@/lib/app/records-filter';
import { countedFindings, notesById, notesByReport, severityCounts, statusCounts } from '@/lib/app/report-stats';
import type { FindingNote, ReportRecord } from '@/lib/app/schema';
import { auditDb } from '@/store/db';
import { loadAllAudits } from '@/store/transfer';
import { BodiesView } from './BodiesView';
import { SeverityCounts, StatusCounts } from './Counts';
import { useLiveQuery } from './hooks';
import { ReportView } from './ReportView';
import { StatsView } from './StatsView';
import { TransferBar } from './TransferBar';
import { UnfinishedBatches } from './UnfinishedBatches';
import { WorkbookButton } from './WorkbookButton';

const VIEWS = [
  { key: 'reports', zh: '报告列表', en: 'Reports' },
  { key: 'bodies', zh: '机关 × 年度', en: 'Bodies × years' },
  { key: 'stats', zh: '统计', en: 'Statistics' },
] as const;

/** The view and report a link asked for (records.html#report=… or #view=bodies), followed when the fragment changes. */
function useRecordsTarget(): RecordsTarget {
  const [target, setTarget] = useState(() => recordsTarget(location.hash));
  useEffect(() => {
    const onHash = () => setTarget(recordsTarget(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return target;
}

/** 审计记录: every audited report, searchable, with export and import. */
export function RecordsPage() {
  const data = useLiveQuery(() => loadAllAudits(auditDb()), []);
  const [filter, setFilter] = useState<RecordFilter>({ text: '', errorsOnly: false });
  const target = useRecordsTarget();
  const [view, setView] = useState(target.view);
  const [selected, setSelected] = useState(target.reportId);
  useEffect(() => {
    setView(target.view);
    if (target.reportId) setSelected(target.reportId);
  }, [target]);
  const reports = data.status === 'ready' ? data.value.reports : [];
  const byReport = useMemo(() => notesByReport(data.status === 'ready' ? data.value.notes : []), [data]);
  const shown = useMemo(() => filterRecords(reports, filter), [reports, filter]);
  const shownAudits = useMemo(() => shown.map((record) => ({ record, notes: byReport.get(record.id) ?? [] })), [shown, byReport]);
  const chosen = reports.find((r) => r.id === selected);
  // Also once the records arrive: a link to one report is followed before they are loaded.
  useEffect(() => {
    if (selected) document.getElementById('detail')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [selected, !!chosen]);

  return (
    <main class="records">
      <h1>
        审计记录 <small class="muted">Audits</small>
      </h1>
      {data.status === 'error' && <p class="error">{data.error}</p>}
      <UnfinishedBatches />
      <Filters filter={filter} years={recordYears(reports)} onChange={setFilter} />
      <TransferBar all={reports} filtered={shown} notesByReport={byReport} />
      <WorkbookButton audits={shownAudits} />
      {data.status === 'ready' && !reports.length && (
        <p class="empty">还没有审计记录。打开一份政府信息公开工作年度报告即可开始；在年报列表页可一次审核列出的全部年报。</p>
      )}
      <div class="view-tabs" role="tablist">
        {VIEWS.map((v) => (
          <button key={v.key} type="button" role="tab" aria-selected={view === v.key} class={view === v.key ? 'active' : undefined} onClick={() => setView(v.key)} title={v.en}>
            {v.zh}
          </button>
        ))}
      </div>
      {view === 'bodies' && shown.length > 0 && <BodiesView records={shown} selected={selected} onSelect={setSelected} />}
      {view === 'stats' && <StatsView audits={shownAudits} />}
      {view === 'reports' && shown.length > 0 && (
        <table class="records-table">
          <thead>
            <tr>
              <th title="Agency">机关</th>
              <th title="Year">年度</th>
              <th title="Report">报告</th>
              <th title="Audited at">审计时间</th>
              <th title="By severity">问题</th>
              <th title="By status">核实状态</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <Row key={r.id} record={r} notes={byReport.get(r.id) ?? []} selected={r.id === selected} onSelect={setSelected} />
            ))}
          </tbody>
        </table>
      )}
      {chosen && (
        <div id="detail">
          <p class="detail-actions">
            <a class="button" href={opinionPage(chosen.id)} target="_blank" title="Audit opinion: print or save as Word">
              审核意见书
            </a>
          </p>
          <ReportView key={chosen.id} state={{ record: chosen, notes: byReport.get(chosen.id) ?? [] }} />
        </div>
      )}
    </main>
  );
}

function Row({ record: r, notes, selected, onSelect }: { record: ReportRecord; notes: FindingNote[]; selected: boolean; onSelect: (id: string) => void }) {
  return (
    <tr class={selected ? 'selected' : undefined} onClick={() => onSelect(r.id)} title="点击查看问题 / Show findings">
      <td>{r.agency || '—'}</td>
      <td>{r.year ?? '—'}</td>
      <td>
        <a href={r.url} target="_blank" rel="noreferrer" title={r.url} onClick={(e) => e.stopPropagation()}>
          {r.title || r.url}
        </a>
        <div class="muted">{LAYOUT_LABELS[r.layout].zh}</div>
      </td>
      <td>{formatTime(r.auditedAt)}</td>
      <td>
        <SeverityCounts counts={severityCounts(countedFindings(r.findings, notesById(notes)))} />
      </td>
      <td>
        <StatusCounts counts={statusCounts(r.findings, notesById(notes))} />
      </td>
    </tr>
  );
}

function Filters({ filter, years, onChange }: { filter: RecordFilter; years: number[]; onChange: (f: RecordFilter) => void }) {
  const set = (patch: Partial<RecordFilter>) => onChange({ ...filter, ...patch });
  return (
    <div class="filters">
      <input
        type="search"
        value={filter.text}
        placeholder="搜索机关、标题或网址"
        title="Search agency, title or URL"
        aria-label="搜索 / Search"
        onInput={(e) => set({ text: e.currentTarget.value })}
      />
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
        {years.map((y) => (
          <option key={y} value={String(y)}>
            {y}
          </option>
        ))}
        <option value="none">年度未识别</option>
      </select>
      <select title="Layout" aria-label="格式 / Layout" value={filter.layout ?? ''} onChange={(e) => set({ layout: Layout.safeParse(e.currentTarget.value).data })}>
        <option value="">全部格式</option>
        {Layout.options.map((l) => (
          <option key={l} value={l}>
            {LAYOUT_LABELS[l].zh}
          </option>
        ))}
      </select>
      <label title="Only reports with errors">
        <input type="checkbox" checked={filter.errorsOnly} onChange={(e) => set({ errorsOnly: e.currentTarget.checked })} /> 仅含错误
      </label>
    </div>
  );
}
