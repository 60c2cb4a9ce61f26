import { describe, expect, it } from 'vitest';
import { auditText } from '../../lib/engine/audit';
import type { Finding } from '../../lib/engine/model';
import { RULES } from '../../lib/engine/rules';
import { cleanT3, cleanT4, makeReport, type ReportParts } from '../helpers/make-report';

function findings(over: Partial<ReportParts> = {}): Finding[] {
  const r = auditText(makeReport(over));
  if (!r.detected) throw new Error('fixture not detected: ' + r.reason);
  return r.findings;
}
const ofRule = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);
const keys = (f: Finding) => (f.cells ?? []).map((c) => `${c.table}/${c.row}/${c.column}`);

describe('the clean fixture', () => {
  it('gives no finding at all', () => {
    expect(findings()).toEqual([]);
  });
  it('every rule has bilingual titles and a known severity', () => {
    for (const r of RULES) {
      expect(r.title.zh && r.title.en && r.description.zh && r.description.en).toBeTruthy();
      expect(['error', 'warning', 'info']).toContain(r.severity);
    }
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });
});

describe('t3-balance (identity 1)', () => {
  it('fires per column where 1 + 2 ≠ 3.7 + 4, naming the four cells', () => {
    const t3 = cleanT3();
    t3['4'] = [3, 0, 0, 0, 0, 0, 3]; // carried forward one too many
    const fs = ofRule(findings({ t3 }), 't3-balance');
    expect(fs.map((f) => f.cells?.[0]?.column)).toEqual(['natural', 'total']);
    expect(keys(fs[0]!)).toEqual(['t3/1/natural', 't3/2/natural', 't3/3.7/natural', 't3/4/natural']);
    expect(fs[0]).toMatchObject({ severity: 'error', expected: 11, actual: 12 });
  });
  it('does not fire when the columns balance', () => {
    expect(ofRule(findings(), 't3-balance')).toEqual([]);
  });
});

describe('t3-results-sum (identity 2)', () => {
  it('fires when (七)总计 differs from the sum of result rows', () => {
    const t3 = cleanT3();
    t3['3.7'] = [9, 2, 0, 0, 0, 0, 12];
    t3['1'] = [10, 2, 0, 0, 0, 0, 13]; // keep identity 1 and the row total true for the total column
    const fs = ofRule(findings({ t3 }), 't3-results-sum');
    expect(fs).toHaveLength(1);
    expect(fs[0]!.cells).toContainEqual({ table: 't3', row: '3.6.3', column: 'total' });
    expect(fs[0]!.cells).toContainEqual({ table: 't3', row: '3.7', column: 'total' });
    expect(fs[0]).toMatchObject({ expected: 11, actual: 12 });
  });
  it('uses the single (六)其他处理 row in the 2019 layout', () => {
    const t3 = cleanT3();
    t3['3.6'] = [0, 0, 0, 0, 0, 0, 1];
    const fs = ofRule(findings({ t3, layout2019: true, title: '示范市测试局2020年政府信息公开工作年度报告' }), 't3-results-sum');
    expect(fs.map((f) => f.cells?.at(-1)?.column)).toEqual(['total']);
    expect(fs[0]!.cells).toContainEqual({ table: 't3', row: '3.6', column: 'total' });
  });
});

describe('t3-row-total (identity 3)', () => {
  it('fires on a row whose total is not the sum of applicants', () => {
    const t3 = cleanT3();
    t3['3.3.4'] = [1, 1, 0, 0, 0, 0, 1];
    t3['3.7'] = [9, 3, 0, 0, 0, 0, 11];
    t3['1'] = [10, 3, 0, 0, 0, 0, 12];
    const fs = ofRule(findings({ t3 }), 't3-row-total');
    expect(fs.map((f) => f.cells?.[0]?.row)).toEqual(['1', '3.3.4', '3.7']);
    expect(keys(fs[1]!)).toHaveLength(7);
  });
});

describe('t4-group-total (identity 4)', () => {
  it('fires for the group whose total is wrong', () => {
    const t4 = cleanT4();
    t4[9] = 2; // suit.total
    const fs = ofRule(findings({ t4, s1: '2023年，我局共收到政府信息公开申请12件，上年结转1件。' }), 't4-group-total');
    expect(fs).toHaveLength(1);
    expect(keys(fs[0]!)).toEqual(['t4/1/suit.upheld', 't4/1/suit.corrected', 't4/1/suit.other', 't4/1/suit.pending', 't4/1/suit.total']);
  });
  it('does not fire on consistent groups', () => {
    expect(ofRule(findings(), 't4-group-total')).toEqual([]);
  });
});

