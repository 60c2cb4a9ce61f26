/**
 * t4 as pdftotext -layout prints it from a PDF with narrow columns: its header over several lines, each column's
 * words stacked in a band of its own, and a row short of its blank cells' values. The values go to the bands
 * their spans overlap (parse/columns.ts headerBands); where the bands cannot be told apart the row stays unplaced.
 */
import { describe, expect, it } from 'vitest';
import { auditText } from '../../lib/engine/audit';
import { cleanT4, makeReport } from '../helpers/make-report';

type Measure = 'wide' | 'narrow';
const RESULTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
/** Each column's width in display columns, and where the first one starts. */
const W = 6;
const X0 = 4;

const widthOf = (s: string, m: Measure) => [...s].reduce((n, c) => n + (m === 'wide' && /[\u3000-\u9fff]/.test(c) ? 2 : 1), 0);

/** One line with each word at its display column (`at`), in the given measure. */
function lineOf(words: { at: number; text: string }[], m: Measure): string {
  let line = '';
  for (const { at, text } of [...words].sort((a, b) => a.at - b.at)) line += ' '.repeat(Math.max(1, at - widthOf(line, m))) + text;
  return line;
}

/** A column's name in pieces, one to a header line (empty where the column has none there). */
type Stacking = (name: string, column: number) => string[];
/** Halves of a name on two lines; 总计 on the first in one group, on the second in the next: no line names all fifteen. */
const twoLines: Stacking = (name, column) => {
  if (name.length === 4) return [name.slice(0, 2), name.slice(2)];
  return Math.floor(column / 5) % 2 ? ['', name] : [name, ''];
};
/** Halves on the first and third lines, 总计 alone on the middle one (as U408). */
const threeLines: Stacking = (name) => (name.length === 4 ? [name.slice(0, 2), '', name.slice(2)] : ['', name, '']);
/** A character to a line, each column starting on another line (R6's stacked characters). */
const nineLines: Stacking = (name, column) => {
  const out = Array.from({ length: 9 }, () => '');
  const from = (column % 3) * 2 + (name.length === 2 ? 1 : 0);
  [...name].forEach((c, i) => (out[from + i] = c));
  return out;
};

/** t4's block: the groups' names, the header stacked as `stack` says, and its row of values (blank where ''). */
function stackedT4(stack: Stacking, values: (number | string)[], m: Measure, shift: (column: number) => number = () => 0): string {
  const names = Array.from({ length: 15 }, (_, i) => RESULTS[i % 5]!);
  const pieces = names.map((n, i) => stack(n, i));
  const centre = (i: number, text: string) => X0 + i * W + Math.floor((W - widthOf(text, m)) / 2);
  const header = pieces[0]!.map((_, l) =>
    lineOf(
      pieces.flatMap((p, i) => (p[l] ? [{ at: centre(i, p[l]!) + shift(i), text: p[l]! }] : [])),
      m,
    ),
  );
  const row = lineOf(
    values.flatMap((v, i) => (v === '' ? [] : [{ at: centre(i, String(v)), text: String(v) }])),
    m,
  );
  return [
    '四、政府信息公开行政复议、行政诉讼情况',
    lineOf(
      [
        { at: X0, text: '行政复议' },
        { at: X0 + 5 * W, text: '行政诉讼' },
      ],
      m,
    ),
    lineOf(
      [
        { at: X0 + 5 * W, text: '未经复议直接起诉' },
        { at: X0 + 10 * W, text: '复议后起诉' },
      ],
      m,
    ),
    ...header.filter((l) => l.trim()),
    row,
  ].join('\n');
}

/** The report with its t4 block laid out so. */
function report(t4Block: string): string {
  const text = makeReport({ t4: cleanT4() });
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.startsWith('四、政府信息公开'));
  return [...lines.slice(0, from), ...t4Block.split('\n'), ...lines.slice(from + 5)].join('\n');
}

function readT4(text: string) {
  const r = auditText(text);
  if (!r.detected) throw new Error(r.reason);
  return { cells: Object.values(r.report.tables.t4?.rows['1'] ?? {}).map((c) => c.value ?? c.status), findings: r.findings };
}

