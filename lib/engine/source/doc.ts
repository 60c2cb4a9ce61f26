/**
 * A Word 97–2003 .doc (the binary format, [MS-DOC]) to HTML, so that it goes through the same DOM
 * reading as a .docx or a web page. Portals still attach many reports as .doc. What is read is what
 * the engine needs: the main text (fields as their shown result), paragraphs, and tables with their
 * merged cells (a row's cell boundaries give the column spans, the cells' merge flags the row spans).
 * Text boxes are read after the body. Fonts, styles, pictures, headers and footnotes are not read.
 */
import { readCompoundFile } from './cfb';
import { FileReadError } from './file-kind';
import { escapeHtml, writeTable, type SpannedCell } from './html-write';

/** Paragraph properties the reader uses, from the paragraph's PAPX. */
export interface ParaProps {
  inTable: boolean;
  /** The paragraph that ends a table row (its mark is the row's end, not a cell's). */
  rowEnd: boolean;
  /** Nesting depth of the table the paragraph is in (1 for a table in the body). */
  depth: number;
  /** In a table inside a cell, cells and rows end with a paragraph mark that says so. */
  innerCell?: boolean;
  innerRowEnd?: boolean;
  /** The row's cell boundaries and merges (sprmTDefTable on a row's end). */
  cells?: CellDef[];
  /** Left edge of the row's first cell, in twips. */
  left?: number;
}

export interface CellDef {
  right: number;
  /** Word 97's fFirstMerged (1) and fMerged (2): a cell with fMerged continues the one to its left (an old-style horizontal merge). */
  horzMerge: number;
  /** fVertMerge (1) and fVertRestart (2): 1 alone continues the cell above; with 2, the cell starts a vertical merge. */
  vertMerge: number;
}

const WORD_97_NFIB = 0xc1;
const SPRM_P_IN_TABLE = 0x2416;
const SPRM_P_TTP = 0x2417;
const SPRM_P_ITAP = 0x6649;
const SPRM_P_INNER_TABLE_CELL = 0x244b;
const SPRM_P_INNER_TTP = 0x244c;
const SPRM_P_HUGE_PAPX = 0x6646;
const SPRM_T_DEF_TABLE = 0xd608;
/** Word 97's own form of sprmTDefTable, sized the same way. */
const SPRM_T_DEF_TABLE_10 = 0xd606;
const SPRM_T_VERT_MERGE = 0xd62b;
const SPRM_P_CHG_TABS = 0xc615;

/**
 * The document as an HTML page, or null when the file is a compound file but no Word 97–2003 document
 * (Word 6/95, a WPS file of its own format): the caller says it cannot be read. Throws FileReadError
 * for an encrypted or damaged file.
 */
export function docToHtml(bytes: Uint8Array): string | null {
  try {
    return readDoc(bytes);
  } catch (e) {
    // Offsets the file gives that point past its streams.
    if (e instanceof RangeError) throw broken('结构越界');
    throw e;
  }
}

