import { describe, expect, it } from 'vitest';
import { auditText } from '../../lib/engine/audit';
import type { Finding } from '../../lib/engine/model';
import { makeReport, type ReportParts } from '../helpers/make-report';
import { seedText } from '../helpers/fixtures';

const audit = (over: Partial<ReportParts> = {}, extra = '', url?: string) => {
  const r = auditText(makeReport(over) + extra, { url });
  if (!r.detected) throw new Error('not detected');
  return r;
};
const ofRule = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);

describe('year-mismatch', () => {
  it('errs when the statistics period names another year', () => {
    const fs = audit({ s1: '本报告统计期限自2022年1月1日起至2022年12月31日止。' }).findings;
    expect(ofRule(fs, 'year-mismatch')).toEqual([expect.objectContaining({ expected: 2023, actual: 2022, severity: 'error' })]);
  });
  it('warns when the prose keeps talking of another year', () => {
    const fs = audit({ s1: '2022年，我局认真落实条例。2022年，我局共收到政府信息公开申请12件，上年结转1件。' }).findings;
    expect(ofRule(fs, 'year-mismatch')).toEqual([expect.objectContaining({ severity: 'warning', actual: 2022 })]);
  });
  it('is silent when title, period and prose agree (all seeds)', () => {
    expect(
      ofRule(audit({ s1: '本报告统计期限自2023年1月1日起至12月31日止。2023年，我局共收到政府信息公开申请12件，上年结转1件。' }).findings, 'year-mismatch'),
    ).toEqual([]);
    for (const id of ['000', '001', '002', '003', '004']) {
      const r = auditText(seedText(id));
      expect(r.detected && ofRule(r.findings, 'year-mismatch'), id).toEqual([]);
    }
  });
});
