import { OVERLAY_CSS } from '@/components/overlay/styles';

export const HOST_TAG = 'report-audit-overlay';

/**
 * Inline !important declarations outrank any page stylesheet, even its own !important rules, so
 * a page cannot hide, shrink or move the host. It is a zero-size box at the document origin; the
 * markers inside overflow it.
 */
const HOST_STYLE = [
  'all: initial', 'display: block', 'position: absolute', 'top: 0', 'left: 0', 'width: 0', 'height: 0', 'margin: 0', 'padding: 0',
  'border: 0', 'overflow: visible', 'visibility: visible', 'opacity: 1', 'transform: none', 'filter: none', 'clip-path: none',
  'z-index: 2147483647', 'pointer-events: auto', 'contain: none',
].map((d) => `${d} !important`).join('; ');

export interface OverlayHost {
  host: HTMLElement;
  mount: HTMLElement;
  /** Puts the host back if a page script removed it or restyled it. */
  ensureAttached(): void;
  remove(): void;
}

export function createHost(doc: Document): OverlayHost {
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('style', HOST_STYLE);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = OVERLAY_CSS;
  const mount = doc.createElement('div');
  shadow.append(style, mount);
  const ensureAttached = () => {
    if (host.getAttribute('style') !== HOST_STYLE) host.setAttribute('style', HOST_STYLE);
    // Outside <body>, so the page's own text (body.innerText, copy, page scripts) is unchanged.
    if (!host.isConnected || host.parentNode !== doc.documentElement) doc.documentElement.append(host);
  };
  ensureAttached();
  return { host, mount, ensureAttached, remove: () => host.remove() };
}
