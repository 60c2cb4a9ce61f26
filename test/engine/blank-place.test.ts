/**
 * A text row printed one value short (a blank cell leaves no trace in text from a PDF) is placed by the
 * template's identities only when exactly one column lets them hold and they confirm every other value of the
 * row (lib/engine/parse/blank-place.ts). On a valid table (every identity holds) with one cell blanked, the
 * row must then be read right or left unplaced (row-cells-unplaced) — never with its values in wrong columns.
 * The tables are made from the identities (report-format.md) and printed as the text readers see them: apart
 * by single spaces, or by runs of spaces that do not line up with the header (pdftotext -layout drifting).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditText } from '../../lib/engine/audit';
import type { Report } from '../../lib/engine/model';
import { rowsFor, T3_COLUMNS, T4_COLUMNS } from '../../lib/engine/parse/table-specs';
import { isUnplacedNote } from '../../lib/engine/parse/tables';
import { FIXTURES } from '../helpers/fixtures';

/** t3's rows in the order the template prints them (一, 二, 3.1 … 3.6.3, (七), 四). */
const printedOrder = (a: string, b: string) => {
  const [x, y] = [a, b].map((k) => k.split('.').map(Number));
  const at = x!.findIndex((n, i) => n !== y![i]);
  return at < 0 ? x!.length - y!.length : x![at]! - (y![at] ?? -1);
};
const T3_KEYS = rowsFor('t3', '2021')
  .map((r) => r.key)
  .sort(printedOrder);
const RESULT_KEYS = T3_KEYS.filter((k) => k.startsWith('3.') && k !== '3.7');
const PARTS = T3_COLUMNS.length - 1;

/** A valid t3: per applicant column, the results add up to (七), and 一 + 二 = (七) + 四; 总计 is the sum of the applicants. */
const count = fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.integer({ min: 1, max: 9 }), weight: 2 }, fc.integer({ min: 10, max: 120 }));
const validT3 = fc
  .tuple(
    fc.array(fc.array(count, { minLength: RESULT_KEYS.length, maxLength: RESULT_KEYS.length }), { minLength: PARTS, maxLength: PARTS }),
    fc.array(count, { minLength: PARTS, maxLength: PARTS }),
    fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: PARTS, maxLength: PARTS }),
  )
  .map(([results, carried, share]) => {
    const byColumn = results.map((r, c) => {
      const total = r.reduce((a, b) => a + b, 0);
      const out: Record<string, number> = Object.fromEntries(RESULT_KEYS.map((k, i) => [k, r[i]!]));
      out['3.7'] = total;
      out['4'] = carried[c]!;
      out['2'] = Math.floor((total + carried[c]!) * share[c]!);
      out['1'] = total + carried[c]! - out['2'];
      return out;
    });
    return Object.fromEntries(
      T3_KEYS.map((k) => {
        const parts = byColumn.map((col) => col[k]!);
        return [k, [...parts, parts.reduce((a, b) => a + b, 0)]];
      }),
    ) as Record<string, number[]>;
  });

/** A valid t4: each group's 总计 is its four results. */
const validT4 = fc
  .array(fc.array(count, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 })
  .map((groups) => groups.flatMap((g) => [...g, g.reduce((a, b) => a + b, 0)]));

/**
 * Pages to print into: plain lines apart by single spaces; pdftotext -layout text whose columns drift; and tab rows
 * that keep the label's merged cell empty and end in a tab (as seed 001), the blank an empty cell — at the first or
 * last column it leaves empty cells on both sides of the values, and either end may be it.
 */
const spacedPage = readFileSync(join(FIXTURES, 'layouts', 'spaced.txt'), 'utf8');
const BASES = { single: spacedPage, layout: readFileSync(join(FIXTURES, 'recall', 'W06-drift-blank-drift.txt'), 'utf8'), tab: spacedPage };
type Style = keyof typeof BASES;

const ROW = /^(.*?[^\s\d])(\s+)(\d+(?:\s+\d+){5,6})\s*$/;
const T4_ROW = /^\s*\d+(?:\s+\d+){13,14}\s*$/;

/** The lines of t3's rows and the line of t4's, by index in the page's lines. */
function rowLines(lines: string[]): { t3: number[]; t4: number } {
  const start = lines.findIndex((l) => l.startsWith('三、收到和处理'));
  const end = lines.findIndex((l, i) => i > start && l.startsWith('四、政府信息公开行政复议'));
  const t3 = lines.flatMap((l, i) => (i > start && i < end && ROW.test(l) ? [i] : []));
  const t4 = lines.findIndex((l, i) => i > end && T4_ROW.test(l));
  return { t3, t4 };
}

/** Values apart as the style prints them: single spaces, or runs of 2–7 that line up with nothing. */
function printed(values: number[], style: Style, gaps: number[]): string {
  if (style === 'single') return values.join(' ');
  return values.map((v, i) => (i ? ' '.repeat(2 + (gaps[i]! % 6)) : '') + v).join('');
}

function page(style: Style, t3: Record<string, number[]>, t4: number[], blank: { table: 't3' | 't4'; row: string; column: number }, gaps: number[]): string {
  const lines = BASES[style].split('\n');
  const at = rowLines(lines);
  expect(at.t3).toHaveLength(T3_KEYS.length);
  at.t3.forEach((line, i) => {
    const key = T3_KEYS[i]!;
    const blanked = (c: number) => blank.table === 't3' && blank.row === key && blank.column === c;
    const [, label = '', gap = ' '] = ROW.exec(lines[line]!)!;
    if (style === 'tab') lines[line] = `${label}\t\t${t3[key]!.map((v, c) => (blanked(c) ? '' : v)).join('\t')}\t`;
    else
      lines[line] =
        label +
        (style === 'single' ? ' ' : gap) +
        printed(
          t3[key]!.filter((_, c) => !blanked(c)),
          style,
          gaps.slice(i),
        );
  });
  const t4Values = t4.filter((_, c) => !(blank.table === 't4' && blank.column === c));
  lines[at.t4] = (style === 'single' ? '' : ' ') + printed(t4Values, style, gaps);
  return lines.join('\n');
}

