import { useEffect } from 'preact/hooks';
import { isFinished, progressOf, type BatchJob } from '@/lib/app/batch/job';
import type { BatchLimits } from '@/lib/app/batch/limits';
import { BODIES_PAGE } from '@/lib/app/ext-pages';
import { siteHost } from '@/lib/app/sites';
import { finishedNotice } from '@/lib/app/batch/summary';
import { BatchResults } from './BatchResults';
import { useBatchRun, type BatchRun, type Phase } from './useBatchRun';
import { bilingual, t } from '@/lib/app/i18n';
import { EnglishGloss } from '../Localized';

/** 批量审核 (batch.html?job=…): audits every report a portal's list links, and shows how far it got. */
export function BatchPage({ jobId, limits }: { jobId: string; limits: BatchLimits }) {
  const run = useBatchRun(jobId, limits);
  const { job } = run;
  // Another tab that ran the job may have finished it meanwhile.
  const phase: Phase = run.phase.kind === 'busy' && job && isFinished(job) ? { kind: 'finished' } : run.phase;
  const progress = job ? progressOf(job) : undefined;
  useEffect(() => {
    document.title = progress ? t('batch_docTitle', { done: progress.done + progress.failed, total: progress.total }) : t('page_batch');
  }, [progress?.done, progress?.failed, progress?.total]);

  return (
    <main class="batch">
      <h1>
        {t('batch_title')} <EnglishGloss text="Batch audit" />
      </h1>
      {phase.kind === 'missing' && <p class="error">{t('batch_missing')}</p>}
      {job && (
        <>
          <ListInfo job={job} />
          <PhaseNotice phase={phase} run={run} />
          <Progress job={job} active={run.active} collecting={phase.kind === 'running' && job.nextListPage !== null} />
          <Controls job={job} phase={phase} run={run} />
          <BatchResults job={job} />
        </>
      )}
    </main>
  );
}

function ListInfo({ job }: { job: BatchJob }) {
  return (
    <section class="batch-list">
      <p>
        <span title="List page">{t('batch_listPage')}</span>
        <a href={job.listUrl} target="_blank" rel="noreferrer" title={job.listUrl}>
          {job.listTitle || job.listUrl}
        </a>
      </p>
      <p class="muted">{t('batch_listRead', { pages: job.listPagesRead.length, links: job.links.length })}</p>
      {job.listError && <p class="error">{t('batch_listError', { error: job.listError })}</p>}
    </section>
  );
}

function PhaseNotice({ phase, run }: { phase: Phase; run: BatchRun }) {
  switch (phase.kind) {
    case 'needs-access':
      return (
        <div class="notice-box" role="alert">
          <p>{t('batch_needsAccess')}</p>
          <ul>
            {phase.hosts.map((h) => (
              <li key={h} class="mono">
                {siteHost(h)}
              </li>
            ))}
          </ul>
          <button type="button" class="primary" onClick={run.allow} title="Allow the extension to read these sites">
            {t('batch_allow')}
          </button>
        </div>
      );
    case 'busy':
      return <p class="muted">{t('batch_busy')}</p>;
    case 'error':
      return <p class="error">{phase.message}</p>;
    case 'stopped':
      return <p class="muted">{t('batch_stopped')}</p>;
    case 'finished': {
      if (!run.job) return null;
      const notice = finishedNotice(progressOf(run.job));
      return notice.ok ? (
        <p class="done-note">{bilingual(notice)}</p>
      ) : (
        <p class="failed-note" role="alert">
          {bilingual(notice)}
        </p>
      );
    }
    default:
      return null;
  }
}

function Progress({ job, active, collecting }: { job: BatchJob; active: readonly string[]; collecting: boolean }) {
  const { total, done, failed } = progressOf(job);
  return (
    <section class="batch-progress" data-done={done} data-failed={failed} data-total={total}>
      <progress max={Math.max(total, 1)} value={done + failed} />
      <p>
        <strong>
          {done + failed} / {total}
        </strong>{' '}
        <span title="Done">{t('batch_done', { count: done })}</span> · <span title="Failed">{t('batch_failed', { count: failed })}</span> ·{' '}
        <span title="Pending">{t('batch_pending', { count: total - done - failed })}</span>
      </p>
      {collecting && <p class="muted">{t('batch_collecting')}</p>}
      {active.map((url) => (
        <p key={url} class="muted current-url" title="Fetching">
          {t('batch_fetching', { url })}
        </p>
      ))}
    </section>
  );
}

function Controls({ job, phase, run }: { job: BatchJob; phase: Phase; run: BatchRun }) {
  const { failed } = progressOf(job);
  const idle = phase.kind === 'stopped' || phase.kind === 'finished' || phase.kind === 'error';
  return (
    <div class="toolbar batch-controls">
      {phase.kind === 'running' && (
        <button type="button" onClick={run.cancel} title="Cancel: pending links stay pending">
          {t('batch_cancel')}
        </button>
      )}
      {idle && !isFinished(job) && (
        <button type="button" class="primary" onClick={run.start} title="Resume with the pending links">
          {t('unfinished_resume')}
        </button>
      )}
      {idle && failed > 0 && (
        <button type="button" onClick={run.retry} title="Retry the failed links">
          {t('batch_retry', { count: failed })}
        </button>
      )}
      <a href={BODIES_PAGE} target="_blank" title="Records: bodies × years">
        {t('batch_records')}
      </a>
    </div>
  );
}
