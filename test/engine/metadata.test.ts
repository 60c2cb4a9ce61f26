import { describe, expect, it } from 'vitest';
import { auditDocument, auditText } from '../../lib/engine/audit';
import type { Finding } from '../../lib/engine/model';
import { labelledPublished, malformedDates, signaturePublished, urlPublished } from '../../lib/engine/parse/meta';
import { makeReport, type ReportParts } from '../helpers/make-report';
import { htmlDoc, seedText } from '../helpers/fixtures';

const audit = (over: Partial<ReportParts> = {}, extra = '', url?: string) => {
  const r = auditText(makeReport(over) + extra, { url });
  if (!r.detected) throw new Error('not detected');
  return r;
};
const ofRule = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);

describe('publication date', () => {
  it('is read from meta tags, 「发布时间」 text, URL date segments and the signature, in that order', () => {
    const page = (head: string, body: string) => htmlDoc(`<html><head>${head}<title>t</title></head><body><h1>示范市测试局2023年政府信息公开工作年度报告</h1>${body}${makeReport().split('\n').slice(1).map((l) => `<p>${l.replace(/\t/g, '　　')}</p>`).join('')}</body></html>`);
    const meta = auditDocument(page('<meta name="PubDate" content="2024-01-10 08:00">', '<p>发布时间：2024-01-12</p>'));
    expect(meta.detected && meta.report.published).toEqual({ date: '2024-01-10', source: 'meta', raw: 'PubDate=2024-01-10 08:00' });
    const text = auditDocument(page('', '<p>发布日期：2024年1月12日</p>'));
    expect(text.detected && text.report.published?.date).toBe('2024-01-12');
    expect(urlPublished('http://x.gov.cn/zwgk/202401/t20240115_123456.html')?.date).toBe('2024-01-15');
    expect(urlPublished('http://x.gov.cn/art/2024/1/9/art_1_2.html')?.date).toBe('2024-01-09');
    expect(urlPublished('http://x.gov.cn/a/b.html')).toBeNull();
    expect(signaturePublished(['……', '示范市测试局', '2024年1月30日'])?.date).toBe('2024-01-30');
    expect(labelledPublished(['发布时间：2024-02-30'])).toBeNull();
  });
});

describe('published-late', () => {
  it('warns after 31 January and errs before the year ended, silent in between', () => {
    expect(ofRule(audit({}, '', 'http://x.gov.cn/202403/t20240305_1.html').findings, 'published-late')).toEqual([expect.objectContaining({ severity: 'warning', actual: '2024-03-05' })]);
    expect(ofRule(audit({}, '', 'http://x.gov.cn/202312/t20231220_1.html').findings, 'published-late')).toEqual([expect.objectContaining({ severity: 'error' })]);
    expect(ofRule(audit({}, '', 'http://x.gov.cn/202401/t20240131_1.html').findings, 'published-late')).toEqual([]);
    expect(ofRule(audit().findings, 'published-late')).toEqual([]);
  });
});

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
    expect(ofRule(audit({ s1: '本报告统计期限自2023年1月1日起至12月31日止。2023年，我局共收到政府信息公开申请12件，上年结转1件。' }).findings, 'year-mismatch')).toEqual([]);
    for (const id of ['000', '001', '002', '003', '004']) {
      const r = auditText(seedText(id));
      expect(r.detected && ofRule(r.findings, 'year-mismatch'), id).toEqual([]);
    }
  });
});

describe('date-malformed', () => {
  it('finds a year run into the month and impossible dates, not good ones', () => {
    expect(malformedDates('自20241月1日起，至2023年2月30日止，2023年13月')).toEqual(['20241月1日', '2023年2月30日', '2023年13月']);
    expect(malformedDates('自2024年1月1日起至12月31日止')).toEqual([]);
    expect(ofRule(audit({ s1: '统计期限自20231月1日起至12月31日止。' }).findings, 'date-malformed')).toHaveLength(1);
  });
});

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
});

describe('label-variant', () => {
  it('notes a typo in a row label and a reworded heading, as info', () => {
    const text = makeReport().replace('5.属于三类内部事务信息', '5.属于三类内容事务信息').replace('五、存在的主要问题及改进情况', '五、存在问题及改进情况');
    const r = auditText(text);
    const fs = r.detected ? ofRule(r.findings, 'label-variant') : [];
    expect(fs.map((f) => [f.severity, f.actual])).toEqual([['info', '5.属于三类内容事务信息'], ['info', '五、存在问题及改进情况']]);
  });
  it('notes a column header that differs (seed 002: 「保留4位小数」), and not one cut short', () => {
    const r = auditText(seedText('002'));
    expect(r.detected && ofRule(r.findings, 'label-variant').map((f) => f.expected)).toEqual(['本年收费金额（单位：万元）']);
    const typo = auditText(makeReport().replace('本年制发件数', '本年制定件数'));
    expect(typo.detected && ofRule(typo.findings, 'label-variant').map((f) => [f.actual, f.expected])).toEqual([['本年制定件数', '本年制发件数']]);
  });
  it('leaves labels cut short by PDF extraction alone (seed 003) and standard ones', () => {
    const r = auditText(seedText('003'));
    expect(r.detected && ofRule(r.findings, 'label-variant')).toEqual([]);
    expect(ofRule(audit().findings, 'label-variant')).toEqual([]);
  });
});

describe('2019 layout t2', () => {
  it('reads the five blocks, with a negative 本年增/减 allowed and the procurement amount as a decimal', () => {
    const r = auditText(makeReport({ layout2019: true, title: '示范市测试局2020年政府信息公开工作年度报告', s1: '2020年，我局共收到政府信息公开申请12件，上年结转1件。' }));
    if (!r.detected) throw new Error();
    const t2 = r.report.tables.t2!.rows;
    expect(Object.keys(t2)).toEqual(['rules', 'normative', 'licensing', 'other_services', 'penalty', 'coercion', 'fees', 'procurement']);
    expect(t2.licensing!.change).toMatchObject({ value: -1, status: 'ok' });
    expect(t2.procurement!.amount).toMatchObject({ value: 35.5, status: 'ok' });
    expect(r.findings).toEqual([]);
  });
});

describe('attachment-only report pages', () => {
  it('say the report is an attachment and link it, instead of listing missing tables', () => {
    const doc = htmlDoc('<html><head><title>示范市测试局2023年政府信息公开工作年度报告</title></head><body><h1>示范市测试局2023年政府信息公开工作年度报告</h1><p>附件：<a href="/files/report.pdf">2023年年报.pdf</a></p></body></html>');
    const r = auditDocument(doc, { url: 'http://www.demo.gov.cn/a/b.html' });
    expect(r.detected && r.findings).toEqual([expect.objectContaining({ rule: 'report-attachment-only', actual: 'http://www.demo.gov.cn/files/report.pdf' })]);
  });

  it('do not include a list column of PDF reports, which the batch audit offers instead', () => {
    const items = [1, 2, 3].map((n) => `<li><a href="/files/${n}.pdf">示范市第${n}局2023年政府信息公开工作年度报告</a></li>`).join('');
    const list = (li: string) => htmlDoc(`<html><head><title>政府信息公开年报</title></head><body><h2>政府信息公开年报 2023</h2><ul>${li}</ul></body></html>`);
    expect(auditDocument(list(items), { url: 'http://www.demo.gov.cn/ndbg/' }).detected).toBe(false);
    // The same page with one such link is that report's page.
    expect(auditDocument(list(items.split('</li>')[0] + '</li>'), { url: 'http://www.demo.gov.cn/ndbg/' }).detected).toBe(true);
  });
});