/** 'placed' (read right, the blank where it was), 'unplaced', or what was misread. */
function outcome(report: Report, table: 't3' | 't4', row: string, column: number, truth: number[], columns: readonly string[]): string {
  const t = report.tables[table]!;
  if (t.notes.some((n) => n.row === row && isUnplacedNote(n))) return 'unplaced';
  const read = columns.map((c) => t.rows[row]?.[c]);
  const wrong = read.flatMap((cell, i) => {
    const ok = i === column ? cell?.status === 'blank' || cell?.status === 'absent' : cell?.status === 'ok' && cell.value === truth[i];
    return ok ? [] : [`${columns[i]}: ${cell?.value ?? cell?.status} for ${i === column ? 'blank' : truth[i]}`];
  });
  return wrong.length ? `misplaced ${table}/${row}: ${wrong.join(', ')}` : 'placed';
}

describe.each(Object.keys(BASES) as Style[])('a valid table with one cell blanked, printed %s', (style) => {
  it('reads the row right or leaves its values unplaced, never in wrong columns', () => {
    const seen = { placed: 0, unplaced: 0 };
    const blankAt = fc.record({
      table: fc.constantFrom<'t3' | 't4'>('t3', 't3', 't3', 't4'),
      row: fc.constantFrom(...T3_KEYS),
      t3Column: fc.nat(T3_COLUMNS.length - 1),
      t4Column: fc.nat(T4_COLUMNS.length - 1),
    });
    fc.assert(
      fc.property(validT3, validT4, blankAt, fc.array(fc.nat(50), { minLength: 40, maxLength: 40 }), (t3, t4, b, gaps) => {
        const blank = b.table === 't3' ? { table: b.table, row: b.row, column: b.t3Column } : { table: b.table, row: '1', column: b.t4Column };
        const r = auditText(page(style, t3, t4, blank, gaps));
        if (!r.detected) throw new Error(`not detected: ${r.reason}`);
        const got =
          blank.table === 't3'
            ? outcome(r.report, 't3', blank.row, blank.column, t3[blank.row]!, T3_COLUMNS)
            : outcome(r.report, 't4', '1', blank.column, t4, T4_COLUMNS);
        expect(got).toMatch(/^(?:placed|unplaced)$/);
        seen[got as 'placed' | 'unplaced']++;
      }),
      { numRuns: 60, seed: 6 + Object.keys(BASES).indexOf(style) },
    );
    // Not vacuous: most blanks are told (the identities confirm the row), some are not.
    expect(seen.placed).toBeGreaterThan(20);
  }, 120_000);
});

/**
 * A copy that keeps only a row's filled cells (Acrobat's; a blank collapsed by the extraction) leaves no trace of a blank
 * inside the row: its later values move one column left, and the row reads with its blank at an end. The identities
 * place it (recall round 14, R14-t3-*-blank-collapsed-*).
 */
describe('a tab row whose blank inside the row the text lost', () => {
  const text = readFileSync(join(FIXTURES, 'recall', 'R14-t3-3.1-natural-blank-collapsed-text.txt'), 'utf8');
  const clean = text.replace('（一）予以公开\t\t3\t1\t1\t2\t0\t22', '（一）予以公开\t\t15\t3\t1\t1\t2\t0\t22');
  const row = (page: string, key: string) => {
    const r = auditText(page);
    if (!r.detected) throw new Error(r.reason);
    return T3_COLUMNS.map((c) => {
      const cell = r.report.tables.t3!.rows[key]![c]!;
      return cell.deduced ? 'deduced' : (cell.value ?? cell.status);
    });
  };

  it('gets it in the one column the identities confirm, inside the row', () => {
    expect(clean).not.toBe(text);
    expect(row(clean.replace('\t40\t6\t1\t2\t3\t1\t53', '\t40\t1\t2\t3\t1\t53'), '1')).toEqual([40, 'deduced', 1, 2, 3, 1, 53]);
  });

  it('leaves the values unplaced when several columns fit them and the reading the text gives does not', () => {
    // 3.3.2 科研机构 0 lost among zeros: 「1 0 0 0 0 1」 read with its blank at the end would make 其他 1 a wrong cell
    const page = clean.replace('公开\t1\t0\t0\t0\t0\t0\t1', '公开\t1\t0\t0\t0\t0\t1');
    expect(page).not.toBe(clean);
    const r = auditText(page);
    if (!r.detected) throw new Error(r.reason);
    expect(r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.cells?.[0] ? `${f.cells[0].row}/${f.cells[0].column}` : ''}`)).toEqual([
      'row-cells-unplaced 3.3.2/natural',
    ]);
  });

  it('keeps the reading the text gives when it is consistent, and a row with a wrong value as read', () => {
    // the blank at the row's start, as the text reads it: nothing to deduce
    expect(row(text, '3.1')).toEqual(['blank', 3, 1, 1, 2, 0, 22]);
    // 法律服务机构 3 written 4 beside the lost blank: no column lets the identities confirm the row
    expect(row(clean.replace('\t40\t6\t1\t2\t3\t1\t53', '\t40\t1\t2\t4\t1\t53'), '1')).toEqual(['blank', 40, 1, 2, 4, 1, 53]);
  });
});
