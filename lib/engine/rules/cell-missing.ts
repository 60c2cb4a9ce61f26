import { SECTION_OF_TABLE, TABLE_KEYS, type CellRef } from '../model';
import { cellLabel } from '../parse/table-specs';
import { ref } from './helpers';
import type { Problem, ReportRule } from './types';

export const cellMissing: ReportRule = {
  kind: 'report',
  id: 'cell-missing',
  severity: 'error',
  title: { zh: '数据缺失（空白单元格）', en: 'Missing data (blank cell)' },
  description: {
    zh: '空白、「—」「/」「无」不等于 0：表格中的每个数都必须填写，没有发生的填 0。',
    en: 'A blank, dash or 「无」 is missing data, not zero: every count must be filled in, 0 when nothing happened.',
  },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）：表中数据均应填写；空白视为缺数',
  example: '「行政复议·结果维持」一格空白。',
  check(report) {
    const out: Problem[] = [];
    for (const t of TABLE_KEYS)
      for (const [row, cols] of Object.entries(report.tables[t]?.rows ?? {})) {
        const cells: CellRef[] = Object.entries(cols)
          .filter(([, c]) => c.status === 'blank' || c.status === 'absent')
          .map(([col]) => ref(t, row, col));
        if (!cells.length) continue;
        out.push({
          section: SECTION_OF_TABLE[t],
          cells,
          message: `${cells.map((c) => `「${cellLabel(t, c.row, c.column)}」`).join('、')} 未填写数值（空白不等于 0）`,
        });
      }
    return out;
  },
};
