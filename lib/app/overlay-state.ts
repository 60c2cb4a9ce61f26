/**
 * What the overlay shows, as a pure reducer: the content script dispatches what happened (an
 * audit finished, the background answered, the user stepped to the next finding) and renders the
 * state that comes back. No DOM, no browser API: unit-tested in test/app/overlay-state.test.ts.
 */
import { countedFindings, isSettled, severityCounts } from './report-stats';
import type { Status, StoredFinding } from './schema';
import { t } from './i18n';

export { severityCounts };

/**
 * A finding as the overlay shows it: whether this audit is the first to show it, and whether an
 * auditor settled it (误报/已整改: dimmed, uncounted). No notes: those stay in the extension's pages.
 */
export interface ViewFinding extends StoredFinding {
  isNew: boolean;
  settled: boolean;
}

/** `image`: a table published as a picture (tables-as-images), marked on the <img> itself. */
export type MarkerKind = 'cell' | 'section' | 'missing-section' | 'prose' | 'table' | 'image';

/**
 * One marker box, in the overlay's coordinates (document pixels from the host's origin). Findings
 * on the same cell share one box, so every finding there can be hovered.
 */
export interface Box {
  findingIds: string[];
  kind: MarkerKind;
  /** `t3/3.7/total` for cells, `s5` for sections. */
  key: string;
  rules: string[];
  /** The most severe of its findings. */
  severity: StoredFinding['severity'];
  top: number;
  left: number;
  width: number;
  height: number;
  /** Text shown on the marker itself (a missing section's name). */
  label?: string;
  /** Near the right edge: the tooltip opens leftwards. */
  flip?: boolean;
}

export interface ReportSummary {
  agency: string;
  year: number | null;
  layout: string;
  title: string;
}

export interface Attachment {
  url: string;
  title: string;
}

/**
 * A compilation (one page holding several bodies' reports) is audited part by part; the bar shows
 * all parts' findings as one list, so stepping walks every part, and each finding names its part.
 */
export function partLabel(index: number, count: number, name: string): string {
  return t('overlay_partLabel', { index: index + 1, count, name });
}

/**
 * Part `index` (from 0) of `count`: ids get the part's prefix (the same cell breaks in many parts,
 * each its own finding) and messages lead with the part's label.
 */
export function partFindings<F extends StoredFinding>(findings: readonly F[], index: number, count: number, name: string): F[] {
  const label = partLabel(index, count, name);
  return findings.map((f) => ({ ...f, id: partId(index, f.id), message: `【${label}】${f.message}` }));
}

/** A finding's id in the bar's list: its id in its part's record, with the part's prefix. */
export const partId = (index: number, id: string) => `p${index + 1}-${id}`;

/** A compilation's findings by part (`count` of them), read back from the prefix partId gave their ids. */
export function findingsByPart<F extends { id: string }>(findings: readonly F[], count: number): F[][] {
  const out: F[][] = Array.from({ length: count }, () => []);
  for (const f of findings) {
    const part = /^p(\d+)-/.exec(f.id);
    if (part) out[Number(part[1]) - 1]?.push(f);
  }
  return out;
}

/** What the store says of one report: its findings, those new since the last audit, and the statuses auditors gave. */
export interface StoredView {
  findings: StoredFinding[];
  newIds: readonly string[];
  statuses: Readonly<Record<string, Status>>;
}

/**
 * The stored records of a compilation's parts as one 'stored' event: part i's ids, new ids and
 * statuses get its prefix, as its audited findings did. `name(i)` names part i.
 */
export function storedParts(parts: readonly StoredView[], name: (index: number) => string): StoredView {
  const statuses: Record<string, Status> = {};
  parts.forEach((p, i) => Object.entries(p.statuses).forEach(([id, status]) => (statuses[partId(i, id)] = status)));
  return {
    findings: parts.flatMap((p, i) => partFindings(p.findings, i, parts.length, name(i))),
    newIds: parts.flatMap((p, i) => p.newIds.map((id) => partId(i, id))),
    statuses,
  };
}

/** The bar's line for a compilation: how many reports, and the year and layout when all parts share them. */
export function compilationSummary(parts: readonly ReportSummary[], pageTitle: string): ReportSummary {
  const shared = <K extends 'year' | 'layout'>(k: K, none: ReportSummary[K]) => (parts.every((p) => p[k] === parts[0]?.[k]) ? parts[0]![k] : none);
  return { title: pageTitle, agency: t('overlay_compilation', { count: parts.length }), year: shared('year', null), layout: shared('layout', 'unknown') };
}

/** A corner of the visible area for the bar: top/bottom, left/right. */
export type Corner = 'tl' | 'tr' | 'bl' | 'br';
export const CORNERS: readonly Corner[] = ['br', 'bl', 'tl', 'tr'];

