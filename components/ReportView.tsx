import { LAYOUT_LABELS } from '@/lib/engine/labels';
import { formatUiTime, pick, t } from '@/lib/app/i18n';
import type { ReportState } from '@/lib/app/messages';
import { countedFindings, notesById, severityCounts, statusCounts } from '@/lib/app/report-stats';
import { ask } from '@/messaging/ask';
import { SeverityCounts, StatusCounts } from './Counts';
import { FindingCards, FindingList } from './FindingList';
import { SavedText } from './SavedText';
import { AuditorPrompt } from './AuditorPrompt';

interface Props {
  state: ReportState;
  onReveal?: (findingId: string) => void;
}

/** One audited report: summary, report note, findings, and what went away since the previous audit. */
export function ReportView({ state: { record: r, notes, history }, onReveal }: Props) {
  const byId = notesById(notes);
  const historyById = Map.groupBy(history, (h) => h.findingId);
  return (
    <article class="report">
      <header class="report-head">
        <h2 title={r.title}>{r.agency || r.title || r.url}</h2>
        <p class="muted">
          <span title="Year">{r.year ?? t('report_yearUnknown')}</span> · <span title="Layout">{pick(LAYOUT_LABELS[r.layout])}</span> ·{' '}
          <span title="Audited at">{t('report_auditedAt', { time: formatUiTime(r.auditedAt) })}</span>
        </p>
        <p>
          <a href={r.url} target="_blank" rel="noreferrer" class="url" title={r.url}>
            {r.title || r.url}
          </a>
        </p>
        <p>
          {/* 误报 and 已整改 are left out; the status counts below show how many. */}
          <SeverityCounts counts={severityCounts(countedFindings(r.findings, byId))} />
        </p>
        <p>
          <StatusCounts counts={statusCounts(r.findings, byId)} />
        </p>
      </header>
      <AuditorPrompt />
      <section class="report-note">
        <h3 title="Report note">{t('report_note')}</h3>
        <SavedText
          value={r.note}
          onSave={(note, writeId) => ask({ type: 'report-note:set', reportId: r.id, note, writeId })}
          placeholder={t('report_notePlaceholder')}
          title="Report note"
          label={t('report_noteLabel')}
        />
        {r.noteUpdatedAt !== null && (
          <p class="muted">
            {r.noteBy || t('common_unsigned')} · {formatUiTime(r.noteUpdatedAt)}
          </p>
        )}
      </section>
      <h3 title="Findings">{t('report_findings', { count: r.findings.length })}</h3>
      <FindingList reportId={r.id} findings={r.findings} notes={byId} newIds={r.newIds} history={historyById} onReveal={onReveal} />
      {r.gone.length > 0 && (
        <details class="gone">
          <summary title="Gone since the previous audit">{t('report_gone', { count: r.gone.length })}</summary>
          <FindingCards reportId={r.id} findings={r.gone} notes={byId} history={historyById} />
        </details>
      )}
    </article>
  );
}
