import { sectionOfHeading } from '../parse/sections';
import { compact, isPageNumber, readCell, shownOrder, toHalfWidth, visible } from '../text';
import type { Block, Column, GridCell } from './blocks';

const VALUE_TOKEN = String.raw`(?:[+-]?[\d〇○,]+(?:\.\d+)?|[-—/无])`;
/** A label, then values; the label may end in a comma (a wrapped 「（区分处理的，只计这一情形，」). */
const TRAILING_VALUES = new RegExp(String.raw`^(.*?[^\d\s.+-])\s+(${VALUE_TOKEN}(?:\s+${VALUE_TOKEN})*)$`);
const ALL_VALUES = new RegExp(String.raw`^${VALUE_TOKEN}(?:\s+${VALUE_TOKEN})+$`);
/** Longer lines are prose or garbage, never a table row; the bound also keeps the row patterns linear. */
const MAX_ROW_CHARS = 600;
/** A label alone on its line (a row label, a header cell, half of a broken label) is short and has no sentence end. */
const MAX_LABEL_CHARS = 48;

/**
 * One line read as table cells. `loose` when the cells were separated by spaces: a blank cell
 * leaves no trace there, so a short row cannot say which column it lost.
 */
export interface LineCells {
  cells: string[];
  loose: boolean;
  /**
   * Cells apart by spaces: by runs of them, which may keep each under its column (pdftotext -layout),
   * or by single spaces, where two cells may be one number written apart (「1 0」).
   */
  spacing?: 'runs' | 'single';
  /**
   * A tab row without an empty cell. Word keeps a blank cell as an empty one between tabs; Acrobat
   * leaves it out, and then a short row, too, cannot say which column it lost.
   */
  gapless?: boolean;
  /** A pipe row that opened with a bar (markdown); without one, a row opening with a bar has an empty first cell. */
  bar?: 'leading' | 'none';
}

/**
 * Tokenises one text line into table cells, or returns null for a line of prose.
 * Tab-separated (Word/PDF copies); pipes with or without a leading bar (markdown, extractions);
 * runs of 2+ spaces (&nbsp; padding in <p> rows: with a number, or three short header cells);
 * "label 0 0 0" rows with single spaces; and a value alone on its line (one value per line).
 */
