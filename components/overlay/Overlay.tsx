import { ruleTitle, SEVERITY_LABELS } from '@/lib/engine/labels';
import { cellName } from '@/lib/app/cell-names';
import { cellKey, type Layout } from '@/lib/engine/model';
import { barCounts, countedInBar } from '@/lib/app/overlay-state';
import { BarHandle, barStyle } from './BarPlacement';
import type { Box, OverlayActions, OverlayState, ViewFinding } from './types';

/**
 * Only the user's own clicks act: a page script's element.click() or dispatchEvent() makes an
 * untrusted event, which must not open tabs, start a batch or change what the overlay shows.
 */
const trusted = (act: () => void) => (e: Event) => {
  if (e.isTrusted) act();
};

const LAYOUT_ZH: Record<string, string> = { '2021': '2021 版', '2019': '2019 版', unknown: '格式未识别' };

/** Shown briefly in a tooltip: the rest is in the side panel. */
const TIP_ITEMS = 4;

const more = (n: number) => (n > TIP_ITEMS ? ` 等 ${n} 项` : '');

function FindingDetail({ f, layout, onRule }: { f: ViewFinding; layout?: Layout; onRule: (ruleId: string) => void }) {
  return (
    <div class="item">
      <div>
        <span class={`sev ${f.severity}`}>{SEVERITY_LABELS[f.severity].zh}</span>
        {f.isNew && <span class="sev info">新</span>}
        {f.settled && <span class="settled-tag">已处理·不计入</span>}
        {f.message}
      </div>
      {(f.expected !== undefined || f.actual !== undefined) && (
        <div class="meta">
          应为 {String(f.expected ?? '—')}，实为 {String(f.actual ?? '—')}
        </div>
      )}
      {f.inferred?.length ? (
        <div class="meta" data-inferred="">
          推算值：
          {f.inferred
            .slice(0, TIP_ITEMS)
            .map((x) => `${cellName(x.cell, layout)} = ${x.value}`)
            .join('；')}
          {more(f.inferred.length)}
        </div>
      ) : null}
      {f.evidence?.length ? (
        <div class="meta" data-evidence="">
          因此不符：
          <ul class="evidence">
            {f.evidence.slice(0, TIP_ITEMS).map((e, i) => (
              <li key={i}>{e.message}</li>
            ))}
          </ul>
          {more(f.evidence.length)}
        </div>
      ) : null}
      <div class="meta">
        规则：
        <button type="button" class="rule-link" data-rule-link={f.rule} title="规则说明 / Rule reference" onClick={trusted(() => onRule(f.rule))}>
          {ruleTitle(f.rule).zh}
        </button>
        （{f.rule}）{f.cells?.length ? ` · ${f.cells.map(cellKey).slice(0, 4).join(' ')}${f.cells.length > 4 ? ' …' : ''}` : ''}
      </div>
    </div>
  );
}

/**
 * Cell markers carry data-cell, section markers data-section, and every marker data-rule and
 * data-finding (space-separated when findings share the place) and data-severity (the highest).
 */
interface MarkerProps {
  box: Box;
  findings: ViewFinding[];
  layout?: Layout;
  focusable: boolean;
  onRule: (ruleId: string) => void;
  /** After Esc closed the tooltips: pointing at or focusing a marker shows them again. */
  onOpenTips?: () => void;
}

function Marker({ box, findings, layout, focusable, onRule, onOpenTips }: MarkerProps) {
  const here = findings.filter((f) => box.findingIds.includes(f.id));
  // Dimmed when every finding here is settled (误报/已整改): one that still counts keeps the marker bright.
  const settled = here.length > 0 && here.every((f) => f.settled);
  const data =
    box.kind === 'cell'
      ? { 'data-cell': box.key }
      : box.kind === 'section' || box.kind === 'missing-section'
        ? { 'data-section': box.key }
        : box.kind === 'table'
          ? { 'data-table': box.key }
          : box.kind === 'image'
            ? { 'data-image': box.key }
            : { 'data-prose': '' };
  return (
    <div
      class={`marker ${box.severity} ${box.kind}${box.flip ? ' flip' : ''}${settled ? ' settled' : ''}`}
      style={{ top: `${box.top}px`, left: `${box.left}px`, width: `${box.width}px`, height: `${box.height}px` }}
      tabIndex={focusable ? 0 : -1}
      role="note"
      aria-label={here.map((f) => f.message).join('；')}
      onMouseEnter={onOpenTips}
      onFocus={onOpenTips}
      data-finding={box.findingIds.join(' ')}
      data-rule={box.rules.join(' ')}
      data-severity={box.severity}
      {...(settled && { 'data-settled': '' })}
      {...data}
    >
      <span class="tag">{box.label ?? (here.length > 1 ? here.length : '!')}</span>
      <div class="tip">
        {here.map((f) => (
          <FindingDetail key={f.id} f={f} layout={layout} onRule={onRule} />
        ))}
      </div>
    </div>
  );
}

