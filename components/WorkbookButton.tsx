import { useState } from 'preact/hooks';
import type { AuditWithNotes } from '@/lib/app/stats';
import { downloadBlob, exportFilename } from './download';

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
      setState({ busy: false, error: `无法生成 Excel 工作簿：${(e as Error).message}` });
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
        {state.busy ? '正在生成…' : `导出 Excel（${audits.length} 份）`}
      </button>
      {state.error && <span class="error">{state.error}</span>}
    </span>
  );
}
