import { useMemo, useState } from 'preact/hooks';
import { buildOpinion, opinionFilename } from '@/lib/app/opinion';
import { downloadBlob } from './download';
import { useReportState } from '@/store/live';
import { useSettings } from './hooks';
import { OpinionView } from './OpinionView';
import { t } from '@/lib/app/i18n';
import { EnglishGloss } from './Localized';

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
    setMessage({ error: false, text: t('opinion_generating') });
    try {
      const { opinionDocx } = await import('@/lib/app/export/docx');
      downloadBlob(opinionFilename(state.value.record.agency, state.value.record.year), await opinionDocx(opinion));
      setMessage(undefined);
    } catch (e) {
      setMessage({ error: true, text: t('opinion_failed', { error: (e as Error).message }) });
    }
  };

  return (
    <main class="opinion-page">
      <nav class="toolbar no-print">
        <strong>
          {t('panel_opinion')} <EnglishGloss text="Audit opinion" />
        </strong>
        <button type="button" onClick={() => window.print()} disabled={!opinion} title="Print (A4)">
          {t('opinion_print')}
        </button>
        <button type="button" onClick={() => void saveDocx()} disabled={!opinion} title="Save as Word (.docx)">
          {t('opinion_word')}
        </button>
      </nav>
      {message && <p class={`no-print ${message.error ? 'error' : 'muted'}`}>{message.text}</p>}
      {!reportId && <p class="error">{t('opinion_noReportId')}</p>}
      {state.status === 'error' && <p class="error">{state.error}</p>}
      {reportId && state.status === 'ready' && !state.value && <p class="error">{t('opinion_notFound')}</p>}
      {settings.status === 'ready' && !auditor.trim() && opinion && (
        <p class="notice-box no-print">
          {t('opinion_noAuditorBefore')}
          <a href="/options.html" target="_blank">
            {t('panel_settings')}
          </a>
          {t('opinion_noAuditorAfter')}
        </p>
      )}
      {opinion && <OpinionView opinion={opinion} />}
    </main>
  );
}
