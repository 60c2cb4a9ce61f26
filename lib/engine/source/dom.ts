import { sectionOfHeading } from '../parse/sections';
import type { Block, Grid, GridCell } from './blocks';
import { CHECK_EVERY, drain, NO_DEADLINE, type Deadline, type Steps } from '../steps';
import { layoutTableBlocks } from './layout-table';
import { linesToBlocks, type SourceLine } from './text';
import { simplified } from '../traditional';
import { shownOrder, visible } from '../text';
import { INVISIBLE_TEXT_STYLE, isTextRun, STRUCK_STYLE } from './style-sheet';

/**
 * Elements whose content is never report text. The overlay host is not named here: the caller
 * passes a predicate that recognises it by reference, so a page element that merely borrows its
 * tag name cannot hide a table.
 */
export const SKIPPED_ELEMENTS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'SELECT',
  'TEXTAREA',
  'BUTTON',
  'HEAD',
  // A ruby's annotation (pinyin over 规章, as an elder-mode toolbar writes it) and its fallback brackets.
  'RT',
  'RP',
]);
/**
 * Whether an element's content is never report text. A read-only text box is a page's text shown in a
 * box (an old CMS shows a plain-text article so), with its line breaks; a writable one is a form's field.
 */
export function isSkipped(el: El, tag: string): boolean {
  return (
    (SKIPPED_ELEMENTS.has(tag) &&
      !(tag === 'TEXTAREA' && isReadOnly(el)) &&
      !(tag === 'TEMPLATE' && isShadowRoot(el)) &&
      !(tag === 'SVG' && showsHtml(el)) &&
      !(tag === 'BUTTON' && isCountInCell(el))) ||
    SVG_WORDS.has(tag) ||
    isReviewComment(el, tag) ||
    isStruckOut(el, tag)
  );
}

/**
 * An <svg> holding a <foreignObject>, an HTML integration point: a browser shows the HTML in it as the page's, tables
 * too (a page built as one picture). Such a picture is read; its own words (SVG_WORDS) still are not.
 */
const showsHtml = (svg: El): boolean => !!svg.querySelector('foreignObject');
/** The words an SVG picture draws (a chart's labels and its description), never the report's text. */
const SVG_WORDS = new Set(['TEXT', 'TSPAN', 'TEXTPATH', 'DESC']);

/**
 * A web component's declarative shadow root (「<article-viewer><template shadowrootmode="open">」): a browser's parser attaches
 * it and shows its content as the host's, so it is read in place. Only an open root of a custom element (a hyphen in its name),
 * as the browser's page tree writes it (page-tree.ts: a closed root is out of a script's reach, and other hosts are not asked).
 */
function isShadowRoot(template: El): boolean {
  return template.getAttribute('shadowrootmode')?.toLowerCase() === 'open' && !!template.parentElement?.tagName.includes('-');
}

/**
 * A count drawn as a button in a table's cell is the cell's value: an admin UI's table published as it renders makes each
 * figure a drill-down (Element Plus 「<td><button class="el-button is-link"><span>53</span></button></td>」). Other buttons'
 * words are a control's (查看, 下载, a pager's page numbers outside any cell), never report text.
 */
function isCountInCell(button: El): boolean {
  if (!/^\s*\d[\d,，]*(?:\.\d+)?\s*$/.test(button.textContent ?? '')) return false;
  let up = button.parentElement;
  for (let depth = 0; up && depth < 4; depth++, up = up.parentElement) {
    const tag = tagOf(up);
    if (tag === 'TD' || tag === 'TH') return true;
    if (tag === 'TABLE' || tag === 'TR') return false;
  }
  return false;
}

/** Tags of text shown struck through. */
const STRUCK_TAGS = new Set(['DEL', 'S', 'STRIKE']);