export function tokenizeLine(line: string): LineCells | 'separator' | null {
  if (line.length > MAX_ROW_CHARS) return null;
  const raw = visible(shownOrder(line.replace(/<br\s*\/?>/gi, '')));
  if (raw.includes('\t')) {
    const cells = unframed(raw.split('\t').map((c) => c.trim()));
    return { cells, loose: false, gapless: !cells.includes('') };
  }
  const half = pipesOfBoxes(toHalfWidth(raw.trim()));
  if (GRID_TABLE_RULE.test(half) || SIMPLE_TABLE_RULE.test(half)) return 'separator';
  if (half.includes('|')) {
    if (/^[\s|:-]*$/.test(half)) return 'separator';
    const cells = half.split('|').map((c) => c.trim());
    // One bar inside a row of spaced values is a stray (OCR), not a column: a pipe row's cell holds one value.
    if (cells.length === 2 && cells[0] && ALL_VALUES.test(cells[1]!)) return tokenizeLine(`${cells[0]} ${cells[1]}`);
    const bar = cells[0] === '' ? 'leading' : 'none';
    if (bar === 'leading') cells.shift();
    if (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
    return { cells, loose: false, bar };
  }
  if (namesReportOfYear(half)) return null;
  const spaced = half.split(/ {2,}/).map((c) => c.trim());
  const values = spaced.filter((c) => readCell(c).kind === 'number').length;
  if (!/[。，；]/.test(half) && !valuesInRuns(spaced) && ((spaced.length >= 2 && values >= 1) || (spaced.length >= 3 && spaced.every((c) => c.length <= 20))))
    return { cells: spaced, loose: true, spacing: 'runs' };
  if (ALL_VALUES.test(half)) return { cells: half.split(/\s+/), loose: true, spacing: 'single' };
  if (readCell(half).kind !== 'text') return { cells: [half], loose: true };
  const m = TRAILING_VALUES.exec(half);
  if (m && !/[。，；：:]/.test(m[1]!)) {
    const vals = m[2]!.split(/\s+/);
    // Label words stay separate cells: the table reader decides where the label ends (「规章 未统计 0 0」).
    if (vals.length >= 2 || m[1]!.length <= 30) return { cells: [...m[1]!.trim().split(/\s+/), ...vals], loose: true, spacing: 'single' };
  }
  return null;
}

/**
 * A title whose words a PDF's extraction set apart by runs of spaces (「XX局      2023  年政府信息公开      工作年度报告」,
 * pypdf, pdftotext -fixed): a year and a report's name make it a line, not a row of three cells and a value. So does
 * a year set apart from its 年 (the title's first line, 「XX局      2023      年政府信」): no count is followed by 年.
 */
function namesReportOfYear(line: string): boolean {
  if (/(?:^|\s)(?:19|20)\d\d\s+年/.test(line)) return true;
  const c = compact(line);
  return /(?:19|20)\d\d年/.test(c) && /(?:年度|工作)报告/.test(c);
}

/**
 * Runs of spaces that do not part every cell (pdftotext -layout in a tight table): a label with its first
 * value one space after it (「行政规范性文件 0      0      0」, also after a group's label: 「(四) 无法提供      1.本机关
 * 不掌握相关政府信息 0      0」), or values one space apart in one run (「三、本年      (一) 予以公开    0 0 0 0 0 0 0」).
 * Such a line is read as words and values apart by spaces.
 */
function valuesInRuns(runs: string[]): boolean {
  return runs.some((c) => ALL_VALUES.test(c)) || runs.some((c, i) => i < runs.length - 1 && readCell(c).kind === 'text' && TRAILING_VALUES.test(c));
}

/**
 * A table's rule between rows, which would read as a row of dashes, values that say 「none」: a grid table's (pandoc's
 * markdown and reStructuredText: 「+------+----+」, 「+======+」), or a simple table's under its header, a run of dashes
 * over each column (pandoc -t plain and markdown: 「------ ----」).
 */
const GRID_TABLE_RULE = /^\+(?:[-=:]+\+)+$/;
const SIMPLE_TABLE_RULE = /^-{3,}(?: +-{3,})+$/;

/**
 * A table framed in box-drawing characters, as w3m and lynx dump one (「│规章 │1 │」, 「├───┼───┤」), read as
 * a pipe table: a horizontal stroke is a separator's dash, every other piece of frame a bar. One character
 * for one keeps every offset.
 */
function pipesOfBoxes(s: string): string {
  return /[\u2500-\u257f]/.test(s) ? s.replace(/[\u2500-\u257f]/g, (c) => (/[─━═┄┅┈┉╌╍╴╶╸╺]/.test(c) ? '-' : '|')) : s;
}

/**
 * A tab row framed by bars (「| 规章\t0\t0 |」, from OCR or a text table's border): the frame is not
 * part of the first and last cells. A bar inside a cell is left alone.
 */
function unframed(cells: string[]): string[] {
  const last = cells.length - 1;
  if (!/^[|｜]/.test(cells[0]!) || !/[|｜]$/.test(cells[last]!)) return cells;
  return cells.map((c, i) => (i === 0 ? c.slice(1).trim() : i === last ? c.slice(0, -1).trim() : c));
}

/** Splits one text line into table cells (see tokenizeLine). */
export function splitRow(line: string): string[] | 'separator' | null {
  const t = tokenizeLine(line);
  return t === null || t === 'separator' ? t : t.cells;
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
  const half = pipesOfBoxes(toHalfWidth(line));
  const sep = line.includes('\t') ? '\t' : half.includes('|') ? '|' : null;
  let from = sep === '|' && half.trim().startsWith('|') ? half.indexOf('|') + 1 : 0;
  return cells.map((c) => {
    const found = c ? (line.indexOf(c, from) >= 0 ? line.indexOf(c, from) : half.indexOf(c, from)) : -1;
    const start = found >= 0 ? found : from;
    const end = start + c.length;
    const next = sep ? half.indexOf(sep, end) : -1;
    from = next >= 0 ? next + 1 : end;
    return start;
  });
}

/**
 * A table of contents' entry whose leader is a tab or spaces, as Word's field gives it (「一、总体情况<TAB>1」):
 * a section's heading and its page number, which the headings' reader drops, not a table's row.
 */
function isContentsEntry(cells: string[]): boolean {
  const page = cells[cells.length - 1]!;
  return cells.length >= 2 && /^\d{1,3}$/.test(page) && !!sectionOfHeading(cells.slice(0, -1).join(' '));
}

function isLabelLine(text: string): boolean {
  const c = compact(text);
  return c.length > 0 && c.length <= MAX_LABEL_CHARS && !/[。；！？!?]/.test(c) && readCell(c).kind === 'text' && !sectionOfHeading(text);
}

function gridCells({ text, el, line = 0 }: SourceLine, cells: string[], loose: boolean, spacing?: LineCells['spacing']): GridCell[] {
  const starts = cellStarts(text, cells);
  // The wide width of the line up to `upTo`, carried from cell to cell: one pass over the line.
  let upTo = 0;
  let wide = 0;
  return cells.map((c, i) => {
    const start = starts[i]!;
    const cell: GridCell = { text: c, el, at: { line, start } };
    if (loose) cell.loose = true;
    if (spacing === 'single') cell.singleSpaced = true;
    if (spacing === 'runs' && c && start >= upTo) {
      wide += wideWidth(text.slice(upTo, start));
      upTo = start;
      cell.column = { wide: wide + wideWidth(text.slice(start, start + c.length)) / 2, narrow: start + c.length / 2 };
    }
    return cell;
  });
}

/** East Asian wide and full-width characters: two columns where a layout counts them so. */
const WIDE_CHAR =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/g;
export const wideWidth = (s: string) => s.length + (s.match(WIDE_CHAR)?.length ?? 0);

/**
 * Groups lines into prose lines and grids. Consecutive table rows form one grid; blank and
 * separator lines do not break it. Short label lines are held back: when values follow, they are
 * that row's label (a label alone on its line, or broken over two lines); otherwise they stay lines (and, right under
 * a grid's last row, its `tail`: the end of that row's label wrapped after its values).
 * A row begun by a single value takes the single values on the following lines (one value per line).
 */
export function linesToBlocks(lines: SourceLine[]): Block[] {
  const cards = cardRuns(lines);
  if (!cards.length) return linesToBlocksOnce(lines);
  // The lines around each run of cards are read as before; appended one by one (a spread of a long run would overflow the stack).
  const out: Block[] = [];
  let at = 0;
  for (const run of cards) {
    for (const b of linesToBlocksOnce(lines.slice(at, run.start))) out.push(b);
    out.push(run.grid);
    at = run.end;
  }
  for (const b of linesToBlocksOnce(lines.slice(at))) out.push(b);
  return out;
}

function linesToBlocksOnce(lines: SourceLine[]): Block[] {
  const out: Block[] = [];
  let grid: GridCell[][] | null = null;
  let gridEl: unknown;
  let pending: { src: SourceLine; label: string; blanksBefore: number }[] = [];
  let tail: GridCell[] | undefined;
  let open: GridCell[] | null = null;
  // Pipe rows of the current grid seen without a leading bar: then a row opening with a bar lost its empty first cell.
  let bareRows = 0;
  const close = () => {
    if (grid) out.push({ kind: 'grid', rows: splitRowsJoined(grid), el: gridEl, ...(tail && { tail }) });
    grid = null;
    tail = undefined;
    open = null;
    bareRows = 0;
  };
  const flushPending = () => {
    if (!pending.length) return;
    if (grid && pending[0]!.blanksBefore === 0) tail = pending.flatMap((p) => gridCells(p.src, [p.label], false));
    close();
    for (const { src } of pending) out.push(asLine(src));
    pending = [];
  };
  const addRow = (row: GridCell[]) => {
    if (!grid) {
      grid = [];
      gridEl = row[0]?.el;
    }
    grid.push(row);
  };
  // Empty lines since the last line of text.
  let blanks = 0;
  let beforeSections = true;
  for (const src of lines) {
    if (!src.text.trim()) {
      // A form feed ends a PDF's page: no cell.
      if (!src.text.includes('\f')) blanks++;
      continue;
    }
    // A page number (a PDF's, or a printed page's kept in the page) is no text: a table goes on across it.
    if (isPageNumber(src.text)) continue;
    const blanksBefore = blanks;
    blanks = 0;
    if (beforeSections && sectionOfHeading(src.text)) beforeSections = false;
    const tok = tokenizeLine(src.text);
    if (tok === 'separator') continue;
    if (tok && !isContentsEntry(tok.cells)) {
      const values = tok.cells.filter((c) => c !== '' && readCell(c).kind !== 'text').length;
      const single = tok.cells.length === 1 && values === 1;
      // A label with its first value beside it, the rest one per line (PyMuPDF, mutool: 「行政规范性文件 0⏎0⏎0」; docx2txt
      // pads a right-aligned cell with spaces: 「一、本年新收…      40⏎      6」): the next lone values go on its row.
      const labelAndFirst = tok.loose && values === 1 && tok.cells.length === 2;
      if (tok.bar === 'none') bareRows++;
      if (tok.bar === 'leading' && bareRows > 0) tok.cells.unshift('');
      // A value alone on its line has its column only by counting: a blank there leaves no line.
      const cells = gridCells(src, tok.cells, tok.loose || single || !!tok.gapless, tok.spacing);
      if (single) cells[0]!.blankLinesBefore = blanksBefore;
      // A value alone under a row laid out by runs of spaces may be that row's, wrapped (pdftotext -layout puts a number
      // its cell is too narrow for on the next line): where it stands is kept for splitRowsJoined to tell.
      // (`grid` is set in addRow: its type is widened back here.)
      const lastRow = (grid as GridCell[][] | null)?.at(-1);
      if (single && lastRow?.at(-1)?.column) cells[0]!.column = gridCells(src, tok.cells, true, 'runs')[0]!.column;
      // Two of those values may share a line where the tool found them close (pdfium: 「41⏎6⏎1⏎2⏎3⏎1 54」).
      if (open && (single || (tok.spacing === 'single' && values === tok.cells.length))) {
        for (const c of cells) open.push(c);
        continue;
      }
      if (values > 0 && pending.length) {
        // Before the first section, the report's title and what stands above it are no row's label (w3m wrapped
        // 「浏览次数：」⏎「1024」 under the title): they stay lines.
        const title = beforeSections ? pending.findLastIndex((p) => namesReportOfYear(p.label)) : -1;
        if (title >= 0) {
          close();
          out.push(...pending.splice(0, title + 1).map((p) => asLine(p.src)));
        }
        // Label lines keep where they stand: they may be a header's lines over the values (t4's words stacked over them).
        const row = pending.flatMap((p) => gridCells(p.src, [p.label], false, 'runs')).concat(cells);
        pending = [];
        addRow(row);
        open = single || labelAndFirst ? row : null;
        continue;
      }
      if (tok.cells.length >= 2 || (single && grid)) {
        flushPending();
        if (!tok.loose && grid && continuesBrokenRow(grid, cells)) continue;
        addRow(cells);
        // A value alone under a grid's header starts a row the next lone values continue (t4's fifteen, one per line).
        open = single || labelAndFirst ? cells : null;
        continue;
      }
    }
    // A one-cell pipe line (「| 规章 |」) is a label too.
    const label = tok && tok.cells.length === 1 ? tok.cells[0]! : src.text.trim();
    if (isLabelLine(label)) {
      pending.push({ src, label, blanksBefore });
      open = null;
      continue;
    }
    flushPending();
    close();
    out.push({ kind: 'line', text: stripMarkup(src.text), el: src.el });
  }
  flushPending();
  close();
  blankLinesAsCells(out);
  return out;
}

/** A count (and its unit) on a card: after its key on the line (「自然人40」「自然人 40」「总计：53 件」) or on a line of its own. */
const CARD_VALUE = String.raw`[+-]?\d[\d,]*(?:\.\d+)?(?:\s*(?:件|条|个|项|次))?`;
const CARD_PAIR = new RegExp(String.raw`^([^\d\s:][^:]{0,23}?)[\s:]*(${CARD_VALUE})$`);
const CARD_KEY = /^[^\d\s:][^:]{0,23}?:?$/;
const CARD_LONE_VALUE = new RegExp(`^${CARD_VALUE}$`);
/** A key is a word (「自然人」), never a mark alone: html2text writes a table's cell borders as 「|」 lines, each before its value. */
const KEY_WORD = /\p{L}/u;
/** The fewest cards and pairs per card that make a table: fewer are a list of figures, not a table's rows. */
const MIN_CARDS = 3;
const MIN_PAIRS = 3;
/** A card's title or a caption between cards is a short line, and a key with its count shorter still. */
const MAX_CARD_TITLE = 80;
const MAX_CARD_LINE = 120;
const MAX_PAIR_LINE = 40;

interface CardRun {
  /** The run's first and past-last line. */
  start: number;
  end: number;
  grid: Block;
}

/** A line of text, or a key and its count (on one line, or the key's line and the count's: a phone UI's cell of two blocks). */
interface CardItem {
  src: SourceLine;
  /** Index of its first line, and past its last. */
  from: number;
  to: number;
  pair?: { key: string; value: string; valueEl: unknown };
}

/**
 * A table written as cards, as a phone layout shows it (a portal's mobile page, t3 only so): a title line per row (「（一）予以公开」),
 * then its cells as key/value pairs (「自然人40」, or 「自然人」⏎「40」 as Vant's cells stack them), every card with the same keys in the
 * same order. At least MIN_CARDS such cards in a row are a table: a header of the keys, a row per card, and a short line between two
 * cards (a group's caption, 「三、本年度办理结果」) a row across the table, as a merged cell. Read from the lines, so the browser's
 * page and the command line read them alike.
 */
function cardRuns(lines: SourceLine[]): CardRun[] {
  const items: CardItem[] = [];
  let pairs = 0;
  // Only short lines are asked more (most of a text's lines are prose, or a table's rows of several values); each once.
  let cachedAt = -1;
  let cached = '';
  const short = (i: number) => {
    if (i !== cachedAt) {
      const raw = lines[i]!.text;
      cachedAt = i;
      cached = raw.length <= MAX_CARD_LINE ? toHalfWidth(visible(raw)).trim() : '';
    }
    return cached;
  };
  for (let i = 0; i < lines.length; i++) {
    const src = lines[i]!;
    if (src.text.length > MAX_CARD_LINE) {
      items.push({ src, from: i, to: i + 1 });
      continue;
    }
    const text = short(i);
    if (!text) continue;
    const one = text.length <= MAX_PAIR_LINE ? CARD_PAIR.exec(text) : null;
    if (one && KEY_WORD.test(one[1]!)) {
      items.push({ src, from: i, to: i + 1, pair: { key: one[1]!.trim(), value: one[2]!, valueEl: src.el } });
      pairs++;
      continue;
    }
    // The key's line, then the count's (blank lines between are no text).
    let j = i + 1;
    while (j < lines.length && !lines[j]!.text.trim()) j++;
    const value = j < lines.length && text.length <= MAX_PAIR_LINE ? short(j) : '';
    if (value && CARD_LONE_VALUE.test(value) && CARD_KEY.test(text) && KEY_WORD.test(text) && readCell(text).kind === 'text') {
      items.push({ src, from: i, to: j + 1, pair: { key: text.replace(/:$/, '').trim(), value, valueEl: lines[j]!.el } });
      pairs++;
      i = j;
      continue;
    }
    items.push({ src, from: i, to: i + 1 });
  }
  if (pairs < MIN_CARDS * MIN_PAIRS) return [];
  const runs: CardRun[] = [];
  for (let k = 0; k < items.length;) {
    // A run opens with a title followed by a pair.
    const run = items[k + 1]?.pair && !items[k]!.pair ? cardRunAt(items, k) : null;
    if (run) {
      runs.push(run.run);
      k = run.next;
    } else k++;
  }
  return runs;
}

function cardRunAt(items: CardItem[], first: number): { run: CardRun; next: number } | null {
  const n = items.length;
  const isTitle = (k: number) => {
    const c = compact(items[k]!.src.text);
    return !items[k]!.pair && c.length <= MAX_CARD_TITLE && readCell(c).kind === 'text';
  };
  const cellOf = (k: number): GridCell => ({ text: items[k]!.src.text.trim(), el: items[k]!.src.el });
  let keys: GridCell[] | null = null;
  const rows: GridCell[][] = [];
  let captions: number[] = [];
  let cards = 0;
  let next = first;
  for (let k = first; k < n && isTitle(k);) {
    let j = k + 1;
    while (j < n && items[j]!.pair) j++;
    if (j === k + 1) {
      // A caption between cards, followed by a card's title.
      if (!cards || j >= n || !isTitle(j)) break;
      captions.push(k);
      k++;
      continue;
    }
    if (j - k - 1 < MIN_PAIRS) break;
    const own = items.slice(k + 1, j).map((it) => it.pair!);
    if (!keys) keys = own.map((p, i) => ({ text: p.key, el: items[k + 1 + i]!.src.el }));
    else if (own.length !== keys.length || own.some((p, i) => p.key !== keys![i]!.text)) break;
    for (const c of captions) {
      const cell = cellOf(c);
      rows.push(Array.from({ length: keys.length + 1 }, () => cell));
    }
    captions = [];
    rows.push([cellOf(k), ...own.map((p) => ({ text: p.value, el: p.valueEl }))]);
    cards++;
    k = next = j;
  }
  if (cards < MIN_CARDS || !keys) return null;
  const header: GridCell[] = [{ text: '', el: items[first]!.src.el }, ...keys];
  return { run: { start: items[first]!.from, end: items[next - 1]!.to, grid: { kind: 'grid', rows: [header, ...rows], el: items[first]!.src.el } }, next };
}

/**
 * One value per line, as WPS copies a table: there a blank cell is an empty line, where other tools
 * leave no line or put one between every two cells. When the text's rows of values one per line show
 * the first (a row of seven or more without an empty line among them, and no such row with one between every
 * two), the empty lines before and among a row's values are cells, and a row that has such lines is
 * read as a tab row is, its values in their columns (a row without one still cannot say which column
 * it lost). Empty lines that make a row too long are the label's merged cells or the end of the row
 * above (fitValues trims them from the left); those after the last value are not counted, as an empty
 * line may just end the table.
 */
function blankLinesAsCells(blocks: Block[]) {
  const rows = blocks.flatMap((b) => (b.kind === 'grid' ? b.rows : [])).filter((r) => r.some((c) => c.blankLinesBefore !== undefined));
  const gaps = (r: GridCell[]) => r.flatMap((c) => (c.blankLinesBefore === undefined ? [] : [c.blankLinesBefore])).slice(1);
  const tight = rows.some((r) => gaps(r).length >= 6 && gaps(r).every((g) => g === 0));
  // A full row with a line between every two values shows a tool that parts every cell so; a short row with them
  // may just have blank cells between its values (「2⏎⏎⏎1⏎⏎⏎3」: LibreOffice's text of a table with blank cells).
  const apart = rows.some((r) => gaps(r).length >= 6 && gaps(r).every((g) => g > 0));
  if (!tight || apart) return;
  for (const r of rows) {
    if (!r.some((c) => c.blankLinesBefore)) continue;
    for (let i = r.length - 1; i >= 0; i--) {
      const { blankLinesBefore: n, el } = r[i]!;
      if (n === undefined) continue;
      delete r[i]!.loose;
      if (n > 0) r.splice(i, 0, ...Array.from({ length: n }, (): GridCell => ({ text: '', el })));
    }
  }
}

/**
 * Word's plain-text copy of a table breaks a row where a cell holds a line break: 「<TAB>（二）部分公开」
 * then 「（区分处理的……）<TAB><TAB>6<TAB>…」. A row of words whose cells, with the next row's, make one
 * row as wide as the one above takes the next row in: its last cell goes on in the next row's first.
 */
function continuesBrokenRow(grid: GridCell[][], cells: GridCell[]): boolean {
  const prev = grid[grid.length - 1];
  const above = grid[grid.length - 2];
  if (!prev || !above || prev.length + cells.length - 1 !== above.length) return false;
  const last = prev[prev.length - 1]!;
  if (!last.text || prev.some((c) => readCell(c.text).kind === 'number') || !cells[0]!.text || readCell(cells[0]!.text).kind !== 'text') return false;
  prev[prev.length - 1] = { ...last, text: last.text + cells[0]!.text };
  prev.push(...cells.slice(1));
  return true;
}

/** A row's numbering at the start of a label (「一、」「（三）」「2.」): a line that opens with one starts a row. */
const ROW_NUMBERING = /^(?:[一二三四五六七八九十]+[、，]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.、．])/;

