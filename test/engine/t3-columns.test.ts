/** t3's columns read by the headers over them when they are not the template's seven in order (parse/tables.ts t3ColumnsByHeader). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/fixtures';
import { T3_COLUMNS } from '../../lib/engine/parse/table-specs';
import { auditedHtml as audited, keys, ofRule } from '../helpers/rules';

const variant = (name: string) => readFileSync(join(FIXTURES, 'variants', name), 'utf8');
const baseline = variant('A00-baseline-semantic.html');
/** The baseline's t3 (variants/build/model.py: new 53, carried over 4, results 54, carried forward 3) with only its 总计 column. */
const totalOnly = baseline
  .replace(/<td colspan="3" rowspan="3">（本列数据/, '<td colspan="3">（本列数据')
  .replace('<td colspan="7">申请人情况</td>', '<td>总计</td>')
  .replace(/<tr><td rowspan="2">自然人<\/td><td colspan="5">法人或其他组织<\/td><td rowspan="2">总计<\/td><\/tr>\n?/, '')
  .replace(/<tr><td>商业企业<\/td><td>科研机构<\/td><td>社会公益组织<\/td><td>法律服务机构<\/td><td>其他<\/td><\/tr>\n?/, '')
  .replace(/(<\/td>)((?:<td>\d+<\/td>){6})(<td>\d+<\/td><\/tr>)/g, '$1$3');

describe('t3 columns by their headers', () => {
  it('reads a t3 of totals only into 总计: the identities hold, the applicant columns are blank', () => {
    expect(totalOnly).not.toContain('<td>40</td>');
    const r = audited(totalOnly);
    const t3 = r.report.tables.t3!.rows;
    expect([t3['1']!.total!.value, t3['2']!.total!.value, t3['3.7']!.total!.value, t3['4']!.total!.value]).toEqual([53, 4, 54, 3]);
    expect(t3['1']!.natural!.value).toBeNull();
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(keys(ofRule(r.findings, 'cell-missing')[0]!)).toContain('t3/1/natural');
  });
  it('still finds a wrong total in a t3 of totals only', () => {
    const r = audited(totalOnly.replace('<td>54</td>', '<td>55</td>'));
    const errors = r.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.rule)).toEqual(['cell-wrong']);
    expect(keys(errors[0]!)).toContain('t3/3.7/total');
  });
  it.each(['G02-t3-total-column-first.html', 'G03-t3-faren-subtotal-column.html'])('reads %s by its headers', (name) => {
    const t3 = audited(variant(name)).report.tables.t3!.rows['1']!;
    expect(T3_COLUMNS.map((c) => t3[c]!.value)).toEqual([40, 6, 1, 2, 3, 1, 53]);
  });
  it('checks a 小计 column of 法人或其他组织 against its five kinds: a wrong 小计 is named, a right, blank or word one is not', () => {
    const subtotal = variant('G03-t3-faren-subtotal-column.html');
    const row1 = '<td>40</td><td>6</td><td>1</td><td>2</td><td>3</td><td>1</td><td>13</td><td>53</td>';
    expect(subtotal).toContain(row1);
    expect(audited(subtotal).report.tables.t3!.rows['1']!.subtotal!.value).toBe(13);
    const wrong = audited(subtotal.replace(row1, row1.replace('<td>13</td>', '<td>12</td>')));
    const errors = wrong.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.rule, keys(f), f.expected])).toEqual([['cell-wrong', ['t3/1/subtotal'], 13]]);
    // A wrong part whose 小计 summed it along (3.1 科研机构 1→4, 小计 7→10, 总计 22 right): both are named, the 小计
    // though no check breaks at it.
    const row31 = '<td>15</td><td>3</td><td>1</td><td>1</td><td>2</td><td>0</td><td>7</td><td>22</td>';
    expect(subtotal).toContain(row31);
    const along = audited(
      subtotal.replace(row31, row31.replace('<td>1</td><td>1</td><td>2</td><td>0</td><td>7</td>', '<td>4</td><td>1</td><td>2</td><td>0</td><td>10</td>')),
    );
    expect(along.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, keys(f), f.expected])).toEqual([
      ['cell-wrong', ['t3/3.1/research'], 1],
      ['cell-wrong', ['t3/3.1/subtotal'], 7],
    ]);
    // Controls: the 小计 as printed, left blank, or a word: nothing (a blank 小计 is no template cell to ask for).
    for (const v of ['13', '', '—']) {
      const r = audited(subtotal.replace(row1, row1.replace('<td>13</td>', `<td>${v}</td>`)));
      expect(r.findings.filter((f) => f.severity !== 'info').map((f) => f.rule)).toEqual([]);
    }
  });
});

describe('t3 re-typed without its merged header cells (parse/tables.ts retypedHeaderColumns)', () => {
  const recall = (name: string) => audited(readFileSync(join(FIXTURES, 'recall', name), 'utf8'));
  it.each(['R12-control-subtotal-pbar.html', 'R12-control-subtotal-prespace.html', 'R12-control-subtotal-pfw.html'])(
    'reads %s by its header words in order (法人或其他组织 standing for the kinds below it, then 小计, 总计)',
    (name) => {
      const r = recall(name);
      const row = r.report.tables.t3!.rows['1']!;
      expect([...T3_COLUMNS.map((c) => row[c]!.value), row.subtotal!.value]).toEqual([40, 6, 1, 2, 3, 1, 53, 13]);
      expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    },
  );
  it('reads 总计 first in a re-typed t3, and the template order as before (no 小计: read in order)', () => {
    const first = recall('R12-control-totals-first-prespace.html').report.tables.t3!.rows['1']!;
    expect(T3_COLUMNS.map((c) => first[c]!.value)).toEqual([40, 6, 1, 2, 3, 1, 53]);
    const plain = recall('R11-control-prespace.html').report.tables.t3!.rows['1']!;
    expect(Object.keys(plain)).toEqual([...T3_COLUMNS]);
  });
  it('leaves a spaced t3 whose rows are not all full in order: a blank leaves no trace of its column there', () => {
    const text = readFileSync(join(FIXTURES, 'recall', 'R12-control-subtotal-prespace.html'), 'utf8');
    const line = text.split('\n').find((l) => l.startsWith('二、上年结转'))!;
    const r = audited(text.replace(line, line.replace(/ 1( +)4$/, '  $14')));
    expect(r.report.tables.t3!.rows['1']!.subtotal).toBeUndefined();
  });
});

