import { SECTION_OF_TABLE, type CellRef, type Report } from '../model';
import { cellLabel } from '../parse/table-specs';
import { ellipsis, PRIVATE_USE } from '../text';
import { cellBound, inferredValues } from './arithmetic';
import { cellsWhere, inferenceNote, namedCells } from './helpers';
import type { Problem, ReportRule } from './types';

/**
 * From this many cells of one table holding the same word, one finding names them all: a report that
 * prints 「—」 for every zero would otherwise bury its other findings under a hundred of these.
 */
const GROUP_FROM = 3;

/** The most of a cell's text a finding quotes. */
const RAW_SHOWN = 60;

export const cellInvalid: ReportRule = {
  kind: 'report',
  id: 'cell-invalid',
  severity: 'error',
  title: { zh: '数值无效', en: 'Invalid number' },
  description: {
    zh: '件数必须是不小于 0 的整数；金额可以有小数。数字行中的文字（「未统计」「—」「/」「无」）是无效数值，留在本列，不是空白，也不是 0；一张表中有 3 格以上写同一个词（如以「—」代替 0）时合为一条；以私用区字符显示的数字（网页的防抓取字体、PDF 中把数字映射到私用区的字体）无法读出，不推测其值，一张表中这样的格同样合为一条。一格中被空格隔开的数字（「1 0」：10，还是两个数？）同样无效；只有正好补齐该行缺少的列时，才读作分隔符丢失的相邻两列。',
    en: 'Counts must be whole numbers ≥ 0; only amounts may have decimals. A word among the numbers (「未统计」, 「—」, 「/」, 「无」) is an invalid value in its own column, neither a blank nor zero; three or more cells of a table holding the same word (「—」 for every zero) make one finding. Digits drawn from private-use code points (an anti-scraping icon font on a web page, a PDF font whose map sends digits there) cannot be read and are never guessed: such cells of a table make one finding too. So are digits apart in one cell (「1 0」: 10, or two numbers?), unless they fill exactly the columns the row lacks: then they are two cells whose separator was lost.',
  },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）：件数为非负整数',
  example: '件数写作「-1」「0.5」「三」或「—」。',
  check(report) {
    const invalid = cellsWhere(report, (c) => c.status === 'invalid');
    // The same word in one table: its cells, in table order.
    const words = new Map<string, CellRef[]>();
    // Icon-font glyphs (private-use code points) are one unreadable word, whatever digits they stand for.
    const word = (r: CellRef, raw: string) => `${r.table}|${PRIVATE_USE.test(raw) ? GLYPHS : raw}`;
    for (const { ref: r, cell: c } of invalid) {
      if (c.value !== null) continue;
      const same = words.get(word(r, c.raw));
      if (same) same.push(r);
      else words.set(word(r, c.raw), [r]);
    }
    const out: Problem[] = [];
    for (const { ref: r, cell: c } of invalid) {
      const same = c.value === null ? words.get(word(r, c.raw))! : [r];
      const glyphs = c.value === null && PRIVATE_USE.test(c.raw);
      if (same.length >= GROUP_FROM) {
        if (same[0] === r) out.push(glyphs ? unreadableGlyphs(report, same, c.raw) : sameWord(report, same, c.raw));
        continue;
      }
      // A cell of 200 000 digits (a page's spans run together) is quoted by its start: the message must stay readable.
      const shown = ellipsis(glyphs ? codePoints(c.raw) : c.raw, RAW_SHOWN);
      const why = glyphs ? GLYPHS_WHY : c.value === null ? '不是数字' : c.value < 0 ? '是负数' : '不是整数';
      // The identities may tell what a count should be, as for a blank.
      const b = cellBound(report, r);
      const expected = b.lo === b.hi ? b.lo : undefined;
      out.push({
        section: SECTION_OF_TABLE[r.table],
        cells: [r],
        expected,
        actual: shown,
        inferred: expected === undefined ? undefined : [{ cell: r, value: expected }],
        message: `「${cellLabel(r.table, r.row, r.column)}」的值「${shown}」${why}${expected === undefined ? '' : `，由勾稽关系推算应为 ${expected}`}`,
      });
    }
    return out;
  },
};

/** What stands for every private-use glyph in the grouping by word. */
const GLYPHS = '\uE000';
const GLYPHS_WHY = '是字体显示的私用区字符，无法读作数字';

/** A cell's private-use code points as their numbers (「U+E603 U+E600」): the glyphs print as nothing readable in a message. */
const codePoints = (raw: string): string =>
  Array.from(raw, (ch) => (PRIVATE_USE.test(ch) ? `U+${ch.codePointAt(0)!.toString(16).toUpperCase()}` : ch)).join(' ');

/**
 * One finding for the cells of a table drawn by an icon font (anti-scraping): their digits are private-use glyphs no reader can
 * know, whatever each stands for, so the table cannot be checked; never a number guessed for them.
 */
function unreadableGlyphs(report: Report, cells: CellRef[], first: string): Problem {
  return {
    section: SECTION_OF_TABLE[cells[0]!.table],
    cells,
    actual: codePoints(first),
    message: `${namedCells(cells)}的值${GLYPHS_WHY}（防抓取字体或编码映射有误的字体，如「${codePoints(first)}」），本表无法核对`,
  };
}

/** One finding for the cells of a table that hold the same word; the value expected when the identities give them all one. */
function sameWord(report: Report, cells: CellRef[], word: string): Problem {
  const inferred = inferredValues(report, cells);
  const values = new Set(inferred.map((x) => x.value));
  const expected = inferred.length === cells.length && values.size === 1 ? inferred[0]!.value : undefined;
  const inference = expected !== undefined ? `，由勾稽关系推算均应为 ${expected}` : inferenceNote(cells, inferred);
  return {
    section: SECTION_OF_TABLE[cells[0]!.table],
    cells,
    expected,
    actual: ellipsis(word, RAW_SHOWN),
    inferred,
    message: `${namedCells(cells)}的值都是「${ellipsis(word, RAW_SHOWN)}」，不是数字${inference}`,
  };
}
