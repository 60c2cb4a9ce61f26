import { TABLE_KEYS, type CellRef } from '../model';
import { cellLabel } from '../parse/table-specs';
import { ref } from './access';
import type { Problem, Rule } from './types';

const SECTION = { t2: 's2', t3: 's3', t4: 's4' } as const;

export const cellMissing: Rule = {
  id: 'cell-missing',
  severity: 'error',
  title: { zh: '数据缺失（空白单元格）', en: 'Missing data (blank cell)' },
  description: {
    zh: '空白、「—」「/」「无」不等于 0：表格中的每个数都必须填写，没有发生的填 0。',
    en: 'A blank, dash or 「无」 is missing data, not zero: every count must be filled in, 0 when nothing happened.',
  },
  check(report) {
    const out: Problem[] = [];
    for (const t of TABLE_KEYS)
      for (const [row, cols] of Object.entries(report.tables[t]?.rows ?? {})) {
        const cells: CellRef[] = Object.entries(cols)
          .filter(([, c]) => c.status === 'blank' || c.status === 'absent')
          .map(([col]) => ref(t, row, col));
        if (!cells.length) continue;
        out.push({
          section: SECTION[t],
          cells,
          message: `${cells.map((c) => `「${cellLabel(t, c.row, c.column)}」`).join('、')} 未填写数值（空白不等于 0）`,
        });
      }
    return out;
  },
};

export const cellInvalid: Rule = {
  id: 'cell-invalid',
  severity: 'error',
  title: { zh: '数值无效', en: 'Invalid number' },
  description: { zh: '件数必须是不小于 0 的整数；金额可以有小数。', en: 'Counts must be whole numbers ≥ 0; only amounts may have decimals.' },
  check(report) {
    const out: Problem[] = [];
    for (const t of TABLE_KEYS)
      for (const [row, cols] of Object.entries(report.tables[t]?.rows ?? {}))
        for (const [col, c] of Object.entries(cols)) {
          if (c.status !== 'invalid') continue;
          const why = c.value === null ? '不是数字' : c.value < 0 ? '是负数' : '不是整数';
          out.push({ section: SECTION[t], cells: [ref(t, row, col)], actual: c.raw, message: `「${cellLabel(t, row, col)}」的值「${c.raw}」${why}` });
        }
    return out;
  },
};