/**
 * pdftotext -layout puts a row's values on two lines where their baselines differ (a bold or larger 总计, a label
 * wrapped over two or three lines): 「（二）部分公开（区分处理的，只计这一情形   5   1   0   0   1   0」 then
 * 「，不计其他情形）                      7」, or the 总计 on the first line and the rest on the second. A line of
 * label words that open no row, and values, ends the row before it when the values of both lines, in their columns'
 * order, stand each under its own of a full row of the grid (one with as many values): its words go on the row's
 * label, and both lines' values are the row's. The full row may come later (a narrow label column wraps every row
 * from the first), so the grid is read whole.
 */
function splitRowsJoined(rows: GridCell[][]): GridCell[][] {
  const isValue = (c: GridCell) => c.text !== '' && readCell(c.text).kind !== 'text';
  // A row's values after its label: null when the row is not a label followed by values only.
  const valuesOf = (r: GridCell[]) => {
    const first = r.findIndex(isValue);
    return first >= 1 && r.slice(first).every(isValue) ? r.slice(first) : null;
  };
  const rowValues = rows.map(valuesOf);
  const width = rowValues.reduce((a, v) => Math.max(a, v?.length ?? 0), 0);
  const full = width >= 2 ? rowValues.filter((v) => v?.length === width).map((v) => v!) : [];
  if (!full.length) return rows;
  const under = (values: GridCell[], k: keyof Column) => {
    const all = [...values].sort((a, b) => (a.column?.[k] ?? NaN) - (b.column?.[k] ?? NaN));
    const fits = full.some((f) => all.every((c, i) => c.column !== undefined && f[i]!.column !== undefined && Math.abs(c.column[k] - f[i]!.column![k]) <= 2));
    return fits ? all : null;
  };
  const out: GridCell[][] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const next = rows[i + 1];
    const own = rowValues[i];
    const added = next && rowValues[i + 1];
    const words = next?.[0]?.text ?? '';
    // Values alone on the next line (no label) that, with the row's own, stand each under a full row's columns: the
    // row's values wrapped, as a narrow cell wraps its number.
    if (own && next?.length && own.length + next.length === width && next.every((c) => isValue(c) && c.column)) {
      const values = under([...own, ...next], 'wide') ?? under([...own, ...next], 'narrow');
      if (values) {
        out.push([...row.slice(0, row.length - own.length), ...values]);
        i++;
        continue;
      }
    }
    if (own && added && next!.length === added.length + 1 && own.length + added.length === width && !ROW_NUMBERING.test(words.trim())) {
      const values = under([...own, ...added], 'narrow') ?? under([...own, ...added], 'wide');
      if (values) {
        const at = row.length - own.length - 1;
        out.push([...row.slice(0, at), { ...row[at]!, text: row[at]!.text + words }, ...values]);
        i++;
        continue;
      }
    }
    out.push(row);
  }
  return out;
}

