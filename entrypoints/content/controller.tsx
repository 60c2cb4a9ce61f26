import type { AuditorLifetime } from './lifetime';
import { Overlay } from '@/components/overlay/Overlay';
import type { OverlayActions } from '@/components/overlay/types';
import { MAX_LINKS } from '@/lib/app/batch/job';
import { listOffer } from '@/lib/app/list-offer';
import type { OverlayReport, TabMessage } from '@/lib/app/content-messages';
import {
  clearCorner,
  compilationSummary,
  findingsByPart,
  INITIAL_OVERLAY,
  NO_INSET,
  overlayNeeded,
  overlayReducer,
  partFindings,
  partId,
  storedParts,
  type Inset,
  type OverlayEvent,
  type OverlayState,
} from '@/lib/app/overlay-state';
import type { StoredFinding } from '@/lib/app/schema';
import { visibleArea } from '@/components/overlay/BarPlacement';
import { auditInBackground, type AuditSession } from './page-audit';
import { attachmentLinks } from '@/lib/engine/list';
import { READABLE_FILE } from '@/lib/engine/source/file-kind';
import { withFindingIds } from '@/lib/engine/finding-id';
import type { ReportOnPage } from '@/lib/engine/audit-transfer';
import { findingElements } from '@/lib/engine/rules/tables-as-images';
import * as background from './background-link';
import { firstLook, type FirstLook } from './first-look';
import type { LookingWorld } from '@/lib/app/content-scripts';
import { rememberedPlace, rememberPlace } from './bar-memory';
import { createHost, type OverlayHost } from './host';
import { listenForNavigation } from './keyboard';
import { flag, listenForFlags, placeOf } from './flag';
import { PageWatcher } from './page-watcher';
import { boxesOf, boxSteps, hostFrame, nearViewport, reportElements, sameBoxes, targetsOf, type Target } from './targets';
import { nextTask, runInSlices, type Deadline, type Steps } from '@/lib/engine/steps';
import { afterLoad } from './yield';
import { t } from '@/lib/app/i18n';
import { markFirstMarker } from './bench-mark';

/**
 * Audits the page when it is (or becomes) a report and keeps the overlay current. The parts: the
 * page watcher says when the report changed or moved, the reducer (lib/app/overlay-state.ts) says
 * what to show, background-link talks to the background, keyboard.ts steps through findings. This
 * class only connects them, owns the host, and keeps what the page must not change.
 */
export class AuditController {
  private overlay?: OverlayHost;
  private state: OverlayState = { ...INITIAL_OVERLAY, ...rememberedPlace(location.host) };
  /** In a frame: watches which part of the frame is on screen, for the bar to sit there. */
  private frameView?: IntersectionObserver;
  /** Each report the page holds, with the findings shown for it (one part unless the page is a compilation). */
  private parts: AuditedPart[] = [];
  /** A compilation's parts as stored, in page order (empty for a single report, which keeps reportId only). */
  private stored: OverlayReport[] = [];
  private targets: Target[] = [];
  /** Page elements some findings carry (tables shown as images), by finding id: kept here, never sent. */
  private elements = new Map<string, unknown[]>();
  private signature = '';
  private reportId?: string;
  /** Each audit run's number: a newer run makes an older one stop at its next slice. */
  private run = 0;
  /** Each placing of the markers' number, likewise. */
  private locating = 0;
  private watcher: PageWatcher;
  private stopListening?: () => void;
  /** Full audits run so far; the test build shows the count on the host (see dispatch). */
  private audits = 0;
  private pointed: () => Element | null = () => null;

  /** The page's report, when it holds one (a compilation holds several: see parts). */
  private get report(): ReportOnPage | undefined {
    return this.parts.length === 1 ? this.parts[0]!.report : undefined;
  }

  constructor(private life: AuditorLifetime) {
    this.watcher = new PageWatcher(life, (n) => !!this.overlay?.owns(n), { content: () => void this.check(false), layout: () => this.reposition() });
  }

  start() {
    this.watcher.start();
    this.life.onInvalidated(() => this.stop());
    // A same-document navigation (a portal's client-side route) may change the content under the watcher.
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    this.life.addEventListener(navigation ?? window, navigation ? 'navigatesuccess' : 'popstate', () => this.watcher.contentChanged(0));
    listenForNavigation(
      this.life,
      (delta) => this.step(delta),
      () => this.closeTip(),
    );
    this.pointed = listenForFlags(this.life, (el) => this.flag(el)).pointed;
    this.stopListening = background.onTabMessage((m) => this.onMessage(m));
    // A task of its own: this script's evaluation is one task already, and no task of ours runs long.
    void afterLoad()
      .then(nextTask)
      .then(() => this.check(false));
  }