/**
 * Text struck through is deleted text: Word's 「save as web page」 with changes tracked writes a corrected cell as
 * 「<del>15</del><ins>16</ins>」, an editor strikes a value out beside its correction (「<s>15</s> 16」). The value is
 * what is kept, as the PDF reader drops struck text (pdf-layout.ts): 「1516」 or 「15 16」 would be read.
 */
function isStruckOut(el: El, tag: string): boolean {
  if (STRUCK_TAGS.has(tag)) return true;
  const style = el.getAttribute('style');
  return !!style && STRUCK_STYLE.test(style);
}

/**
 * A review comment LibreOffice's XHTML export writes inline where it was made, in a <span> that opens
 * (after line breaks) with 「[ANNOTATION:」, its author, date and note then 「]」, before the cell's 53:
 * the reviewer's words, not the report's. Known by its text, which the browser's page tree keeps (not its class).
 */
function isReviewComment(el: El, tag: string): boolean {
  if (tag !== 'SPAN') return false;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3) {
      const text = (n as Text).data.trimStart();
      if (text) return text.startsWith('[ANNOTATION:');
    } else if (n.nodeType !== 1 || tagOf(n as El) !== 'BR') return false;
  }
  return false;
}

/** Elements a browser shows with their line breaks kept (<xmp> and <listing> are the old raw-text forms of <pre>). */
const PREFORMATTED = new Set(['PRE', 'XMP', 'LISTING', 'PLAINTEXT']);
const BLOCK = new Set([
  'P',
  'DIV',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'UL',
  'OL',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'NAV',
  'ASIDE',
  'BLOCKQUOTE',
  'DL',
  'DT',
  'DD',
  'FIGURE',
  'FIGCAPTION',
  'CENTER',
  'FORM',
  'ADDRESS',
  'HR',
  'TABLE',
  'TR',
  'TD',
  'TH',
  'TBODY',
  'THEAD',
  'TFOOT',
  'CAPTION',
  'BODY',
  // Mini-programs' view components in their H5 builds (uni-app, Taro): custom elements their frameworks' style sheets show as blocks.
  'UNI-VIEW',
  'TARO-VIEW-CORE',
]);
/** Bounds against absurd spans in broken markup. */
const MAX_SPAN = 200;

/** How much of a page is read: beyond this the rest is left out and the audit says so. */
export interface PageLimits {
  /** Characters of text. */
  chars: number;
  /** Table cells (after rowspan/colspan expansion). */
  cells: number;
}
export const PAGE_LIMITS: PageLimits = { chars: 5_000_000, cells: 50_000 };

/** An image in the page's text flow, with its place among the page's text blocks and tables. */
export interface PageImage {
  el: unknown;
  pos: number;
}

/** What readDom gives: the blocks, what was cut, images, and where each text block's element sits. */
export interface DomRead {
  blocks: Block[];
  truncated: Truncation | null;
  images: PageImage[];
  /** Place of a text block's element (a heading's, a paragraph's) in page order, comparable with images'. */
  positionOf(el: unknown): number | undefined;
  /** Whether the walk left out an element that a style or `hidden` hides and that holds something. */
  leftHidden: boolean;
}

/** Icons, bullets and spacers are not content: an image this small (by its attributes) is left out. */
const MIN_IMAGE_SIDE = 64;

/** What was left out of a page too large to read whole. */
export interface Truncation {
  /** Tables read before the cut. */
  tables: number;
  reason: 'chars' | 'cells';
}

type El = Element;

/** The ARIA roles of a grid's cells: an inline element with one is a cell of its row's line (the page tree keeps them). */
export const CELL_ROLE = /^(?:cell|gridcell|columnheader|rowheader)$/i;
/**
 * The ARIA roles of a grid's rows and their groups: an element with one is laid out as a block (a line of its own), whatever
 * its tag: custom elements (Angular Material's <mat-row role="row">) have no display of their own but the site's style sheet's.
 */
export const ROW_ROLE = /^(?:row|rowgroup|table|grid|treegrid)$/i;

/** An inline style that hides its element (and all it holds) from the engine; `visibility:collapse` hides a table's row or column. */
export const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*collapse/i;

