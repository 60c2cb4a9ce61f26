/**
 * Readable names of table cells for auditors: 「第三部分 · (七)总计 · 总计」 instead of `t3/3.7/total`.
 * Built from the engine's table specs (the template's own labels), so names follow the template.
 */
import type { CellRef, Layout, TableKey } from '../engine/model';
import { T2_COLUMN_LABELS, T2_ROWS, T3_COLUMN_LABELS, T3_ROWS, T4_GROUP_LABELS, T4_PART_LABELS } from '../engine/parse/table-specs';

/** Each table sits in the section of the same number. */
const PART_NAMES: Record<TableKey, string> = { t2: '第二部分', t3: '第三部分', t4: '第四部分' };

const SEP = ' · ';

/** The (三)–(六) groups whose numbered sub-rows (1.属于国家秘密 …) would be ambiguous on their own. */
const T3_GROUPS: Record<string, string> = { '3.3': '(三)不予公开', '3.4': '(四)无法提供', '3.5': '(五)不予处理', '3.6': '(六)其他处理' };

/** Labels that the spec keeps long for matching but that read better short in a name. */
const T3_SHORT: Record<string, string> = { '3.2': '(二)部分公开' };

/** Column labels that depend on the t2 row (an amount is 万元 of fees in 2021, a purchase total in 2019). */
const T2_AMOUNT: Record<string, string> = { fees: '本年收费金额（万元）', procurement: '采购总金额' };

function t3RowName(row: string): string {
  if (T3_SHORT[row]) return T3_SHORT[row];
  const label = T3_ROWS.find((r) => r.key === row)?.label;
  if (!label) return row;
  const group = T3_GROUPS[row.split('.').slice(0, 2).join('.')];
  return group && row.split('.').length === 3 ? `${group} ${label}` : label;
}

function t2RowName(row: string, layout: Layout | undefined): string {
  const specs = T2_ROWS.filter((r) => r.key === row);
  // 行政规范性文件 (2021) was 规范性文件 (2019); an unknown layout reads as the current template.
  const spec = specs.find((r) => r.layouts.includes(layout === '2019' ? '2019' : '2021')) ?? specs[0];
  return spec?.label ?? row;
}

function t2ColumnName(row: string, column: string, layout: Layout | undefined): string {
  if (column === 'amount') return T2_AMOUNT[row] ?? '金额';
  // 2019 prints 处理决定数量 under 第（五）（六）项; 2021 prints 本年处理决定数量.
  if (column === 'decisions' && layout === '2019') return '处理决定数量';
  return T2_COLUMN_LABELS[column] ?? column;
}

/** 「第三部分 · (七)总计 · 总计」; unknown keys are shown as they are rather than dropped. */
export function cellName(ref: CellRef, layout?: Layout): string {
  switch (ref.table) {
    case 't2':
      return [PART_NAMES.t2, t2RowName(ref.row, layout), t2ColumnName(ref.row, ref.column, layout)].join(SEP);
    case 't3':
      return [PART_NAMES.t3, t3RowName(ref.row), T3_COLUMN_LABELS[ref.column] ?? ref.column].join(SEP);
    case 't4': {
      // t4 has one row of counts: the name is its column group and column.
      const [group = '', part = ''] = ref.column.split('.');
      const groupName = T4_GROUP_LABELS[group];
      const partName = T4_PART_LABELS[part];
      if (!groupName || !partName) return [PART_NAMES.t4, ref.column].join(SEP);
      return [PART_NAMES.t4, groupName, partName].join(SEP);
    }
  }
}

/**
 * Several cells of one finding. Cells of one column (an identity down a column) or of one row are
 * named once by what they share: 「第三部分 · 总计列：(七)总计；四、结转下年度继续办理」,
 * 「第三部分 · (七)总计行：自然人、商业企业」, 「第四部分 · 行政复议：结果维持、总计」; others in full.
 */
export function cellNames(refs: readonly CellRef[] | undefined, layout?: Layout): string {
  if (!refs?.length) return '';
  if (refs.length === 1) return cellName(refs[0]!, layout);
  const names = refs.map((r) => cellName(r, layout).split(SEP));
  const sameTable = refs.every((r) => r.table === refs[0]!.table);
  const same = (i: number) => names.every((n) => n.length === 3 && n[i] === names[0]![i]);
  if (sameTable && same(2)) return `${names[0]![0]}${SEP}${names[0]![2]}${refs[0]!.table === 't4' ? '' : '列'}：${names.map((n) => n[1]).join('；')}`;
  if (sameTable && same(1)) return `${names[0]![0]}${SEP}${names[0]![1]}${refs[0]!.table === 't4' ? '' : '行'}：${names.map((n) => n[2]).join('、')}`;
  return names.map((n) => n.join(SEP)).join('；');
}
