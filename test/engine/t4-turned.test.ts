/** t4 turned to fit a narrow page (parse/tables.ts t4ByGroup); whole pages: probes R19*. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, probeHtml } from '../helpers/fixtures';
import { auditedHtml as audited, keys, ofRule } from '../helpers/rules';

const groupRows = probeHtml('R19-html-t4-group-rows.html');

describe('t4 a group to a row', () => {
  it('reads each group’s five values into its own columns', () => {
    const t4 = audited(groupRows).report.tables.t4!.rows['1']!;
    // The probe model's t4 (probes/build/model.py): review 3 1 0 1 | 5, suit 1 0 1 1 | 3, after review 0 1 0 0 | 1.
    expect(Object.values(t4).map((c) => c.value)).toEqual([3, 1, 0, 1, 5, 1, 0, 1, 1, 3, 0, 1, 0, 0, 1]);
  });
  it('leaves a group without its row blank, and the others where they are', () => {
    const html = groupRows.replace(/<tr><td>行政诉讼（复议后起诉）<\/td>.*?<\/tr>/, '');
    const r = audited(html);
    expect(r.report.tables.t4!.rows['1']!['review.total']!.value).toBe(5);
    const [missing] = ofRule(r.findings, 'cell-missing');
    expect(keys(missing!)).toEqual(['upheld', 'corrected', 'other', 'pending', 'total'].map((k) => `t4/1/suit_after_review.${k}`));
  });
});

describe('t4 with a value lost from its row of fifteen', () => {
  // R08's row has lost its last cell: 3 1 0 1 5 | 1 0 1 1 3 | 0 1 0 0 (the probe model's t4, above).
  const r08 = probeHtml('R08-html-t4-14-values.html');
  const withRow = (values: number[]) => r08.replace(/<tr>(?:<td>\d+<\/td>){14}<\/tr>/, `<tr>${values.map((v) => `<td>${v}</td>`).join('')}</tr>`);

  it('puts the blank where the only place lets every group add up (a group’s total lost)', () => {
    const r = audited(withRow([3, 1, 0, 1, 1, 0, 1, 1, 3, 0, 1, 0, 0, 1]));
    const t4 = r.report.tables.t4!.rows['1']!;
    expect(t4['suit.total']!.value).toBe(3);
    expect(t4['suit_after_review.total']!.value).toBe(1);
    expect(ofRule(r.findings, 't4-group-total')).toEqual([]);
    expect(ofRule(r.findings, 'cell-missing').flatMap(keys)).toEqual(['t4/1/review.total']);
  });

  it('says it cannot place the values when a part was lost (any part of its group would do)', () => {
    const r = audited(withRow([3, 1, 1, 5, 1, 0, 1, 1, 3, 0, 1, 0, 0, 1]));
    expect(ofRule(r.findings, 'row-cells-unplaced')).toHaveLength(1);
    expect(ofRule(r.findings, 't4-group-total')).toEqual([]);
    expect(ofRule(r.findings, 'cell-wrong')).toEqual([]);
  });

  it('still reads a row cut at its end as having lost its last value', () => {
    const t4 = audited(r08).report.tables.t4!.rows['1']!;
    expect(Object.values(t4).map((c) => c.value ?? null)).toEqual([3, 1, 0, 1, 5, 1, 0, 1, 1, 3, 0, 1, 0, 0, null]);
  });
});

describe('t4 a result to a row (the three groups as columns)', () => {
  const turned = readFileSync(join(FIXTURES, 'variants', 'G23-t4-transposed.html'), 'utf8');
  // The variants model's t4 (variants/build/hunt/model.py): review 2 1 0 1 | 4, suit 1 0 0 1 | 2, after review 0 0 1 0 | 1.
  const model = [2, 1, 0, 1, 4, 1, 0, 0, 1, 2, 0, 0, 1, 0, 1];
  const read = (html: string) => Object.values(audited(html).report.tables.t4!.rows['1']!).map((c) => c.value);

  it('reads each result’s three values into their groups', () => expect(read(turned)).toEqual(model));

  it('follows the header when it orders the groups otherwise', () => {
    const swapped = turned
      .replace('<td>行政诉讼（未经复议直接起诉）</td><td>行政诉讼（复议后起诉）</td>', '<td>行政诉讼（复议后起诉）</td><td>行政诉讼（未经复议直接起诉）</td>')
      .replace(
        /<tr><td>(结果维持|结果纠正|其他结果|尚未审结|总计)<\/td><td>(\d+)<\/td><td>(\d+)<\/td><td>(\d+)<\/td><\/tr>/g,
        '<tr><td>$1</td><td>$2</td><td>$4</td><td>$3</td></tr>',
      );
    expect(read(swapped)).toEqual(model);
  });

  it('finds a wrong total in its group (one identity: any of the group’s five cells may be the wrong one)', () => {
    const r = audited(turned.replace('<tr><td>总计</td><td>4</td>', '<tr><td>总计</td><td>5</td>'));
    const review = ['upheld', 'corrected', 'other', 'pending', 'total'].map((k) => `t4/1/review.${k}`);
    expect(ofRule(r.findings, 'cell-wrong').flatMap(keys).sort()).toEqual(review.sort());
  });
});

describe('t4 a group to a nested table (parse/tables.ts isT4GroupGrid)', () => {
  const variant = (name: string) => readFileSync(join(FIXTURES, 'variants', name), 'utf8');
  const nested = variant('V25-t4-groups-nested-tables.html');
  it('reads the three group tables under t4’s heading as t4, in the page’s order', () => {
    const r = audited(nested);
    // The page's nested tables: 复议 2 1 0 1 4, 直接起诉 1 0 0 1 2, 复议后起诉 0 0 1 0 1.
    expect(Object.values(r.report.tables.t4!.rows['1']!).map((c) => c.value)).toEqual([2, 1, 0, 1, 4, 1, 0, 0, 1, 2, 0, 0, 1, 0, 1]);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
  it('finds a wrong cell of a nested group', () => {
    const wrong = ofRule(audited(variant('EV25-t4-nested-error.html')).findings, 'cell-wrong');
    expect(wrong).toHaveLength(1);
    expect(keys(wrong[0]!)).toContain('t4/1/suit_after_review.total');
  });
  it('takes a table of the five results for no part of t4 away from t4’s heading', () => {
    const heading = '<h2>四、政府信息公开行政复议、行政诉讼情况</h2>';
    expect(nested).toContain(heading);
    expect(audited(nested.replace(heading, '<h2>附表</h2>')).report.tables.t4).toBeUndefined();
  });
});