/**
 * The attribute a translation extension (Immersive Translate) marks its copies with: the English it adds after each paragraph and
 * label (「3.其他 3. Other」) is not the page's text, and the auditor reads the page as published.
 */
export const TRANSLATION_MARK = 'data-immersive-translate-translation-element-mark';

function isHidden(el: El): boolean {
  if (el.hasAttribute('hidden') || el.hasAttribute(TRANSLATION_MARK)) return true;
  // A <dialog> not open is not shown (a browser's own style sheet: dialog:not([open]) {display:none}), as last year's report in one.
  if (tagOf(el) === 'DIALOG' && !el.hasAttribute('open')) return true;
  // A popover is not shown until a button or a script opens it ([popover]:not(:popover-open) {display:none}), as last year's
  // figures in one beside a 「查看上年数据」 button; a saved page opens none (the page tree writes an open one unhidden).
  if (el.hasAttribute('popover')) return true;
  const style = el.getAttribute('style');
  if (!style) return false;
  return HIDING_STYLE.test(style) || (isTextRun(el) && INVISIBLE_TEXT_STYLE.test(style));
}

const tagOf = (el: El) => el.tagName.toUpperCase();

/** No child, or one text of white space: looked at without walking the children, as every block is. */
function isEmptyLeaf(el: El): boolean {
  const only = el.firstChild;
  return !only || (only === el.lastChild && only.nodeType === 3 && !(only as Text).data.trim());
}

/**
 * Whether a table holds another table (a layout table), by an iterative walk over its elements
 * that stops at the first table. Each element is walked for at most one table that holds none,
 * and the walks of nested layout tables cover disjoint parts: linear in the page, at any depth.
 */
function holdsTable(table: El): boolean {
  const stack: El[] = [];
  let cellRows = 0;
  let valueRows = 0;
  for (let c = table.firstElementChild; c; c = c.nextElementSibling) stack.push(c);
  while (stack.length) {
    const el = stack.pop()!;
    if (tagOf(el) === 'TABLE') {
      if (isValueBox(el)) continue;
      const cells = cellRowOf(el);
      if (cells) {
        cellRows++;
        if (cells.every((td) => VALUE_TEXT.test((td.textContent ?? '').replace(/\s+/g, '')))) valueRows++;
        continue;
      }
      return true;
    }
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push(c);
  }
  // Cell rows of values in several rows are the table's columns; without them they are a layout's bars of links (a pager's
  // 「1 2 3」 is one), and the table a layout.
  return cellRows > 0 && valueRows < 2;
}

/** The most characters a value box holds: a count, an amount, a word such as 「不适用」. */
const VALUE_BOX_CHARS = 20;

/**
 * A table of one cell around a few characters (「<td><table><tr><td>40</td></tr></table></td>」, a designer's
 * way to centre a value): part of the cell that holds it, not a table of its own.
 */
function isValueBox(table: El): boolean {
  const rows = table.querySelectorAll('tr');
  if (rows.length !== 1 || rows[0]!.children.length !== 1 || table.querySelector('table')) return false;
  return (table.textContent ?? '').trim().length <= VALUE_BOX_CHARS;
}

/**
 * A table of one row of short cells inside a cell (「<td><table><tr><td>6</td><td>1</td><td>0</td>…</tr></table></td>」: the five
 * columns of 法人或其他组织 written as a table in a cell of every row, their names likewise in the header's): its cells, which
 * are columns of the row that holds it (tableToGrid), when the table holds several (holdsTable).
 */
function cellRowOf(table: El): El[] | undefined {
  const rows = table.querySelectorAll('tr');
  if (rows.length !== 1 || table.querySelector('table')) return undefined;
  const cells = Array.from(rows[0]!.children).filter((td) => /^T[DH]$/.test(tagOf(td)) && !isHidden(td));
  return cells.length >= 2 && cells.every((td) => (td.textContent ?? '').trim().length <= VALUE_BOX_CHARS) ? cells : undefined;
}

