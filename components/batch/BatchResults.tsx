import type { BatchJob, BatchLink } from '@/lib/app/batch/job';
import { reportPage } from '@/lib/app/ext-pages';
import { severityCounts } from '@/lib/app/report-stats';
import type { ReportRecord } from '@/lib/app/schema';
import { useStoredReports } from '@/store/live';
import { SeverityCounts } from '../Counts';

const STATUS = {
  pending: { zh: '待审核', en: 'Pending' },
  done: { zh: '已审核', en: 'Done' },
  failed: { zh: '失败', en: 'Failed' },
} as const;

/**
 * One row per link, in list order. Counts come live from the stored records, not from the job:
 * a later year audited after this one can add cross-year findings to it.
 */
export function BatchResults({ job }: { job: BatchJob }) {
  const ids = job.links.flatMap((l) => (l.result ? [l.result.reportId] : []));
  const records = useStoredReports(ids);
  const byId = new Map((records.status === 'ready' ? records.value : []).flatMap((r) => (r ? [[r.id, r] as const] : [])));
  if (records.status === 'error') return <p class="error">{records.error}</p>;
  return (
    <table class="records-table batch-results">
      <thead>
        <tr>
          <th title="Status">状态</th>
          <th title="Agency">机关</th>
          <th title="Year">年度</th>
          <th title="Report">报告</th>
          <th title="By severity">问题</th>
        </tr>
      </thead>
      <tbody>
        {job.links.map((l) => (
          <Row key={l.url} link={l} record={l.result && byId.get(l.result.reportId)} />
        ))}
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
          {STATUS[l.status].zh}
        </span>
        {l.result?.file ? (
          <div class="muted" title="Read from the PDF/Word file">
            已读取附件
          </div>
        ) : (
          l.result?.attachment && (
            <div class="muted" title="Published only as an attachment">
              附件
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
            附件：
            <a href={l.result.file} target="_blank" rel="noreferrer" class="batch-file">
              {fileName(l.result.file)}
            </a>
          </div>
        )}
        {l.error && <div class="error">{l.error}</div>}
      </td>
      <td>
        {l.result &&
          (record ? (
            <>
              <SeverityCounts counts={severityCounts(record.findings)} />{' '}
              <a href={reportPage(record.id)} target="_blank" title="Show the findings in the records page">
                查看问题
              </a>
            </>
          ) : (
            <span class="muted">…</span>
          ))}
      </td>
    </tr>
  );
}
