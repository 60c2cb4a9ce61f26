import { useMemo, useState } from 'preact/hooks';
import { buildOpinion, opinionFilename } from '@/lib/app/opinion';
import { downloadBlob } from './download';
import { useReportState } from '@/store/live';
import { useSettings } from './hooks';
import { OpinionView } from './OpinionView';

interface Props {
  reportId: string | null;
}

/** opinion.html?report=<id>: the 审核意见书 of one stored report, to print (A4) or save as Word. */
export function OpinionPage({ reportId }: Props) {
  const state = useReportState(reportId);
  const settings = useSettings();
  const auditor = settings.status === 'ready' ? settings.value.auditor : '';
  // The date is the day the page was opened: an opinion is dated when it is issued.
  const [now] = useState(() => Date.now());
  const opinion = useMemo(() => (state.status === 'ready' && state.value ? buildOpinion(state.value, { auditor, now }) : null), [state, auditor, now]);
  const [message, setMessage] = useState<{ error: boolean; text: string }>();

  const saveDocx = async () => {
    if (!opinion || state.status !== 'ready' || !state.value) return;
    setMessage({ error: false, text: '正在生成 Word 文档…' });
    try {
      const { opinionDocx } = await import('@/lib/app/export/docx');
      downloadBlob(opinionFilename(state.value.record.agency, state.value.record.year), await opinionDocx(opinion));
      setMessage(undefined);
    } catch (e) {
      setMessage({ error: true, text: `无法生成 Word 文档：${(e as Error).message}` });
    }
  };

  return (
    <main class="opinion-page">
      <nav class="toolbar no-print">
        <strong>
          审核意见书 <small class="muted">Audit opinion</small>
        </strong>
        <button type="button" onClick={() => window.print()} disabled={!opinion} title="Print (A4)">
          打印
        </button>
        <button type="button" onClick={() => void saveDocx()} disabled={!opinion} title="Save as Word (.docx)">
          下载 Word
        </button>
      </nav>
      {message && <p class={`no-print ${message.error ? 'error' : 'muted'}`}>{message.text}</p>}
      {!reportId && <p class="error">链接中没有报告编号（opinion.html?report=…）。请从侧边栏或审计记录中打开审核意见书。</p>}
      {state.status === 'error' && <p class="error">{state.error}</p>}
      {reportId && state.status === 'ready' && !state.value && <p class="error">没有找到这份报告的审计记录，可能已被删除。请先审计该报告。</p>}
      {settings.status === 'ready' && !auditor.trim() && opinion && (
        <p class="notice-box no-print">
          尚未设置审核人姓名：意见书中审核人一栏留空。可在
          <a href="/options.html" target="_blank">
            设置
          </a>
          中填写「审计人」，本页随即更新。
        </p>
      )}
      {opinion && <OpinionView opinion={opinion} />}
    </main>
  );
}