/** A cell's cells: those of the one cell row it holds (cellRowOf), the cell's own text before the first (a group's name); else itself. */
function cellsOf(td: El): GridCell[] {
  const tables = td.firstElementChild ? td.querySelectorAll('table') : [];
  const inner = tables.length === 1 ? cellRowOf(tables[0]!) : undefined;
  if (!inner) return [{ text: cellText(td), el: td }];
  const own = textBesides(td, tables[0]!).replace(/\s+/g, ' ').trim();
  return inner.map((c, i) => ({ text: i || !own ? cellText(c) : `${own} ${cellText(c)}`, el: c }));
}

/** The text of a cell without the table inside it: what the elements from the cell down to the table hold besides. */
function textBesides(td: El, table: El): string {
  const path = new Set<Node>();
  for (let up: El | null = table; up && up !== td; up = up.parentElement) path.add(up);
  let out = '';
  const walk = (el: El) => {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c === table) continue;
      if (path.has(c)) walk(c as El);
      else if (c.nodeType === 1 || c.nodeType === 3) out += c.nodeType === 1 ? shownText(c as El) : (c as Text).data;
    }
  };
  walk(td);
  return simplified(visible(out));
}

/**
 * Whether a row is the table's own, not a row of a table inside one of its cells, nor of a <template> in the table (Alpine's
 * 「<tbody><template x-for="row in rows"><tr>…</tr></template>」 left before the rows it made): a browser keeps a template's
 * rows apart, and a parser without templates (the light DOM) finds them among the table's.
 */
function isOwnRow(tr: El, table: El): boolean {
  let up = tr.parentElement;
  while (up && up !== table && tagOf(up) !== 'TABLE') {
    if (tagOf(up) === 'TEMPLATE' && !isShadowRoot(up)) return false;
    up = up.parentElement;
  }
  return !up || up === table;
}

/** Reads a document (browser or linkedom) into lines and grids. Layout tables (a table holding tables) are walked through, not read as data. */
export function domToBlocks(root: El, skip?: (el: El) => boolean): Block[] {
  return readDom(root, PAGE_LIMITS, skip).blocks;
}

/**
 * The same, with what was cut: the walk is iterative (no recursion on page depth) and stops at
 * `limits`, so a huge page costs bounded work and the audit can say what it did not read.
 * `skip` names elements to pass over (the overlay's host, by reference).
 */
export function readDom(root: El, limits: PageLimits = PAGE_LIMITS, skip?: (el: El) => boolean): DomRead {
  return drain(readDomSteps(root, limits, skip, NO_DEADLINE));
}

/**
 * readDom in steps: it yields when `deadline()` says the slice is spent, looked at every CHECK_EVERY nodes or table cells.
 * `withHidden`: read what a style or `hidden` hides too (but a table's hidden rows and cells still not).
 */
