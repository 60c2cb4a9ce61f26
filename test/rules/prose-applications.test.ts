import { describe, expect, it } from 'vitest';
import { findings, ofRule } from '../helpers/rules';

describe('prose-applications', () => {
  it('stated count against row 1', () => {
    const fs = ofRule(findings({ s1: '2023年，我局共收到政府信息公开申请15件。' }), 'prose-applications');
    expect(fs).toEqual([expect.objectContaining({ expected: 12, actual: 15, cells: [{ table: 't3', row: '1', column: 'total' }] })]);
    expect(fs[0]!.excerpt).toContain('15件');
  });
  it('「未收到申请」 while row 1 is not zero', () => {
    const fs = ofRule(findings({ s1: '2023年，未收到政府信息公开申请。' }), 'prose-applications');
    expect(fs).toHaveLength(1);
  });
  it('carried-over counts', () => {
    const fs = ofRule(findings({ s1: '共收到政府信息公开申请12件，上年结转3件。' }), 'prose-applications');
    expect(fs).toEqual([expect.objectContaining({ expected: 1, actual: 3 })]);
  });
  it('a review application is not an information application', () => {
    expect(ofRule(findings({ s1: '共收到行政复议申请2件。' }), 'prose-applications')).toEqual([]);
  });
  it('silent when the prose agrees with the table', () => {
    expect(ofRule(findings(), 'prose-applications')).toEqual([]);
  });
});
