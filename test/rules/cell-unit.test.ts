import { describe, expect, it } from 'vitest';
import { auditText } from '../../lib/engine/audit';
import type { Finding } from '../../lib/engine/model';
import { makeReport, type ReportParts } from '../helpers/make-report';

const audit = (over: Partial<ReportParts> = {}, extra = '', url?: string) => {
  const r = auditText(makeReport(over) + extra, { url });
  if (!r.detected) throw new Error('not detected');
  return r;
};
const ofRule = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);

describe('cell-unit', () => {
  it('errs on 元 in the 万元 fee column and notes a unit on a count', () => {
    const text = makeReport().replace('行政事业性收费\t1.25', '行政事业性收费\t251000元').replace('行政许可\t3', '行政许可\t3件');
    const r = auditText(text);
    const fs = r.detected ? ofRule(r.findings, 'cell-unit') : [];
    expect(fs).toEqual([
      expect.objectContaining({ severity: 'info', cells: [{ table: 't2', row: 'licensing', column: 'decisions' }] }),
      expect.objectContaining({ severity: 'error', expected: '25.1', cells: [{ table: 't2', row: 'fees', column: 'amount' }] }),
    ]);
    expect(ofRule(audit().findings, 'cell-unit')).toEqual([]);
  });
  it('accepts 元 or 万元 written in the 2019 template’s 采购总金额, which sets no unit, and still errs on 元 in its fee column', () => {
    const layout2019 = makeReport({ layout2019: true, title: '示范市测试局2020年政府信息公开工作年度报告' });
    expect(layout2019).toContain('政府集中采购\t6\t35.5');
    for (const amount of ['251000元', '25.1万元']) {
      const r = auditText(layout2019.replace('政府集中采购\t6\t35.5', `政府集中采购\t6\t${amount}`));
      if (!r.detected) throw new Error('not detected');
      expect(r.report.tables.t2!.rows.procurement!.amount).toMatchObject({ status: 'ok' });
      expect(ofRule(r.findings, 'cell-unit')).toEqual([]);
    }
    const r = auditText(layout2019.replace('政府集中采购\t6\t35.5', '政府集中采购\t6件\t35.5'));
    expect(r.detected && ofRule(r.findings, 'cell-unit')).toEqual([
      expect.objectContaining({ severity: 'info', cells: [{ table: 't2', row: 'procurement', column: 'count' }] }),
    ]);
  });
});