export function* readDomSteps(root: El, limits: PageLimits, skip: ((el: El) => boolean) | undefined, deadline: Deadline, withHidden = false): Steps<DomRead> {
  const items: (SourceLine | Block)[] = [];
  const images: PageImage[] = [];
  const order = new Map<unknown, number>();
  let seq = 0;
  const place = (el: unknown) => order.has(el) || order.set(el, seq++);
  let buf = '';
  let bufEl: El | undefined;
  let chars = 0;
  let cells = 0;
  let tables = 0;
  let truncated: Truncation | null = null;
  let leftHidden = false;
  const flush = () => {
    if (bufEl) place(bufEl);
    buf.split('\n').forEach((text, line) => text.trim() && items.push({ text: simplified(text), el: bufEl, line }));
    buf = '';
    bufEl = undefined;
  };
  // A frame either enters a node or, after a block's children, ends the block.
  const stack: ({ node: Node; owner: El } | null)[] = [{ node: root, owner: root }];
  // Units of work since the last look at the deadline: a node, or a table's cells.
  let work = 0;
  while (stack.length && !truncated) {
    if (++work >= CHECK_EVERY) {
      work = 0;
      if (deadline()) yield;
    }
    const frame = stack.pop()!;
    if (frame === null) {
      flush();
      continue;
    }
    const { node, owner } = frame;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      chars += data.length;
      if (chars > limits.chars) {
        truncated = { tables, reason: 'chars' };
        break;
      }
      const text = data.replace(/[\t\r\n]+/g, ' ');
      if (text.trim() && !bufEl) bufEl = owner;
      buf += text;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as El;
    const tag = tagOf(el);
    if (isSkipped(el, tag) || skip?.(el)) continue;
    if (!withHidden && isHidden(el)) {
      leftHidden ||= !!el.firstChild;
      continue;
    }
    if (tag === 'BR') {
      buf += '\n';
      continue;
    }
    // A form shown read-only (a 填报 system's view page: 「<input readonly value="2024-01-20">」 under 「发布日期」): its value is text on the page.
    if (tag === 'INPUT') {
      const value = readOnlyValue(el);
      if (value) {
        bufEl ??= owner;
        buf += ` ${value} `;
      }
      continue;
    }
    if (tag === 'IMG') {
      // A title or a heading shown only as a picture: its alt text names the report or the section, and is read as a line.
      const alt = simplified(el.getAttribute('alt') ?? '');
      if (alt.length <= 80 && ((/年度报告|年报/.test(alt) && /20\d{2}|二[〇○零]/.test(alt)) || sectionOfHeading(alt))) {
        buf += `\n${alt}\n`;
        bufEl ??= owner;
      }
      const small = ['width', 'height'].some((a) => Number(el.getAttribute(a)) > 0 && Number(el.getAttribute(a)) < MIN_IMAGE_SIDE);
      if (!small) images.push({ el, pos: seq++ });
      continue;
    }
    // A table without rows (broken markup) is walked through like a block, and so is one without
    // text (a frame around a picture of a table, as Word pastes it): its images are then seen.
    const grid = tag === 'TABLE' && !holdsTable(el) ? tableToGrid(el, limits.cells - cells) : null;
    if (grid?.rows.length && grid.rows.some((r) => r.some((c) => c.text))) {
      flush();
      const size = grid.rows.reduce((n, r) => n + r.length, 0);
      cells += size;
      work += size;
      if (cells > limits.cells) {
        truncated = { tables, reason: 'cells' };
        break;
      }
      // A table's caption may be its section's heading (「<caption>二、主动公开政府信息情况</caption>」).
      const caption = Array.from(el.children).find((c) => tagOf(c) === 'CAPTION');
      const captionText = caption ? cellText(caption) : '';
      if (caption && captionText) {
        place(caption);
        items.push({ text: captionText, el: caption, line: 0 });
      }
      place(el);
      for (const b of layoutTableBlocks(grid)) items.push(b);
      tables++;
      continue;
    }
    if (PREFORMATTED.has(tag) || tag === 'TEXTAREA') {
      flush();
      place(el);
      (el.textContent ?? '').split('\n').forEach((text, line) => items.push({ text: simplified(text), el, line }));
      continue;
    }
    const role = el.getAttribute('role') ?? '';
    // A grid's cell is a cell of its row's line, a tab apart from the one before as a text table's are: an inline one
    // (「<span role="cell">」), and a <div role="cell"> of text alone, which as a line of its own would be read as a line
    // of text (a label over a label line's length, 「三、本年度办理结果（六）其他处理1.申请人…」, reads as prose).
    const cell = CELL_ROLE.test(role) && !Array.from(el.children).some((c) => BLOCK.has(tagOf(c)));
    const block = (!cell && BLOCK.has(tag)) || ROW_ROLE.test(role);
    if (!block && cell) buf += '\t';
    // An empty block (「<div class="cell"></div>」, 「<p>&nbsp;</p>」) is an empty line: in a table
    // written one cell per block, a blank cell (source/text.ts blankLinesAsCells).
    if (block && isEmptyLeaf(el)) {
      flush();
      items.push({ text: '', el });
      continue;
    }
    if (block) {
      flush();
      stack.push(null);
    }
    for (let c = el.lastChild; c; c = c.previousSibling) stack.push({ node: c, owner: block ? el : owner });
  }
  flush();
  const blocks = yield* regroupSteps(items, deadline);
  return { blocks, truncated, images, positionOf: (el) => order.get(el), leftHidden };
}

