import { SECTION_OF_TABLE, TABLE_KEYS } from '../model';
import { cellLabel } from '../parse/table-specs';
import { ref } from './helpers';
import type { ReportRule } from './types';

export const rowExtraCells: ReportRule = {
  kind: 'report',
  id: 'row-extra-cells',
  severity: 'warning',
  title: { zh: '行内数值多于列数', en: 'Row has more values than columns' },
  description: {
    zh: '一行中的数值多于模板列数，多出的数值被忽略，请核对原表。',
    en: 'A row holds more numbers than the template has columns; the extra ones were ignored.',
  },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）的表格列',
  example: '「(七)总计」一行印出 8 个数，而表格只有 7 列。',
  check(report) {
    return TABLE_KEYS.flatMap((t) =>
      (report.tables[t]?.notes ?? []).map((n) => ({
        section: SECTION_OF_TABLE[t],
        cells: n.row ? Object.keys(report.tables[t]!.rows[n.row] ?? {}).map((c) => ref(t, n.row!, c)) : undefined,
        message: `${n.row ? `「${cellLabel(t, n.row, '').replace(/·$/, '')}」行：` : ''}${n.text}`,
      })),
    );
  },
};
