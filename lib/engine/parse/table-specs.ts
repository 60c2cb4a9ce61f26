import { layoutFamily, type Layout, type TableKey } from '../model';

/**
 * Rows of the three tables as data: stable key (report-format.md), template label, a loose label
 * matcher, columns, and the layouts the row belongs to. Rows are tried in this order, so the
 * specific sub-rows come before the parents whose words they share.
 */
export interface RowSpec {
  key: string;
  label: string;
  match: RegExp;
  columns: readonly string[];
  layouts: readonly Exclude<Layout, 'unknown'>[];
  /** Columns holding amounts, where decimals are right. */
  decimal?: readonly string[];
  /** Columns that may be negative (本年增/减). */
  signed?: readonly string[];
}

export const T3_COLUMNS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other', 'total'] as const;
export const T3_COLUMN_LABELS: Record<string, string> = {
  natural: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  nonprofit: '社会公益组织',
  legal: '法律服务机构',
  other: '其他',
  total: '总计',
  // Not a template column: the 小计 of 法人或其他组织 some reports print, read where it holds a count (tables.ts).
  subtotal: '小计',
};
export const T3_PARTS = T3_COLUMNS.slice(0, 6);

const both = ['2021', '2019'] as const;
const t3 = (key: string, label: string, match: RegExp, layouts: RowSpec['layouts'] = both): RowSpec => ({ key, label, match, columns: T3_COLUMNS, layouts });