/** Text lines between tables are grouped (they may be text-table rows); real grids pass through. */
export function regroup(items: (SourceLine | Block)[]): Block[] {
  return drain(regroupSteps(items, NO_DEADLINE));
}

/** regroup in steps: it may yield between runs of lines (one run, text between two tables, is grouped at once). */
function* regroupSteps(items: (SourceLine | Block)[], deadline: Deadline): Steps<Block[]> {
  const out: Block[] = [];
  let run: SourceLine[] = [];
  const flushRun = () => {
    // Appended one by one: a spread of a 150 000-line run would overflow the call stack.
    for (const b of linesToBlocks(run)) out.push(b);
    run = [];
  };
  for (const it of items) {
    if ('kind' in it) {
      if (run.length && deadline()) yield;
      flushRun();
      out.push(it);
    } else run.push(it);
  }
  flushRun();
  return out;
}

function cellText(td: El): string {
  // What prints nothing goes before white space is folded: /\s/ counts a stray U+FEFF as a space, which would split 「1\uFEFF8」.
  // A right-to-left override is read as shown before its marks go (shownOrder).
  return simplified(
    visible(shownOrder(td.firstElementChild ? shownText(td) : (td.textContent ?? '')))
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/**
 * The option a <select> shows in a form rendered for viewing (a 填报 system's value 「<option selected>53</option>」 among
 * 0, 1, 2 …): the one marked selected, else its first, as a browser shows it (none in an empty box). The browser's page
 * tree asks the live selection first and keeps only that option.
 */
export function shownOption(select: El): El | undefined {
  const options = Array.from(select.querySelectorAll('option'));
  return options.find((o) => o.hasAttribute('selected')) ?? options[0];
}

/** Footnote marks after a label or value (「3.其他<sub>b</sub>」), not part of the cell's text. */
const FOOTNOTE_MARK = new Set(['SUP', 'SUB']);

/** A <sup>/<sub> after the cell's text is a mark; one before any (「<sup>53</sup>」, raised by a slip of the editor) is the value. */
function isFootnoteMark(el: El, before: string): boolean {
  return FOOTNOTE_MARK.has(tagOf(el)) && !!before.trim();
}

/**
 * A note's number as a link to it within the page, after the cell's text (LibreOffice's XHTML filter:
 * 「3.其他<span class="Footnote_20_anchor"><a href="#ftn5">3</a></span>」, raised by its style sheet only):
 * a mark, as a <sup> is. A link alone in its cell is the cell's value.
 */
function isNoteLink(el: El, before: string): boolean {
  return tagOf(el) === 'A' && !!before.trim() && (el.getAttribute('href') ?? '').startsWith('#') && /^\s*[[(（]?\d{1,3}[\])）]?\s*$/.test(el.textContent ?? '');
}

/**
 * A cell's text as the page shows it: without what a style or `hidden` hides (Word's hidden field
 * codes, a portal's hidden anti-copy characters: 「1<span style="display:none">9</span>2」 shows 12),
 * what is never text (a script), and footnote marks (「行政许可<sup>*</sup>」, 「总计<sup>②</sup>」, 「3.其他<sub>b</sub>」); with the value
 * of a text box shown read-only.
 * Walked iteratively, as the page walk is.
 */
function shownText(root: El): string {
  let out = '';
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      out += (node as Text).data;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as El;
    // A <select>'s value is the option it shows.
    if (el !== root && tagOf(el) === 'SELECT' && !isHidden(el)) {
      out += shownOption(el)?.textContent ?? '';
      continue;
    }
    // A read-only <textarea> is a cell's value as the page shows it (a form rendered for viewing), as it is a block's text;
    // a review comment (isSkipped) is not the cell's.
    if (el !== root && (isSkipped(el, tagOf(el)) || isFootnoteMark(el, out) || isHidden(el) || isNoteLink(el, out))) continue;
    // A closed <details> in a cell shows its <summary> alone (a count one can open for its breakdown: 「53」 over 「其中网上申请…」).
    if (el !== root && tagOf(el) === 'DETAILS' && !el.hasAttribute('open')) {
      const summary = Array.from(el.children).find((c) => tagOf(c) === 'SUMMARY');
      out += summary ? shownText(summary) : '';
      continue;
    }
    // <bdo dir="rtl"> shows its text reversed, as a right-to-left override does (cellText reads it as shown: shownOrder).
    if (el !== root && tagOf(el) === 'BDO' && el.getAttribute('dir')?.toLowerCase() === 'rtl') {
      out += `\u202e${shownText(el)}\u202c`;
      continue;
    }
    // A form shown read-only (「<input readonly value="12">」): the value is what the cell shows.
    if (tagOf(el) === 'INPUT' && /^(?:text|number|)$/i.test(el.getAttribute('type') ?? '')) out += el.getAttribute('value') ?? '';
    for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return out;
}

/** A form field shown for reading, not for typing in: its value is text of the page. */
const isReadOnly = (el: El): boolean => el.hasAttribute('readonly') || el.hasAttribute('disabled');

/** The value a text box shows read-only, as text; a box one may type in holds no text of the page. */
function readOnlyValue(el: El): string {
  if (!/^(?:text|number|date|)$/i.test(el.getAttribute('type') ?? '')) return '';
  return isReadOnly(el) ? (el.getAttribute('value') ?? '').trim() : '';
}

function span(el: El, attr: string): number {
  const n = parseInt(el.getAttribute(attr) ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

/**
 * Expands rowspan/colspan so that every row has one entry per visual column. Stops once the grid
 * holds more than `maxCells` cells (the caller's budget).
 */
export function tableToGrid(table: El, maxCells = Infinity): Grid {
  const grid: GridCell[][] = [];
  // A hidden row or cell is not on the page (an Excel export's hidden column keeps stale numbers), but for a pager's other pages.
  const all = table.querySelectorAll('tr');
  const own = inDrawnOrder(
    Array.from(all).filter((tr) => isOwnRow(tr, table)),
    table,
  );
  // Only a table with rows of tables inside may hold cell rows (cellsOf): most hold none, and their cells are not searched.
  const nests = own.length < all.length;
  const hidden = new Set(own.filter(isHidden));
  const pager = hidden.size >= PAGER_MIN_ROWS && pagerPages(own, hidden);
  const trs = own.filter((tr) => !hidden.has(tr) || (pager && !!tr.textContent?.trim()));
  let count = 0;
  for (let r = 0; r < trs.length && count <= maxCells; r++) {
    grid[r] ??= [];
    let c = 0;
    for (const td of Array.from(trs[r]!.children)) {
      const tag = tagOf(td);
      if ((tag !== 'TD' && tag !== 'TH') || isHidden(td)) continue;
      const rs = span(td, 'rowspan');
      for (const cell of nests ? cellsOf(td) : [{ text: cellText(td), el: td }]) {
        while (grid[r]![c]) c++;
        const cs = cell.el === td ? span(td, 'colspan') : 1;
        for (let dr = 0; dr < rs && r + dr < trs.length; dr++) {
          const row = (grid[r + dr] ??= []);
          for (let dc = 0; dc < cs; dc++) row[c + dc] = cell;
        }
        c += cs;
      }
    }
    count += grid[r]!.length;
  }
  const hiddenCols = hiddenColumns(table);
  const rows = grid.map((row) => Array.from(row, (cell) => cell ?? { text: '' }).filter((_, c) => !hiddenCols.has(c)));
  return { kind: 'grid', rows, el: table };
}

/**
 * A table's rows in the order a browser draws them: its first <thead>'s on top and its first <tfoot>'s at the bottom, wherever
 * the markup writes them (a table builder appending the header after the body, an old editor writing <tfoot> first). Later
 * <thead>s and <tfoot>s are drawn in place, as row groups (a header reprinted mid-table stays there).
 */
function inDrawnOrder(rows: El[], table: El): El[] {
  let head: El | undefined;
  let foot: El | undefined;
  for (const part of Array.from(table.children)) {
    const tag = tagOf(part);
    if (tag === 'THEAD') head ??= part;
    else if (tag === 'TFOOT') foot ??= part;
  }
  if (!head && !foot) return rows;
  const top = rows.filter((tr) => tr.parentElement === head);
  const bottom = rows.filter((tr) => tr.parentElement === foot);
  if (!top.length && !bottom.length) return rows;
  return [...top, ...rows.filter((tr) => tr.parentElement !== head && tr.parentElement !== foot), ...bottom];
}

/** The fewest rows with text a script pager hides (its other pages); one or two are a stale copy or Excel's hidden rows. */
const PAGER_MIN_ROWS = 3;

/** A value cell's text: a count or an amount, nothing else (white space already removed). */
const VALUE_TEXT = /^[\d,，.．%-]+$/;

/** A row's label: its last text before its first value (the item, 「7.属于行政执法案卷」, after its groups). */
function rowLabel(tr: El): string {
  let label = '';
  for (const td of Array.from(tr.children)) {
    const text = (td.textContent ?? '').replace(/\s+/g, '');
    if (!text) continue;
    if (VALUE_TEXT.test(text)) break;
    label = text;
  }
  return label;
}

/**
 * Whether a table's hidden rows are a script pager's other pages (all rows in the page, those not on the chosen page
 * `display:none`), to be read: at least PAGER_MIN_ROWS of them hold text, and none repeats the label of a shown row, as
 * the stale copy of a row kept hidden beside the current one does (a last draft's values, a check row).
 */
function pagerPages(own: readonly El[], hidden: ReadonlySet<El>): boolean {
  const shown = new Set(own.filter((tr) => !hidden.has(tr)).map(rowLabel));
  let withText = 0;
  for (const tr of hidden) {
    const label = rowLabel(tr);
    if (label && shown.has(label)) return false;
    if (tr.textContent?.trim()) withText++;
  }
  return withText >= PAGER_MIN_ROWS;
}

/**
 * The columns a table's <col> hides (「<col style="visibility:collapse">」): a check column of last year's counts kept in
 * the markup is not on the page. A <colgroup>'s own collapse covers its columns. Only `visibility:collapse` hides a
 * column's cells: a <col> `display:none` (or `hidden`) loses its own box, and the cells, which are not its children, still show.
 */
function hiddenColumns(table: El): Set<number> {
  const hidden = new Set<number>();
  let c = 0;
  const collapses = (col: El) => /visibility\s*:\s*collapse/i.test(col.getAttribute('style') ?? '');
  const take = (col: El, hides: boolean) => {
    const n = span(col, 'span');
    if (hides || collapses(col)) for (let i = 0; i < n; i++) hidden.add(c + i);
    c += n;
  };
  for (const child of Array.from(table.children)) {
    const tag = tagOf(child);
    if (tag === 'COL') take(child, false);
    else if (tag === 'COLGROUP') {
      const cols = Array.from(child.children).filter((col) => tagOf(col) === 'COL');
      // A <colgroup> without <col>s spans its own `span` of columns.
      if (!cols.length) take(child, false);
      for (const col of cols) take(col, collapses(child));
    }
  }
  return hidden;
}
