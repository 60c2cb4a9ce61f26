import { SECTION_OF_TABLE } from '../model';
import { cellLabel } from '../parse/table-specs';
import { cellsWhere } from './helpers';
import type { Problem, ReportRule } from './types';

const AMOUNT_UNIT = '万元';
/** Money units: the 2019 template's 采购总金额 sets none, so the cell is where the page says which it uses. */
const MONEY_UNITS = new Set(['元', AMOUNT_UNIT]);

export const cellUnit: ReportRule = {
  kind: 'report',
  id: 'cell-unit',
  severity: 'warning',
  title: { zh: '单元格内写了单位', en: 'Unit written in a cell' },
  description: {
    zh: '表格的单位在表头中已规定（件数；收费金额为万元），单元格只填数字；写错单位（如在万元列写「251000元」）会使数值相差万倍。2019 版格式的「采购总金额」未规定单位，单元格注明元或万元不报。',
    en: 'Cells hold bare numbers in the unit the header sets; a different unit (元 in the 万元 fee column) is wrong by a factor of 10,000. The 2019 template’s 采购总金额 sets no unit, so 元 or 万元 written there is not reported.',
  },
  basis: '年度报告格式：收费金额「单位：万元」',
  example: '「本年收费金额（单位：万元）」一栏写作「251000元」。',
  check(report) {
    const out: Problem[] = [];
    for (const { ref: r, cell: c } of cellsWhere(report, (x) => !!x.unit)) {
      if (c.value === null) continue;
      const label = cellLabel(r.table, r.row, r.column);
      // Only the fee column's header fixes 万元 (「本年收费金额（单位：万元）」).
      const amount = r.column === 'amount';
      if (amount && r.row !== 'fees' && MONEY_UNITS.has(c.unit!)) continue;
      if (amount && c.unit === '元')
        out.push({
          severity: 'error',
          section: SECTION_OF_TABLE[r.table],
          cells: [r],
          expected: `${c.value / 10000}`,
          actual: c.raw,
          message: `「${label}」写作「${c.raw}」，本列单位为万元，应为 ${c.value / 10000}`,
        });
      else if (!(amount && c.unit === AMOUNT_UNIT))
        out.push({
          severity: 'info',
          section: SECTION_OF_TABLE[r.table],
          cells: [r],
          actual: c.raw,
          message: `「${label}」写作「${c.raw}」，单元格应只填数字`,
        });
    }
    return out;
  },
};
