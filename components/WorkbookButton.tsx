import { useState } from 'preact/hooks';
import type { AuditWithNotes } from '@/lib/app/stats';
import { downloadBlob, exportFilename } from './download';
import { t } from '@/lib/app/i18n';

/** 导出 Excel: the workbook of the reports the list shows (the writer is loaded on the first click). */
export function WorkbookButton({ audits }: { audits: readonly AuditWithNotes[] }) {
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const exportWorkbook = async () => {
    setState({ busy: true });
    try {
      const { workbookBlob } = await import('@/lib/app/export/xlsx');
      downloadBlob(exportFilename('xlsx'), await workbookBlob(audits));
      setState({ busy: false });
    } catch (e) {
      setState({ busy: false, error: t('workbook_failed', { error: (e as Error).message }) });
    }
  };
  return (
    <span class="workbook-export">
      <button
        type="button"
        onClick={() => void exportWorkbook()}
        disabled={!audits.length || state.busy}
        title="Export an Excel workbook of the reports listed: findings, reports, bodies × years, rules"
      >
        {state.busy ? t('workbook_busy') : t('workbook_export', { count: audits.length })}
      </button>
      {state.error && <span class="error">{state.error}</span>}
    </span>
  );
}
