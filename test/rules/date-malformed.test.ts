import { describe, expect, it } from 'vitest';
import { auditText } from '../../lib/engine/audit';
import type { Finding } from '../../lib/engine/model';
import { makeReport, type ReportParts } from '../helpers/make-report';
import { malformedDates } from '../../lib/engine/parse/meta';

const audit = (over: Partial<ReportParts> = {}, extra = '', url?: string) => {
  const r = auditText(makeReport(over) + extra, { url });
  if (!r.detected) throw new Error('not detected');
  return r;
};
const ofRule = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);

describe('date-malformed', () => {
  it('finds a year run into the month and impossible dates, not good ones', () => {
    expect(malformedDates('自20241月1日起，至2023年2月30日止，2023年13月')).toEqual(['20241月1日', '2023年2月30日', '2023年13月']);
    expect(malformedDates('自2024年1月1日起至12月31日止')).toEqual([]);
    expect(ofRule(audit({ s1: '统计期限自20231月1日起至12月31日止。' }).findings, 'date-malformed')).toHaveLength(1);
  });
  it('is silent on well-written dates in the report', () => {
    expect(
      ofRule(
        audit({ s1: '本报告统计期限自2023年1月1日起至2023年12月31日止。2023年，我局共收到政府信息公开申请12件，上年结转1件。' }).findings,
        'date-malformed',
      ),
    ).toEqual([]);
  });
});
