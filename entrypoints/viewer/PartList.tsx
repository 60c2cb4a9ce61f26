import { SeverityCounts } from '@/components/Counts';
import { severityCounts } from '@/lib/app/report-stats';
import { t } from '@/lib/app/i18n';
import type { FilePart } from './ViewerPage';

/** A compilation's reports (汇编), in file order: choosing one lists its findings and marks its cells. */
export function PartList({ parts, chosen, onChoose }: { parts: FilePart[]; chosen: number; onChoose: (i: number) => void }) {
  return (
    <section class="viewer-parts">
      <h2 title={`A compilation: ${parts.length} reports in this file`}>{t('viewer_compilation', { count: parts.length })}</h2>
      <ol>
        {parts.map(({ state: { record } }, i) => (
          <li key={record.id}>
            <button type="button" class="viewer-part" aria-pressed={i === chosen} data-report={record.id} onClick={() => onChoose(i)}>
              <strong>{record.agency || record.title || t('overlay_agencyUnknown')}</strong>{' '}
              <span class="muted">{t('overlay_year', { year: record.year ?? t('overlay_yearUnknown') })}</span>
              <br />
              <SeverityCounts counts={severityCounts(record.findings)} />
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
