import { describe, expect, it } from 'vitest';
import { auditDocument } from '../../lib/engine/audit';
import { htmlDoc } from '../helpers/fixtures';
import { makeReport } from '../helpers/make-report';

describe('attachment-only report pages', () => {
  it('say the report is an attachment and link it, instead of listing missing tables', () => {
    const doc = htmlDoc(
      '<html><head><title>示范市测试局2023年政府信息公开工作年度报告</title></head><body><h1>示范市测试局2023年政府信息公开工作年度报告</h1><p>附件：<a href="/files/report.pdf">2023年年报.pdf</a></p></body></html>',
    );
    const r = auditDocument(doc, { url: 'http://www.demo.gov.cn/a/b.html' });
    expect(r.detected && r.findings).toEqual([expect.objectContaining({ rule: 'report-attachment-only', actual: 'http://www.demo.gov.cn/files/report.pdf' })]);
  });
  it('do not fire when the report text is on the page beside its PDF', () => {
    const body = makeReport()
      .split('\n')
      .map((l) => `<p>${l.replace(/\t/g, '　　')}</p>`)
      .join('');
    const doc = htmlDoc(
      `<html><head><title>示范市测试局2023年政府信息公开工作年度报告</title></head><body>${body}<p>附件：<a href="/files/report.pdf">2023年年报.pdf</a></p></body></html>`,
    );
    const r = auditDocument(doc, { url: 'http://www.demo.gov.cn/a/b.html' });
    expect(r.detected).toBe(true);
    expect(r.detected && r.findings.filter((f) => f.rule === 'report-attachment-only')).toEqual([]);
  });
  it('do not include a list column of PDF reports, which the batch audit offers instead', () => {
    const items = [1, 2, 3].map((n) => `<li><a href="/files/${n}.pdf">示范市第${n}局2023年政府信息公开工作年度报告</a></li>`).join('');
    const list = (li: string) => htmlDoc(`<html><head><title>政府信息公开年报</title></head><body><h2>政府信息公开年报 2023</h2><ul>${li}</ul></body></html>`);
    expect(auditDocument(list(items), { url: 'http://www.demo.gov.cn/ndbg/' }).detected).toBe(false);
    // The same page with one such link is that report's page.
    expect(auditDocument(list(items.split('</li>')[0] + '</li>'), { url: 'http://www.demo.gov.cn/ndbg/' }).detected).toBe(true);
  });
});
