import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Overlay } from '@/components/overlay/Overlay';
import type { OverlayState, ViewFinding } from '@/components/overlay/types';
import { auditDocument } from '@/lib/engine/audit';
import { MAX_LINKS } from '@/lib/app/batch/job';
import { domPrefix, prefixLooksLikeReport } from '@/lib/engine/detect';
import { listOffer, mentionsReports } from '@/lib/app/list-offer';
import { withFindingIds } from '@/lib/engine/finding-id';
import { reportSnapshot } from '@/lib/engine/snapshot';
import { TabMessage, type OverlayReport } from '@/lib/app/content-messages';
import type { Finding, Report } from '@/lib/engine/model';
import { createHost, HOST_TAG, type OverlayHost } from './host';
import { ask } from './messaging';
import { boxesOf, targetsOf, type Target } from './targets';

/** Pages that build their report after load settle within this much quiet time. */
const SETTLE_MS = 700;

/**
 * Audits the page when it is (or becomes) a report, draws the overlay, and keeps both current as
 * the page re-renders. On a page that is not a report it only runs the cheap first look, at most
 * once per settle period after the page changes; a page whose first look names reports is also
 * checked for a list of report links, to offer auditing them all.
 */
export class AuditController {
  private overlay?: OverlayHost;
  private state: OverlayState = { summary: null, findings: [], boxes: [], visible: true, current: -1 };
  private report?: Report;
  private targets: Target[] = [];
  private signature = '';
  private reportId?: string;
  private timer?: ReturnType<typeof setTimeout>;
  private frame = 0;
  private observer?: MutationObserver;
  private disabledRules: string[] = [];
  private settingsLoaded = false;

  constructor(private ctx: ContentScriptContext) {}

  start() {
    this.observer = new MutationObserver((records) => {
      // A page script that removed or restyled the host gets it back as it was.
      if (this.overlay && records.some((r) => r.target === this.overlay!.host || !this.overlay!.host.isConnected)) this.overlay.ensureAttached();
      const page = records.filter((r) => !this.isOwn(r.target) && (r.type === 'attributes' || ![...r.addedNodes, ...r.removedNodes].every((n) => this.isOwn(n))));
      if (!page.length) return;
      // Only classes or styles changed (a tab shown, a section unfolded): same text, markers move.
      if (page.every((r) => r.type === 'attributes')) {
        if (this.report) this.reposition();
        return;
      }
      this.schedule();
    });
    this.observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class', 'style', 'hidden', 'open'] });
    this.ctx.onInvalidated(() => this.stop());
    this.ctx.addEventListener(window, 'wxt:locationchange', () => this.schedule(0));
    this.ctx.addEventListener(window, 'resize', () => this.reposition());
    this.ctx.addEventListener(document, 'keydown', (e) => this.onKey(e as KeyboardEvent), { capture: true });
    browser.runtime.onMessage.addListener(this.onMessage);
    this.check(false);
  }

  stop() {
    this.observer?.disconnect();
    clearTimeout(this.timer);
    browser.runtime.onMessage.removeListener(this.onMessage);
    this.overlay?.remove();
    this.overlay = undefined;
  }

  private isOwn(n: Node): boolean {
    return n.nodeName.toLowerCase() === HOST_TAG || !!this.overlay?.host.contains(n);
  }

