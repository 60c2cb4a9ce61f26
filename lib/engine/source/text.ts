import { readCell, toHalfWidth } from '../text';
import type { Block, GridCell } from './blocks';

const VALUE_TOKEN = String.raw`(?:[+-]?[\d,]+(?:\.\d+)?|[-—/无])`;
const TRAILING_VALUES = new RegExp(String.raw`^(.*?[^\d\s.,+-])\s+(${VALUE_TOKEN}(?:\s+${VALUE_TOKEN})*)$`);
const ALL_VALUES = new RegExp(String.raw`^${VALUE_TOKEN}(?:\s+${VALUE_TOKEN})+$`);

/**
 * Splits one text line into table cells, or returns null for a line of prose.
 * Tab-separated (Word/PDF copies), pipe/markdown, runs of 2+ spaces (&nbsp; padding in <p> rows:
 * with a number, or three short header cells), and "label 0 0 0" rows with single spaces are all table rows.
 */
export function splitRow(line: string): string[] | 'separator' | null {
  const raw = line.replace(/<br\s*\/?>/gi, '');
  if (raw.includes('\t')) return raw.split('\t').map((c) => c.trim());
  const t = raw.trim();
  if (t.startsWith('|')) {
    if (/^\|[\s|:-]+\|?$/.test(t)) return 'separator';
    const cells = t.split('|').map((c) => c.trim());
    if (cells[0] === '') cells.shift();
    if (cells.length && cells[cells.length - 1] === '' && t.endsWith('|')) cells.pop();
    return cells;
  }
  const half = toHalfWidth(t);
  const spaced = half.split(/ {2,}/).map((c) => c.trim());
  const values = spaced.filter((c) => readCell(c).kind === 'number').length;
  if (!/[。，；]/.test(half) && ((spaced.length >= 2 && values >= 1) || (spaced.length >= 3 && spaced.every((c) => c.length <= 20)))) return spaced;
  if (ALL_VALUES.test(half)) return half.split(/\s+/);
  const m = TRAILING_VALUES.exec(half);
  if (m && !/[。，；：:]/.test(m[1]!)) {
    const vals = m[2]!.split(/\s+/);
    if (vals.length >= 2 || m[1]!.length <= 30) return [m[1]!.trim(), ...vals];
  }
  return null;
}

export interface SourceLine {
  text: string;
  el?: unknown;
  /** Which line of the element's text this is (a <pre> holds many). */
  line?: number;
}

/**
 * Where each cell starts in its line: cells are trimmed pieces of the line, in order. After a cell
 * the next one starts past the next separator, so blank cells between tabs get their own place.
 */
function cellStarts(line: string, cells: string[]): number[] {
  // Some splits return half-width text; the conversion keeps every offset.
  const half = toHalfWidth(line);
  const sep = line.includes('\t') ? '\t' : line.trim().startsWith('|') ? '|' : null;
  let from = sep === '|' ? line.indexOf('|') + 1 : 0;
  return cells.map((c) => {
    const found = c ? (line.indexOf(c, from) >= 0 ? line.indexOf(c, from) : half.indexOf(c, from)) : -1;
    const start = found >= 0 ? found : from;
    const end = start + c.length;
    const next = sep ? line.indexOf(sep, end) : -1;
    from = next >= 0 ? next + 1 : end;
    return start;
  });
}

/** Groups lines into prose lines and grids: consecutive table rows form one grid; blank lines do not break it. */
export function linesToBlocks(lines: SourceLine[]): Block[] {
  const out: Block[] = [];
  let grid: GridCell[][] | null = null;
  let gridEl: unknown;
  const close = () => {
    if (grid) out.push({ kind: 'grid', rows: grid, el: gridEl });
    grid = null;
  };
  for (const { text, el, line = 0 } of lines) {
    if (!text.trim()) continue;
    const cells = splitRow(text);
    if (cells === 'separator') continue;
    if (cells && cells.length >= 2) {
      if (!grid) {
        grid = [];
        gridEl = el;
      }
      const starts = cellStarts(text, cells);
      grid.push(cells.map((c, i) => ({ text: c, el, at: { line, start: starts[i]! } })));
      continue;
    }
    close();
    out.push({ kind: 'line', text: stripMarkup(text), el });
  }
  close();
  return out;
}

/** Markdown heading marks and list bullets are layout, not text. */
function stripMarkup(line: string): string {
  return line.replace(/^\s*#{1,6}\s+/, '').replace(/^\s*[-*+]\s+/, '').trim();
}

export function textToBlocks(text: string, el?: unknown): Block[] {
  return linesToBlocks(text.split(/\r?\n/).map((t, line) => ({ text: t, el, line })));
}
