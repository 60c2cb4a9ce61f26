/**
 * Flagging a finding by hand: Alt+Shift+M, or the context menu's 「标记为问题…」 (the background then
 * sends manual:pick). What was selected or right-clicked becomes a place — a table cell the parser
 * read, or the selected text as an excerpt — sent to the background for the side panel, where the
 * auditor types the note. Only the user's own key presses and clicks count (isTrusted).
 */
import type { AuditorLifetime } from './lifetime';
import type { ManualTarget } from '@/lib/engine/rules/manual-finding';
import type { ReportOnPage } from '@/lib/engine/audit-transfer';
import { clean } from '@/lib/engine/text';
import { ask } from './messaging';

const EXCERPT_MAX = 500;

/** The parsed cell whose element is `node` or holds it; undefined for text tables, where one element holds many cells. */
function cellAt(report: ReportOnPage, node: Node | null): ManualTarget['cell'] {
  for (const [table, t] of Object.entries(report.tables)) {
    for (const [row, cells] of Object.entries(t?.rows ?? {})) {
      for (const [column, cell] of Object.entries(cells)) {
        const el = cell.el as Element | undefined;
        if (el && /^t[dh]$/i.test(el.tagName) && node && el.contains(node)) return { table: table as 't2' | 't3' | 't4', row, column };
      }
    }
  }
  return undefined;
}

/** The selection (a cell when it lies in one, else its text), or failing that the element pointed at. */
export function placeOf(report: ReportOnPage | undefined, pointed: Element | null): ManualTarget | null {
  const selection = document.getSelection();
  const text = selection && !selection.isCollapsed ? clean(selection.toString()) : '';
  const anchor = text ? selection!.getRangeAt(0).commonAncestorContainer : pointed;
  const cell = report ? cellAt(report, anchor) : undefined;
  if (cell) return { cell };
  const excerpt = text || clean((pointed as HTMLElement | null)?.innerText ?? '');
  return excerpt ? { excerpt: excerpt.slice(0, EXCERPT_MAX) } : null;
}

export function flag(target: ManualTarget): Promise<unknown> {
  return ask({ type: 'manual:flag', target });
}

/** Listens for Alt+Shift+M and remembers the element last right-clicked (for manual:pick). */
export function listenForFlags(life: AuditorLifetime, onFlag: (pointed: Element | null) => void): { pointed: () => Element | null } {
  let pointed: Element | null = null;
  life.addEventListener(document, 'contextmenu', (e) => e.isTrusted && (pointed = e.target instanceof Element ? e.target : null), { capture: true });
  life.addEventListener(
    document,
    'keydown',
    (e) => {
      const key = e as KeyboardEvent;
      if (!key.isTrusted || !key.altKey || !key.shiftKey || key.code !== 'KeyM') return;
      key.preventDefault();
      onFlag(document.activeElement && document.activeElement !== document.body ? document.activeElement : null);
    },
    { capture: true },
  );
  return { pointed: () => pointed };
}
