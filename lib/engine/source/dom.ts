import type { Block, GridCell } from './blocks';
import { linesToBlocks, type SourceLine } from './text';

/**
 * Elements whose content is never report text. The overlay host is not named here: the caller
 * passes a predicate that recognises it by reference, so a page element that merely borrows its
 * tag name cannot hide a table.
 */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'SELECT', 'TEXTAREA', 'BUTTON', 'HEAD']);
const BLOCK = new Set([
  'P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'NAV', 'ASIDE',
  'BLOCKQUOTE', 'DL', 'DT', 'DD', 'FIGURE', 'FIGCAPTION', 'CENTER', 'FORM', 'ADDRESS', 'HR', 'TABLE', 'TR', 'TD', 'TH', 'TBODY', 'THEAD', 'TFOOT', 'CAPTION', 'BODY',
]);
/** Bounds against absurd spans in broken markup. */
const MAX_SPAN = 200;

type El = Element;

function isHidden(el: El): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return !!style && /display\s*:\s*none/i.test(style);
}

/** Reads a document (browser or linkedom) into lines and grids. Layout tables (a table holding tables) are walked through, not read as data. */
export function domToBlocks(root: El, skip?: (el: El) => boolean): Block[] {
  const items: (SourceLine | Block)[] = [];
  let buf = '';
  let bufEl: El | undefined;
  const flush = () => {
    buf.split('\n').forEach((text, line) => text.trim() && items.push({ text, el: bufEl, line }));
    buf = '';
    bufEl = undefined;
  };
  const visit = (node: Node, owner: El) => {
    if (node.nodeType === 3) {
      const data = (node as Text).data.replace(/[\t\r\n]+/g, ' ');
      if (data.trim() && !bufEl) bufEl = owner;
      buf += data;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as El;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || isHidden(el) || skip?.(el)) return;
    if (tag === 'BR') {
      buf += '\n';
      return;
    }
    if (tag === 'TABLE' && !el.querySelector('table')) {
      flush();
      items.push(tableToGrid(el));
      return;
    }
    if (tag === 'PRE' || tag === 'TEXTAREA') {
      flush();
      (el.textContent ?? '').split('\n').forEach((text, line) => items.push({ text, el, line }));
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    for (let c = el.firstChild; c; c = c.nextSibling) visit(c, block ? el : owner);
    if (block) flush();
  };
  visit(root, root);
  flush();
  return regroup(items);
}

/** Text lines between tables are grouped (they may be text-table rows); real grids pass through. */
function regroup(items: (SourceLine | Block)[]): Block[] {
  const out: Block[] = [];
  let run: SourceLine[] = [];
  for (const it of items) {
    if ('kind' in it) {
      out.push(...linesToBlocks(run), it);
      run = [];
    } else run.push(it);
  }
  out.push(...linesToBlocks(run));
  return out;
}

function cellText(td: El): string {
  return (td.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function span(el: El, attr: string): number {
  const n = parseInt(el.getAttribute(attr) ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

/** Expands rowspan/colspan so that every row has one entry per visual column. */
export function tableToGrid(table: El): Block {
  const grid: GridCell[][] = [];
  const trs = Array.from(table.querySelectorAll('tr'));
  trs.forEach((tr, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const td of Array.from(tr.children)) {
      const tag = td.tagName.toUpperCase();
      if (tag !== 'TD' && tag !== 'TH') continue;
      while (grid[r]![c]) c++;
      const cell: GridCell = { text: cellText(td), el: td };
      const rs = span(td, 'rowspan');
      const cs = span(td, 'colspan');
      for (let dr = 0; dr < rs && r + dr < trs.length; dr++) {
        const row = (grid[r + dr] ??= []);
        for (let dc = 0; dc < cs; dc++) row[c + dc] = cell;
      }
      c += cs;
    }
  });
  const rows = grid.map((row) => Array.from(row, (cell) => cell ?? { text: '' }));
  return { kind: 'grid', rows, el: table };
}