describe('cell-missing and cell-invalid (identity 5)', () => {
  it('reports blank, dash and 无 cells as missing, not zero, and skips identities over them', () => {
    const t3 = cleanT3();
    t3['3.5.2'] = ['', '—', '无', 0, 0, 0, 0];
    const fs = findings({ t3 });
    const missing = ofRule(fs, 'cell-missing');
    expect(missing).toHaveLength(1);
    expect(keys(missing[0]!)).toEqual(['t3/3.5.2/natural', 't3/3.5.2/commercial', 't3/3.5.2/research']);
    expect(ofRule(fs, 't3-results-sum').filter((f) => ['natural', 'commercial', 'research'].includes(f.cells![0]!.column))).toEqual([]);
  });
  it('reports negative, fractional and non-numeric counts', () => {
    const t3 = cleanT3();
    t3['3.5.1'] = [-1, 0.5, '三', 0, 0, 0, 0];
    const fs = ofRule(findings({ t3 }), 'cell-invalid');
    expect(fs.map((f) => keys(f)[0])).toEqual(['t3/3.5.1/natural', 't3/3.5.1/commercial', 't3/3.5.1/research']);
  });
  it('accepts full-width digits and a decimal fee amount', () => {
    const t3 = cleanT3();
    t3['1'] = ['１０', '２', '0', '0', '0', '0', '１２'];
    const fs = findings({ t3 });
    expect(fs).toEqual([]);
  });
});

describe('structure rules', () => {
  it('section-missing fires for a section that is not there, and not otherwise', () => {
    const fs = ofRule(findings({ omit: ['s5'] }), 'section-missing');
    expect(fs).toEqual([expect.objectContaining({ section: 's5', severity: 'error' })]);
    expect(ofRule(findings(), 'section-missing')).toEqual([]);
  });
  it('table-missing fires when a section has no table', () => {
    const fs = findings({ omit: ['s4'] });
    expect(ofRule(fs, 'table-missing')).toEqual([expect.objectContaining({ section: 's4' })]);
  });
  it('row-missing names the row that is not printed', () => {
    const fs = ofRule(findings({ omitRows: ['3.5.3'] }), 'row-missing');
    expect(fs).toHaveLength(1);
    expect(keys(fs[0]!)[0]).toBe('t3/3.5.3/natural');
  });
  it('section-order fires when sections are swapped', () => {
    const text = makeReport().replace('五、存在的主要问题及改进情况', '六、其他需要报告的事项X').replace(/六、其他需要报告的事项\n/, '五、存在的主要问题及改进情况\n').replace('六、其他需要报告的事项X', '六、其他需要报告的事项');
    const r = auditText(text);
    expect(r.detected && ofRule(r.findings, 'section-order')).toHaveLength(1);
  });
  it('layout-outdated fires for a 2021+ report in the 2019 layout, not for a 2020 one', () => {
    expect(ofRule(findings({ layout2019: true }), 'layout-outdated')).toHaveLength(1);
    expect(ofRule(findings({ layout2019: true, title: '示范市测试局2020年政府信息公开工作年度报告' }), 'layout-outdated')).toEqual([]);
  });
  it('row-extra-cells reports a row with one value too many', () => {
    const t3 = cleanT3();
    t3['2'] = [1, 0, 0, 0, 0, 0, 1, 0];
    expect(ofRule(findings({ t3 }), 'row-extra-cells')).toHaveLength(1);
  });
});

