import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { opinionPage } from '@/lib/app/ext-pages';
import type { TabMessage } from '@/lib/app/messages';
import { ask } from '@/messaging/ask';
import { useReportState } from '@/store/live';
import { useActiveTabId, useTabReportId } from './hooks';
import { ReportView } from './ReportView';
import { ManualFlagForm } from './ManualFlagForm';

/** The side panel (Chrome) or sidebar (Firefox): the audit of whatever tab is active in this window. */
export function SidePanel() {
  const tabId = useActiveTabId();
  const reportId = useTabReportId(tabId);
  const id = reportId.status === 'ready' ? reportId.value : null;
  const state = useReportState(id);
  const [notice, setNotice] = useState<{ error: boolean; text: string }>();

  const audit = () => {
    if (tabId === undefined) return;
    setNotice({ error: false, text: '正在审计…' });
    ask({ type: 'audit:tab', tabId }).then(
      () => setNotice(undefined),
      (e: Error) => setNotice({ error: true, text: e.message }),
    );
  };
  const reveal = (findingId: string) => {
    if (tabId === undefined) return;
    browser.tabs.sendMessage(tabId, { type: 'finding:reveal', findingId } satisfies TabMessage).then(
      () => setNotice(undefined),
      () => setNotice({ error: true, text: '无法在页面中定位：页面可能已刷新或跳转，请重新审计。' }),
    );
  };

  return (
    <main class="panel">
      <nav class="toolbar">
        <h1>年报审计助手</h1>
        <button type="button" onClick={audit} disabled={tabId === undefined} title="Audit this page">
          {state.status === 'ready' && state.value ? '重新审计' : '审计此页'}
        </button>
        <button type="button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/records.html') })} title="All audits">
          审计记录
        </button>
        {state.status === 'ready' && state.value && (
          <a class="button" href={opinionPage(state.value.record.id)} target="_blank" title="Audit opinion: print or save as Word">
            审核意见书
          </a>
        )}
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()} title="Settings">
          设置
        </button>
      </nav>
      {notice && <p class={notice.error ? 'error' : 'muted'}>{notice.text}</p>}
      <ManualFlagForm tabId={tabId} />
      {reportId.status === 'error' && <p class="error">{reportId.error}</p>}
      {state.status === 'error' && <p class="error">{state.error}</p>}
      {state.status === 'ready' &&
        (state.value ? (
          <ReportView key={state.value.record.id} state={state.value} onReveal={reveal} />
        ) : (
          reportId.status === 'ready' && (
            <p class="empty">
              此页尚无审计记录。*.gov.cn
              及设置中添加的网站上的年度报告在打开时自动审计，其他页面可点「审计此页」；不是政府信息公开工作年度报告的页面不会生成记录。
            </p>
          )
        ))}
    </main>
  );
}