  private schedule(ms = SETTLE_MS) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.check(false), ms);
  }

  private onMessage = (raw: unknown) => {
    const msg = TabMessage.safeParse(raw);
    if (!msg.success) return undefined;
    const m = msg.data;
    if (m.type === 'audit:run') this.check(true);
    else if (m.type === 'finding:reveal') this.reveal(m.findingId);
    else if (m.type === 'overlay:visible') this.update({ visible: m.visible });
    else if (m.type === 'state:changed' && m.reportId === this.reportId) void this.refreshNotes();
    return undefined;
  };

  private async check(onDemand: boolean) {
    // The first look of lib/audit's looksLikeReport, with its prefix kept for the list check.
    const prefix = domPrefix(document);
    const firstLook = prefixLooksLikeReport(prefix);
    if (!onDemand && !firstLook) return this.notAReport(mentionsReports(prefix));
    let result = auditDocument(document, { disabledRules: this.disabledRules });
    // Settings are asked for only once a report is found: ordinary pages send no message at all.
    if (result.detected && !this.settingsLoaded) {
      await this.loadSettings();
      result = auditDocument(document, { disabledRules: this.disabledRules });
    }
    // Said once, by the top frame: frames of ads and widgets are not reports either.
    const tell = onDemand && window === window.top;
    if (!result.detected) return this.notAReport(true, tell ? `此页面不是政府信息公开工作年度报告：${result.reason}` : undefined);
    this.report = result.report;
    const signature = JSON.stringify([result.report.title, result.findings]);
    if (signature === this.signature) return this.locate();
    this.signature = signature;
    const findings = withFindingIds(result.findings).map((f) => ({ ...f, isNew: false }));
    this.update({ summary: summaryOf(result.report), findings, current: -1, notice: undefined, list: undefined });
    this.locate();
    await this.save(result.report, result.findings);
  }

  private async loadSettings() {
    try {
      const { settings } = await ask({ type: 'overlay:settings' });
      this.disabledRules = settings.disabledRules;
      this.settingsLoaded = true;
    } catch (e) {
      this.update({ error: (e as Error).message });
    }
  }

  private async save(report: Report, findings: Finding[]) {
    try {
      const { state } = await ask({ type: 'audit:save', report: reportSnapshot(report, findings, location.href) });
      this.applyState(state);
    } catch (e) {
      this.update({ error: `审计结果未能保存：${(e as Error).message}` });
    }
  }

  private async refreshNotes() {
    if (!this.reportId) return;
    try {
      const { state } = await ask({ type: 'overlay:state' });
      if (state) this.applyState(state);
    } catch (e) {
      this.update({ error: (e as Error).message });
    }
  }

  /** The stored record is the full list: the page's findings plus those only stored audits reveal (cross-year). */
  private applyState(state: OverlayReport) {
    this.reportId = state.reportId;
    const newIds = new Set(state.newIds);
    const findings: ViewFinding[] = state.findings.map((f) => ({ ...f, isNew: newIds.has(f.id) }));
    this.update({ findings, error: undefined });
    this.locate();
  }

  /** Clears a report's markers; offers a batch audit when the page lists reports. */
  private notAReport(mayList: boolean, notice?: string) {
    this.clear();
    const offer = mayList ? listOffer(document, location.href) : null;
    const list = offer ? { count: offer.links.length, more: offer.next !== null, starting: this.state.list?.starting ?? false } : undefined;
    const same = list?.count === this.state.list?.count && list?.more === this.state.list?.more;
    if (notice || !same) this.update({ list, ...(notice && { notice }) });
  }

  /** Sends the list's links to the background, which opens the batch page; links are read now, as the page is. */
  private auditList() {
    const offer = listOffer(document, location.href);
    if (!offer || !this.state.list) return;
    this.update({ list: { ...this.state.list, starting: true }, error: undefined });
    const links = offer.links.slice(0, MAX_LINKS).map((l) => ({ url: l.url, title: l.title.slice(0, 500) }));
    const done = (error?: string) => this.update({ list: this.state.list && { ...this.state.list, starting: false }, error });
    ask({ type: 'batch:start', listUrl: location.href, title: document.title.slice(0, 500), links, next: offer.next }).then(
      () => done(),
      (e: Error) => done(`无法开始批量审核：${e.message}`),
    );
  }

  private clear() {
    if (!this.state.summary && !this.state.notice) return;
    this.signature = '';
    this.report = undefined;
    this.targets = [];
    this.update({ summary: null, findings: [], boxes: [], current: -1 });
  }

  /** Finds the elements of every finding, then measures them. */
  private locate() {
    this.targets = this.report ? targetsOf(this.report, this.state.findings) : [];
    this.reposition();
  }

  private reposition() {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      if (!this.overlay) return;
      this.update({ boxes: boxesOf(this.targets, this.overlay.host.getBoundingClientRect(), document.documentElement.clientWidth) });
    });
  }

  private update(patch: Partial<OverlayState>) {
    this.state = { ...this.state, ...patch };
    const needed = this.state.summary || this.state.notice || this.state.error || this.state.list;
    if (!needed && !this.overlay) return;
    this.overlay ??= createHost(document);
    this.overlay.ensureAttached();
    render(<Overlay state={this.state} actions={this.actions} />, this.overlay.mount);
  }

  private actions = {
    next: () => this.step(1),
    prev: () => this.step(-1),
    toggle: () => this.update({ visible: !this.state.visible }),
    openPanel: () => void ask({ type: 'panel:open' }).catch((e) => this.update({ error: (e as Error).message })),
    reveal: (id: string) => this.reveal(id),
    dismissNotice: () => this.update({ notice: undefined }),
    openRule: (ruleId: string) => void ask({ type: 'rules:open', ruleId }).catch((e: Error) => this.update({ error: e.message })),
    auditList: () => this.auditList(),
  };

  private onKey(e: KeyboardEvent) {
    if (!this.state.summary || !e.altKey || !e.shiftKey) return;
    if (e.code === 'KeyN') this.step(1);
    else if (e.code === 'KeyP') this.step(-1);
    else return;
    e.preventDefault();
  }

  private step(delta: number) {
    const n = this.state.findings.length;
    if (!n) return;
    const next = (((this.state.current + delta) % n) + n) % n;
    this.reveal(this.state.findings[next]!.id);
  }

  /** Scrolls to a finding, flashes its markers and moves keyboard focus to the first. */
  private reveal(id: string) {
    const index = this.state.findings.findIndex((f) => f.id === id);
    if (index < 0) return;
    this.update({ current: index, visible: true });
    const target = this.targets.find((t) => t.finding.id === id);
    // A text range (a cell of a <pre> table) is brought to the middle, not its whole block.
    if (target?.range) window.scrollBy({ top: target.range.getBoundingClientRect().top - innerHeight / 2, behavior: 'smooth' });
    else target?.el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    setTimeout(() => {
      this.reposition();
      requestAnimationFrame(() => {
        const markers = this.overlay?.host.shadowRoot?.querySelectorAll<HTMLElement>(`[data-finding~="${id}"]`) ?? [];
        markers.forEach((m) => {
          m.classList.remove('flash');
          void m.offsetWidth;
          m.classList.add('flash');
        });
        markers[0]?.focus({ preventScroll: true });
      });
    }, 350);
  }
}

function summaryOf(r: Report) {
  return { title: r.title, agency: r.agency, year: r.year, layout: r.layout };
}
