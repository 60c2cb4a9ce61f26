import { SECTION_OF_TABLE } from '../model';
import { cellLabel } from '../parse/table-specs';
import { cellBound } from './arithmetic';
import { eachCell } from './helpers';
import type { Problem, ReportRule } from './types';

export const cellInvalid: ReportRule = {
  kind: 'report',
  id: 'cell-invalid',
  severity: 'error',
  title: { zh: '数值无效', en: 'Invalid number' },
  description: {
    zh: '件数必须是不小于 0 的整数；金额可以有小数。数字行中的文字（「未统计」「—」「/」「无」）是无效数值，留在本列，不是空白，也不是 0。一格中被空格隔开的数字（「1 0」：10，还是两个数？）同样无效；只有正好补齐该行缺少的列时，才读作分隔符丢失的相邻两列。',
    en: 'Counts must be whole numbers ≥ 0; only amounts may have decimals. A word among the numbers (「未统计」, 「—」, 「/」, 「无」) is an invalid value in its own column, neither a blank nor zero. So are digits apart in one cell (「1 0」: 10, or two numbers?), unless they fill exactly the columns the row lacks: then they are two cells whose separator was lost.',
  },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）：件数为非负整数',
  example: '件数写作「-1」「0.5」「三」或「—」。',
  check(report) {
    const out: Problem[] = [];
    for (const { ref: r, cell: c } of eachCell(report)) {
      if (c.status !== 'invalid') continue;
      const why = c.value === null ? '不是数字' : c.value < 0 ? '是负数' : '不是整数';
      // The identities may tell what a count should be, as for a blank.
      const b = cellBound(report, r);
      const expected = b.lo === b.hi ? b.lo : undefined;
      out.push({
        section: SECTION_OF_TABLE[r.table],
        cells: [r],
        expected,
        actual: c.raw,
        inferred: expected === undefined ? undefined : [{ cell: r, value: expected }],
        message: `「${cellLabel(r.table, r.row, r.column)}」的值「${c.raw}」${why}${expected === undefined ? '' : `，由勾稽关系推算应为 ${expected}`}`,
      });
    }
    return out;
  },
};
