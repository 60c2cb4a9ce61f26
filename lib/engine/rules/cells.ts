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
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）：件数为非负整数',
  example: '件数写作「-1」「0.5」或「三」。',
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

const AMOUNT_UNIT = '万元';

export const cellUnit: Rule = {
  id: 'cell-unit',
  severity: 'warning',
  title: { zh: '单元格内写了单位', en: 'Unit written in a cell' },
  description: {
    zh: '表格的单位在表头中已规定（件数；金额为万元），单元格只填数字；写错单位（如在万元列写「251000元」）会使数值相差万倍。',
    en: 'Cells hold bare numbers in the unit the header sets; a different unit (元 in a 万元 column) is wrong by a factor of 10,000.',
  },
  basis: '年度报告格式：收费金额「单位：万元」',
  example: '「本年收费金额（单位：万元）」一栏写作「251000元」。',
  check(report) {
    const out: Problem[] = [];
    for (const t of TABLE_KEYS)
      for (const [row, cols] of Object.entries(report.tables[t]?.rows ?? {}))
        for (const [col, c] of Object.entries(cols)) {
          if (!c.unit || c.value === null) continue;
          const amount = col === 'amount';
          if (amount && c.unit === '元')
            out.push({ severity: 'error', section: SECTION[t], cells: [ref(t, row, col)], expected: `${c.value / 10000}`, actual: c.raw, message: `「${cellLabel(t, row, col)}」写作「${c.raw}」，本列单位为万元，应为 ${c.value / 10000}` });
          else if (!(amount && c.unit === AMOUNT_UNIT))
            out.push({ severity: 'info', section: SECTION[t], cells: [ref(t, row, col)], actual: c.raw, message: `「${cellLabel(t, row, col)}」写作「${c.raw}」，单元格应只填数字` });
        }
    return out;
  },
};
