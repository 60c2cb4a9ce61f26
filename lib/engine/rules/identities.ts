import type { CellRef, Report, SectionKey, TableKey } from '../model';
import { cellLabel, T3_COLUMN_LABELS, T3_COLUMNS, T3_PARTS, T4_GROUP_LABELS, T4_GROUPS, T4_PARTS, t3ResultRows } from '../parse/table-specs';
import { ref, tableLayout } from './helpers';

/** One of the template's identities (report-format.md): the left cells sum to the right cells. */
export interface Identity {
  /** The rule that reports it broken. */
  rule: 't3-balance' | 't3-results-sum' | 't3-row-total' | 't4-group-total';
  table: TableKey;
  section: SectionKey;
  left: CellRef[];
  right: CellRef[];
  /** What is wrong, given the two sides' sums. */
  describe(l: string, r: string): string;
}

/** Every identity the report's tables must satisfy, in a stable order. */
export function identitiesOf(report: Report): Identity[] {
  const out: Identity[] = [];
  const t3 = report.tables.t3;
  if (t3) {
    for (const c of T3_COLUMNS)
      out.push({
        rule: 't3-balance',
        table: 't3',
        section: 's3',
        left: [ref('t3', '1', c), ref('t3', '2', c)],
        right: [ref('t3', '3.7', c), ref('t3', '4', c)],
        describe: (l, r) => `「${T3_COLUMN_LABELS[c]}」列：本年新收 + 上年结转 = ${l}，但办理结果总计 + 结转下年度 = ${r}`,
      });
    const rows = t3ResultRows(tableLayout(report, 't3'));
    for (const c of T3_COLUMNS)
      out.push({
        rule: 't3-results-sum',
        table: 't3',
        section: 's3',
        left: rows.map((r) => ref('t3', r, c)),
        right: [ref('t3', '3.7', c)],
        describe: (l, r) => `「${T3_COLUMN_LABELS[c]}」列：办理结果各分项之和为 ${l}，但「（七）总计」为 ${r}`,
      });
    for (const row of Object.keys(t3.rows))
      out.push({
        rule: 't3-row-total',
        table: 't3',
        section: 's3',
        left: T3_PARTS.map((c) => ref('t3', row, c)),
        right: [ref('t3', row, 'total')],
        describe: (l, r) => `「${cellLabel('t3', row, 'total').replace(/·总计$/, '')}」行：各类申请人之和为 ${l}，但总计为 ${r}`,
      });
    // A 小计 column a report adds after the five kinds of 法人或其他组织 (read only where it holds a count).
    for (const row of Object.keys(t3.rows))
      if (t3.rows[row]!.subtotal)
        out.push({
          rule: 't3-row-total',
          table: 't3',
          section: 's3',
          left: T3_PARTS.filter((c) => c !== 'natural').map((c) => ref('t3', row, c)),
          right: [ref('t3', row, 'subtotal')],
          describe: (l, r) => `「${cellLabel('t3', row, 'total').replace(/·总计$/, '')}」行：法人或其他组织各类之和为 ${l}，但小计为 ${r}`,
        });
  }
  if (report.tables.t4?.rows['1'])
    for (const g of T4_GROUPS)
      out.push({
        rule: 't4-group-total',
        table: 't4',
        section: 's4',
        left: T4_PARTS.map((p) => ref('t4', '1', `${g}.${p}`)),
        right: [ref('t4', '1', `${g}.total`)],
        describe: (l, r) => `「${T4_GROUP_LABELS[g]}」：维持、纠正、其他结果、尚未审结之和为 ${l}，但总计为 ${r}`,
      });
  return out;
}