/** cleanT4 with blanks at the given columns: the identities (each group's 总计 = its parts) still hold. */
const withBlanks = (...at: number[]) => cleanT4().map((v, i) => (at.includes(i) ? '' : v));
const asRead = (values: (number | string)[]) => values.map((v) => (v === '' ? 'blank' : v));

describe('t4 whose header stands over several lines', () => {
  const cases = [
    ['two', twoLines],
    ['three', threeLines],
    ['nine', nineLines],
  ] as const;
  const blanks = [
    ['the start', [0]],
    ['the middle', [6, 7]],
    ['the end', [13]],
    ["行政复议's five", [0, 1, 2, 3, 4]],
  ] as const;

  for (const m of ['wide', 'narrow'] as const)
    for (const [lines, stack] of cases)
      it.each(blanks)(`places blanks at %s by the bands of a header over ${lines} lines (${m} characters)`, (_, at) => {
        const values = withBlanks(...at);
        const { cells, findings } = readT4(report(stackedT4(stack, values, m)));
        expect(cells).toEqual(asRead(values));
        expect(findings.filter((f) => f.rule === 'row-cells-unplaced')).toEqual([]);
        expect(findings.filter((f) => f.rule === 'cell-missing').flatMap((f) => f.cells?.map((c) => c.column) ?? [])).toHaveLength(at.length);
      });

  it('takes the bands from header lines of words apart by single spaces, held as the row’s label (lynx -dump)', () => {
    // lynx -dump -width=80 of a borderless t4: 行政复议's five names on one line, 行政诉讼's ten on the next, a
    // character one column wide; the values under their names, 复议·其他结果 and 直接起诉·结果纠正 blank.
    const at = [3, 8, 13, 18, 23, 26, 31, 36, 41, 46, 49, 54, 59, 64, 69];
    const values = withBlanks(2, 6);
    const names = '结果维持 结果纠正 其他结果 尚未审结 总计';
    const block = [
      '四、政府信息公开行政复议、行政诉讼情况',
      '',
      `${' '.repeat(12)}行政复议${' '.repeat(30)}行政诉讼`,
      `   ${names}        未经复议直接起诉                复议后起诉`,
      `${' '.repeat(26)}${names} ${names}`,
      values.reduce<string>((line, v, i) => (v === '' ? line : line.padEnd(at[i]!) + String(v)), ''),
    ].join('\n');
    const { cells, findings } = readT4(report(block));
    expect(cells).toEqual(asRead(values));
    expect(findings.filter((f) => f.rule === 'row-cells-unplaced')).toEqual([]);
  });

  it('reads a row of all fifteen values as before, with no finding', () => {
    for (const [, stack] of cases) {
      const { cells, findings } = readT4(report(stackedT4(stack, cleanT4(), 'wide')));
      expect(cells).toEqual(cleanT4());
      expect(findings).toEqual([]);
    }
  });

  it('leaves the row unplaced where two columns’ words overlap (fewer bands than columns)', () => {
    // Each 总计 pushed left under its group's 尚未审结: the two columns' bands run into one.
    const values = withBlanks(2);
    const { cells, findings } = readT4(report(stackedT4(threeLines, values, 'wide', (i) => (i % 5 === 4 ? -3 : 0))));
    expect(cells.every((c) => c === 'absent')).toBe(true);
    expect(findings.filter((f) => f.rule === 'row-cells-unplaced')).toHaveLength(1);
  });

  it('leaves the row unplaced where a value stands between two bands', () => {
    const values = withBlanks(2);
    const text = report(stackedT4(twoLines, values, 'wide'));
    // The first value moved right, into the gap between 结果维持's band and 结果纠正's.
    const moved = text.replace(/^( +)1( +0)/m, (_, a: string, b: string) => `${a}   1${b.slice(3)}`);
    expect(moved).not.toBe(text);
    const { cells, findings } = readT4(moved);
    expect(cells.every((c) => c === 'absent')).toBe(true);
    expect(findings.filter((f) => f.rule === 'row-cells-unplaced')).toHaveLength(1);
  });
});
