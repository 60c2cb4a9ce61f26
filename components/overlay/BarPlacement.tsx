import { BAR_MARGIN, barCorner, CORNERS, cornerToward, nearestCorner, type Corner, type OverlayState, type Rect } from '@/lib/app/overlay-state';
import { t, type MessageKey } from '@/lib/app/i18n';

const CORNER_NAMES: Record<Corner, MessageKey> = {
  tl: 'overlay_corner_tl',
  tr: 'overlay_corner_tr',
  bl: 'overlay_corner_bl',
  br: 'overlay_corner_br',
};

/** The part of the viewport where the page is on screen (all of it, except in a frame partly scrolled away). */
export function visibleArea(state: Pick<OverlayState, 'inset'>): Rect {
  const { inset } = state;
  return { top: inset.top, left: inset.left, bottom: innerHeight - inset.bottom, right: innerWidth - inset.right };
}

/** The bar's fixed position: its corner of the visible area, kept inside it. */
export function barStyle(state: Pick<OverlayState, 'inset' | 'corner' | 'dodge'>): Record<string, string> {
  const corner = barCorner(state);
  const { inset } = state;
  const style: Record<string, string> = { 'max-height': `${Math.max(120, innerHeight - inset.top - inset.bottom - 2 * BAR_MARGIN)}px` };
  if (corner[0] === 't') style.top = `${inset.top + BAR_MARGIN}px`;
  else style.bottom = `${inset.bottom + BAR_MARGIN}px`;
  if (corner[1] === 'l') style.left = `${inset.left + BAR_MARGIN}px`;
  else style.right = `${inset.right + BAR_MARGIN}px`;
  return style;
}

/**
 * The bar's handle: dragged with the pointer, the bar snaps to the corner nearest where it is
 * dropped; with the keyboard, the arrow keys move it to the corner that way, Enter or Space to the
 * next corner. Only the user's own events act (a page script's are untrusted).
 */
/** One bar per frame, so one drag at a time: module state, which spares the content script Preact's hooks. */
const drag = { on: false };

export function BarHandle({ state, onMove }: { state: OverlayState; onMove: (corner: Corner) => void }) {
  const corner = barCorner(state);
  return (
    <button
      type="button"
      class="handle"
      data-bar-handle=""
      aria-label={t('overlay_moveBar', { corner: t(CORNER_NAMES[corner]) })}
      title={t('overlay_dragBar')}
      onPointerDown={(e) => {
        if (!e.isTrusted || e.button !== 0) return;
        drag.on = true;
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerUp={(e) => {
        if (!e.isTrusted || !drag.on) return;
        drag.on = false;
        const to = nearestCorner(e.clientX, e.clientY, visibleArea(state));
        if (to !== corner) onMove(to);
      }}
      onPointerCancel={() => (drag.on = false)}
      onKeyDown={(e) => {
        if (!e.isTrusted) return;
        const to = cornerToward(corner, e.key);
        if (!to) return;
        e.preventDefault();
        if (to !== corner) onMove(to);
      }}
      onClick={(e) => {
        // A pointer's click ends a drag (handled on pointerup); Enter and Space (detail 0) go round the corners.
        if (e.isTrusted && e.detail === 0) onMove(CORNERS[(CORNERS.indexOf(corner) + 1) % CORNERS.length]!);
      }}
    />
  );
}