/** Distances from the viewport's edges to the part of it where the page (a frame's part, in a frame) is visible. */
export interface Inset {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface ListSummary {
  count: number;
  more: boolean;
  starting: boolean;
}

export interface OverlayState {
  summary: ReportSummary | null;
  findings: ViewFinding[];
  boxes: Box[];
  visible: boolean;
  /** An attachment-only report's files the viewer can read (the bar offers 「审核附件」 for each). */
  attachments: readonly Attachment[];
  /** Index into `findings` of the one last navigated to; -1 before any. */
  current: number;
  /** Storage or audit errors, shown in the bar: never swallowed. */
  error?: string;
  /** A notice for an on-demand audit of a page that is not a report. */
  notice?: string;
  /** A list of reports (not a report itself): how many it links, and whether it has further pages. */
  list?: ListSummary;
  /** The statuses auditors gave (only those not 待核实), from the store: they outlive a re-audit. */
  statuses: Readonly<Record<string, Status>>;
  /** The bar's toggle: settled findings counted and stepped through too. */
  includeSettled: boolean;
  /** Where the user put the bar, and whether it is collapsed (remembered per site, in the content script only). */
  corner: Corner;
  collapsed: boolean;
  /** Where the bar stands aside for now, so that it does not cover the current finding or its tooltip. */
  dodge?: Corner;
  /** In a frame: the frame's hidden edges, so the bar sits in the part of the frame on screen. */
  inset: Inset;
  /** Esc closed the open tooltip: shown again when the pointer or focus comes to a marker. */
  tipsClosed: boolean;
}

export const NO_INSET: Inset = { top: 0, left: 0, bottom: 0, right: 0 };

export const INITIAL_OVERLAY: OverlayState = {
  summary: null,
  findings: [],
  boxes: [],
  attachments: [],
  visible: true,
  current: -1,
  statuses: {},
  includeSettled: false,
  corner: 'br',
  collapsed: false,
  inset: NO_INSET,
  tipsClosed: false,
};

export type OverlayEvent =
  /** The page was audited: its report and findings replace whatever was shown. */
  | { type: 'audited'; summary: ReportSummary; findings: StoredFinding[]; attachments?: readonly Attachment[] }
  /** The stored record came back: the full list, with cross-year findings and which ones are new. */
  | { type: 'stored'; findings: StoredFinding[]; newIds: readonly string[]; statuses: Readonly<Record<string, Status>> }
  /** The page is not (or no longer) a report; it may list reports, and an on-demand audit says why. */
  | { type: 'not-a-report'; list?: { count: number; more: boolean }; notice?: string }
  | { type: 'boxes'; boxes: Box[] }
  | { type: 'set-visible'; visible: boolean }
  | { type: 'toggle-visible' }
  /** Counts and stepping include (or leave out again) the findings settled as 误报/已整改. */
  | { type: 'toggle-settled' }
  /** Next (+1) or previous (-1) finding, wrapping around. */
  | { type: 'step'; delta: number }
  | { type: 'reveal'; findingId: string }
  | { type: 'error'; message: string | undefined }
  | { type: 'dismiss-notice' }
  | { type: 'collapse'; collapsed: boolean }
  /** The user moved the bar: the place to stand aside from is forgotten. */
  | { type: 'move-bar'; corner: Corner }
  | { type: 'dodge'; corner: Corner | undefined }
  | { type: 'inset'; inset: Inset }
  | { type: 'close-tips' }
  | { type: 'open-tips' }
  | { type: 'list-starting' }
  | { type: 'list-started'; error?: string };

export function overlayReducer(state: OverlayState, event: OverlayEvent): OverlayState {
  switch (event.type) {
    case 'audited':
      return {
        ...state,
        summary: event.summary,
        findings: view(event.findings, new Set(), state.statuses),
        attachments: event.attachments ?? [],
        current: -1,
        notice: undefined,
        list: undefined,
      };
    case 'stored': {
      const findings = view(event.findings, new Set(event.newIds), event.statuses);
      // Keeps the finding navigated to, if it is still there.
      const currentId = state.findings[state.current]?.id;
      return { ...state, findings, statuses: event.statuses, current: currentId ? findings.findIndex((f) => f.id === currentId) : -1, error: undefined };
    }
    case 'not-a-report': {
      const list = event.list && { ...event.list, starting: state.list?.starting ?? false };
      return {
        ...state,
        summary: null,
        findings: [],
        boxes: [],
        attachments: [],
        current: -1,
        list,
        ...(event.notice !== undefined && { notice: event.notice }),
      };
    }
    case 'boxes':
      return { ...state, boxes: event.boxes };
    case 'set-visible':
      return { ...state, visible: event.visible };
    case 'toggle-visible':
      return { ...state, visible: !state.visible };
    case 'toggle-settled':
      return { ...state, includeSettled: !state.includeSettled };
    case 'step': {
      // Only the findings that count are stepped through (all of them with the toggle on).
      const steps = state.findings.flatMap((f, i) => (f.settled && !state.includeSettled ? [] : [i]));
      const n = steps.length;
      if (!n || !state.summary) return state;
      // Before any step (or from a finding now left out), "previous" starts from the end, "next" from the start.
      const at = steps.indexOf(state.current);
      const from = at >= 0 ? at : event.delta < 0 ? n : -1;
      return { ...state, current: steps[(((from + event.delta) % n) + n) % n]!, visible: true };
    }
    case 'reveal': {
      const index = state.findings.findIndex((f) => f.id === event.findingId);
      return index < 0 ? state : { ...state, current: index, visible: true };
    }
    case 'error':
      return { ...state, error: event.message };
    case 'dismiss-notice':
      return { ...state, notice: undefined };
    case 'collapse':
      return { ...state, collapsed: event.collapsed };
    case 'move-bar':
      return { ...state, corner: event.corner, dodge: undefined };
    case 'dodge':
      return event.corner === (state.dodge ?? state.corner) ? state : { ...state, dodge: event.corner === state.corner ? undefined : event.corner };
    case 'inset':
      return sameInset(state.inset, event.inset) ? state : { ...state, inset: event.inset };
    case 'close-tips':
      return state.tipsClosed ? state : { ...state, tipsClosed: true };
    case 'open-tips':
      return state.tipsClosed ? { ...state, tipsClosed: false } : state;
    case 'list-starting':
      return state.list ? { ...state, list: { ...state.list, starting: true }, error: undefined } : state;
    case 'list-started':
      return { ...state, list: state.list && { ...state.list, starting: false }, error: event.error };
  }
}

/** Whether the overlay has anything to show: no host is created on a page that needs none. */
export function overlayNeeded(state: OverlayState): boolean {
  return !!(state.summary || state.notice || state.error || state.list);
}

const sameInset = (a: Inset, b: Inset) => a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;

/** Where the bar is drawn: aside when it must be, else where the user put it. */
export const barCorner = (state: Pick<OverlayState, 'corner' | 'dodge'>): Corner => state.dodge ?? state.corner;

/** The corner an arrow key moves the bar to: up/down change the side top/bottom, left/right the side left/right. */
export function cornerToward(corner: Corner, key: string): Corner | undefined {
  const [v, h] = corner.split('') as ['t' | 'b', 'l' | 'r'];
  const next = key === 'ArrowUp' ? `t${h}` : key === 'ArrowDown' ? `b${h}` : key === 'ArrowLeft' ? `${v}l` : key === 'ArrowRight' ? `${v}r` : undefined;
  return next as Corner | undefined;
}

/** The corner of the area nearest to a point (where a dragged bar is dropped). */
export function nearestCorner(x: number, y: number, area: Rect): Corner {
  const v = y < (area.top + area.bottom) / 2 ? 't' : 'b';
  const h = x < (area.left + area.right) / 2 ? 'l' : 'r';
  return `${v}${h}` as Corner;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Margin between the bar and the edges of the area it sits in (styles.ts uses the same). */
export const BAR_MARGIN = 16;

/** The bar's rectangle at a corner of the area. */
export function barRect(corner: Corner, size: { width: number; height: number }, area: Rect): Rect {
  const top = corner[0] === 't' ? area.top + BAR_MARGIN : area.bottom - BAR_MARGIN - size.height;
  const left = corner[1] === 'l' ? area.left + BAR_MARGIN : area.right - BAR_MARGIN - size.width;
  return { top, left, bottom: top + size.height, right: left + size.width };
}

const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * The corner where the bar covers none of `avoid` (the current marker and its tooltip): the user's
 * own first, then the other side vertically, horizontally, and the opposite corner. When every
 * corner covers something, the user's.
 */
export function clearCorner(preferred: Corner, size: { width: number; height: number }, area: Rect, avoid: readonly Rect[]): Corner {
  const flipV = `${preferred[0] === 't' ? 'b' : 't'}${preferred[1]}` as Corner;
  const flipH = `${preferred[0]}${preferred[1] === 'l' ? 'r' : 'l'}` as Corner;
  const opposite = `${flipV[0]}${flipH[1]}` as Corner;
  return [preferred, flipV, flipH, opposite].find((c) => !avoid.some((r) => overlaps(barRect(c, size, area), r))) ?? preferred;
}

function view(findings: readonly StoredFinding[], newIds: ReadonlySet<string>, statuses: Readonly<Record<string, Status>>): ViewFinding[] {
  return findings.map((f) => ({ ...f, isNew: newIds.has(f.id), settled: isSettled(statuses[f.id] ?? 'pending') }));
}

/** The findings the bar counts: settled ones only with the toggle on (report-stats' rule, as in the side panel). */
export function countedInBar(state: Pick<OverlayState, 'findings' | 'statuses' | 'includeSettled'>): ViewFinding[] {
  const notes = new Map(Object.entries(state.statuses).map(([id, status]) => [id, { status }]));
  return countedFindings(state.findings, notes, state.includeSettled);
}

/** Counts per severity for the bar: always from the state, never read back from the DOM. */
export function barCounts(state: Pick<OverlayState, 'findings' | 'statuses' | 'includeSettled'>) {
  return severityCounts(countedInBar(state));
}
