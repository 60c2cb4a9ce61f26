import { useMemo, useState } from 'preact/hooks';
import { ruleTitle, SEVERITY_LABELS } from '@/lib/engine/labels';
import { pick, t } from '@/lib/app/i18n';
import { Severity } from '@/lib/engine/model';
import type { FindingNote, HistoryEntry, StoredFinding } from '@/lib/app/schema';
import { FindingCard } from './FindingCard';

interface CardsProps {
  reportId: string;
  findings: readonly StoredFinding[];
  notes: ReadonlyMap<string, FindingNote>;
  newIds?: readonly string[];
  /** Each finding's changes by finding id. */
  history?: ReadonlyMap<string, HistoryEntry[]>;
  onReveal?: (findingId: string) => void;
}

export function FindingCards({ reportId, findings, notes, newIds = [], history, onReveal }: CardsProps) {
  return (
    <ul class="findings">
      {findings.map((f) => (
        <FindingCard
          key={f.id}
          reportId={reportId}
          finding={f}
          note={notes.get(f.id)}
          isNew={newIds.includes(f.id)}
          history={history?.get(f.id)}
          onReveal={onReveal}
        />
      ))}
    </ul>
  );
}

/** A report's findings with severity and rule filters. */
export function FindingList(props: CardsProps) {
  const [severity, setSeverity] = useState<Severity | ''>('');
  const [rule, setRule] = useState('');
  const rules = useMemo(() => [...new Set(props.findings.map((f) => f.rule))], [props.findings]);
  const shown = props.findings.filter((f) => (!severity || f.severity === severity) && (!rule || f.rule === rule));

  if (!props.findings.length) return <p class="empty">{t('findings_none')}</p>;
  return (
    <section>
      <div class="filters">
        <select
          value={severity}
          title="Severity"
          aria-label={t('flag_severity')}
          onChange={(e) => setSeverity(Severity.safeParse(e.currentTarget.value).data ?? '')}
        >
          <option value="">{t('findings_allSeverities')}</option>
          {Severity.options.map((s) => (
            <option key={s} value={s}>
              {pick(SEVERITY_LABELS[s])}
            </option>
          ))}
        </select>
        <select value={rule} title="Rule" aria-label={t('filters_rule')} onChange={(e) => setRule(e.currentTarget.value)}>
          <option value="">{t('findings_allRules')}</option>
          {rules.map((r) => (
            <option key={r} value={r}>
              {pick(ruleTitle(r))}
            </option>
          ))}
        </select>
        <span class="muted">
          {shown.length} / {props.findings.length}
        </span>
      </div>
      <FindingCards {...props} findings={shown} />
    </section>
  );
}