function Bar({ state, actions }: { state: OverlayState; actions: OverlayActions }) {
  const { summary, findings } = state;
  const counts = barCounts(state);
  const counter = (
    <span class="counts" data-counts="">
      {findings.length === 0 ? (
        <span class="clean">未发现问题</span>
      ) : (
        <>
          <span class="sev error">错误 {counts.error}</span>
          <span class="sev warning">警告 {counts.warning}</span>
          <span class="sev info">提示 {counts.info}</span>
        </>
      )}
    </span>
  );
  return (
    <div class={`bar${state.collapsed ? ' collapsed' : ''}`} role="region" aria-label="年报审计助手" style={barStyle(state)}>
      <div class="row">
        <BarHandle state={state} onMove={actions.moveBar} />
        <span class="title">年报审计助手</span>
        {state.collapsed && summary && counter}
        <button
          type="button"
          class="collapse"
          aria-expanded={!state.collapsed}
          onClick={trusted(() => actions.collapse(!state.collapsed))}
          title={state.collapsed ? 'Expand the bar' : 'Collapse the bar'}
        >
          {state.collapsed ? '展开' : '收起'}
        </button>
      </div>
      {!state.collapsed && <BarBody state={state} actions={actions} counter={counter} />}
      {state.error && (
        <div class="row err" role="alert">
          {state.error}
        </div>
      )}
    </div>
  );
}

function BarBody({ state, actions, counter }: { state: OverlayState; actions: OverlayActions; counter: preact.JSX.Element }) {
  const { summary, findings, current } = state;
  const counted = countedInBar(state);
  const settled = findings.filter((f) => f.settled).length;
  const cur = findings[current];
  return (
    <>
      {summary && (
        <div class="row">
          <span>
            {summary.agency || '（未识别机关）'} · {summary.year ?? '年份未识别'} 年度 · {LAYOUT_ZH[summary.layout] ?? summary.layout}
          </span>
        </div>
      )}
      {state.notice && (
        <div class="row notice">
          {state.notice} <button onClick={trusted(actions.dismissNotice)}>关闭</button>
        </div>
      )}
      {summary && (
        <div class="row">
          {counter}
          <button onClick={trusted(actions.prev)} title="上一个问题 Previous (Alt+Shift+P)" disabled={!counted.length}>
            ◀
          </button>
          <button onClick={trusted(actions.next)} title="下一个问题 Next (Alt+Shift+N)" disabled={!counted.length}>
            ▶
          </button>
          <button onClick={trusted(actions.toggle)} title="Hide/show markers">
            {state.visible ? '隐藏标记' : '显示标记'}
          </button>
          <button onClick={trusted(actions.openPanel)} title="Open side panel">
            侧边栏
          </button>
        </div>
      )}
      {summary && settled > 0 && (
        <div class="row">
          <button
            type="button"
            data-settled-toggle=""
            aria-pressed={state.includeSettled}
            onClick={trusted(actions.toggleSettled)}
            title="Count findings marked false positive / fixed"
          >
            {state.includeSettled ? '不计误报/已整改' : '计入误报/已整改'}（{settled}）
          </button>
        </div>
      )}
      {state.list && <ListOffer list={state.list} onAudit={actions.auditList} />}
      {summary && state.attachments.length > 0 && <Attachments attachments={state.attachments} onOpen={actions.openAttachment} />}
      {cur && (
        <div class="row current" data-current={cur.id}>
          {cur.settled && !state.includeSettled ? '—' : counted.indexOf(cur) + 1}/{counted.length}：
          <span class={`sev ${cur.severity}`}>{SEVERITY_LABELS[cur.severity].zh}</span>
          {cur.message}
        </div>
      )}
    </>
  );
}

/** A report published only as files: each opens in the extension's viewer, audited like a page. */
function Attachments({ attachments, onOpen }: { attachments: OverlayState['attachments']; onOpen: (url: string) => void }) {
  return (
    <ul class="attachments" aria-label="附件 Attachments">
      {attachments.map((a) => (
        <li key={a.url}>
          <button
            type="button"
            class="primary"
            data-attachment={a.url}
            onClick={trusted(() => onOpen(a.url))}
            title={`Audit this attachment in the viewer: ${a.url}`}
          >
            审核附件
          </button>
          <span class="file">{a.title}</span>
        </li>
      ))}
    </ul>
  );
}

/** On a list of reports: audit them all in a batch page, which also reads the list's further pages. */
function ListOffer({ list, onAudit }: { list: NonNullable<OverlayState['list']>; onAudit: () => void }) {
  return (
    <div class="row list-offer" data-list-links={list.count}>
      <button
        type="button"
        class="primary"
        onClick={trusted(onAudit)}
        disabled={list.starting}
        title={`Audit all ${list.count} reports${list.more ? ' (and those on the next pages)' : ''}`}
      >
        审核本页列出的 {list.count} 份年报
      </button>
      {list.more && <span class="hint">并自动翻页收集其余年报</span>}
    </div>
  );
}

export function Overlay({ state, actions }: { state: OverlayState; actions: OverlayActions }) {
  // One tab stop per finding: its first marker.
  const focused = new Set<string>();
  return (
    <div class={`root${state.visible ? '' : ' hidden'}${state.tipsClosed ? ' tips-closed' : ''}`}>
      {state.boxes.map((box, i) => {
        const focusable = box.findingIds.some((id) => !focused.has(id));
        box.findingIds.forEach((id) => focused.add(id));
        return (
          <Marker
            key={`${box.kind}-${box.key}-${i}`}
            box={box}
            findings={state.findings}
            layout={state.summary?.layout as Layout | undefined}
            focusable={focusable}
            onRule={actions.openRule}
            onOpenTips={state.tipsClosed ? actions.openTips : undefined}
          />
        );
      })}
      {(state.summary || state.notice || state.error || state.list) && <Bar state={state} actions={actions} />}
    </div>
  );
}
