import { useEffect } from 'preact/hooks';
import { isFinished, progressOf, type BatchJob } from '@/lib/app/batch/job';
import type { BatchLimits } from '@/lib/app/batch/limits';
import { BODIES_PAGE } from '@/lib/app/ext-pages';
import { siteHost } from '@/lib/app/sites';
import { finishedNotice } from '@/lib/app/batch/summary';
import { BatchResults } from './BatchResults';
import { useBatchRun, type BatchRun, type Phase } from './useBatchRun';

/** 批量审核 (batch.html?job=…): audits every report a portal's list links, and shows how far it got. */
export function BatchPage({ jobId, limits }: { jobId: string; limits: BatchLimits }) {
  const run = useBatchRun(jobId, limits);
  const { job } = run;
  // Another tab that ran the job may have finished it meanwhile.
  const phase: Phase = run.phase.kind === 'busy' && job && isFinished(job) ? { kind: 'finished' } : run.phase;
  const progress = job ? progressOf(job) : undefined;
  useEffect(() => {
    document.title = progress ? `批量审核 ${progress.done + progress.failed}/${progress.total} · 年报审计助手` : '年报审计助手 · 批量审核';
  }, [progress?.done, progress?.failed, progress?.total]);

  return (
    <main class="batch">
      <h1>
        批量审核 <small class="muted">Batch audit</small>
      </h1>
      {phase.kind === 'missing' && <p class="error">找不到这个批量审核任务（可能已删除）。请回到年报列表页重新点「审核本页列出的年报」。</p>}
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
        <span title="List page">列表页：</span>
        <a href={job.listUrl} target="_blank" rel="noreferrer" title={job.listUrl}>
          {job.listTitle || job.listUrl}
        </a>
      </p>
      <p class="muted">
        已读取列表 {job.listPagesRead.length} 页，共 {job.links.length} 个年报链接 · {job.listPagesRead.length} list page(s), {job.links.length} report links
      </p>
      {job.listError && <p class="error">{job.listError}（其余页未读取）</p>}
    </section>
  );
}

function PhaseNotice({ phase, run }: { phase: Phase; run: BatchRun }) {
  switch (phase.kind) {
    case 'needs-access':
      return (
        <div class="notice-box" role="alert">
          <p>以下网站不在 *.gov.cn 之内，需要您授权扩展读取后才能审核其报告：</p>
          <ul>
            {phase.hosts.map((h) => (
              <li key={h} class="mono">
                {siteHost(h)}
              </li>
            ))}
          </ul>
          <button type="button" class="primary" onClick={run.allow} title="Allow the extension to read these sites">
            授权访问
          </button>
        </div>
      );
    case 'busy':
      return <p class="muted">此任务正在另一个标签页中运行，这里只显示进度。 Running in another tab.</p>;
    case 'error':
      return <p class="error">{phase.message}</p>;
    case 'stopped':
      return <p class="muted">已暂停：点「继续」审核剩余的链接，已完成的不会重新读取。 Paused: Resume fetches the pending links only.</p>;
    case 'finished': {
      if (!run.job) return null;
      const notice = finishedNotice(progressOf(run.job));
      return notice.ok ? (
        <p class="done-note">
          {notice.zh} {notice.en}
        </p>
      ) : (
        <p class="failed-note" role="alert">
          {notice.zh} {notice.en}
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
        <span title="Done">已完成 {done}</span> · <span title="Failed">失败 {failed}</span> · <span title="Pending">待审核 {total - done - failed}</span>
      </p>
      {collecting && <p class="muted">正在读取列表的下一页… Reading the next list page…</p>}
      {active.map((url) => (
        <p key={url} class="muted current-url" title="Fetching">
          正在审核：{url}
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
          取消
        </button>
      )}
      {idle && !isFinished(job) && (
        <button type="button" class="primary" onClick={run.start} title="Resume with the pending links">
          继续
        </button>
      )}
      {idle && failed > 0 && (
        <button type="button" onClick={run.retry} title="Retry the failed links">
          重试失败的 {failed} 个链接
        </button>
      )}
      <a href={BODIES_PAGE} target="_blank" title="Records: bodies × years">
        查看审计记录（机关 × 年度）
      </a>
    </div>
  );
}
