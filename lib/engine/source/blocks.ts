/**
 * The common intermediate form of a page, whatever it came from: a sequence of text lines and
 * table grids. Every parser downstream works on this, so HTML and plain text are read by one engine.
 */
export interface GridCell {
  text: string;
  /** The page element the cell came from (a td, or the pre/p holding a text row). */
  el?: unknown;
  /** For a cell of a text row: its line within the element's text and its offset in that line. */
  at?: TextAt;
  /** From a space-separated text row, where a blank cell leaves no trace: a short row cannot say which column it lost. */
  loose?: boolean;
  /** Apart from its neighbours by single spaces: two such cells may be one number written apart (「1 0」). */
  singleSpaced?: boolean;
  /** For a value alone on its line: the empty lines just before it (see blankLinesAsCells). */
  blankLinesBefore?: number;
  /** For a cell of a text row laid out with spaces: where its middle stands (parse/columns.ts). */
  column?: Column;
}
/** A place along a line: counting a Chinese character as two columns (as a terminal shows it), and as one. */
export interface Column {
  wide: number;
  narrow: number;
}
export interface TextAt {
  line: number;
  start: number;
}
export interface Line {
  kind: 'line';
  text: string;
  el?: unknown;
}
export interface Grid {
  kind: 'grid';
  rows: GridCell[][];
  el?: unknown;
  /**
   * A text grid's short label lines right under its last row, no empty line between (they are lines too): the end
   * of a label wrapped after its values, when that row is the table's last (「行政事业性 0⏎收费」).
   */
  tail?: GridCell[];
}
export type Block = Line | Grid;
