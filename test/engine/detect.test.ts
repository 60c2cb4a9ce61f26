import { describe, expect, it } from 'vitest';
import { auditDocument, auditText, looksLikeReport } from '../../lib/engine/audit';
import { confirmReport, prefixLooksLikeReport } from '../../lib/engine/detect';
import { fixtureHtml, htmlDoc } from '../helpers/fixtures';

describe('detection', () => {
  it.each(['nonreport-list.html', 'nonreport-news.html', 'nonreport-budget.html', 'nonreport-large.html'])('%s is not a report', (name) => {
    const r = auditDocument(htmlDoc(fixtureHtml(name)));
    expect(r.detected).toBe(false);
    expect(r.detected === false && r.reason).toBeTruthy();
  });
  it('the large ordinary page fails the cheap first look already', () => {
    expect(looksLikeReport(htmlDoc(fixtureHtml('nonreport-large.html')))).toBe(false);
  });
  it('a list of report links passes the first look but is not confirmed', () => {
    const doc = htmlDoc(fixtureHtml('nonreport-list.html'));
    expect(looksLikeReport(doc)).toBe(true);
    expect(confirmReport(doc.body.textContent ?? '').ok).toBe(false);
  });
  it('a report page is detected from its title and anchors', () => {
    expect(looksLikeReport(htmlDoc(fixtureHtml('004-semantic.html')))).toBe(true);
    expect(prefixLooksLikeReport('某某局2023年政府信息公开工作年度报告')).toBe(true);
    expect(prefixLooksLikeReport('关于开展政务服务满意度调查的通知')).toBe(false);
  });
  it('plain text that is not a report is left alone', () => {
    expect(auditText('今天天气很好。').detected).toBe(false);
    expect(auditText('').detected).toBe(false);
  });
});