/**
 * A spreadsheet's copy (WPS, Excel) quotes a cell that holds line breaks: 「"（二）部分公开⏎（区分处理的……）"」
 * between tabs. The cell is put back on one line (at most a few lines, no tab or quote inside).
 */
const QUOTED_CELL = /(^|\t)"([^"\t\n]*(?:\r?\n[^"\t\n]*){1,3})"(?=\t|\r?\n|$)/g;

/** A line held back as a label, given as the line it is. */
const asLine = (src: SourceLine): Block => ({ kind: 'line', text: stripMarkup(unbarred(src.text)), el: src.el });

/** A one-cell pipe line (「|第二十条第（五）项      |」, a caption across a framed table) as a line: its words without the frame. */
function unbarred(line: string): string {
  const framed = /^\s*[|｜│┃║]([^|｜│┃║]*)[|｜│┃║]\s*$/.exec(line);
  return framed ? framed[1]! : line;
}

/** Heading marks (markdown's 「#」, AsciiDoc's 「=」) and list bullets are layout, not text. */
function stripMarkup(line: string): string {
  return line
    .replace(/^\s*(?:#{1,6}|={1,6})\s+/, '')
    .replace(/^\s*[-*+]\s+/, '')
    .trim();
}

/**
 * Markdown's escapes (mammoth, pandoc, turndown write 「12\\.5」, 「3\\. 其他」, 「\\-」): a backslash before ASCII
 * punctuation is no character of the report's.
 */
const MARKDOWN_ESCAPE = /\\([!-/:-@[-`{-~])/g;

/** Markdown's bold (「**二、主动公开政府信息情况**」, html2text and turndown write Word's bold runs so): no report writes 「**」. */
const MARKDOWN_BOLD = /\*\*/g;

/**
 * A markdown file's front matter (pandoc -s writes the document's title there: 「---⏎title: 某局2023年…报告⏎---」):
 * its values are the document's first lines, its keys and fences are not text.
 */
const FRONT_MATTER = /^---\r?\n((?:[\w-]+:.*\r?\n){1,20})---\r?\n/;

function frontMatterAsLines(text: string): string {
  const m = FRONT_MATTER.exec(text);
  if (!m) return text;
  const values = m[1]!.split(/\r?\n/).map((l) => l.replace(/^[\w-]+:\s*/, '').replace(/^(["'])(.*)\1$/, '$2'));
  return values.join('\n') + text.slice(m[0].length);
}

/**
 * A grid table's row of several lines (pandoc's markdown and reStructuredText wrap a long cell: 「| 四、结转下年 | 2 |」⏎
 * 「|              |   |」⏎「| 度继续办理   |   |」): the lines between two rules are one row, each cell's pieces joined.
 * Lines with bars in other places are left as they are.
 */
function gridRowsJoined(lines: SourceLine[]): SourceLine[] {
  return rowsBetweenRules(
    lines,
    (t) => GRID_TABLE_RULE.test(t),
    (t) => t.length > 1 && t.startsWith('|') && t.endsWith('|'),
    joinedGridRow,
  );
}

/** A drawn table's rows: the lines between two rules (isRule) that look like a row (isRow), each group joined; other lines as they are. */
function rowsBetweenRules(
  lines: SourceLine[],
  isRule: (t: string) => boolean,
  isRow: (t: string) => boolean,
  joined: (group: SourceLine[]) => SourceLine[],
  inTable = false,
): SourceLine[] {
  const out: SourceLine[] = [];
  let group: SourceLine[] = [];
  const flush = () => {
    if (group.length) out.push(...joined(group));
    group = [];
  };
  for (const src of lines) {
    const t = src.text.trim();
    if (isRule(t)) {
      flush();
      inTable = true;
      out.push(src);
    } else if (inTable && isRow(t)) group.push(src);
    else {
      flush();
      inTable = false;
      out.push(src);
    }
  }
  flush();
  return out;
}

function joinedGridRow(group: SourceLine[]): SourceLine[] {
  if (group.length === 1) return group;
  const cells = group.map((l) => l.text.trim().slice(1, -1).split('|'));
  if (cells.some((c) => c.length !== cells[0]!.length)) return group;
  return [{ ...group[0]!, text: `| ${cells[0]!.map((_, i) => cells.map((c) => c[i]!.trim()).join('')).join(' | ')} |` }];
}

/** A horizontal stroke of a box-drawn frame (「─」); every other box character is a bar or a junction. */
const BOX_STROKE = /[─━═┄┅┈┉╌╍╴╶╸╺]/;
const BOX_CHAR = /[\u2500-\u257f]/;
/** A rule across a box-drawn table (「├───┼───┤」, or part of one beside a merged cell: 「│    ├───┼───┤」). */
const isBoxRule = (t: string) => BOX_STROKE.test(t) && /^[\u2500-\u257f\s]+$/.test(t);
const isBoxRow = (t: string) => t.length > 1 && BOX_CHAR.test(t[0]!) && BOX_CHAR.test(t[t.length - 1]!) && !isBoxRule(t);

/**
 * A box-drawn table's rows of several lines (w3m -dump of a table with a border wraps a cell's words inside its box:
 * 「│结 │结 │」⏎「│果 │果 │」): the lines between two rules are one row. Rows without such lines are left as they are.
 */
function boxRowsJoined(lines: SourceLine[], inTable = false): SourceLine[] {
  return rowsBetweenRules(lines, isBoxRule, isBoxRow, joinedBoxRow, inTable);
}

/** One box of a line: between two bars at display columns `left` and `right`, from `from` to `to` in the text. */
interface BoxPiece {
  left: number;
  right: number;
  from: number;
  to: number;
  text: string;
  rule: boolean;
}

function boxPieces(line: string): BoxPiece[] {
  const pieces: BoxPiece[] = [];
  let col = 0;
  let bar: { col: number; at: number } | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (BOX_CHAR.test(c) && !BOX_STROKE.test(c)) {
      if (bar) {
        const text = line.slice(bar.at + 1, i);
        pieces.push({ left: bar.col, right: col, from: bar.at + 1, to: i, text, rule: BOX_STROKE.test(text) });
      }
      bar = { col, at: i };
    }
    col += wideWidth(c);
  }
  return pieces;
}

/**
 * The lines of one row between two rules: each box of the last line takes the words stacked above it in its box
 * (up to a rule across it), joined; a box wider than it above (a merged header over several columns, 「未经复议直接起诉」)
 * stays on a line of its own before the row. A box whose lines hold two values is left as it stands (never one
 * number of two), unless the first fills its box: one number w3m wrapped.
 */
function joinedBoxRow(group: SourceLine[]): SourceLine[] {
  if (group.length === 1) return group;
  const lines = group.map((l) => boxPieces(l.text));
  const last = lines[lines.length - 1]!;
  if (!last.length || last.some((p) => p.rule)) return group;
  const taken = lines.map(() => new Set<BoxPiece>());
  const cells: string[] = [];
  for (const leaf of last) {
    const stack: BoxPiece[] = [];
    for (let i = lines.length - 1; i >= 0; i--) {
      const p = lines[i]!.find((q) => q.left === leaf.left && q.right === leaf.right);
      if (!p || p.rule) break;
      stack.unshift(p);
      taken[i]!.add(p);
    }
    const joined = joinedBox(stack);
    if (joined === null) return group;
    cells.push(joined);
  }
  // What is left above: rows of their own, between the rules their merged boxes' words stood beside (「│（六）├───┤」).
  const above = group
    .slice(0, -1)
    .map((src, i) => ({ ...src, text: withoutPieces(src.text, taken[i]!) }))
    .filter((src) => /[^\u2500-\u257f\s]/.test(src.text) || isBoxRule(src.text.trim()));
  return [...boxRowsJoined(above, true), { ...group[0]!, text: `│${cells.join('│')}│` }];
}

/**
 * A box's lines as one cell: words joined, and a value with the words wrapped after it (「3」⏎「件」: the cell says
 * 「3件」); two values only when they are one number wrapped (each line but the last fills the box).
 */
function joinedBox(stack: BoxPiece[]): string | null {
  const filled = stack.filter((p) => p.text.trim());
  const texts = filled.map((p) => p.text.trim());
  if (texts.filter((t) => readCell(t).kind !== 'text').length <= 1) return texts.join('');
  const number = texts.join('');
  const wrapped = filled.slice(0, -1).every((p) => !/\s$/.test(p.text)) && readCell(number).kind === 'number';
  return wrapped ? number : null;
}

/** A line with the text of some of its boxes blanked (each character by as many spaces as it is wide). */
function withoutPieces(line: string, pieces: Set<BoxPiece>): string {
  let out = line;
  for (const p of [...pieces].sort((a, b) => b.from - a.from)) out = out.slice(0, p.from) + ' '.repeat(wideWidth(p.text)) + out.slice(p.to);
  return out;
}

/**
 * Box-drawn tables set side by side (a layout table holding t4's 行政复议 and 行政诉讼 as two bordered tables:
 * 「│2 │1 │ │1 │0 │」): each table's lines on their own, the left one's first. Two frames stand apart where every line
 * of the run has a space in one display column, with frames on both sides of it in some line.
 */
function sideBySideSplit(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (let i = 0; i < lines.length;) {
    if (!BOX_CHAR.test(lines[i]!.text)) {
      out.push(lines[i++]!);
      continue;
    }
    let end = i;
    while (end < lines.length && BOX_CHAR.test(lines[end]!.text)) end++;
    out.push(...tablesApart(lines.slice(i, end)));
    i = end;
  }
  return out;
}

/** A line by display column: the character that starts in each, '\0' where a wide one goes on. */
function byDisplayColumn(text: string): string[] {
  const out: string[] = [];
  for (const ch of text) {
    out.push(ch);
    for (let w = wideWidth(ch); w > 1; w--) out.push('\0');
  }
  return out;
}

function tablesApart(run: SourceLine[]): SourceLine[] {
  const cols = run.map((l) => byDisplayColumn(l.text));
  const charAt = (k: number, c: number) => cols[k]![c] ?? ' ';
  for (let c = 0; c < cols[0]!.length; c++) {
    if (charAt(0, c) !== ' ' || !BOX_CHAR.test(charAt(0, c - 1)) || !BOX_CHAR.test(charAt(0, c + 1))) continue;
    if (!run.every((_, k) => charAt(k, c) === ' ')) continue;
    const part = (k: number, left: boolean) => (left ? cols[k]!.slice(0, c) : cols[k]!.slice(c + 1)).join('').replaceAll('\0', '');
    const framed = (t: string) => !t.trim() || (BOX_CHAR.test(t.trim()[0]!) && BOX_CHAR.test(t.trim().at(-1)!));
    if (!run.every((_, k) => framed(part(k, true)) && framed(part(k, false)))) continue;
    const side = (left: boolean) => run.flatMap((l, k) => (part(k, left).trim() ? [{ ...l, text: part(k, left).trimEnd() }] : []));
    return [...side(true), ...tablesApart(side(false))];
  }
  return run;
}

/** A line that ends in a year, and one that goes on with its 年: a title a PDF's text broke after the year. */
const ENDS_IN_YEAR = /(?:^|[^\d.])(?:19|20)\d\d\s*$/;

/**
 * A title broken after its year (「XX局 2023⏎年政府信息公开工作年度报告」, catdoc and narrow PDF pages): the year and its 年
 * are one line again. Else the first half reads as a row of one value (the year) and the title names no body.
 */
function yearsRejoined(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (const src of lines) {
    const prev = out.at(-1);
    if (prev && ENDS_IN_YEAR.test(prev.text) && src.text.trimStart().startsWith('年'))
      out[out.length - 1] = { ...prev, text: prev.text.trimEnd() + src.text.trim() };
    else out.push(src);
  }
  return out;
}

export function textToBlocks(raw: string, el?: unknown): Block[] {
  const text = raw.startsWith('---') ? frontMatterAsLines(raw) : raw;
  const unescaped = (text.includes('\\') ? text.replace(MARKDOWN_ESCAPE, '$1') : text).replace(MARKDOWN_BOLD, '');
  const unquoted = unescaped.includes('\t"') ? unescaped.replace(QUOTED_CELL, (_, lead: string, cell: string) => lead + cell.replace(/\r?\n/g, '')) : unescaped;
  const lines = unquoted.split(/\r\n?|\n/).map((t, line) => ({ text: t, el, line }));
  const rejoined = /\d\s*\r?\n\s*年/.test(unquoted) ? yearsRejoined(lines) : lines;
  const gridded = unquoted.includes('+-') ? gridRowsJoined(rejoined) : rejoined;
  return linesToBlocks(/[─━═]/.test(unquoted) ? boxRowsJoined(sideBySideSplit(gridded)) : gridded);
}