  stop() {
    this.run++;
    this.watcher.stop();
    this.stopListening?.();
    this.frameView?.disconnect();
    this.overlay?.remove();
    this.overlay = undefined;
  }

  private onMessage(m: TabMessage) {
    if (m.type === 'audit:run') void this.check(true);
    else if (m.type === 'finding:reveal') this.reveal(this.shownId(m.findingId));
    else if (m.type === 'overlay:visible') this.dispatch({ type: 'set-visible', visible: m.visible });
    else if (m.type === 'state:changed') this.storeChanged(m.reportId);
    else if (m.type === 'manual:pick') this.flag(this.pointed());
  }

  /** What the first look that brought this auditor saw, once (the page is as it was then); after that, a look of its own. */
  private firstLook(): FirstLook {
    const world = globalThis as LookingWorld;
    const saw = world.reportAuditorSaw;
    world.reportAuditorSaw = undefined;
    return saw?.url === location.href ? saw.look : firstLook(document, location.href);
  }

  /** Sends the flagged place to the background (the note is typed in the side panel, never here). */
  private flag(pointed: Element | null) {
    if (this.parts.length > 1) return this.dispatch({ type: 'error', message: t('content_flagCompilation') });
    const target = placeOf(this.report, pointed);
    if (!target) return this.dispatch({ type: 'error', message: t('content_selectFirst') });
    flag(target).catch((e: Error) => this.dispatch({ type: 'error', message: e.message }));
  }

  private async check(onDemand: boolean) {
    const run = ++this.run;
    const look = this.firstLook();
    if (!onDemand && look !== 'report') return this.notAReport(look === 'list');
    const skip = (el: Element) => !!this.overlay?.owns(el);
    let session: AuditSession | undefined;
    try {
      session = await auditInBackground(skip, () => run !== this.run);
    } catch (e) {
      if (run === this.run) this.dispatch({ type: 'error', message: (e as Error).message });
      return;
    }
    if (!session) return;
    const result = session.audit;
    // What follows (ids, the bar, the markers) gets a task of its own, not the end of the audit's last slice.
    await nextTask();
    if (run !== this.run) return session.close();
    this.audits++;
    // Said once, by the top frame: frames of ads and widgets are not reports either.
    const tell = onDemand && window === window.top;
    if (!result.detected) return this.notAReport(true, tell ? t('content_notAReport', { reason: result.reason }) : undefined);
    const count = result.parts.length;
    this.parts = result.parts.map(({ report, findings }, i) => {
      const ids = withFindingIds(findings);
      const name = report.agency || report.title;
      const shown = count === 1 ? ids : partFindings(ids, i, count, name);
      // Refreshed on every audit, as the report's elements are: a re-rendered page has new <img>s.
      const elements = shown.map((f, j) => [f.id, findingElements(findings[j]!)] as const);
      return { report, name, findings: shown, elements };
    });
    this.elements = new Map(this.parts.flatMap((p) => p.elements).filter(([, els]) => els.length > 0));
    const marked = [...this.elements.values()].flat().filter((el): el is Element => el instanceof Element);
    this.watcher.watchReport([...this.parts.flatMap((p) => reportElements(p.report)), ...marked]);
    const signature = JSON.stringify(result.parts.map((p) => [p.report.title, p.findings]));
    if (signature === this.signature) {
      session.close();
      return this.locate(run);
    }
    this.signature = signature;
    const summaries = this.parts.map(({ report: r }) => ({ title: r.title, agency: r.agency, year: r.year, layout: r.layout }));
    const findings = this.parts.flatMap((p) => p.findings);
    // Drawn before the save's round trip, bar and markers in one render (see draw).
    await this.draw(
      { type: 'audited', summary: count === 1 ? summaries[0]! : compilationSummary(summaries, document.title), findings, attachments: viewable(findings) },
      run,
    );
    if (run !== this.run) return session.close();
    this.stored = [];
    let states: OverlayReport[];
    try {
      states = await session.save();
    } catch (e) {
      return this.dispatch({ type: 'error', message: t('content_saveFailed', { error: (e as Error).message }) });
    }
    if (run !== this.run) return;
    if (count === 1) return states[0] && this.applyStored(states[0]);
    // A compilation: each report is a record of its own (none beyond MAX_PARTS); the bar shows the stored lists, each part's under its prefix.
    this.stored = states;
    this.reportId = states[0]?.reportId;
    if (states.length) this.applyStoredParts();
  }