function readDoc(bytes: Uint8Array): string | null {
  const file = readCompoundFile(bytes);
  const word = file.stream('WordDocument');
  if (!word || word.length < 0x200) return null;
  const w = new DataView(word.buffer, word.byteOffset, word.byteLength);
  if (w.getUint16(0, true) !== 0xa5ec || w.getUint16(2, true) < WORD_97_NFIB) return null;
  const flags = w.getUint16(0x0a, true);
  if (flags & 0x0100) throw new FileReadError('旧版 Word 文件已加密，无法读取：请取消密码后另存为 .docx 或 PDF');
  const table = file.stream(flags & 0x0200 ? '1Table' : '0Table');
  if (!table) throw broken('缺少表格流');
  const t = new DataView(table.buffer, table.byteOffset, table.byteLength);

  // The FIB's variable parts: counts of 16-bit and 32-bit fields, then the (fc, lcb) pairs.
  const csw = w.getUint16(0x20, true);
  const lw = 0x22 + csw * 2 + 2;
  const cslw = w.getUint16(lw - 2, true);
  const fcLcb = lw + cslw * 4 + 2;
  const pairs = w.getUint16(fcLcb - 2, true);
  if (cslw < 4 || pairs < 34 || fcLcb + pairs * 8 > word.length) throw broken('文件信息块不完整');
  // FibRgLw97: ccpText, then the stories after the main text in this order (footnotes, headers, a reserved one,
  // comments, endnotes), then the text boxes'.
  const count = (i: number) => (i < cslw ? w.getUint32(lw + i * 4, true) : 0);
  const ccpText = count(3);
  const boxesFrom = [3, 4, 5, 6, 7, 8].reduce((sum, i) => sum + count(i), 0);
  const pair = (i: number) => [w.getUint32(fcLcb + i * 8, true), w.getUint32(fcLcb + i * 8 + 4, true)] as const;
  const [fcClx, lcbClx] = pair(33);
  const [fcBtePapx, lcbBtePapx] = pair(13);
  if (fcClx + lcbClx > table.length || fcBtePapx + lcbBtePapx > table.length) throw broken('索引超出文件');

  const [fcBteChpx, lcbBteChpx] = pair(12);
  const paragraphs = paragraphProps(word, w, t, fcBtePapx, lcbBtePapx, file.stream('Data'));
  const unseen = unseenRuns(word, w, t, fcBteChpx, Math.min(lcbBteChpx, table.length - fcBteChpx));
  const text = pieceReader(word, t, fcClx, lcbClx);
  // Text boxes (a title, or a table laid out in one) come after the body, as a table appended after the signature does.
  const chars = [...text(0, ccpText), ...text(boxesFrom, boxesFrom + count(9))];
  return toHtml(
    chars.filter((ch) => !unseen(ch.end - 1)),
    paragraphs,
  );
}

const broken = (why: string) => new FileReadError(`无法读取旧版 Word 文件（${why}，文件可能已损坏）`);

/** A character of the main text and the file position right after it: where a paragraph's properties are found. */
interface Char {
  c: string;
  end: number;
}

/** The piece table (CLX): a reader of the characters of the CPs [first, last), the main text or a story after it. */
function pieceReader(word: Uint8Array, t: DataView, fcClx: number, lcbClx: number): (first: number, last: number) => Char[] {
  let at = fcClx;
  const end = fcClx + lcbClx;
  // Prc entries (property modifiers) come first; the piece table follows.
  while (at < end && t.getUint8(at) === 0x01) at += 3 + t.getUint16(at + 1, true);
  if (at >= end || t.getUint8(at) !== 0x02) throw broken('缺少文本片段表');
  const lcb = t.getUint32(at + 1, true);
  const plc = at + 5;
  const n = Math.floor((lcb - 4) / 12);
  if (n < 1 || plc + lcb > end) throw broken('文本片段表不完整');
  const cp1252 = new TextDecoder('windows-1252');
  return (first, last) => {
    const out: Char[] = [];
    for (let i = 0; i < n; i++) {
      const from = t.getUint32(plc + i * 4, true);
      const lo = Math.max(from, first);
      const to = Math.min(t.getUint32(plc + (i + 1) * 4, true), last);
      const fc = t.getUint32(plc + (n + 1) * 4 + i * 8 + 2, true);
      const compressed = (fc & 0x40000000) !== 0;
      const start = compressed ? (fc & 0x3fffffff) / 2 : fc;
      // The text cannot be longer than the stream holding it: a damaged table would otherwise run on.
      if (out.length + (to - lo) > word.length) throw broken('文本片段表不合规范');
      for (let cp = lo; cp < to; cp++) {
        const k = cp - from;
        if (compressed) {
          const pos = start + k;
          if (pos >= word.length) throw broken('文本超出文件');
          out.push({ c: cp1252.decode(word.subarray(pos, pos + 1)), end: pos + 1 });
        } else {
          const pos = start + k * 2;
          if (pos + 1 >= word.length) throw broken('文本超出文件');
          out.push({ c: String.fromCharCode(word[pos]! | (word[pos + 1]! << 8)), end: pos + 2 });
        }
      }
    }
    return out;
  };
}

