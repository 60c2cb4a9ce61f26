import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { auditDocument, auditText } from '../../lib/engine/audit';
import { PAGE_LIMITS } from '../../lib/engine/source/dom';
import { makeReport } from '../helpers/make-report';

const TITLE = '示范市测试局2023年政府信息公开工作年度报告';

describe('page-too-large', () => {
  it('fires when a page holds more table cells than the cap, and the report before the cut is still audited', () => {
    const doc = parseHTML(`<html><head><title>${TITLE}</title></head><body></body></html>`).document as unknown as Document;
    for (const l of makeReport().split('\n')) doc.body.appendChild(doc.createElement('p')).textContent = l;
    const table = doc.body.appendChild(doc.createElement('table'));
    for (let r = 0; r * 20 <= PAGE_LIMITS.cells; r++) {
      const tr = table.appendChild(doc.createElement('tr'));
      for (let c = 0; c < 20; c++) tr.appendChild(doc.createElement('td')).textContent = String(r * c);
    }
    const r = auditDocument(doc);
    if (!r.detected) throw new Error(r.reason);
    expect(r.findings[0]).toMatchObject({ rule: 'page-too-large', severity: 'warning', message: expect.stringContaining('页面过大') });
    expect(r.report.tables.t3).toBeDefined();
  }, 30_000);
  it('does not fire on a page under the caps', () => {
    const r = auditText(makeReport());
    expect(r.detected && r.findings.filter((f) => f.rule === 'page-too-large')).toEqual([]);
  });
});
