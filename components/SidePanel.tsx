import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { opinionPage } from '@/lib/app/ext-pages';
import type { TabMessage } from '@/lib/app/messages';
import { ask } from '@/messaging/ask';
import { useReportState } from '@/store/live';
import { partId } from '@/lib/app/overlay-state';
import { useActiveTabId, useTabParts, useTabReportId } from './hooks';
import { ReportView } from './ReportView';
import { ManualFlagForm } from './ManualFlagForm';
import { t } from '@/lib/app/i18n';

/** The side panel (Chrome) or sidebar (Firefox): the audit of whatever tab is active in this window. */
export function SidePanel() {
  const tabId = useActiveTabId();
  const reportId = useTabReportId(tabId);
  const tabParts = useTabParts(tabId);
  const parts = tabParts.status === 'ready' ? tabParts.value : [];
  // A compilation's report the auditor chose; the first one until then, or when the chosen one is gone.
  const [chosen, choose] = useState<string>();
  const part = parts.find((p) => p.reportId === chosen);
  const id = part?.reportId ?? (reportId.status === 'ready' ? reportId.value : null);
  const state = useReportState(id);
  const [notice, setNotice] = useState<{ error: boolean; text: string }>();

  const audit = () => {
    if (tabId === undefined) return;
    setNotice({ error: false, text: t('panel_auditing') });
    ask({ type: 'audit:tab', tabId }).then(
      () => setNotice(undefined),
      (e: Error) => setNotice({ error: true, text: e.message }),
    );
  };
  const reveal = (findingId: string) => {
    if (tabId === undefined) return;
    // The page's overlay names each part's findings apart (p2-…); the first part's it also knows by their own ids.
    const shown = part ? partId(part.part - 1, findingId) : findingId;
    browser.tabs.sendMessage(tabId, { type: 'finding:reveal', findingId: shown } satisfies TabMessage).then(
      () => setNotice(undefined),
      () => setNotice({ error: true, text: t('panel_revealFailed') }),
    );
  };

  return (
    <main class="panel">
      <nav class="toolbar">
        <h1>{t('common_appName')}</h1>
        <button type="button" onClick={audit} disabled={tabId === undefined} title="Audit this page">
          {state.status === 'ready' && state.value ? t('panel_reaudit') : t('panel_audit')}
        </button>
        <button type="button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/records.html') })} title="All audits">
          {t('panel_records')}
        </button>
        {state.status === 'ready' && state.value && (
          <a class="button" href={opinionPage(state.value.record.id)} target="_blank" title="Audit opinion: print or save as Word">
            {t('panel_opinion')}
          </a>
        )}
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()} title="Settings">
          {t('panel_settings')}
        </button>
      </nav>
      {notice && <p class={notice.error ? 'error' : 'muted'}>{notice.text}</p>}
      <ManualFlagForm tabId={tabId} />
      {parts.length > 1 && (
        <label class="parts">
          {t('panel_part', { count: parts.length })}
          <select value={id ?? undefined} onChange={(e) => choose(e.currentTarget.value)}>
            {parts.map((p) => (
              <option key={p.reportId} value={p.reportId}>
                {t('panel_partOption', { n: p.part, agency: p.agency || '—', year: p.year ?? '—' })}
              </option>
            ))}
          </select>
        </label>
      )}
      {reportId.status === 'error' && <p class="error">{reportId.error}</p>}
      {state.status === 'error' && <p class="error">{state.error}</p>}
      {state.status === 'ready' &&
        (state.value ? (
          <ReportView key={state.value.record.id} state={state.value} onReveal={reveal} />
        ) : (
          reportId.status === 'ready' && <p class="empty">{t('panel_empty')}</p>
        ))}
    </main>
  );
}
