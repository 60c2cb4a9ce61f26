import type { Corner } from '@/lib/app/overlay-state';

export interface BarPlace {
  corner: Corner;
  collapsed: boolean;
}

/**
 * Where the bar was put, per site, in the content script's own memory only: never in the page's
 * storage (the page could read it) nor anywhere else. Kept on the isolated world's global, which
 * the page cannot see, so a re-injected auditor in the same page finds it.
 */
const KEY = Symbol.for('gov-report-auditor.bar-places');

function places(): Map<string, BarPlace> {
  const g = globalThis as { [KEY]?: Map<string, BarPlace> };
  return (g[KEY] ??= new Map());
}

export function rememberedPlace(site: string): BarPlace | undefined {
  return places().get(site);
}

export function rememberPlace(site: string, place: BarPlace): void {
  places().set(site, place);
}
