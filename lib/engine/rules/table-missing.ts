import { SECTION_OF_TABLE, TABLE_KEYS } from '../model';
import { TABLE_NAMES } from '../parse/table-specs';
import { hasRows } from './helpers';
import type { ReportRule } from './types';

export const tableMissing: ReportRule = {
  kind: 'report',
  id: 'table-missing',
  severity: 'error',
  title: { zh: '缺少表格', en: 'Missing table' },
  description: {
    zh: '第二、三、四部分须以模板表格报告数据；表格缺失、以图片发布，或表格中读不出任何模板行时，无法核对。',
    en: 'Sections 2–4 must contain the template tables; a missing (or image-only) table, or one in which no row of the template can be read, cannot be checked.',
  },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）第二、三、四部分的表格',
  example: '第三部分只有一张图片，没有可核对的表格。',
  check(report) {
    // A table found with no row read (its header alone, or its data as sentences): one finding, not one per row (row-missing).
    return TABLE_KEYS.filter((t) => !hasRows(report.tables[t])).map((t) => ({
      section: SECTION_OF_TABLE[t],
      message: report.tables[t]
        ? `「${TABLE_NAMES[t]}」表格中读不出任何数据行（行名与模板不符，或数据未按表格行列出）`
        : `未找到「${TABLE_NAMES[t]}」表格（可能缺失，或以图片、附件形式发布）`,
    }));
  },
};