describe('prose rules', () => {
  it('prose-applications: stated count against row 1', () => {
    const fs = ofRule(findings({ s1: '2023年，我局共收到政府信息公开申请15件。' }), 'prose-applications');
    expect(fs).toEqual([expect.objectContaining({ expected: 12, actual: 15, cells: [{ table: 't3', row: '1', column: 'total' }] })]);
    expect(fs[0]!.excerpt).toContain('15件');
  });
  it('prose-applications: 「未收到申请」 while row 1 is not zero', () => {
    const fs = ofRule(findings({ s1: '2023年，未收到政府信息公开申请。' }), 'prose-applications');
    expect(fs).toHaveLength(1);
  });
  it('prose-applications: carried-over counts', () => {
    const fs = ofRule(findings({ s1: '共收到政府信息公开申请12件，上年结转3件。' }), 'prose-applications');
    expect(fs).toEqual([expect.objectContaining({ expected: 1, actual: 3 })]);
  });
  it('prose-applications: a review application is not an information application', () => {
    expect(ofRule(findings({ s1: '共收到行政复议申请2件。' }), 'prose-applications')).toEqual([]);
  });
  it('prose-results: a breakdown that disagrees with the rows', () => {
    const fs = ofRule(findings({ s1: '其中予以公开6件，部分公开2件，不予公开1件，无法提供3件。' }), 'prose-results');
    expect(fs).toEqual([expect.objectContaining({ expected: 1, actual: 2 })]);
  });
  it('prose-review-suit: 「均获维持」 while cases are pending', () => {
    const fs = ofRule(findings({ s1: '本年度发生的行政复议案件均获维持。' }), 'prose-review-suit');
    expect(fs).toEqual([expect.objectContaining({ actual: 1 })]);
  });
  it('prose-review-suit: 「未发生行政复议」 while the table has reviews, and a stated count', () => {
    const fs = ofRule(findings({ s1: '全年未发生政府信息公开行政复议。全年行政诉讼3件。' }), 'prose-review-suit');
    expect(fs.map((f) => f.actual)).toEqual([3, 0]);
  });
  it('prose-review-suit: 「未经复议直接起诉」 is not a denial', () => {
    expect(ofRule(findings({ s1: '全年未经复议直接起诉的行政诉讼1件，行政复议2件。' }), 'prose-review-suit')).toEqual([]);
  });
  it('prose-review-suit: silent when the prose agrees', () => {
    expect(ofRule(findings({ s1: '全年行政复议2件，行政诉讼1件。' }), 'prose-review-suit')).toEqual([]);
  });
  it('prose-rate: 6/35 is 17.1%, not 18%', () => {
    const fs = ofRule(findings({ s1: '2022年上报政务信息35条，采用信息6条，采用率18%。' }), 'prose-rate');
    expect(fs).toEqual([expect.objectContaining({ expected: '17.1%', actual: '18%', severity: 'warning' })]);
  });
  it('prose-rate: a growth rate is not a share', () => {
    expect(ofRule(findings({ s1: '2023年发布信息120条，2022年发布100条，同比增长率20%。' }), 'prose-rate')).toEqual([]);
  });
  it('prose-rate: a rate right at its precision passes', () => {
    expect(ofRule(findings({ s1: '上报政务信息35条，采用信息6条，采用率17%。办结率17.1%。' }), 'prose-rate')).toEqual([]);
  });
  it('prose-parts-whole: parts that do not add up, across 。其中', () => {
    const fs = ofRule(findings({ s1: '我局通过门户网站发布信息178条。其中概况类1条，动态类144条，目录类30条。' }), 'prose-parts-whole');
    expect(fs).toEqual([expect.objectContaining({ expected: 178, actual: 175 })]);
  });
  it('prose-parts-whole: silent when they add up, or the list ends with 等', () => {
    expect(ofRule(findings({ s1: '发布信息178条。其中概况类1条，动态类144条，目录类33条。' }), 'prose-parts-whole')).toEqual([]);
    expect(ofRule(findings({ s1: '发布信息178条，包括动态类144条、目录类30条等。' }), 'prose-parts-whole')).toEqual([]);
  });
});

describe('content rules', () => {
  it('s5-no-rectification fires when s5 says nothing of last year, and when it is empty', () => {
    expect(ofRule(findings({ s5: '一是公开不够及时。下一步将加强培训。' }), 's5-no-rectification')).toHaveLength(1);
    expect(ofRule(findings({ s5: '' }), 's5-no-rectification')[0]?.message).toContain('为空');
    expect(ofRule(findings(), 's5-no-rectification')).toEqual([]);
  });
  it('s6-no-fee fires when s6 does not mention the processing fee, naming fee notices if any', () => {
    expect(ofRule(findings({ s6: '无其他需要报告的事项。' }), 's6-no-fee')).toHaveLength(1);
    const t3 = cleanT3();
    t3['3.6.2'] = [1, 0, 0, 0, 0, 0, 1];
    t3['3.1'] = [4, 1, 0, 0, 0, 0, 5];
    const fs = ofRule(findings({ t3, s6: '无。' }), 's6-no-fee');
    expect(keys(fs[0]!)).toEqual(['t3/3.6.2/total']);
    expect(ofRule(findings(), 's6-no-fee')).toEqual([]);
  });
});

describe('disabled rules', () => {
  it('are not run', () => {
    const r = auditText(makeReport({ s6: '无。' }), { disabledRules: ['s6-no-fee'] });
    expect(r.detected && r.findings).toEqual([]);
  });
});
