import { SECTION_OF_TABLE } from '../model';
import { cellLabel } from '../parse/table-specs';
import { eachCell } from './helpers';
import type { Problem, ReportRule } from './types';

export const cellInvalid: ReportRule = {
  kind: 'report',
  id: 'cell-invalid',
  severity: 'error',
  title: { zh: '数值无效', en: 'Invalid number' },
  description: { zh: '件数必须是不小于 0 的整数；金额可以有小数。', en: 'Counts must be whole numbers ≥ 0; only amounts may have decimals.' },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）：件数为非负整数',
  example: '件数写作「-1」「0.5」或「三」。',
  check(report) {
    const out: Problem[] = [];
    for (const { ref: r, cell: c } of eachCell(report)) {
      if (c.status !== 'invalid') continue;
      const why = c.value === null ? '不是数字' : c.value < 0 ? '是负数' : '不是整数';
      out.push({ section: SECTION_OF_TABLE[r.table], cells: [r], actual: c.raw, message: `「${cellLabel(r.table, r.row, r.column)}」的值「${c.raw}」${why}` });
    }
    return out;
  },
};
