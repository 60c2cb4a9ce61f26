import { describe, expect, it } from 'vitest';
import { auditText } from '../../lib/engine/audit';
import { findings, keys, ofRule } from '../helpers/rules';
import { makeReport } from '../helpers/make-report';

const rule = 't2-in-force-below-issued';

describe('t2-in-force-below-issued', () => {
  it('warns when fewer documents are in force than were issued and not repealed this year', () => {
    const fs = ofRule(findings({ normative: [5, 0, 3] }), rule);
    expect(fs).toEqual([expect.objectContaining({ severity: 'warning', actual: 3, expected: '≥ 5' })]);
    expect(keys(fs[0]!)).toEqual(['t2/normative/in_force', 't2/normative/issued', 't2/normative/repealed']);
  });
  it('counts the repealed ones out: 5 issued, 2 repealed, 2 in force still falls short; 3 does not', () => {
    expect(ofRule(findings({ normative: [5, 2, 2] }), rule)).toHaveLength(1);
    expect(ofRule(findings({ normative: [5, 2, 3] }), rule)).toEqual([]);
  });
  it('is silent when the count in force holds last years’ documents too, and on blanks', () => {
    expect(ofRule(findings({ normative: [1, 0, 5] }), rule)).toEqual([]);
    expect(ofRule(findings({ normative: [5, 0, ''] }), rule)).toEqual([]);
  });
  it('on the 2019 layout, whose t2 columns count other things, warns when fewer are published in all than newly this year (recall round 10)', () => {
    expect(ofRule(findings({ layout2019: true }), rule)).toEqual([]);
    const t2019 = (row: string) => {
      const a = auditText(makeReport({ layout2019: true }).replace('规范性文件\t1\t1\t5', row));
      if (!a.detected) throw new Error(a.reason);
      return a.findings;
    };
    const fs = ofRule(t2019('规范性文件\t6\t6\t5'), rule);
    expect(fs).toEqual([expect.objectContaining({ severity: 'warning', actual: 5, expected: '≥ 6' })]);
    expect(keys(fs[0]!)).toEqual(['t2/normative/total', 't2/normative/published']);
    // Controls: as many in all as newly published, and more made than published (made ones may wait to be published).
    expect(ofRule(t2019('规范性文件\t6\t5\t5'), rule)).toEqual([]);
    expect(ofRule(t2019('规范性文件\t9\t2\t5'), rule)).toEqual([]);
  });
});
