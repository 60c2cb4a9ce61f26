import { isFinished, progressOf } from '@/lib/app/batch/job';
import { batchPage } from '@/lib/app/ext-pages';
import { formatUiTime, t } from '@/lib/app/i18n';
import { deleteJob } from '@/messaging/jobs';
import { useBatchJobs } from './hooks';

/** 未完成的批量审核: batch jobs cancelled or cut off (tab closed, browser restarted), to resume or discard. */
export function UnfinishedBatches() {
  const jobs = useBatchJobs();
  if (jobs.status === 'error') return <p class="error">{jobs.error}</p>;
  const open = jobs.status === 'ready' ? jobs.value.filter((j) => !isFinished(j)) : [];
  if (!open.length) return null;
  return (
    <section class="unfinished-batches">
      <h2 title="Unfinished batch audits">{t('unfinished_title')}</h2>
      <ul>
        {open.map((j) => {
          const p = progressOf(j);
          return (
            <li key={j.id} data-job={j.id}>
              <a href={batchPage(j.id)} target="_blank" title="Open and resume">
                {j.listTitle || j.listUrl}
              </a>{' '}
              <span class="muted">
                {p.done + p.failed} / {p.total}
                {j.nextListPage ? t('unfinished_listUnread') : ''} · {formatUiTime(j.updatedAt)}
              </span>{' '}
              <a class="button primary" href={batchPage(j.id)} target="_blank" title="Resume">
                {t('unfinished_resume')}
              </a>{' '}
              <button type="button" onClick={() => void deleteJob(j.id)} title="Discard the job (audits already stored stay)">
                {t('unfinished_discard')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
