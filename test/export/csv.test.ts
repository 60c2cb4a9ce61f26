import { describe, expect, it } from 'vitest';
import { auditsToCsv, csvField, CSV_HEADERS } from '@/lib/app/export/csv';
import { numberOrText } from '@/lib/app/export/finding-columns';
import type { FindingNote, ReportRecord } from '@/lib/app/schema';
import { withFindingIds } from '@/lib/engine/finding-id';
import { proseMismatch, sectionMissing, sumBroken, URL_A } from '../helpers/audits';
import { parseCsv } from '../helpers/csv';
import { storedRecord } from '../helpers/records';

function record(over: Partial<ReportRecord> = {}): ReportRecord {
  return storedRecord({
    id: URL_A,
    url: URL_A,
    title: '示范局2023年报',
    agency: '示范局',
    year: 2023,
    sections: ['s1'],
    tables: ['t3'],
    auditedAt: Date.UTC(2024, 2, 5, 6, 7),
    ...over,
  });
}

describe('csvField', () => {
  it('quotes fields with comma, quote, CR or LF and doubles quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('plain 文本')).toBe('plain 文本');
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(csvField('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('\rx')).toBe('"\'\rx"');
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
  });

  it('also neutralises full-width formula signs and a leading line feed', () => {
    expect(csvField('＝SUM(A1)')).toBe("'＝SUM(A1)");
    expect(csvField('＋1')).toBe("'＋1");
    expect(csvField('－1')).toBe("'－1");
    expect(csvField('＠cmd')).toBe("'＠cmd");
    expect(csvField('\n=1+1')).toBe('"\'\n=1+1"');
    // Full-width signs inside the text are not a formula start.
    expect(csvField('合计＝12')).toBe('合计＝12');
  });

  it('writes no number that is not finite', () => {
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(Infinity)).toBe('');
  });

  it('leaves numbers bare, negative ones included', () => {
    expect(csvField(2023)).toBe('2023');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(1.25)).toBe('1.25');
    expect(csvField(undefined)).toBe('');
  });
});

describe('auditsToCsv', () => {
  const findings = withFindingIds([sumBroken, sectionMissing, { ...proseMismatch, excerpt: '=1+1，共 "13" 件\n' }]);
  const note: FindingNote = { reportId: URL_A, findingId: findings[0]!.id, note: '见附表, 第 2 行', status: 'confirmed', by: '张三', updatedAt: 1 };
  const text = auditsToCsv([
    { record: record({ findings, note: '报告备注' }), notes: [note] },
    {
      record: record({ id: 'b', url: 'https://b.gov.cn/', agency: '乙局', year: null, layout: 'unknown', absentSince: Date.UTC(2024, 3, 1, 2, 30) }),
      notes: [],
    },
  ]);
  const rows = parseCsv(text.slice(1));
  const col = (name: (typeof CSV_HEADERS)[number]) => CSV_HEADERS.indexOf(name);

  it('is UTF-8 with a BOM, CRLF lines and Chinese headers', () => {
    expect(text.startsWith('\uFEFF机关,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(rows[0]).toEqual([...CSV_HEADERS]);
    expect(rows.every((r) => r.length === CSV_HEADERS.length)).toBe(true);
  });

  it('writes one row per finding with its note and status, and one row for a clean report', () => {
    expect(rows).toHaveLength(1 + 3 + 1);
    const first = rows[1]!;
    expect(first[col('规则')]).toBe('t3-balance');
    expect(first[col('严重程度')]).toBe('错误');
    expect(first[col('单元格')]).toBe('t3/3.7/total');
    expect(first[col('状态')]).toBe('已确认');
    expect(first[col('备注')]).toBe('见附表, 第 2 行');
    expect(first[col('备注人')]).toBe('张三');
    expect(first[col('报告备注')]).toBe('报告备注');
    expect(first[col('审计时间')]).toMatch(/^2024-03-0[56] \d\d:07$/);
    expect(rows[2]![col('章节')]).toBe('五、存在的主要问题及改进情况');
    expect(rows[2]![col('状态')]).toBe('待核实');
    const clean = rows[4]!;
    expect(clean.slice(0, 4)).toEqual(['乙局', '示范局2023年报', '', '未识别']);
    // A report its page no longer holds says since when; the others leave the column empty.
    expect(clean[col('已不在页面中')]).toMatch(/^2024-04-01 \d\d:30$/);
    expect(first[col('已不在页面中')]).toBe('');
    expect(clean.slice(7, 20).every((f) => f === '')).toBe(true);
  });

  it('keeps year, expected and actual as bare numbers and neutralises text cells', () => {
    const line = text.split('\r\n')[1]!;
    expect(line).toContain(',2023,');
    expect(line).toContain(',12,11,');
    expect(rows[3]![col('摘录')]).toBe('\'=1+1，共 "13" 件\n');
  });
});

describe('negative numbers in the CSV', () => {
  it('reads a number carried as text as that number, and anything else as text', () => {
    expect(numberOrText('-2')).toBe(-2);
    expect(numberOrText('0.5')).toBe(0.5);
    expect(numberOrText(-3)).toBe(-3);
    expect(numberOrText(undefined)).toBeUndefined();
    for (const text of ['-2件', '－2', '-02', '1e3', '', ' 2', '-', 'Infinity', '2021-01-01']) expect(numberOrText(text)).toBe(text);
  });

  it('exports expected and actual values as numbers, negative ones bare, but guards text fields', () => {
    // A cell printed as 「-2」 (cell-invalid carries the raw text) and a balance that is off by a negative number.
    const findings = withFindingIds([
      { rule: 'cell-invalid', severity: 'warning', message: '-2 不是有效的数量', cells: [{ table: 't3', row: '1', column: 'total' }], actual: '-2' },
      { ...sumBroken, expected: -2, actual: '－2' },
    ]);
    const text = auditsToCsv([{ record: record({ findings }), notes: [] }]);
    const rows = parseCsv(text.slice(1));
    const col = (name: (typeof CSV_HEADERS)[number]) => CSV_HEADERS.indexOf(name);
    expect(rows[1]![col('实为')]).toBe('-2');
    expect(rows[1]![col('说明')]).toBe("'-2 不是有效的数量");
    expect(rows[2]![col('应为')]).toBe('-2');
    expect(rows[2]![col('实为')]).toBe("'－2");
  });
});
