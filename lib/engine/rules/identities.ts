import type { CellRef } from '../model';
import { cellLabel, T3_COLUMN_LABELS, T3_COLUMNS, T3_PARTS, T4_GROUP_LABELS, T4_GROUPS, T4_PARTS, t3ResultRows } from '../parse/table-specs';
import { ref, sumOf } from './access';
import type { Problem, Rule } from './types';

/**
 * One identity: left cells sum to right cells. Skipped when a cell is missing, since the
 * missing-data finding already names it and any sum would be a guess.
 */
function identity(report: Parameters<Rule['check']>[0], left: CellRef[], right: CellRef[], describe: (l: number, r: number) => string, section: Problem['section']): Problem[] {
  const l = sumOf(report, left);
  const r = sumOf(report, right);
  if (l === null || r === null || l === r) return [];
  return [{ section, cells: [...left, ...right], expected: l, actual: r, message: describe(l, r) }];
}

export const t3Balance: Rule = {
  id: 't3-balance',
  severity: 'error',
  title: { zh: '申请数量不平衡（一+二≠三+四）', en: 'Applications do not balance (1 + 2 ≠ 3 + 4)' },
  description: {
    zh: '表格自身注明：「本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和」。每一列都须满足。',
    en: 'The table states it: new applications plus those carried over equal those handled plus those carried forward, in every column.',
  },
  basis: '第三部分表格注：「本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和」',
  example: '新收 10 件、上年结转 1 件，但办理结果总计 9 件、结转下年度 1 件（11 ≠ 10）。',
  check(report) {
    if (!report.tables.t3) return [];
    return T3_COLUMNS.flatMap((c) =>
      identity(report, [ref('t3', '1', c), ref('t3', '2', c)], [ref('t3', '3.7', c), ref('t3', '4', c)],
        (l, r) => `「${T3_COLUMN_LABELS[c]}」列：本年新收 + 上年结转 = ${l}，但办理结果总计 + 结转下年度 = ${r}`, 's3'),
    );
  },
};

export const t3ResultsSum: Rule = {
  id: 't3-results-sum',
  severity: 'error',
  title: { zh: '办理结果总计与分项之和不符', en: 'Results total ≠ sum of results' },
  description: { zh: '「（七）总计」应等于（一）至（六）各分项之和。', en: 'Row (七) 总计 must equal the sum of every result row (一)–(六).' },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）第三部分「（七）总计」',
  example: '各项办理结果相加为 11，「（七）总计」写 12。',
  check(report) {
    if (!report.tables.t3) return [];
    const rows = t3ResultRows(report.layout);
    return T3_COLUMNS.flatMap((c) =>
      identity(report, rows.map((r) => ref('t3', r, c)), [ref('t3', '3.7', c)],
        (l, r) => `「${T3_COLUMN_LABELS[c]}」列：办理结果各分项之和为 ${l}，但「（七）总计」为 ${r}`, 's3'),
    );
  },
};

export const t3RowTotal: Rule = {
  id: 't3-row-total',
  severity: 'error',
  title: { zh: '行总计与各类申请人之和不符', en: 'Row total ≠ sum of applicant types' },
  description: { zh: '每一行的「总计」应等于自然人与五类法人或其他组织之和。', en: 'Each row’s total must equal natural persons plus the five kinds of organisations.' },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）第三部分「总计」列',
  example: '自然人 3、商业企业 1，总计却写 3。',
  check(report) {
    const t3 = report.tables.t3;
    if (!t3) return [];
    return Object.keys(t3.rows).flatMap((row) =>
      identity(report, T3_PARTS.map((c) => ref('t3', row, c)), [ref('t3', row, 'total')],
        (l, r) => `「${cellLabel('t3', row, 'total').replace(/·总计$/, '')}」行：各类申请人之和为 ${l}，但总计为 ${r}`, 's3'),
    );
  },
};

export const t4GroupTotal: Rule = {
  id: 't4-group-total',
  severity: 'error',
  title: { zh: '复议/诉讼总计与分项之和不符', en: 'Review/litigation total ≠ sum of outcomes' },
  description: { zh: '行政复议、未经复议直接起诉、复议后起诉三组，每组「总计」= 维持 + 纠正 + 其他结果 + 尚未审结。', en: 'In each group, total = upheld + corrected + other + pending.' },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）第四部分',
  example: '行政复议维持 1、尚未审结 1，总计写 1。',
  check(report) {
    if (!report.tables.t4?.rows['1']) return [];
    return T4_GROUPS.flatMap((g) =>
      identity(report, T4_PARTS.map((p) => ref('t4', '1', `${g}.${p}`)), [ref('t4', '1', `${g}.total`)],
        (l, r) => `「${T4_GROUP_LABELS[g]}」：维持、纠正、其他结果、尚未审结之和为 ${l}，但总计为 ${r}`, 's4'),
    );
  },
};
