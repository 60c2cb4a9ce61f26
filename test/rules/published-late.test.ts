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

describe('published-late', () => {
  it('warns after 31 January and errs before the year ended, silent in between', () => {
    expect(ofRule(audit({}, '', 'http://x.gov.cn/202403/t20240305_1.html').findings, 'published-late')).toEqual([
      expect.objectContaining({ severity: 'warning', actual: '2024-03-05' }),
    ]);
    expect(ofRule(audit({}, '', 'http://x.gov.cn/202312/t20231220_1.html').findings, 'published-late')).toEqual([
      expect.objectContaining({ severity: 'error' }),
    ]);
    expect(ofRule(audit({}, '', 'http://x.gov.cn/202401/t20240131_1.html').findings, 'published-late')).toEqual([]);
    expect(ofRule(audit().findings, 'published-late')).toEqual([]);
  });
  it('names the page’s own words for the date, for the overlay to mark (none for a date from the URL)', () => {
    const [f] = ofRule(audit({}, '\n发布时间：  2024-03-05\n').findings, 'published-late');
    expect(f?.excerpt).toBe('发布时间: 2024-03-05');
    const [signed] = ofRule(audit({}, '\n示范市测试局\n2024年3月5日\n').findings, 'published-late');
    expect(signed?.excerpt).toBe('2024年3月5日');
    expect(ofRule(audit({}, '', 'http://x.gov.cn/202403/t20240305_1.html').findings, 'published-late')[0]?.excerpt).toBeUndefined();
  });
});
