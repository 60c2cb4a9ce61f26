import { render, type VNode } from 'preact';
import { OVERLAY_CSS } from '@/components/overlay/styles';

export const HOST_TAG = 'report-audit-overlay';

/**
 * Closed, so page scripts cannot read or edit the overlay (`host.shadowRoot` is null for them).
 * The test build (`wxt build --mode test`) opens it: Playwright, like a page, cannot reach into a
 * closed root, and the browser tests read markers and click buttons there. The production build
 * contains only the string 'closed'; test/browser/hostile.test.ts checks the production build.
 */
const SHADOW_MODE: ShadowRootMode = import.meta.env.MODE === 'test' ? 'open' : 'closed';

/**
 * Inline !important declarations outrank any page stylesheet, even its own !important rules, so
 * a page cannot hide, shrink or move the host. It is a zero-size box at the document origin; the
 * markers inside overflow it.
 */
const HOST_STYLE = [
  'all: initial',
  'display: block',
  'position: absolute',
  'top: 0',
  'left: 0',
  'width: 0',
  'height: 0',
  'margin: 0',
  'padding: 0',
  'border: 0',
  'overflow: visible',
  'visibility: visible',
  'opacity: 1',
  'transform: none',
  'filter: none',
  'clip-path: none',
  'z-index: 2147483647',
  'pointer-events: auto',
  'contain: none',
]
  .map((d) => `${d} !important`)
  .join('; ');

export interface OverlayHost {
  /** The host element: the page may see it, never what is inside. */
  host: HTMLElement;
  /** The private reference to the closed root. */
  root: ShadowRoot;
  /** A hidden box the size of the viewport: its intersection with the screen is the part of a frame on screen. */
  probe: HTMLElement;
  /** Whether a node is ours (the host or inside it): recognised by reference, never by tag name. */
  owns(node: Node): boolean;
  /** Renders the overlay; the render's own DOM writes never count as tampering. */
  render(view: VNode): void;
  /** Any other write of ours inside the root (a marker's flash), likewise not tampering. */
  write(change: () => void): void;
  remove(): void;
}

/**
 * The host, its closed root, and a watch on both: a page script that removes or restyles the host,
 * or (where it can reach the root) removes markers, adds a fake one or rewrites the counts, gets
 * the overlay back as the controller's state says, drawn afresh.
 */
export function createHost(doc: Document): OverlayHost {
  const host = doc.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: SHADOW_MODE });
  const style = doc.createElement('style');
  const probe = doc.createElement('div');
  probe.className = 'probe';
  let mount = doc.createElement('div');
  let last: VNode | null = null;

  const inside = new MutationObserver(() => repair());
  inside.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
  const outside = new MutationObserver(() => attach());
  const own = (change: () => void) => {
    change();
    // Our own writes are queued as records like anyone's: drop them before they are delivered.
    inside.takeRecords();
    outside.takeRecords();
  };
  const attach = () =>
    own(() => {
      if (host.getAttribute('style') !== HOST_STYLE) host.setAttribute('style', HOST_STYLE);
      // Outside <body>, so the page's own text (body.innerText, copy, page scripts) is unchanged.
      if (host.parentNode !== doc.documentElement) doc.documentElement.append(host);
    });
  // A fresh mount: Preact diffs against what it rendered, not against what the page left there.
  const repair = () =>
    own(() => {
      style.textContent = OVERLAY_CSS;
      mount = doc.createElement('div');
      probe.className = 'probe';
      root.replaceChildren(style, probe, mount);
      if (last) render(last, mount);
    });

  repair();
  attach();
  outside.observe(doc.documentElement, { childList: true });
  outside.observe(host, { attributes: true });
  return {
    host,
    root,
    probe,
    owns: (node) => node === host || host.contains(node),
    render: (view) =>
      own(() => {
        last = view;
        render(view, mount);
      }),
    write: own,
    remove: () => {
      inside.disconnect();
      outside.disconnect();
      host.remove();
    },
  };
}
