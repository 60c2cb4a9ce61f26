import { describe, expect, it } from 'vitest';
import { makeReport } from '../helpers/make-report';
import { auditedText, findings, ofRule } from '../helpers/rules';

describe('section-order', () => {
  it('fires when sections are swapped', () => {
    const text = makeReport()
      .replace('五、存在的主要问题及改进情况', '六、其他需要报告的事项X')
      .replace(/六、其他需要报告的事项\n/, '五、存在的主要问题及改进情况\n')
      .replace('六、其他需要报告的事项X', '六、其他需要报告的事项');
    expect(ofRule(auditedText(text).findings, 'section-order')).toHaveLength(1);
  });
  it('does not fire in template order', () => {
    expect(ofRule(findings(), 'section-order')).toEqual([]);
  });
});