  private applyStoredParts() {
    this.dispatch({ type: 'stored', ...storedParts(this.stored, (i) => this.parts[i]?.name ?? '') });
    void this.locate(this.run);
  }

  /** A stored record changed (a status set in the side panel): this page's report or one of its parts. */
  private storeChanged(reportId: string) {
    const part = this.parts.length > 1 ? this.stored.findIndex((s) => s.reportId === reportId) : -1;
    if (part >= 0) void this.refreshPart(part);
    else if (this.parts.length <= 1 && reportId === this.reportId) void this.refresh();
  }

  private async refreshPart(index: number) {
    try {
      const state = await background.storedReport(index + 1);
      if (!state || this.stored[index]?.reportId !== state.reportId) return;
      this.stored[index] = state;
      this.applyStoredParts();
    } catch (e) {
      this.dispatch({ type: 'error', message: (e as Error).message });
    }
  }

  private async refresh() {
    if (!this.reportId) return;
    try {
      const state = await background.storedReport();
      if (state) this.applyStored(state);
    } catch (e) {
      this.dispatch({ type: 'error', message: (e as Error).message });
    }
  }

  /** The stored record is the full list: the page's findings plus those only stored audits reveal (cross-year). */
  private applyStored(state: OverlayReport) {
    this.reportId = state.reportId;
    const before = markedFindings(this.state.findings);
    this.dispatch({ type: 'stored', findings: state.findings, newIds: state.newIds, statuses: state.statuses });
    // Usually the findings just drawn, back with their statuses: the markers stay where they are.
    if (markedFindings(this.state.findings) !== before) void this.locate(this.run);
  }

  /** Clears a report's markers; offers a batch audit when the page lists reports. */
  private notAReport(mayList: boolean, notice?: string) {
    this.signature = '';
    this.parts = [];
    this.stored = [];
    this.targets = [];
    this.elements = new Map();
    this.watcher.watchReport([]);
    const offer = mayList ? listOffer(document, document.baseURI) : null;
    const list = offer ? { count: offer.links.length, more: offer.next !== null } : undefined;
    const same = list?.count === this.state.list?.count && list?.more === this.state.list?.more;
    if (notice || !same || this.state.summary) this.dispatch({ type: 'not-a-report', list, notice });
  }

  /** Sends the list's links to the background, which opens the batch page; links are read now, as the page is. */
  private auditList() {
    const offer = listOffer(document, document.baseURI);
    if (!offer || !this.state.list || this.state.list.starting) return;
    this.dispatch({ type: 'list-starting' });
    const links = offer.links.slice(0, MAX_LINKS).map((l) => ({ url: l.url, title: l.title.slice(0, 500) }));
    background.startBatch({ listUrl: location.href, title: document.title.slice(0, 500), links, next: offer.next }).then(
      () => this.dispatch({ type: 'list-started' }),
      (e: Error) => this.dispatch({ type: 'list-started', error: t('content_batchFailed', { error: e.message }) }),
    );
  }

  /**
   * Shows an audit: the event's state and the markers on screen in one render. The layout is read
   * before anything of the overlay is drawn (only an empty host is attached first, for its origin),
   * so the reads force no layout of the bar.
   */
  private async draw(event: OverlayEvent, run: number) {
    this.state = overlayReducer(this.state, event);
    if (!this.overlay && overlayNeeded(this.state)) this.attachHost();
    await this.locate(run);
  }

  /**
   * Finds the elements of every finding, then draws the markers on screen first and the rest in
   * slices (a compilation has thousands of places to measure).
   */
  private async locate(run: number) {
    // A newer audit, or a newer locate of this one (the stored findings came back), takes over.
    const locating = ++this.locating;
    const stale = () => run !== this.run || locating !== this.locating;
    const targets = await runInSlices((deadline) => this.targetSteps(deadline), stale);
    if (!targets) return;
    this.targets = targets;
    if (!this.overlay) return;
    // A typical report's markers are measured and drawn at once, while the layout read before the
    // draw is still clean; a compilation's on screen first, the rest measured in slices.
    if (targets.length <= ONE_DRAW_TARGETS) return this.reposition(true);
    this.dispatch({ type: 'boxes', boxes: this.boxes(nearViewport(targets)) }, true);
    const frame = hostFrame(this.overlay.host);
    const boxes = await runInSlices((deadline) => boxSteps(targets, frame, deadline), stale);
    if (boxes && this.overlay) this.dispatch({ type: 'boxes', boxes });
  }

