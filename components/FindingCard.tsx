import { cellKey } from '@/lib/engine/model';
import { cellName, cellNames } from '@/lib/app/cell-names';
import { isSettled, statusOf } from '@/lib/app/report-stats';
import { rulePage } from '@/lib/app/ext-pages';
import { ruleTitle, sectionHeading, SEVERITY_LABELS } from '@/lib/engine/labels';
import { pick, t } from '@/lib/app/i18n';
import type { FindingNote, HistoryEntry, StoredFinding } from '@/lib/app/schema';
import { isManualFinding } from '@/lib/engine/rules/manual-finding';
import { ask } from '@/messaging/ask';
import { FindingHistory } from './FindingHistory';
import { NoteEditor } from './NoteEditor';

interface Props {
  reportId: string;
  finding: StoredFinding;
  note: FindingNote | undefined;
  isNew: boolean;
  /** The finding's status and note changes, oldest first. */
  history?: readonly HistoryEntry[];
  /** Shows the finding on the page; absent where there is no page (records page, gone findings). */
  onReveal?: (findingId: string) => void;
}

export function FindingCard({ reportId, finding: f, note, isNew, history = [], onReveal }: Props) {
  const rule = ruleTitle(f.rule);
  // 误报 and 已整改 stay listed, dimmed: they are no longer counted.
  const settled = isSettled(statusOf(note));
  return (
    <li class={`finding sev-border-${f.severity}${settled ? ' settled' : ''}`}>
      {/* Not one button: the rule name is a link, and a link inside a button is neither. */}
      <div class="finding-head">
        <span class={`sev sev-${f.severity}`} title={SEVERITY_LABELS[f.severity].en}>
          {pick(SEVERITY_LABELS[f.severity])}
        </span>
        {isNew && (
          <span class="badge-new" title="New since the previous audit">
            {t('finding_new')}
          </span>
        )}
        <a class="rule" href={rulePage(f.rule)} target="_blank" title={`规则说明 / Rule reference: ${rule.en} (${f.rule})`}>
          {pick(rule)}
        </a>
        {onReveal ? (
          <button type="button" class="message reveal" title="在页面中定位 / Show on page" onClick={() => onReveal(f.id)}>
            {f.message}
          </button>
        ) : (
          <span class="message">{f.message}</span>
        )}
      </div>
      <dl class="facts">
        {f.section && <Fact label={t('finding_section')} en="Section" value={sectionHeading(f.section)} />}
        {f.cells?.length ? <Fact label={t('finding_cells')} en={`Cells: ${f.cells.map(cellKey).join('; ')}`} value={cellNames(f.cells)} /> : null}
        {f.expected !== undefined && <Fact label={t('finding_expected')} en="Expected" value={String(f.expected)} mono />}
        {f.actual !== undefined && <Fact label={t('finding_actual')} en="Actual" value={String(f.actual)} mono />}
        {f.inferred?.length ? (
          <Fact label={t('finding_inferred')} en="Inferred from the identities" value={f.inferred.map((x) => `${cellName(x.cell)} = ${x.value}`).join('；')} />
        ) : null}
      </dl>
      {f.evidence?.length ? (
        <details class="evidence">
          <summary title="Identities and prose numbers this wrong cell breaks">{t('finding_evidence', { count: f.evidence.length })}</summary>
          <ul>
            {f.evidence.map((e, i) => (
              <li key={i}>{e.message}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {f.excerpt && <blockquote class="excerpt">{f.excerpt}</blockquote>}
      <NoteEditor reportId={reportId} findingId={f.id} note={note} />
      <FindingHistory entries={history} />
      {isManualFinding(f) && (
        <button
          type="button"
          class="remove-manual"
          title="Remove this finding you flagged"
          onClick={() =>
            confirm(t('finding_removeConfirm')) && void ask({ type: 'manual:remove', reportId, findingId: f.id }).catch((e: Error) => alert(e.message))
          }
        >
          {t('finding_remove')}
        </button>
      )}
    </li>
  );
}

function Fact({ label, en, value, mono }: { label: string; en: string; value: string; mono?: boolean }) {
  return (
    <div class="fact">
      <dt title={en}>{label}</dt>
      <dd class={mono ? 'mono' : undefined}>{value}</dd>
    </div>
  );
}
