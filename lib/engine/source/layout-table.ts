import { headingOf } from '../parse/sections';
import { compact, readCell } from '../text';
import type { Block, Grid, GridCell, Line } from './blocks';

/**
 * A table that lays out the report itself: section headings in rows of their own (「三、收到和处理
 * 政府信息公开申请情况」 across the whole width, as some portals' editors and Word users put them),
 * the template's tables between them, sometimes the prose in rows too. Its rows that hold a heading
 * or prose are lines, and the rows between them grids of their own, each read as a table.
 * A table without a heading row (any of the template's, whose captions span rows too) passes whole.
 */
export function layoutTableBlocks(grid: Grid): Block[] {
  const badge = badgeHeading(grid);
  if (badge) return [badge];
  const texts = grid.rows.map(rowText);
  const headings = texts.map((t) => t !== undefined && !!headingOf(t));
  if (!headings.includes(true)) return [grid];
  const out: Block[] = [];
  let rows: GridCell[][] = [];
  const endGrid = () => {
    if (rows.some((r) => r.some((c) => c.text))) out.push({ kind: 'grid', rows, el: grid.el });
    rows = [];
  };
  grid.rows.forEach((row, i) => {
    const text = texts[i];
    if (text === undefined || !(headings[i] || isProse(text))) return rows.push(row);
    endGrid();
    out.push({ kind: 'line', text, el: row.find((c) => c.text)!.el });
  });
  endGrid();
  return out;
}

/**
 * A heading set as a one-row table of a few cells, its number in a coloured badge beside its words
 * (「一 | 总体情况」): one line.
 */
function badgeHeading(grid: Grid): Line | undefined {
  const filled = grid.rows.length === 1 ? grid.rows[0]!.filter((c, i, row) => c.text && row.indexOf(c) === i) : [];
  if (filled.length < 2 || filled.length > 3) return undefined;
  const text = filled.map((c) => c.text).join(' ');
  return headingOf(text) ? { kind: 'line', text, el: filled[0]!.el } : undefined;
}

/** The text of a row that is one cell of words (across the row, or beside empty ones); undefined for any other row. */
function rowText(row: GridCell[]): string | undefined {
  const filled = row.filter((c) => c.text);
  const first = filled[0];
  if (!first || filled.some((c) => c.el !== first.el || c.text !== first.text)) return undefined;
  return readCell(first.text).kind === 'text' ? first.text : undefined;
}

/** A sentence or more, or a sub-heading of the prose (「（一）主动公开」): never a table's caption or label. */
const isProse = (text: string) =>
  /[。；！？]$/.test(text) || (compact(text).length >= 20 && /[。；]/.test(text)) || /^[（(][一二三四五六七八九十]{1,2}[)）]/.test(text);