/** Each paragraph's properties, by the file position just after its mark (the FKPs of PlcBtePapx). */
function paragraphProps(word: Uint8Array, w: DataView, t: DataView, fc: number, lcb: number, data: Uint8Array | undefined): Map<number, ParaProps> {
  const out = new Map<number, ParaProps>();
  for (const page of fkpPages(word, t, fc, lcb)) {
    const crun = word[page + 511]!;
    for (let r = 0; r < crun; r++) {
      const end = w.getUint32(page + (r + 1) * 4, true);
      const bOffset = word[page + (crun + 1) * 4 + r * 13]!;
      const props: ParaProps = { inTable: false, rowEnd: false, depth: 0 };
      if (bOffset) {
        const at = page + bOffset * 2;
        const cb = word[at]!;
        // GrpPrlAndIstd: the style index (2 bytes), then the sprms.
        const [from, size] = cb ? [at + 1, 2 * cb - 1] : [at + 2, 2 * word[at + 1]!];
        readSprms(word.subarray(from + 2, Math.min(from + size, page + 511)), props, data);
      }
      out.set(end, props);
    }
  }
  return out;
}

/** The FKP pages a bin table (PlcBtePapx, PlcBteChpx) points to: file offsets in the WordDocument stream. */
function fkpPages(word: Uint8Array, t: DataView, fc: number, lcb: number): number[] {
  const n = Math.floor((lcb - 4) / 8);
  const pages: number[] = [];
  for (let i = 0; i < n; i++) {
    const page = (t.getUint32(fc + (n + 1) * 4 + i * 4, true) & 0x3fffff) * 512;
    if (page + 512 <= word.length) pages.push(page);
  }
  return pages;
}

/**
 * Whether the text at a file position is out of sight: deleted with changes tracked, or hidden
 * (Word's hidden text). Word shows neither, and prints neither; an editor's old value beside the new one
 * would read as one number (「14」「15」 as 1415). From the character runs' properties (CHPX FKPs).
 */
