import { cellKey } from '../model';
import { T3_COLUMN_LABELS, T3_COLUMNS } from '../parse/table-specs';
import { matchNote, ref } from './helpers';
import type { CrossYearRule } from './types';

export const crossYearCarryover: CrossYearRule = {
  kind: 'cross-year',
  id: 'cross-year-carryover',
  severity: 'error',
  title: { zh: '上年结转与上一年度报告不符', en: 'Carry-over ≠ last year’s carried-forward' },
  description: {
    zh: '本年度「二、上年结转政府信息公开申请数量」应逐列等于同一机关上一年度报告的「四、结转下年度继续办理」。',
    en: 'This year’s row 2 must equal, column by column, the same body’s previous-year row 4.',
  },
  basis: '年度报告格式第三部分：上年结转 = 上一年度结转下年度继续办理',
  example: '2023 年报「上年结转」为 0，而 2022 年报「结转下年度继续办理」为 2。',
  check(current, previous, how) {
    return T3_COLUMNS.flatMap((c) => {
      const now = current.values[cellKey(ref('t3', '2', c))];
      const before = previous.values[cellKey(ref('t3', '4', c))];
      if (now === undefined || before === undefined || now === null || before === null || now === before) return [];
      return [
        {
          section: 's3' as const,
          cells: [ref('t3', '2', c)],
          expected: before,
          actual: now,
          message: `「${T3_COLUMN_LABELS[c]}」列：上年结转 ${now} 件，但 ${previous.year} 年度报告结转下年度 ${before} 件${matchNote(previous, how)}`,
        },
      ];
    });
  },
};