export const T3_ROWS: RowSpec[] = [
  t3('3.3.1', '1.属于国家秘密', /国家秘密/),
  t3('3.3.2', '2.其他法律行政法规禁止公开', /禁止公开/),
  t3('3.3.3', '3.危及“三安全一稳定”', /三安全|一稳定|危及/),
  t3('3.3.4', '4.保护第三方合法权益', /第三方/),
  t3('3.3.5', '5.属于三类内部事务信息', /内部事务|三类内/),
  t3('3.3.6', '6.属于四类过程性信息', /过程性/),
  t3('3.3.7', '7.属于行政执法案卷', /执法案卷/),
  t3('3.3.8', '8.属于行政查询事项', /查询事项/),
  t3('3.4.1', '1.本机关不掌握相关政府信息', /不掌握/),
  t3('3.4.2', '2.没有现成信息需要另行制作', /另行制作|没有现成/),
  t3('3.4.3', '3.补正后申请内容仍不明确', /补正后|仍不明确/),
  t3('3.5.1', '1.信访举报投诉类申请', /信访|举报投诉/),
  t3('3.5.2', '2.重复申请', /重复申请/),
  t3('3.5.3', '3.要求提供公开出版物', /出版物/),
  t3('3.5.4', '4.无正当理由大量反复申请', /大量反复/),
  t3('3.5.5', '5.要求行政机关确认或重新出具已获取信息', /重新出具|已获取信息/),
  t3('3.6.1', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', /不补正/, ['2021']),
  t3('3.6.2', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', /缴纳费用|收费通知/, ['2021']),
  // By its word, whatever its number: a list restarted in each cell (mammoth, LibreOffice) numbers it 「1.」 or 「2.」; no other row is 「其他」 alone.
  // The number may be a keycap emoji (「3️⃣其他」: the digit, U+FE0F, U+20E3), as editors trained on 公众号 type it, or a
  // private-use glyph (an icon font's digit, a PDF font whose map sends digits there), or Word's numbering glyph (「⒊」「⑶」).
  t3('3.6.3', '3.其他', /^(?:[(（]?[\d\p{Co}]?[)）.、]?|\d\ufe0f?\u20e3|[①-⑨⑴-⒛])其[他它]$/u, ['2021']),
  t3('3.1', '(一)予以公开', /予以公开/),
  t3('3.2', '(二)部分公开（区分处理的，只计这一情形，不计其他情形）', /部分公开/),
  t3('3.6', '(六)其他处理', /其[他它]处理/, ['2019']),
  t3('3.7', '(七)总计', /总计|合计/),
  t3('1', '一、本年新收政府信息公开申请数量', /新收/),
  t3('2', '二、上年结转政府信息公开申请数量', /上一?年度?结转/),
  t3('4', '四、结转下年度继续办理', /结转(?:至|到)?下一?年|下一?年度继续/),
];

/** The sub-rows whose sum is 3.7 (identity 2), per layout. */
export function t3ResultRows(layout: Layout): string[] {
  const l = layoutFamily(layout);
  return T3_ROWS.filter((r) => r.key.startsWith('3.') && r.key !== '3.7' && r.layouts.includes(l)).map((r) => r.key);
}

const COUNTS_2021 = ['issued', 'repealed', 'in_force'] as const;
const COUNTS_2019 = ['made', 'published', 'total'] as const;
const ITEMS_2019 = ['previous', 'change', 'decisions'] as const;

export const T2_ROWS: RowSpec[] = [
  { key: 'rules', label: '规章', match: /规章/, columns: COUNTS_2021, layouts: ['2021'] },
  { key: 'normative', label: '行政规范性文件', match: /规范性文件/, columns: COUNTS_2021, layouts: ['2021'] },
  { key: 'licensing', label: '行政许可', match: /行政许可/, columns: ['decisions'], layouts: ['2021'] },
  { key: 'penalty', label: '行政处罚', match: /行政处罚/, columns: ['decisions'], layouts: ['2021'] },
  { key: 'coercion', label: '行政强制', match: /行政强制/, columns: ['decisions'], layouts: ['2021'] },
  { key: 'fees', label: '行政事业性收费', match: /事业性收费/, columns: ['amount'], layouts: ['2021'], decimal: ['amount'] },
  { key: 'rules', label: '规章', match: /规章/, columns: COUNTS_2019, layouts: ['2019'] },
  { key: 'normative', label: '规范性文件', match: /规范性文件/, columns: COUNTS_2019, layouts: ['2019'] },
  { key: 'licensing', label: '行政许可', match: /行政许可/, columns: ITEMS_2019, layouts: ['2019'], signed: ['change'] },
  { key: 'other_services', label: '其他对外管理服务事项', match: /对外管理服务/, columns: ITEMS_2019, layouts: ['2019'], signed: ['change'] },
  { key: 'penalty', label: '行政处罚', match: /行政处罚/, columns: ITEMS_2019, layouts: ['2019'], signed: ['change'] },
  { key: 'coercion', label: '行政强制', match: /行政强制/, columns: ITEMS_2019, layouts: ['2019'], signed: ['change'] },
  { key: 'fees', label: '行政事业性收费', match: /事业性收费/, columns: ['previous', 'change'], layouts: ['2019'], signed: ['change'] },
  { key: 'procurement', label: '政府集中采购', match: /集中采购/, columns: ['count', 'amount'], layouts: ['2019'], decimal: ['amount'] },
];

export const T2_COLUMN_LABELS: Record<string, string> = {
  issued: '本年制发件数',
  repealed: '本年废止件数',
  in_force: '现行有效件数',
  decisions: '本年处理决定数量',
  amount: '金额',
  made: '本年新制作数量',
  published: '本年新公开数量',
  total: '对外公开总数量',
  previous: '上一年项目数量',
  change: '本年增/减',
  count: '采购项目数量',
};

export const T4_GROUPS = ['review', 'suit', 'suit_after_review'] as const;
export const T4_PARTS = ['upheld', 'corrected', 'other', 'pending'] as const;
export const T4_COLUMNS = T4_GROUPS.flatMap((g) => [...T4_PARTS, 'total'].map((p) => `${g}.${p}`));
export const T4_ROW: RowSpec = { key: '1', label: '', match: /.*/, columns: T4_COLUMNS, layouts: both };

export const T4_GROUP_LABELS: Record<string, string> = { review: '行政复议', suit: '行政诉讼·未经复议直接起诉', suit_after_review: '行政诉讼·复议后起诉' };
export const T4_PART_LABELS: Record<string, string> = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结', total: '总计' };

export const TABLE_NAMES: Record<TableKey, string> = { t2: '主动公开政府信息情况', t3: '收到和处理政府信息公开申请情况', t4: '行政复议、行政诉讼情况' };

export function rowsFor(table: TableKey, layout: Layout): RowSpec[] {
  const l = layoutFamily(layout);
  const key = `${table}/${l}`;
  let rows = ROWS_FOR.get(key);
  if (!rows) ROWS_FOR.set(key, (rows = table === 't4' ? [T4_ROW] : (table === 't2' ? T2_ROWS : T3_ROWS).filter((r) => r.layouts.includes(l))));
  return rows;
}
/** rowsFor's lists, one per table and layout family, shared (never changed): the parser remembers row matches per list (tables.ts firstMatch). */
const ROWS_FOR = new Map<string, RowSpec[]>();

/** Human label of a cell for messages: 「(七)总计·自然人」. */
export function cellLabel(table: TableKey, row: string, column: string): string {
  // A whole row (no column): its label alone.
  if (!column) return table === 't4' ? '行政复议、行政诉讼' : ((table === 't2' ? T2_ROWS : T3_ROWS).find((r) => r.key === row)?.label ?? row);
  if (table === 't4') {
    const [g, p] = column.split('.');
    return `${T4_GROUP_LABELS[g!] ?? g}·${T4_PART_LABELS[p!] ?? p}`;
  }
  const spec = (table === 't2' ? T2_ROWS : T3_ROWS).find((r) => r.key === row);
  const col = (table === 't3' ? T3_COLUMN_LABELS : T2_COLUMN_LABELS)[column] ?? column;
  return `${spec?.label ?? row}·${col}`;
}

/** The column and group headings each table prints, for label-variant checks. */
export const HEADER_LABELS: Record<TableKey, readonly string[]> = {
  t2: [
    '信息内容',
    '本年制发件数',
    '本年废止件数',
    '现行有效件数',
    '本年处理决定数量',
    '本年收费金额（单位：万元）',
    '本年新制作数量',
    '本年新公开数量',
    '对外公开总数量',
    '上一年项目数量',
    '本年增/减',
    '处理决定数量',
    '采购项目数量',
    '采购总金额',
  ],
  t3: ['申请人情况', '自然人', '法人或其他组织', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
  t4: ['行政复议', '行政诉讼', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'],
};
