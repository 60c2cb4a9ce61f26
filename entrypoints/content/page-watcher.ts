import type { AuditorLifetime } from './lifetime';

/** Pages that build their report after load settle within this much quiet time. */
const SETTLE_MS = 700;
/** New content of at least this much text may be (part of) a report; a clock or a carousel caption is less. */
const NEW_TEXT_CHARS = 200;

export interface PageChanges {
  /** The page changed in a way that may change the audit (settled: called once per burst of changes). */
  content(): void;
  /** The report's elements may have moved or resized (at most once per animation frame). */
  layout(): void;
}

/**
 * Watches the page for what matters to the audit and nothing else. A change re-audits only when
 * it touches the report's own elements (a cell, a section, a sentence), removes them, or adds a
 * sizeable piece of content; a clock or an ad elsewhere wakes nothing. Repositioning follows the
 * report's sizes (ResizeObserver), scrolling of its containers, the window's size, style sheets,
 * the classes of <html> and <body> and images that load, batched into one animation frame. Our own host is recognised by
 * reference and ignored.
 */
export class PageWatcher {
  private mutations?: MutationObserver;
  private styles?: MutationObserver;
  private sizes?: ResizeObserver;
  private report = new Set<Element>();
  private settle?: ReturnType<typeof setTimeout>;
  private frame = 0;
  private scrollers = new WeakMap<EventTarget, boolean>();

  constructor(
    private life: AuditorLifetime,
    private owns: (node: Node) => boolean,
    private changes: PageChanges,
  ) {}

  start(): void {
    this.mutations = new MutationObserver((records) => {
      if (this.relevant(records)) this.contentChanged();
      // A style sheet added or removed may move the report without resizing anything.
      else if (records.some((r) => r.target === document.head)) this.layoutChanged();
    });
    this.mutations.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    // So may a class or style set on <html> or <body> (a theme, a wide mode): never the attributes further in (a carousel's).
    this.styles = new MutationObserver(() => this.layoutChanged());
    for (const el of [document.documentElement, document.body]) if (el) this.styles.observe(el, { attributes: true, attributeFilter: ['class', 'style'] });
    this.sizes = new ResizeObserver(() => this.layoutChanged());
    this.life.addEventListener(window, 'resize', () => this.layoutChanged());
    this.life.addEventListener(document, 'scroll', (e) => this.onScroll(e.target), { capture: true, passive: true });
    // An image or a frame that loads above the report pushes it down, also where the document's size cannot
    // tell (a page with html, body { height: 100% } that scrolls inside).
    this.life.addEventListener(document, 'load', () => this.layoutChanged(), { capture: true, passive: true });
    this.life.onInvalidated(() => this.stop());
  }

  /** The report's elements now on the page (none when it is not a report). */
  watchReport(elements: Iterable<Element>): void {
    this.sizes?.disconnect();
    this.report = innermost(elements);
    this.scrollers = new WeakMap();
    if (!this.report.size) return;
    // The document's own size covers content that grows above the report and pushes it down.
    this.sizes?.observe(document.documentElement);
    for (const el of this.report) this.sizes?.observe(el);
  }

  /**
   * Called right after a DOM write of ours (attaching the overlay's host): takes the pending
   * records before they wake the watcher, and looks only at the page's own among them.
   */
  afterOwnWrite(): void {
    const pending = this.mutations?.takeRecords() ?? [];
    if (pending.length && this.relevant(pending)) this.contentChanged();
  }

  /** Re-audit after the page settles, as after a relevant change. */
  contentChanged(ms = SETTLE_MS): void {
    clearTimeout(this.settle);
    this.settle = setTimeout(() => this.changes.content(), ms);
  }

  layoutChanged(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.changes.layout();
    });
  }

  stop(): void {
    this.mutations?.disconnect();
    this.styles?.disconnect();
    this.sizes?.disconnect();
    clearTimeout(this.settle);
    cancelAnimationFrame(this.frame);
  }

  private relevant(records: MutationRecord[]): boolean {
    let removed = false;
    for (const r of records) {
      if (this.owns(r.target)) continue;
      if (this.insideReport(r.target)) return true;
      if (r.type !== 'childList') continue;
      if (r.removedNodes.length) removed = true;
      for (const n of Array.from(r.addedNodes)) if (!this.owns(n) && (n.textContent?.length ?? 0) >= NEW_TEXT_CHARS) return true;
    }
    // A re-render that replaced the report (its elements left the page) is a change of the report.
    if (removed) for (const el of this.report) if (!el.isConnected) return true;
    return false;
  }

  private insideReport(node: Node): boolean {
    if (!this.report.size) return false;
    for (let n: Node | null = node; n; n = n.parentNode) if (this.report.has(n as Element)) return true;
    return false;
  }

  /** A scrolling box that holds part of the report moves its markers; other scrolling (the window included: markers are in document coordinates) does not. */
  private onScroll(target: EventTarget | null): void {
    if (!target || !(target instanceof Element) || !this.report.size) return;
    let holds = this.scrollers.get(target);
    if (holds === undefined) {
      holds = false;
      for (const el of this.report)
        if (target.contains(el)) {
          holds = true;
          break;
        }
      this.scrollers.set(target, holds);
    }
    if (holds) this.layoutChanged();
  }
}

/**
 * The elements that hold no other of the set. A sentence read straight from <body> or from a
 * portal's layout cell names an element that holds the whole page (its clock too): the report's
 * own tables, headings and paragraphs inside it are what count as the report.
 */
function innermost(elements: Iterable<Element>): Set<Element> {
  const all = new Set(elements);
  const holders = new Set<Element>();
  for (const el of all) for (let p = el.parentElement; p && !holders.has(p); p = p.parentElement) holders.add(p);
  return new Set([...all].filter((el) => !holders.has(el)));
}
