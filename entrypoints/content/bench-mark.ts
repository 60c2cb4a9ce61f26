/**
 * For `npm run bench:browser` only: the bench build (`wxt build --mode bench`) puts a performance
 * mark on the page when the overlay first draws a marker, so bench/browser.ts can time "first marker
 * after the load event" behind the closed shadow root. Other builds compile this to nothing.
 */
export const FIRST_MARKER_MARK = 'report-auditor:first-marker';

let marked = false;

/** Called after each render with the number of markers drawn; marks the frame of the first one. */
export function markFirstMarker(markers: number): void {
  if (import.meta.env.MODE !== 'bench' || marked || markers === 0) return;
  marked = true;
  // The frame that paints it, not the DOM write.
  requestAnimationFrame(() => performance.mark(FIRST_MARKER_MARK));
}