  /** Each part's findings on its own report's elements; a single report's list also holds the stored-only findings (cross-year, manual). */
  private *targetSteps(deadline: Deadline): Steps<Target[]> {
    const out: Target[] = [];
    const byPart = this.parts.length === 1 ? [this.state.findings] : findingsByPart(this.state.findings, this.parts.length);
    for (let i = 0; i < this.parts.length; i++) {
      const findings = byPart[i] ?? [];
      for (let k = 0; k < findings.length; k += TARGET_CHUNK) {
        if (deadline()) yield;
        for (const t of targetsOf(this.parts[i]!.report, findings.slice(k, k + TARGET_CHUNK), this.elements)) out.push(t);
      }
    }
    return out;
  }

  /** `always`: render even when the boxes did not move (the state changed without a render). */
  private reposition(always = false) {
    if (!this.overlay) return;
    const boxes = this.boxes(this.targets);
    // A resize or scroll that moved nothing of the report redraws nothing.
    if (always || !sameBoxes(boxes, this.state.boxes)) this.dispatch({ type: 'boxes', boxes }, always);
  }

  private boxes(targets: Target[]) {
    return boxesOf(targets, hostFrame(this.overlay!.host));
  }

  /** The one way the state changes; the overlay is drawn from the state alone. `force`: draw even if this event changed nothing (draw() changed the state before). */
  private dispatch(event: OverlayEvent, force = false) {
    const before = this.state;
    this.state = overlayReducer(this.state, event);
    // Nothing changed (the frame's visible part moved less than a step): nothing to draw.
    if (this.state === before && this.overlay && !force) return;
    if (!overlayNeeded(this.state) && !this.overlay) return;
    if (!this.overlay) this.attachHost();
    this.overlay!.render(<Overlay state={this.state} actions={this.actions} />);
    markFirstMarker(this.state.boxes.length);
    // Test hook, absent from the production build: lets the idle tests see that a clock re-audits nothing.
    if (import.meta.env.MODE === 'test') this.overlay!.write(() => this.overlay!.host.setAttribute('data-audit-runs', String(this.audits)));
  }

  private attachHost() {
    this.overlay = createHost(document);
    this.watcher.afterOwnWrite();
    this.watchFrameView(this.overlay.probe);
  }

  private actions: OverlayActions = {
    next: () => this.step(1),
    prev: () => this.step(-1),
    toggle: () => this.dispatch({ type: 'toggle-visible' }),
    toggleSettled: () => this.dispatch({ type: 'toggle-settled' }),
    openPanel: () => void background.openPanel().catch((e: Error) => this.dispatch({ type: 'error', message: e.message })),
    reveal: (id: string) => this.reveal(id),
    dismissNotice: () => this.dispatch({ type: 'dismiss-notice' }),
    openRule: (ruleId: string) => void background.openRule(ruleId).catch((e: Error) => this.dispatch({ type: 'error', message: e.message })),
    auditList: () => this.auditList(),
    collapse: (collapsed) => {
      this.dispatch({ type: 'collapse', collapsed });
      rememberPlace(location.host, { corner: this.state.corner, collapsed });
    },
    moveBar: (corner) => {
      this.dispatch({ type: 'move-bar', corner });
      rememberPlace(location.host, { corner, collapsed: this.state.collapsed });
    },
    openTips: () => this.dispatch({ type: 'open-tips' }),
    openAttachment: (url: string) =>
      void background.openViewer(url).catch((e: Error) => this.dispatch({ type: 'error', message: t('content_attachmentFailed', { error: e.message }) })),
  };

  /** A finding id the side panel sends, as the bar lists it: on a compilation the panel shows the first part's record. */
  private shownId(id: string): string {
    return this.parts.length > 1 && !this.state.findings.some((f) => f.id === id) ? partId(0, id) : id;
  }

  /** Esc: closes the tooltip the pointer or focus opened; true when there was one. */
  private closeTip(): boolean {
    const open = this.overlay?.root.querySelector('.marker:hover .tip, .marker:focus-within .tip');
    if (!open || this.state.tipsClosed) return false;
    this.dispatch({ type: 'close-tips' });
    return true;
  }

