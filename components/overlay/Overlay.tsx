import { LAYOUT_LABELS, ruleTitle, SEVERITY_LABELS } from '@/lib/engine/labels';
import { pick, t } from '@/lib/app/i18n';
import { loadUiLocale, useUiLocale } from '../locale';
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

/** Read as soon as the auditor loads, so the bar's first render is already in the chosen language. */
void loadUiLocale();

const layoutLabel = (layout: string) =>
  layout === 'unknown' ? t('overlay_layoutUnknown') : layout in LAYOUT_LABELS ? pick(LAYOUT_LABELS[layout as Layout]) : layout;

/** Shown briefly in a tooltip: the rest is in the side panel. */
const TIP_ITEMS = 4;

const more = (n: number) => (n > TIP_ITEMS ? t('overlay_more', { count: n }) : '');

function FindingDetail({ f, layout, onRule }: { f: ViewFinding; layout?: Layout; onRule: (ruleId: string) => void }) {
  return (
    <div class="item">
      <div>
        <span class={`sev ${f.severity}`}>{pick(SEVERITY_LABELS[f.severity])}</span>
        {f.isNew && <span class="sev info">{t('overlay_new')}</span>}
        {f.settled && <span class="settled-tag">{t('overlay_settled')}</span>}
        {f.message}
      </div>
      {(f.expected !== undefined || f.actual !== undefined) && (
        <div class="meta">{t('overlay_expectedActual', { expected: String(f.expected ?? '—'), actual: String(f.actual ?? '—') })}</div>
      )}
      {f.inferred?.length ? (
        <div class="meta" data-inferred="">
          {t('overlay_inferred')}
          {f.inferred
            .slice(0, TIP_ITEMS)
            .map((x) => `${cellName(x.cell, layout)} = ${x.value}`)
            .join('；')}
          {more(f.inferred.length)}
        </div>
      ) : null}
      {f.evidence?.length ? (
        <div class="meta" data-evidence="">
          {t('overlay_evidence')}
          <ul class="evidence">
            {f.evidence.slice(0, TIP_ITEMS).map((e, i) => (
              <li key={i}>{e.message}</li>
            ))}
          </ul>
          {more(f.evidence.length)}
        </div>
      ) : null}
      <div class="meta">
        {t('overlay_rule')}
        <button type="button" class="rule-link" data-rule-link={f.rule} title="规则说明 / Rule reference" onClick={trusted(() => onRule(f.rule))}>
          {pick(ruleTitle(f.rule))}
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
        <span class="clean">{t('overlay_clean')}</span>
      ) : (
        <>
          {/* One text node each: DevTools (and the tests reading the closed root through it) drop a lone space. */}
          <span class="sev error">{`${pick(SEVERITY_LABELS.error)} ${counts.error}`}</span>
          <span class="sev warning">{`${pick(SEVERITY_LABELS.warning)} ${counts.warning}`}</span>
          <span class="sev info">{`${pick(SEVERITY_LABELS.info)} ${counts.info}`}</span>
        </>
      )}
    </span>
  );
  return (
    <div class={`bar${state.collapsed ? ' collapsed' : ''}`} role="region" aria-label={t('common_appName')} style={barStyle(state)}>
      <div class="row">
        <BarHandle state={state} onMove={actions.moveBar} />
        <span class="title">{t('common_appName')}</span>
        {state.collapsed && summary && counter}
        <button
          type="button"
          class="collapse"
          aria-expanded={!state.collapsed}
          onClick={trusted(() => actions.collapse(!state.collapsed))}
          title={state.collapsed ? 'Expand the bar' : 'Collapse the bar'}
        >
          {state.collapsed ? t('overlay_expand') : t('overlay_collapse')}
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
            {summary.agency || t('overlay_agencyUnknown')} · {t('overlay_year', { year: summary.year ?? t('overlay_yearUnknown') })} ·{' '}
            {layoutLabel(summary.layout)}
          </span>
        </div>
      )}
      {state.notice && (
        <div class="row notice">
          {state.notice} <button onClick={trusted(actions.dismissNotice)}>{t('common_close')}</button>
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
            {state.visible ? t('overlay_hideMarkers') : t('overlay_showMarkers')}
          </button>
          <button onClick={trusted(actions.openPanel)} title="Open side panel">
            {t('overlay_sidePanel')}
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
            {state.includeSettled ? t('overlay_excludeSettled') : t('overlay_includeSettled')}（{settled}）
          </button>
        </div>
      )}
      {state.list && <ListOffer list={state.list} onAudit={actions.auditList} />}
      {summary && state.attachments.length > 0 && <Attachments attachments={state.attachments} onOpen={actions.openAttachment} />}
      {cur && (
        <div class="row current" data-current={cur.id}>
          {cur.settled && !state.includeSettled ? '—' : counted.indexOf(cur) + 1}/{counted.length}：
          <span class={`sev ${cur.severity}`}>{pick(SEVERITY_LABELS[cur.severity])}</span>
          {cur.message}
        </div>
      )}
    </>
  );
}

/** A report published only as files: each opens in the extension's viewer, audited like a page. */
function Attachments({ attachments, onOpen }: { attachments: OverlayState['attachments']; onOpen: (url: string) => void }) {
  return (
    <ul class="attachments" aria-label={t('overlay_attachments')}>
      {attachments.map((a) => (
        <li key={a.url}>
          <button
            type="button"
            class="primary"
            data-attachment={a.url}
            onClick={trusted(() => onOpen(a.url))}
            title={`Audit this attachment in the viewer: ${a.url}`}
          >
            {t('overlay_auditAttachment')}
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
        {t('overlay_auditList', { count: list.count })}
      </button>
      {list.more && <span class="hint">{t('overlay_listMore')}</span>}
    </div>
  );
}

export function Overlay({ state, actions }: { state: OverlayState; actions: OverlayActions }) {
  // Re-rendered in the new language when the options page changes it (outside the controller's render, so the
  // host redraws the overlay from its last state: entrypoints/content/host.ts); lang for screen readers and fonts.
  const locale = useUiLocale({ documentLang: false });
  // One tab stop per finding: its first marker.
  const focused = new Set<string>();
  return (
    <div class={`root${state.visible ? '' : ' hidden'}${state.tipsClosed ? ' tips-closed' : ''}`} lang={locale}>
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
