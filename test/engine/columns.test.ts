/**
 * Rows short of values in text tables that keep no empty cell: placed by the columns they stand
 * under where the text was laid out with spaces (pdftotext -layout), otherwise reported unplaced.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditDocument, auditText } from '../../lib/engine/audit';
import { lightDocumentFromTree } from '../../lib/engine/source/light-dom';
import { pageTreeSteps, type TreeNode } from '../../lib/engine/source/page-tree';
import { drain, NO_DEADLINE } from '../../lib/engine/steps';
import { FIXTURES, htmlDoc } from '../helpers/fixtures';
import { cleanT3, makeReport } from '../helpers/make-report';

const wide = (s: string) => [...s].reduce((n, c) => n + (/[\u3000-\u9fff\uff00-\uff60]/.test(c) ? 2 : 1), 0);

/**
 * The tab-separated report as pdftotext -layout would print it: each row's first cell in the first
 * 84 columns, then each cell right-aligned in 8 columns, a Chinese character two columns wide.
 * `narrow` counts every character as one column instead, as some tools lay text out.
 */
function laidOut(text: string, measure: 'wide' | 'narrow' = 'wide'): string {
  const w = measure === 'wide' ? wide : (s: string) => s.length;
  return text
    .split('\n')
    .map((line) => {
      if (!line.includes('\t')) return line;
      const [first, ...rest] = line.split('\t');
      const head = first + ' '.repeat(Math.max(2, 84 - w(first!)));
      return head + rest.map((c) => ' '.repeat(Math.max(2, 8 - w(c))) + c).join('');
    })
    .join('\n');
}

const t3Values = (text: string, row: string) => {
  const r = auditText(text);
  if (!r.detected) throw new Error(r.reason);
  return { cells: Object.values(r.report.tables.t3?.rows[row] ?? {}).map((c) => c.value ?? c.status), findings: r.findings };
};

/**
 * A row whose place the text does not show, placed by the identities instead (parse/blank-place.ts): row 3.1's
 * 商业企业 (1) is the one column its column's sums leave room for, and the finding says the column was deduced.
 */
function placedByIdentities({ cells, findings }: ReturnType<typeof t3Values>) {
  expect(cells).toEqual([5, 'blank', 0, 0, 0, 0, 6]);
  expect(findings.filter((f) => f.rule === 'row-cells-unplaced')).toEqual([]);
  expect(findings.some((f) => f.rule === 'cell-missing' && f.message.includes('由勾稽关系推定'))).toBe(true);
}

/** The same row with a 0 blanked instead (科研机构): any of its four 0 columns fits, so its values stay unplaced. */
const withZeroBlank = () => ({ ...cleanT3(), '3.1': [5, 1, '', 0, 0, 0, 6] });

function unplaced({ cells, findings }: ReturnType<typeof t3Values>) {
  expect(cells.every((c) => c === 'absent')).toBe(true);
  expect(findings.filter((f) => f.rule === 'row-cells-unplaced').map((f) => f.cells?.[0]?.row)).toEqual(['3.1']);
}

