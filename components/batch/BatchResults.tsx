import { storedReports, type BatchJob, type BatchLink, type StoredReport } from '@/lib/app/batch/job';
import { reportPage } from '@/lib/app/ext-pages';
import { severityCounts } from '@/lib/app/report-stats';
import type { ReportRecord } from '@/lib/app/schema';
import { useStoredReports } from '@/store/live';
import { SeverityCounts } from '../Counts';
import { pick, t } from '@/lib/app/i18n';

const STATUS = {
  pending: { zh: '待审核', en: 'Pending' },
  done: { zh: '已审核', en: 'Done' },
  failed: { zh: '失败', en: 'Failed' },
} as const;

/**
 * One row per link, in list order, and one more per further report of a compilation. Counts come
 * live from the stored records, not from the job: a later year audited after this one can add
 * cross-year findings to it.
 */
export function BatchResults({ job }: { job: BatchJob }) {
  const ids = job.links.flatMap((l) => storedReports(l).map((r) => r.reportId));
  const records = useStoredReports(ids);
  const byId = new Map((records.status === 'ready' ? records.value : []).flatMap((r) => (r ? [[r.id, r] as const] : [])));
  if (records.status === 'error') return <p class="error">{records.error}</p>;
  return (
    <table class="records-table batch-results">
      <thead>
        <tr>
          <th title="Status">{t('col_status')}</th>
          <th title="Agency">{t('col_body')}</th>
          <th title="Year">{t('col_year')}</th>
          <th title="Report">{t('col_report')}</th>
          <th title="By severity">{t('col_finding')}</th>
        </tr>
      </thead>
      <tbody>
        {job.links.flatMap((l) => [
          <Row key={l.url} link={l} record={l.result && byId.get(l.result.reportId)} />,
          ...(l.result?.more ?? []).map((part, i) => <PartRow key={part.reportId} part={part} index={i + 2} record={byId.get(part.reportId)} />),
        ])}
      </tbody>
    </table>
  );
}

/** The file's name as its link text; a name that is not valid percent-encoding stays as it is. */
function fileName(url: string): string {
  const last = new URL(url).pathname.split('/').pop() || url;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function Row({ link: l, record }: { link: BatchLink; record: ReportRecord | undefined }) {
  return (
    <tr class={`batch-row status-${l.status}`} data-url={l.url} data-status={l.status}>
      <td>
        <span class={`batch-status ${l.status}`} title={STATUS[l.status].en}>
          {pick(STATUS[l.status])}
        </span>
        {l.result?.file ? (
          <div class="muted" title="Read from the PDF/Word file">
            {t('batch_readFile')}
          </div>
        ) : (
          l.result?.attachment && (
            <div class="muted" title="Published only as an attachment">
              {t('batch_attachment')}
            </div>
          )
        )}
      </td>
      <td>{record?.agency || l.result?.agency || '—'}</td>
      <td>{record?.year ?? l.result?.year ?? '—'}</td>
      <td>
        <a href={l.url} target="_blank" rel="noreferrer" title={l.url}>
          {l.title || l.url}
        </a>
        {l.result?.file && l.result.file !== l.url && (
          <div class="muted">
            {t('batch_attachmentColon')}
            <a href={l.result.file} target="_blank" rel="noreferrer" class="batch-file">
              {fileName(l.result.file)}
            </a>
          </div>
        )}
        {l.error && <div class="error">{l.error}</div>}
      </td>
      <td>{l.result && <RecordCounts record={record} />}</td>
    </tr>
  );
}

/** A further report of a compilation link: its body, year and counts under the link's row. */
function PartRow({ part, index, record }: { part: StoredReport; index: number; record: ReportRecord | undefined }) {
  return (
    <tr class="batch-row batch-part" data-report={part.reportId}>
      <td class="muted" title={`Report ${index} of the compilation`}>
        {t('batch_part', { n: index })}
      </td>
      <td>{record?.agency || part.agency || '—'}</td>
      <td>{record?.year ?? part.year ?? '—'}</td>
      <td class="muted">{record?.title}</td>
      <td>
        <RecordCounts record={record} />
      </td>
    </tr>
  );
}

function RecordCounts({ record }: { record: ReportRecord | undefined }) {
  if (!record) return <span class="muted">…</span>;
  return (
    <>
      <SeverityCounts counts={severityCounts(record.findings)} />{' '}
      <a href={reportPage(record.id)} target="_blank" title="Show the findings in the records page">
        {t('batch_showFindings')}
      </a>
    </>
  );
}
