import { useState } from 'preact/hooks';
import { auditsToCsv } from '@/lib/app/export/csv';
import { sendImport, splitImport } from '@/lib/app/export/import-parts';
import { buildAuditsFile, parseAuditsFile } from '@/lib/app/export/json';
import type { FindingNote, HistoryEntry, ReportRecord } from '@/lib/app/schema';
import { ask } from '@/messaging/ask';
import { download, exportFilename } from './download';
import { t } from '@/lib/app/i18n';

interface Props {
  all: readonly ReportRecord[];
  filtered: readonly ReportRecord[];
  notesByReport: ReadonlyMap<string, FindingNote[]>;
  /** Every finding's changes, exported with the reports they belong to. */
  history?: readonly HistoryEntry[];
}

/** Export of all or the filtered reports (CSV, JSON) and import of a JSON export. */
export function TransferBar({ all, filtered, notesByReport, history = [] }: Props) {
  const [scope, setScope] = useState<'filtered' | 'all'>('filtered');
  const [message, setMessage] = useState<{ error: boolean; text: string }>();
  const reports = scope === 'all' ? all : filtered;

  const notesOf = (r: ReportRecord) => notesByReport.get(r.id) ?? [];
  const exportCsv = () => {
    download(exportFilename('csv'), auditsToCsv(reports.map((record) => ({ record, notes: notesOf(record) }))), 'text/csv;charset=utf-8');
    setMessage({ error: false, text: t('transfer_exported', { count: reports.length }) });
  };
  const exportJson = () => {
    const file = buildAuditsFile(reports, reports.flatMap(notesOf), new Date(), history);
    download(exportFilename('json'), JSON.stringify(file, null, 2), 'application/json');
    setMessage({ error: false, text: t('transfer_exported', { count: reports.length }) });
  };
  const importJson = async (input: HTMLInputElement) => {
    const picked = input.files?.[0];
    input.value = ''; // so picking the same file again still fires change
    if (!picked) return;
    const parsed = parseAuditsFile(await picked.text());
    if (!parsed.ok) return setMessage({ error: true, text: parsed.error });
    const split = splitImport(parsed.file.reports);
    if (!split.ok) return setMessage({ error: true, text: split.error });
    try {
      const imported = await sendImport(
        split.parts,
        crypto.randomUUID(),
        (part) => ask({ type: 'audits:import', ...part }),
        (sent, total) => {
          if (total > 1) setMessage({ error: false, text: t('transfer_importing', { sent, total }) });
        },
      );
      setMessage({
        error: false,
        text: imported.reports + imported.notes > 0 ? t('transfer_imported', { reports: imported.reports, notes: imported.notes }) : t('transfer_upToDate'),
      });
    } catch (e) {
      setMessage({ error: true, text: (e as Error).message });
    }
  };

  return (
    <div class="transfer">
      <select
        value={scope}
        title="Export scope"
        aria-label={t('transfer_scope')}
        onChange={(e) => setScope(e.currentTarget.value === 'all' ? 'all' : 'filtered')}
      >
        <option value="filtered">{t('transfer_filtered', { count: filtered.length })}</option>
        <option value="all">{t('transfer_all', { count: all.length })}</option>
      </select>
      <button type="button" onClick={exportCsv} disabled={!reports.length} title="Export CSV (Excel/WPS)">
        {t('transfer_exportCsv')}
      </button>
      <button type="button" onClick={exportJson} disabled={!reports.length} title="Export JSON (for import)">
        {t('transfer_exportJson')}
      </button>
      <label class="button" title="Import JSON">
        {t('transfer_importJson')}
        <input type="file" class="visually-hidden" accept=".json,application/json" onChange={(e) => void importJson(e.currentTarget)} />
      </label>
      {message && <span class={message.error ? 'error' : 'muted'}>{message.text}</span>}
    </div>
  );
}