describe('a text table laid out with spaces', () => {
  const withBlank = () => ({ ...cleanT3(), '3.1': [5, '', 0, 0, 0, 0, 6] });

  it.each(['wide', 'narrow'] as const)('places a row short of a value by the columns its values stand under (%s characters)', (measure) => {
    const text = laidOut(makeReport({ t3: withBlank() }), measure);
    expect(text).toMatch(/\(一\)予以公开 {2,}5 {10,}0/);
    const { cells, findings } = t3Values(text, '3.1');
    expect(cells).toEqual([5, 'blank', 0, 0, 0, 0, 6]);
    expect(findings.filter((f) => f.rule === 'row-cells-unplaced')).toEqual([]);
  });

  it('reads full rows as before', () => {
    const { cells, findings } = t3Values(laidOut(makeReport()), '3.4.1');
    expect(cells).toEqual(cleanT3()['3.4.1']);
    expect(findings).toEqual([]);
  });

  it('does not place a value that stands between two columns (the identities do, where they can)', () => {
    const text = laidOut(makeReport({ t3: withBlank() })).replace(/(\(一\)予以公开 +5)( {4})/, '$1');
    placedByIdentities(t3Values(text, '3.1'));
    unplaced(t3Values(laidOut(makeReport({ t3: withZeroBlank() })).replace(/(\(一\)予以公开 +5 +1)( {4})/, '$1'), '3.1'));
  });

  it('does not place values by position in a row of single spaces, which keeps no column (the identities do, where they can)', () => {
    const spaced = (text: string) => text.replace(/\t/g, ' ').replace(/ {2,}/g, ' ');
    placedByIdentities(t3Values(spaced(makeReport({ t3: withBlank() })), '3.1'));
    unplaced(t3Values(spaced(makeReport({ t3: withZeroBlank() })), '3.1'));
  });

  it("places t4's values under its one header line that names all fifteen columns", () => {
    // Each cell centred in 12 columns, as a PDF table's cells are.
    const centred = (cells: (string | number)[]) =>
      cells
        .map((c) => `${c}`)
        .map((c) => ' '.repeat((12 - wide(c)) >> 1) + c + ' '.repeat(12 - wide(c) - ((12 - wide(c)) >> 1)))
        .join('');
    const header = Array(3).fill(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']).flat();
    const t4 = ['行政复议          行政诉讼', centred(header), centred(['', '', '', '', '', 1, 0, 0, 0, 1, 0, 0, 0, 0, 0])];
    const text = laidOut(makeReport()).replace(/(四、政府信息公开行政复议、行政诉讼情况\n)(?:.*\S.*\n)+/, `$1${t4.join('\n')}\n`);
    expect(text).toContain(t4.join('\n'));
    const r = auditText(text);
    if (!r.detected) throw new Error(r.reason);
    const cells = Object.values(r.report.tables.t4!.rows['1']!).map((c) => c.value ?? c.status);
    expect(cells).toEqual([...Array(5).fill('blank'), 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
  });
});

describe('a tab row that kept only its filled cells (Acrobat)', () => {
  const line = (cells: (string | number)[]) => makeReport().replace(/\(一\)予以公开\t[^\n]*/, `(一)予以公开\t${cells.join('\t')}`);

  it('is short of values with nothing to say which column lost one: placed by the identities, or unplaced, not filled from the left', () => {
    placedByIdentities(t3Values(line([5, 0, 0, 0, 0, 6]), '3.1'));
    unplaced(t3Values(line([5, 1, 0, 0, 0, 6]), '3.1'));
  });

  it('keeps its blank where Word left an empty cell between tabs', () => {
    const r = auditText(line([5, '', 0, 0, 0, 0, 6]));
    if (!r.detected) throw new Error(r.reason);
    expect(Object.values(r.report.tables.t3!.rows['3.1']!).map((c) => c.value ?? c.status)).toEqual([5, 'blank', 0, 0, 0, 0, 6]);
    expect(r.findings.filter((f) => f.rule === 'row-cells-unplaced')).toEqual([]);
  });
});

describe('one cell per line (WPS), a blank cell an empty line', () => {
  const withBlank = () => ({ ...cleanT3(), '3.1': [5, '', 0, 0, 0, 0, 6] });
  /** Each tab row as one cell per line, and an empty line after each row, as WPS copies a table; `apart`: an empty line between every two cells too. */
  const perLine = (text: string, apart = false) =>
    text
      .split('\n')
      .map((l) => (l.includes('\t') ? `${l.split('\t').join(apart ? '\n\n' : '\n')}\n` : l))
      .join('\n');

  it("reads the empty lines among a row's values as its blank cells", () => {
    const text = perLine(makeReport({ t3: withBlank() }));
    expect(text).toContain('(一)予以公开\n5\n\n0\n');
    const { cells, findings } = t3Values(text, '3.1');
    expect(cells).toEqual([5, 'blank', 0, 0, 0, 0, 6]);
    expect(findings.filter((f) => f.rule === 'row-cells-unplaced')).toEqual([]);
  });

  it('does not, where an empty line stands between every two cells (the identities do, where they can)', () => {
    const text = perLine(makeReport({ t3: withBlank() }), true);
    expect(text).toContain('(一)予以公开\n\n5\n\n\n\n0\n');
    placedByIdentities(t3Values(text, '3.1'));
    unplaced(t3Values(perLine(makeReport({ t3: withZeroBlank() }), true), '3.1'));
  });

  it('does not place a row whose blank left no line (the identities do, where they can)', () => {
    const text = perLine(makeReport({ t3: withBlank() })).replace('(一)予以公开\n5\n\n0\n', '(一)予以公开\n5\n0\n');
    placedByIdentities(t3Values(text, '3.1'));
    const zero = perLine(makeReport({ t3: withZeroBlank() })).replace('(一)予以公开\n5\n1\n\n0\n', '(一)予以公开\n5\n1\n0\n');
    expect(zero).toContain('(一)予以公开\n5\n1\n0\n');
    unplaced(t3Values(zero, '3.1'));
  });
});

describe.each(['A07-css-grid.html', 'A06-div-display-table.html'])('a table of <div>s, one cell each: %s', (file) => {
  const page = readFileSync(join(FIXTURES, 'variants', file), 'utf8');
  const row = (html: string) => {
    const doc = htmlDoc(html);
    const chunks: TreeNode[][] = [];
    drain(pageTreeSteps(doc, { emit: (nodes) => void chunks.push(nodes) }, NO_DEADLINE));
    // As the page reads, and as the background reads the tree the content script sends.
    return [doc, lightDocumentFromTree(chunks).doc].map((d) => {
      const r = auditDocument(d);
      if (!r.detected) throw new Error(r.reason);
      return { cells: Object.values(r.report.tables.t3!.rows['3.1']!).map((c) => c.value ?? c.status), findings: r.findings };
    });
  };
  const emptied = page.replace(/(（一）予以公开<\/div>(?:\s*<div[^>]*><\/div>)?\s*<div[^>]*>15<\/div>\s*<div[^>]*>)3(<\/div>)/, '$1$2');

  it('reads an empty <div> among the values as a blank cell', () => {
    expect(emptied).not.toBe(page);
    for (const { cells, findings } of row(emptied)) {
      expect(cells).toEqual([15, 'blank', 1, 1, 2, 0, 22]);
      expect(findings.some((f) => f.rule === 'cell-missing' && f.cells?.some((c) => c.row === '3.1' && c.column === 'commercial'))).toBe(true);
    }
  });

  it('reads the page with every cell filled as it did', () => {
    for (const { cells } of row(page)) expect(cells).toEqual([15, 3, 1, 1, 2, 0, 22]);
  });
});

describe('a row apart by single spaces with more values than columns', () => {
  const row = (line: string) => {
    const r = auditText(makeReport().replace(/\(一\)予以公开\t[^\n]*/, line));
    if (!r.detected) throw new Error(r.reason);
    return { cells: Object.values(r.report.tables.t3!.rows['3.1']!).map((c) => c.value ?? c.status), findings: r.findings };
  };
  const ruled = (fs: { rule: string; cells?: { row: string }[] }[], rule: string) => fs.filter((f) => f.rule === rule).map((f) => f.cells?.[0]?.row);

  it('is unplaced where two neighbours may be one number (「1 0」 for 10)', () => {
    const { cells, findings } = row('(一)予以公开 5 1 0 0 0 0 0 6');
    expect(cells.every((c) => c === 'absent')).toBe(true);
    expect(ruled(findings, 'row-cells-unplaced')).toEqual(['3.1']);
    expect(findings.find((f) => f.rule === 'row-cells-unplaced')?.message).toContain('多于 7 列');
  });

  it('reads the first values where no two can be one number (none starts with 0 but the last), and says the rest are extra', () => {
    const { cells, findings } = row('(一)予以公开 0 0 0 0 0 0 0 6');
    expect(cells).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(ruled(findings, 'row-extra-cells')).toEqual(['3.1']);
    expect(ruled(findings, 'row-cells-unplaced')).toEqual([]);
  });

  it('reads the first values of a tab row, whose cells are apart anyway', () => {
    const { cells, findings } = row('(一)予以公开\t5\t1\t0\t0\t0\t0\t6\t12');
    expect(cells).toEqual([5, 1, 0, 0, 0, 0, 6]);
    expect(ruled(findings, 'row-extra-cells')).toEqual(['3.1']);
  });
});
