import { SECTION_OF_TABLE, TABLE_KEYS } from '../model';
import { TABLE_NAMES } from '../parse/table-specs';
import { expectedRows, hasRows, ref } from './helpers';
import type { ReportRule } from './types';

export const rowMissing: ReportRule = {
  kind: 'report',
  id: 'row-missing',
  severity: 'error',
  title: { zh: '缺少表格行', en: 'Missing table row' },
  description: { zh: '模板表格的每一行都必须列出，即使数值为 0。', en: 'Every row of the template tables must be present, even when its values are 0.' },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）的表格行',
  example: '第三部分表格漏印「4.无正当理由大量反复申请」一行。',
  check(report) {
    return TABLE_KEYS.flatMap((t) => {
      const table = report.tables[t];
      // A table with no row read at all is table-missing's.
      if (!hasRows(table)) return [];
      return expectedRows(report, t)
        .filter((spec) => !table.rows[spec.key])
        .map((spec) => ({
          section: SECTION_OF_TABLE[t],
          cells: spec.columns.map((c) => ref(t, spec.key, c)),
          message: `「${TABLE_NAMES[t]}」表缺少「${spec.label}」行`,
        }));
    });
  },
};