describe('a column of last year’s beside t3’s (parse/tables.ts lastYearColumns)', () => {
  it('leaves out a column headed 「上年总计」 after 总计 (variants X32): the rows and their totals are this year’s', () => {
    const r = audited(variant('X32-t3-last-year-total-column.html'));
    const t3 = r.report.tables.t3!.rows;
    expect(Object.values(t3['1']!).map((c) => c.value)).toEqual([40, 6, 1, 2, 3, 1, 53]);
    expect(t3['3.7']!.total!.value).toBe(54);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
  it('still finds a wrong cell of such a t3 where the identities put it', () => {
    const errors = audited(variant('EX32-t3-last-year-column-error.html')).findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.rule)).toEqual(['cell-wrong']);
    expect(keys(errors[0]!)).toContain('t3/3.3.2/natural');
  });
});

describe('t3 turned, the applicants as rows (parse/tables.ts withApplicantsTurned)', () => {
  const turned = variant('Q45-t3-turned-applicants-as-rows.html');
  it('reads each template row from its column: the rows of the baseline', () => {
    const t3 = audited(turned).report.tables.t3!.rows;
    const base = audited(baseline).report.tables.t3!.rows;
    // The model's (variants/build/hunt/model.py) rows 一, 二 and 四.
    expect(Object.values(t3['1']!).map((c) => c.value)).toEqual([40, 6, 1, 2, 3, 1, 53]);
    expect(Object.values(t3['2']!).map((c) => c.value)).toEqual([3, 1, 0, 0, 0, 0, 4]);
    expect(Object.values(t3['4']!).map((c) => c.value)).toEqual([2, 1, 0, 0, 0, 0, 3]);
    for (const key of Object.keys(base)) expect(Object.values(t3[key]!).map((c) => c.value)).toEqual(Object.values(base[key]!).map((c) => c.value));
    expect(audited(turned).findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
  it('finds a wrong cell of it where the identities put it', () => {
    // 3.4.1 commercial 1 -> 2 breaks identity 2 (3.7 commercial) and identity 3 (3.4.1's total).
    const r = audited(variant('EQ45-t3-turned-error.html'));
    const errors = r.findings.filter((f) => f.severity !== 'info');
    expect(errors.map((f) => f.rule)).toEqual(['cell-wrong']);
    expect(keys(errors[0]!)).toContain('t3/3.4.1/commercial');
  });
});

describe('t3 flattened to a list, each label the path in one cell (parse/tables.ts matchSpec)', () => {
  it('names a row by the item its path ends in: 「三、本年度办理结果-（六）其他处理-3.其他」 is 3.6.3', () => {
    const r = audited(variant('Q52-t3-flattened-joined-labels.html'));
    // The model's 3.6.3: one natural, one other.
    expect(Object.values(r.report.tables.t3!.rows['3.6.3']!).map((c) => c.value)).toEqual([1, 0, 0, 0, 0, 1, 2]);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('t3 parted by columns into two tables (parse/tables.ts joinedByColumns)', () => {
  const parted = variant('V23-t3-split-by-columns.html');
  /** The second table: the one after 「（续表）」. */
  const second = parted.indexOf('（续表）');
  it('joins the second table to the first as its missing columns: the baseline rows, nothing missing', () => {
    const r = audited(parted);
    const t3 = r.report.tables.t3!.rows;
    // The model's (variants/build/model.py) rows 一 and 四.
    expect(Object.values(t3['1']!).map((c) => c.value)).toEqual([40, 6, 1, 2, 3, 1, 53]);
    expect(Object.values(t3['4']!).map((c) => c.value)).toEqual([2, 1, 0, 0, 0, 0, 3]);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
  it('finds a wrong cell of the second table where the identities put it', () => {
    const errors = audited(variant('EV23-t3-split-by-columns-error.html')).findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.rule)).toContain('cell-wrong');
    expect(keys(errors.find((f) => f.rule === 'cell-wrong')!)).toContain('t3/3.1/legal');
  });
  it('does not join a second table whose rows are in another order: its columns stay missing', () => {
    const one = '<td>一、本年新收政府信息公开申请数量</td>'.repeat(3);
    const two = '<td>二、上年结转政府信息公开申请数量</td>'.repeat(3);
    const tail = parted.slice(second);
    expect(tail).toContain(one + '<td>2</td>');
    const swapped = parted.slice(0, second) + tail.replace(one, '@').replace(two, one).replace('@', two);
    const r = audited(swapped);
    expect(r.report.tables.t3!.rows['1']!.nonprofit!.value).toBeNull();
    expect(keys(ofRule(r.findings, 'cell-missing')[0]!)).toContain('t3/1/nonprofit');
  });
});
