import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { firstLook } from '@/entrypoints/content/first-look';
import { auditPage } from '@/lib/engine/audit';
import { REPORT_FILES } from '../portal/pages';
import { SYNTHETIC_PAGES } from '../portal/synthetic';

const HTML = join(import.meta.dirname, '..', 'fixtures', 'html');
const look = (html: string, url = 'http://www.demo.gov.cn/a/b.html') => firstLook(parseHTML(html).document as unknown as Document, url);
const fixture = (name: string) => readFileSync(join(HTML, name), 'utf8');

describe('the first look', () => {
  it.each(REPORT_FILES)('%s may be a report', (name) => {
    expect(look(fixture(name))).toBe('report');
  });

  // News about compiling reports, a budget table with 上年结转, a 1.5 MB portal page: each has the
  // navigation link 「政府信息公开年报」 and some template words, none is a report or a list.
  it.each(['nonreport-news.html', 'nonreport-budget.html', 'nonreport-large.html'])('%s is neither a report nor a list', (name) => {
    expect(look(fixture(name))).toBeNull();
  });

  it('a portal column that lists reports is a list', () => {
    expect(look(fixture('nonreport-list.html'))).toBe('list');
    expect(look(SYNTHETIC_PAGES['/portal/list.html']!())).toBe('list');
  });

  it('a page whose title names reports but that links fewer than three is not a list', () => {
    const html = `<html><head><title>政府信息公开年报</title></head><body><h2>政府信息公开年报</h2>
      <a href="/1.html">示范区2023年政府信息公开工作年度报告</a><a href="/2.html">示范区2022年政府信息公开工作年度报告</a></body></html>`;
    expect(look(html)).toBeNull();
  });

  it('a report published only as a file (title, attachment link) may be a report', () => {
    const html = `<html><head><title>示范区2023年政府信息公开工作年度报告</title></head><body><h1>示范区2023年政府信息公开工作年度报告</h1>
      <p>附件：<a href="/files/ndbg2023.pdf">示范区2023年政府信息公开工作年度报告.pdf</a></p></body></html>`;
    expect(look(html)).toBe('report');
    expect(look(html.replace('/files/ndbg2023.pdf', '/news/1.html'))).toBeNull();
  });

  it('news of a report beside the portal’s application form is not a report published as a file', () => {
    const news = `<html><head><title>示范县交通运输局发布2023年政府信息公开工作年度报告</title></head><body>
      <aside><a href="/files/sqb.doc">政府信息公开申请表.doc</a></aside>
      <h1>示范县交通运输局发布2023年政府信息公开工作年度报告</h1><p>近日，我局在门户网站发布了年度报告。</p></body></html>`;
    expect(look(news)).toBeNull();
    expect(look(news.replace('</aside>', '<a href="/files/P020240120123456789012.pdf">附件1</a></aside>'))).toBe('report');
  });

  it('a report whose tables are images (dated title, template headings) may be a report; the template notice is not', () => {
    const pages = join(import.meta.dirname, '..', 'fixtures', 'layouts', 'pages');
    expect(look(readFileSync(join(pages, 'report-tables-as-images.html'), 'utf8'))).toBe('report');
    const notice = `<html><head><title>关于印发政府信息公开工作年度报告格式的通知</title></head><body><h1>关于印发政府信息公开工作年度报告格式的通知</h1>
      <p>一、总体情况</p><p>二、主动公开政府信息情况</p></body></html>`;
    expect(look(notice)).toBeNull();
  });

  it('a report in traditional characters (a portal’s 简/繁 switch) may be a report; ordinary pages in them are not', () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    for (const name of REPORT_FILES) expect(look(toTraditional(fixture(name)))).toBe('report');
    for (const name of ['nonreport-budget.html', 'nonreport-large.html']) expect(look(toTraditional(fixture(name)))).toBeNull();
    // A switch that rewrote the body from data-* copies and left the title and heading simplified (U45b).
    const variants = join(import.meta.dirname, '..', 'fixtures', 'variants');
    expect(look(readFileSync(join(variants, 'U45b-fanjian-toggle-original-in-attributes.html'), 'utf8'))).toBe('report');
    // Its template words are for the auditor to read: news naming a report brings the auditor, which leaves the page alone.
    const news = toTraditional(fixture('nonreport-news.html'));
    expect(look(news)).toBe('report');
    expect(auditPage(parseHTML(news).document as unknown as Document).detected).toBe(false);
  });
});
