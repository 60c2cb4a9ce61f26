import { SEVERITY_LABELS } from '@/lib/engine/labels';
import { pick } from '@/lib/app/i18n';
import { Severity } from '@/lib/engine/model';
import { STATUS_LABELS, STATUSES, type Status } from '@/lib/app/schema';

export function SeverityCounts({ counts }: { counts: Record<Severity, number> }) {
  return (
    <span class="counts">
      {Severity.options.map((s) => (
        <span key={s} class={`count sev-${s}`} title={SEVERITY_LABELS[s].en}>
          {pick(SEVERITY_LABELS[s])} {counts[s]}
        </span>
      ))}
    </span>
  );
}

export function StatusCounts({ counts }: { counts: Record<Status, number> }) {
  return (
    <span class="counts">
      {STATUSES.map((s) => (
        <span key={s} class={`count status-${s}`} title={STATUS_LABELS[s].en}>
          {pick(STATUS_LABELS[s])} {counts[s]}
        </span>
      ))}
    </span>
  );
}
