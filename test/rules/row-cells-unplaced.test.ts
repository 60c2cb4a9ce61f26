import { describe, expect, it } from 'vitest';
import { auditText } from '../../lib/engine/audit';
import { layoutFixture } from '../helpers/layouts';

/** The sidecar of each layout fixture lists the rows printed with too few values (`unplaced`). */
describe('row-cells-unplaced', () => {
  it('fires once per space-separated row that lost a value, naming its values and not placing them', () => {
    const fx = layoutFixture('spaced-lost-column');
    const r = auditText(fx.text);
    if (!r.detected) throw new Error(r.reason);
    const found = r.findings.filter((f) => f.rule === 'row-cells-unplaced');
    expect(found).toHaveLength(Object.keys(fx.unplaced).length);
    for (const [at, values] of Object.entries(fx.unplaced)) {
      const [table, row] = at.split('/');
      expect(found).toContainEqual(
        expect.objectContaining({
          message: expect.stringContaining(`「${values.join(' ')}」`),
          cells: expect.arrayContaining([expect.objectContaining({ table, row })]),
        }),
      );
      // Not shifted into columns: the row's cells hold no value.
      expect(Object.values(r.report.tables[table as 't2' | 't3']!.rows[row!] ?? {}).every((c) => c.value === null)).toBe(true);
    }
  });
  it('does not fire where every row has its values', () => {
    const fx = layoutFixture('spaced');
    expect(Object.keys(fx.unplaced)).toEqual([]);
    const r = auditText(fx.text);
    expect(r.detected && r.findings.filter((f) => f.rule === 'row-cells-unplaced')).toEqual([]);
  });
});
