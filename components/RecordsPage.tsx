import { useEffect, useMemo, useState } from 'preact/hooks';
import { opinionPage, recordsTarget, type RecordsTarget } from '@/lib/app/ext-pages';
import { filterRecords, type RecordFilter } from '@/lib/app/records-filter';
import { notesByReport } from '@/lib/app/report-stats';
import { useAllAudits } from '@/store/live';
import { BodiesView } from './BodiesView';
import { RecordsFilters, NO_FILTER } from './RecordsFilters';
import { RecordsTable } from './RecordsTable';
import { ReportView } from './ReportView';
import { StatsView } from './StatsView';
import { TransferBar } from './TransferBar';
import { UnfinishedBatches } from './UnfinishedBatches';
import { WorkbookButton } from './WorkbookButton';
import { pick, t } from '@/lib/app/i18n';
import { EnglishGloss } from './Localized';

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
  const data = useAllAudits();
  const [filter, setFilter] = useState<RecordFilter>(NO_FILTER);
  const target = useRecordsTarget();
  const [view, setView] = useState(target.view);
  const [selected, setSelected] = useState(target.reportId);
  useEffect(() => {
    setView(target.view);
    if (target.reportId) setSelected(target.reportId);
  }, [target]);
  const reports = data.status === 'ready' ? data.value.reports : [];
  const byReport = useMemo(() => notesByReport(data.status === 'ready' ? data.value.notes : []), [data]);
  const shown = useMemo(() => filterRecords(reports, filter, byReport), [reports, filter, byReport]);
  const shownAudits = useMemo(() => shown.map((record) => ({ record, notes: byReport.get(record.id) ?? [] })), [shown, byReport]);
  const chosen = reports.find((r) => r.id === selected);
  // Also once the records arrive: a link to one report is followed before they are loaded.
  useEffect(() => {
    if (selected) document.getElementById('detail')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [selected, !!chosen]);

  return (
    <main class="records">
      <h1>
        {t('records_title')} <EnglishGloss text="Audits" />
      </h1>
      {data.status === 'error' && <p class="error">{data.error}</p>}
      <UnfinishedBatches />
      <RecordsFilters filter={filter} reports={reports} shown={shown.length} onChange={setFilter} />
      <TransferBar all={reports} filtered={shown} notesByReport={byReport} history={data.status === 'ready' ? data.value.history : []} />
      <WorkbookButton audits={shownAudits} />
      {data.status === 'ready' && !reports.length && <p class="empty">{t('records_empty')}</p>}
      <div class="view-tabs" role="tablist">
        {VIEWS.map((v) => (
          <button
            key={v.key}
            type="button"
            role="tab"
            aria-selected={view === v.key}
            class={view === v.key ? 'active' : undefined}
            onClick={() => setView(v.key)}
            title={v.en}
          >
            {pick(v)}
          </button>
        ))}
      </div>
      {view === 'bodies' && shown.length > 0 && <BodiesView records={shown} selected={selected} onSelect={setSelected} />}
      {view === 'stats' && <StatsView audits={shownAudits} />}
      {view === 'reports' && shown.length > 0 && <RecordsTable records={shown} notes={byReport} selected={selected} onSelect={setSelected} />}
      {reports.length > 0 && !shown.length && <p class="empty">{t('records_noMatch')}</p>}
      {chosen && (
        <div id="detail">
          <p class="detail-actions">
            <a class="button" href={opinionPage(chosen.id)} target="_blank" title="Audit opinion: print or save as Word">
              {t('panel_opinion')}
            </a>
          </p>
          <ReportView
            key={chosen.id}
            state={{
              record: chosen,
              notes: byReport.get(chosen.id) ?? [],
              history: data.status === 'ready' ? data.value.history.filter((h) => h.reportId === chosen.id) : [],
            }}
          />
        </div>
      )}
    </main>
  );
}