  /** Moves the bar to another corner when, where the user put it, it would cover the current marker or its tooltip. */
  private keepBarClear(id: string, again = true) {
    const root = this.overlay?.root;
    const marker = root?.querySelector<HTMLElement>(`[data-finding~="${CSS.escape(id)}"]`);
    const bar = root?.querySelector<HTMLElement>('.bar');
    if (!marker || !bar || this.state.findings[this.state.current]?.id !== id) return;
    // A smooth scroll may still be under way: look again where it ends.
    if (again) this.life.addEventListener(document, 'scrollend', () => this.keepBarClear(id, false), { once: true, capture: true });
    const tip = marker.querySelector<HTMLElement>('.tip');
    const avoid = [marker.getBoundingClientRect(), ...(tip && tip.offsetParent ? [tip.getBoundingClientRect()] : [])];
    const { width, height } = bar.getBoundingClientRect();
    this.dispatch({ type: 'dodge', corner: clearCorner(this.state.corner, { width, height }, visibleArea(this.state), avoid) });
  }

  /**
   * In a frame taller than the screen (a CMS sizes its iframe to the report), the bar's corner of the
   * frame may be off screen: the probe (the frame's viewport) tells which part of it is visible.
   * Thresholds every 0.5% keep the bar within a few pixels of that part as the page scrolls.
   */
  private watchFrameView(probe: HTMLElement) {
    if (window === window.top || this.frameView) return;
    const thresholds = Array.from({ length: 201 }, (_, i) => i / 200);
    this.frameView = new IntersectionObserver(
      (entries) => {
        const e = entries[entries.length - 1]!;
        const r = e.intersectionRect;
        const inset: Inset = e.isIntersecting
          ? { top: Math.max(0, r.top), left: Math.max(0, r.left), bottom: Math.max(0, innerHeight - r.bottom), right: Math.max(0, innerWidth - r.right) }
          : NO_INSET;
        this.dispatch({ type: 'inset', inset });
      },
      { threshold: thresholds },
    );
    this.frameView.observe(probe);
  }

  /** True when there was a finding to step to. */
  private step(delta: number): boolean {
    const before = this.state;
    this.dispatch({ type: 'step', delta });
    if (this.state === before) return false;
    this.reveal(this.state.findings[this.state.current]!.id);
    return true;
  }

  /** Scrolls to a finding, flashes its markers and moves keyboard focus to the first. */
  private reveal(id: string) {
    this.dispatch({ type: 'reveal', findingId: id });
    const target = this.targets.find((t) => t.finding.id === id);
    if (!target) return;
    // A text range (a cell of a <pre> table) is brought to the middle, not its whole block.
    if (target.range) window.scrollBy({ top: target.range.getBoundingClientRect().top - innerHeight / 2, behavior: 'smooth' });
    else target.el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    setTimeout(() => {
      this.reposition();
      requestAnimationFrame(() => {
        const overlay = this.overlay;
        if (!overlay) return;
        const markers = overlay.root.querySelectorAll<HTMLElement>(`[data-finding~="${CSS.escape(id)}"]`);
        overlay.write(() =>
          markers.forEach((m) => {
            m.classList.remove('flash');
            void m.offsetWidth;
            m.classList.add('flash');
          }),
        );
        markers[0]?.focus({ preventScroll: true });
        if (markers[0]) this.keepBarClear(id);
      });
    }, 350);
  }
}

/**
 * Up to this many targets (a typical report has a few dozen) are measured and drawn at once; more
 * (a compilation) are drawn on screen first and measured in slices.
 */
const ONE_DRAW_TARGETS = 200;

/** What the markers show of the findings: which, in which order, with which rule and severity. */
const markedFindings = (findings: readonly { id: string; rule: string; severity: string }[]) =>
  findings.map((f) => `${f.id} ${f.rule} ${f.severity}`).join('\n');

/** Findings placed between two looks at the deadline: each may walk its element's text. */
const TARGET_CHUNK = 32;

interface AuditedPart {
  report: ReportOnPage;
  /** The part's body (or title), for its findings' label. */
  name: string;
  /** As the bar shows them: with ids, and on a compilation with the part's prefix and label. */
  findings: StoredFinding[];
  elements: (readonly [string, unknown[]])[];
}

/** An attachment-only report's files, as the engine found them (attachmentLinks), for the bar's 「审核附件」. */
function viewable(findings: readonly { rule: string }[]) {
  if (!findings.some((f) => f.rule === 'report-attachment-only')) return [];
  const seen = new Set<string>();
  // Relative to the page's <base>, as its own links are.
  return attachmentLinks(document, document.baseURI).filter((a) => READABLE_FILE.test(new URL(a.url).pathname) && !seen.has(a.url) && !!seen.add(a.url));
}
