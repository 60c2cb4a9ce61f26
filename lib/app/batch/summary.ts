/** What the batch page says when a job has nothing left to do: finished, or finished with failures. */
import type { Progress } from './job';

export interface FinishedNotice {
  /** Every link was audited: the notice may say so plainly (green). */
  ok: boolean;
  zh: string;
  en: string;
}

export function finishedNotice({ total, done, failed, reports }: Progress): FinishedNotice {
  // A compilation (汇编) is one link and several reports: the reports are counted, and the links when they differ.
  const split = reports !== done;
  if (failed === 0)
    return split
      ? { ok: true, zh: `批量审核已完成：${done} 个链接、${reports} 份报告均已审核。`, en: `Finished: all ${done} links audited, ${reports} reports.` }
      : { ok: true, zh: `批量审核已完成：${done} 份报告均已审核。`, en: `Finished: all ${done} reports audited.` };
  return {
    ok: false,
    zh: `批量审核结束，但有 ${failed} 个链接失败（共 ${total} 个，已审核 ${done} 个${split ? `，含 ${reports} 份报告` : ''}）。失败原因见下表，可点「重试失败的 ${failed} 个链接」。`,
    en: `Finished with ${failed} of ${total} links failed.`,
  };
}
