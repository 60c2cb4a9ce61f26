import { describe, expect, it } from 'vitest';
import { cellName, cellNames } from '@/lib/app/cell-names';
import { rowsFor } from '@/lib/engine/parse/table-specs';
import { TABLE_KEYS, type CellRef } from '@/lib/engine/model';

const PARTS = { t2: '第二部分', t3: '第三部分', t4: '第四部分' } as const;

describe('cellName', () => {
  it('names a cell by part, row and column as the template prints them', () => {
    expect(cellName({ table: 't3', row: '3.7', column: 'total' })).toBe('第三部分 · (七)总计 · 总计');
    expect(cellName({ table: 't3', row: '1', column: 'natural' })).toBe('第三部分 · 一、本年新收政府信息公开申请数量 · 自然人');
    expect(cellName({ table: 't3', row: '3.2', column: 'legal' })).toBe('第三部分 · (二)部分公开 · 法律服务机构');
    expect(cellName({ table: 't4', row: '1', column: 'suit_after_review.pending' })).toBe('第四部分 · 行政诉讼·复议后起诉 · 尚未审结');
    expect(cellName({ table: 't4', row: '1', column: 'review.total' })).toBe('第四部分 · 行政复议 · 总计');
    expect(cellName({ table: 't2', row: 'normative', column: 'in_force' })).toBe('第二部分 · 行政规范性文件 · 现行有效件数');
    expect(cellName({ table: 't2', row: 'fees', column: 'amount' })).toBe('第二部分 · 行政事业性收费 · 本年收费金额（万元）');
  });

  it('names a numbered sub-row with its group, since 「1.」 alone is ambiguous', () => {
    expect(cellName({ table: 't3', row: '3.3.1', column: 'total' })).toBe('第三部分 · (三)不予公开 1.属于国家秘密 · 总计');
    expect(cellName({ table: 't3', row: '3.4.1', column: 'other' })).toBe('第三部分 · (四)无法提供 1.本机关不掌握相关政府信息 · 其他');
    expect(cellName({ table: 't3', row: '3.6.3', column: 'natural' })).toBe('第三部分 · (六)其他处理 3.其他 · 自然人');
  });

  it('uses the 2019 layout labels for 2019 reports', () => {
    expect(cellName({ table: 't3', row: '3.6', column: 'total' }, '2019')).toBe('第三部分 · (六)其他处理 · 总计');
    expect(cellName({ table: 't2', row: 'normative', column: 'total' }, '2019')).toBe('第二部分 · 规范性文件 · 对外公开总数量');
    expect(cellName({ table: 't2', row: 'licensing', column: 'decisions' }, '2019')).toBe('第二部分 · 行政许可 · 处理决定数量');
    expect(cellName({ table: 't2', row: 'licensing', column: 'decisions' }, '2021')).toBe('第二部分 · 行政许可 · 本年处理决定数量');
    expect(cellName({ table: 't2', row: 'procurement', column: 'amount' }, '2019')).toBe('第二部分 · 政府集中采购 · 采购总金额');
    expect(cellName({ table: 't2', row: 'other_services', column: 'change' }, '2019')).toBe('第二部分 · 其他对外管理服务事项 · 本年增/减');
  });

  for (const layout of ['2021', '2019'] as const) {
    it(`gives every cell of the ${layout} layout its own readable name, with no key left in it`, () => {
      const cells: CellRef[] = TABLE_KEYS.flatMap((table) => rowsFor(table, layout).flatMap((r) => r.columns.map((column) => ({ table, row: r.key, column }))));
      // 2021: t2 3×2 + 4 = 10, t3 25 × 7 = 175 (report-format.md), t4 15; 2019: t2 3×2 + 3×4 + 2 + 2 = 22, t3 23 × 7, t4 15.
      expect(cells).toHaveLength(layout === '2021' ? 10 + 175 + 15 : 22 + 23 * 7 + 15);
      const names = cells.map((c) => cellName(c, layout));
      expect(new Set(names).size).toBe(names.length);
      for (const [i, name] of names.entries()) {
        expect(name.startsWith(`${PARTS[cells[i]!.table]} · `)).toBe(true);
        expect(name).not.toMatch(/[a-z_]/); // no column or row key such as `natural` or `in_force`
        expect(name.split(' · ').length).toBe(3);
      }
    });
  }

  it('shows keys it does not know as they are instead of dropping them', () => {
    expect(cellName({ table: 't3', row: '9.9', column: 'total' })).toBe('第三部分 · 9.9 · 总计');
    expect(cellName({ table: 't3', row: '3.7', column: 'robots' })).toBe('第三部分 · (七)总计 · robots');
    expect(cellName({ table: 't4', row: '1', column: 'appeal.total' })).toBe('第四部分 · appeal.total');
  });
});

describe('cellNames', () => {
  it('names the cells of one column once by the column, and those of one row by the row', () => {
    const column = ['1', '2', '3.7', '4'].map((row) => ({ table: 't3' as const, row, column: 'total' }));
    expect(cellNames(column)).toBe('第三部分 · 总计列：一、本年新收政府信息公开申请数量；二、上年结转政府信息公开申请数量；(七)总计；四、结转下年度继续办理');
    const row = ['natural', 'commercial', 'total'].map((column) => ({ table: 't3' as const, row: '3.7', column }));
    expect(cellNames(row)).toBe('第三部分 · (七)总计行：自然人、商业企业、总计');
    const group = ['upheld', 'pending', 'total'].map((p) => ({ table: 't4' as const, row: '1', column: `review.${p}` }));
    expect(cellNames(group)).toBe('第四部分 · 行政复议：结果维持、尚未审结、总计');
  });

  it('names cells that share neither in full, and is empty for none', () => {
    expect(
      cellNames([
        { table: 't3', row: '3.7', column: 'total' },
        { table: 't3', row: '4', column: 'natural' },
      ]),
    ).toBe('第三部分 · (七)总计 · 总计；第三部分 · 四、结转下年度继续办理 · 自然人');
    expect(
      cellNames(
        [
          { table: 't3', row: '3.7', column: 'total' },
          { table: 't2', row: 'rules', column: 'total' },
        ],
        '2019',
      ),
    ).toBe('第三部分 · (七)总计 · 总计；第二部分 · 规章 · 对外公开总数量');
    expect(cellNames(undefined)).toBe('');
    expect(cellNames([])).toBe('');
  });
});