function unseenRuns(word: Uint8Array, w: DataView, t: DataView, fc: number, lcb: number): (at: number) => boolean {
  const ranges: [number, number][] = [];
  for (const page of fkpPages(word, t, fc, lcb)) {
    const crun = word[page + 511]!;
    for (let r = 0; r < crun; r++) {
      const offset = word[page + (crun + 1) * 4 + r]! * 2;
      if (!offset) continue;
      const cb = word[page + offset]!;
      if (unseenChpx(word.subarray(page + offset + 1, Math.min(page + offset + 1 + cb, page + 511))))
        ranges.push([w.getUint32(page + r * 4, true), w.getUint32(page + (r + 1) * 4, true)]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  return (at) => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [from, to] = ranges[mid]!;
      if (at < from) hi = mid - 1;
      else if (at >= to) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

const SPRM_C_RMARK_DEL = 0x0800;
const SPRM_C_VANISH = 0x083c;

/** A grpprl's sprms with where their operands start; a sprm it cannot size, or one running past the list, ends it. */
function* sprmsOf(grpprl: Uint8Array): Generator<{ sprm: number; operand: number }> {
  let at = 0;
  while (at + 2 <= grpprl.length) {
    const sprm = grpprl[at]! | (grpprl[at + 1]! << 8);
    const operand = at + 2;
    const size = operandSize(sprm, grpprl, operand);
    if (size < 0 || operand + size > grpprl.length) return;
    yield { sprm, operand };
    at = operand + size;
  }
}

/** A run's sprms set it deleted or hidden (a toggle's 1, or 0x81: the opposite of its style's, which is off). */
function unseenChpx(grpprl: Uint8Array): boolean {
  for (const { sprm, operand } of sprmsOf(grpprl))
    if ((sprm === SPRM_C_RMARK_DEL || sprm === SPRM_C_VANISH) && (grpprl[operand] === 1 || grpprl[operand] === 0x81)) return true;
  return false;
}

/** Applies a grpprl's paragraph and table sprms to `props`. */
function readSprms(grpprl: Uint8Array, props: ParaProps, data: Uint8Array | undefined): void {
  const v = new DataView(grpprl.buffer, grpprl.byteOffset, grpprl.byteLength);
  for (const { sprm, operand } of sprmsOf(grpprl)) {
    const byte = grpprl[operand]!;
    if (sprm === SPRM_P_IN_TABLE) props.inTable = byte !== 0;
    else if (sprm === SPRM_P_TTP && props.depth <= 1) props.rowEnd = byte !== 0;
    // Word nests tables at most 63 deep; a damaged depth is held to that.
    else if (sprm === SPRM_P_ITAP) props.depth = Math.min(Math.max(v.getInt32(operand, true), 0), 63);
    else if (sprm === SPRM_T_DEF_TABLE) readTableDef(v, operand, props);
    else if (sprm === SPRM_T_VERT_MERGE) {
      // Operand: its size (2), the cell, the merge.
      const cell = props.cells?.[grpprl[operand + 1]!];
      if (cell) cell.vertMerge = grpprl[operand + 2]!;
    } else if (sprm === SPRM_P_HUGE_PAPX && data) {
      // The properties did not fit the page: they are in the Data stream, as a size and a grpprl.
      const off = v.getUint32(operand, true);
      if (off + 2 <= data.length) {
        const len = data[off]! | (data[off + 1]! << 8);
        readSprms(data.subarray(off + 2, Math.min(off + 2 + len, data.length)), props, undefined);
      }
    } else if (sprm === SPRM_P_INNER_TABLE_CELL) props.innerCell = byte !== 0;
    else if (sprm === SPRM_P_INNER_TTP) props.innerRowEnd = byte !== 0;
  }
  if (props.inTable && props.depth === 0) props.depth = 1;
}

/** The operand's length in bytes from the sprm's spra bits; the few variable ones carry their own. -1: unknown. */
function operandSize(sprm: number, g: Uint8Array, at: number): number {
  switch ((sprm >> 13) & 7) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
  }
  if (at >= g.length) return -1;
  if (sprm === SPRM_T_DEF_TABLE || sprm === SPRM_T_DEF_TABLE_10) return at + 1 < g.length ? (g[at]! | (g[at + 1]! << 8)) + 1 : -1;
  if (sprm === SPRM_P_CHG_TABS && g[at] === 255) {
    const del = g[at + 1] ?? 0;
    const add = g[at + 2 + del * 4] ?? 0;
    return 3 + del * 4 + add * 3;
  }
  return 1 + g[at]!;
}

/** sprmTDefTable: the number of cells, their boundaries (twips), then a 20-byte TC80 per cell. */
function readTableDef(v: DataView, at: number, props: ParaProps): void {
  const end = at + 2 + v.getUint16(at, true) - 1;
  const count = v.getUint8(at + 2);
  const bounds = at + 3;
  const tcs = bounds + (count + 1) * 2;
  if (tcs > end) return;
  props.left = v.getInt16(bounds, true);
  props.cells = Array.from({ length: count }, (_, i) => {
    const tc = tcs + i * 20;
    const grf = tc + 2 <= end ? v.getUint16(tc, true) : 0;
    return { right: v.getInt16(bounds + (i + 1) * 2, true), horzMerge: grf & 3, vertMerge: (grf >> 5) & 3 };
  });
}

export interface Row {
  /** Each cell's HTML. */
  cells: string[];
  props: ParaProps;
}

/** A table being read: its rows, the cells of the row so far, and the HTML of the cell so far. */
class TableBuilder {
  rows: Row[] = [];
  cells: string[] = [];
  cell = '';
  endCell(): void {
    this.cells.push(this.cell);
    this.cell = '';
  }
  endRow(props: ParaProps): void {
    this.rows.push({ cells: this.cells, props });
    this.cells = [];
    this.cell = '';
  }
  html(): string {
    if (this.cell || this.cells.length) this.endRow({ inTable: true, rowEnd: true, depth: 1 });
    return tableHtml(this.rows);
  }
}

/**
 * Paragraphs and tables as HTML: the fields' codes dropped, their results kept. A table in a cell
 * (a layout table around the report's) is written inside that cell, as Word shows it.
 */
function toHtml(chars: readonly Char[], paragraphs: ReadonlyMap<number, ParaProps>): string {
  const blocks: string[] = [];
  const tables: TableBuilder[] = [];
  let text = '';
  // Field nesting: true while in a field's code (before its separator).
  const fields: boolean[] = [];
  /** Tables deeper than `depth` end: each goes into the cell of the one around it, the outermost into the body. */
  const toDepth = (depth: number) => {
    while (tables.length > depth) {
      const html = tables.pop()!.html();
      if (tables.length) tables.at(-1)!.cell += html;
      else blocks.push(html);
    }
    while (tables.length < depth) tables.push(new TableBuilder());
  };
  const line = () => {
    const html = cellHtml(text);
    text = '';
    return html;
  };
  for (const { c, end } of chars) {
    if (c === '\x13') fields.push(true);
    else if (c === '\x14') fields[fields.length - 1] = false;
    else if (c === '\x15') fields.pop();
    else if (fields.includes(true)) continue;
    else if (c === '\r' || c === '\x0c' || c === '\x07') {
      const p = paragraphs.get(end);
      // A mark where no paragraph ends (inside a field's result): a line break.
      if (!p && paragraphs.size && c === '\r') {
        text += '\n';
        continue;
      }
      const depth = p?.inTable ? Math.max(1, p.depth) : c === '\x07' ? Math.max(1, tables.length) : 0;
      toDepth(depth);
      const table = tables.at(-1);
      if (!table) blocks.push(`<p>${line()}</p>`);
      else if (p?.innerRowEnd || (c === '\x07' && p?.rowEnd)) table.endRow(p);
      else {
        table.cell += (table.cell ? '<br>' : '') + line();
        if (p?.innerCell || c === '\x07') table.endCell();
      }
    } else if (c === '\x0b') text += '\n';
    else if (c === '\x1e') text += '-';
    else if (c >= ' ' || c === '\t') text += c;
  }
  toDepth(0);
  if (text) blocks.push(`<p>${line()}</p>`);
  return `<!doctype html><html><head><meta charset="utf-8"></head><body>${blocks.join('\n')}</body></html>`;
}

const cellHtml = (s: string) => escapeHtml(s.replace(/\n+$/, '')).replace(/\n/g, '<br>');

/**
 * A table whose cells span the columns between their boundaries (all rows' boundaries make the grid)
 * and the rows their vertical merges join; rows without a usable definition are written cell by cell.
 */
export function tableHtml(rows: readonly Row[]): string {
  const defined = (r: Row) => r.props.cells?.length === r.cells.length && r.props.left !== undefined;
  const grid = [...new Set(rows.filter(defined).flatMap((r) => [r.props.left!, ...r.props.cells!.map((c) => c.right)]))].sort((a, b) => a - b);
  const column = (x: number) => grid.indexOf(x);
  // The vertical merge open in each grid column: the cell that starts it, to lengthen.
  const open = new Map<number, SpannedCell>();
  const out = rows.map((row): SpannedCell[] => {
    if (!defined(row)) {
      open.clear();
      return row.cells.map((html) => ({ html, rowspan: 1, colspan: 1 }));
    }
    const cells: SpannedCell[] = [];
    let left = row.props.left!;
    row.props.cells!.forEach((def, i) => {
      const from = column(left);
      const colspan = Math.max(1, column(def.right) - from);
      left = def.right;
      const before = cells.at(-1);
      if (def.horzMerge & 2 && before) {
        before.colspan += colspan;
        before.html += row.cells[i]!;
        return;
      }
      const above = open.get(from);
      if (def.vertMerge === 1 && above) {
        above.rowspan++;
        return;
      }
      const cell = { html: row.cells[i]!, rowspan: 1, colspan };
      if (def.vertMerge >= 2) open.set(from, cell);
      else open.delete(from);
      cells.push(cell);
    });
    return cells;
  });
  return writeTable(out);
}
