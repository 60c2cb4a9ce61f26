import { describe, expect, it } from 'vitest';
import { attachmentLinks, documentBase, isReportFile, nextPage, reportLinks } from '../../lib/engine/list';
import { fixtureHtml, htmlDoc } from '../helpers/fixtures';

describe('list pages', () => {
  const base = 'http://www.demo.gov.cn/zwgk/ndbg/index.html';
  it('finds the report links of a portal column, each once, with their years', () => {
    const links = reportLinks(htmlDoc(fixtureHtml('nonreport-list.html')), base);
    expect(links.length).toBeGreaterThanOrEqual(20);
    expect(links.every((l) => l.url.startsWith('http://www.demo.gov.cn/') && l.year && /年度报告/.test(l.title))).toBe(true);
    expect(new Set(links.map((l) => l.url)).size).toBe(links.length);
  });
  it('ignores the navigation link 「政府信息公开年报」 and other pages’ links', () => {
    const doc = htmlDoc(
      '<a href="/ndbg/">政府信息公开年报</a><a href="/x.html">关于2023年预算的通知</a><a href="/r.html">示范市教育局2023年政府信息公开工作年度报告</a>',
    );
    expect(reportLinks(doc, base).map((l) => l.url)).toEqual(['http://www.demo.gov.cn/r.html']);
  });
  it('finds the next page and attachments', () => {
    expect(nextPage(htmlDoc('<a href="index_1.html">下一页</a>'), base)).toBe('http://www.demo.gov.cn/zwgk/ndbg/index_1.html');
    expect(nextPage(htmlDoc('<a href="index_1.html">尾页</a>'), base)).toBeNull();
    expect(attachmentLinks(htmlDoc('<a href="/f/a.PDF">年报</a><a href="/f/b.html">x</a><a href="b.docx?x=1">w</a>'), base).map((a) => a.url)).toEqual([
      'http://www.demo.gov.cn/f/a.PDF',
      'http://www.demo.gov.cn/zwgk/ndbg/b.docx?x=1',
    ]);
  });
  it('resolves the page’s links against its <base href>', () => {
    const doc = htmlDoc('<html><head><base href="/art/2024/1/20/"></head><body><a href="P020240120.pdf">年报</a></body></html>');
    expect(documentBase(doc, base)).toBe('http://www.demo.gov.cn/art/2024/1/20/');
    expect(attachmentLinks(doc, documentBase(doc, base)).map((a) => a.url)).toEqual(['http://www.demo.gov.cn/art/2024/1/20/P020240120.pdf']);
    expect(documentBase(htmlDoc('<p>no base</p>'), base)).toBe(base);
  });
  it.each<[string, string, boolean]>([
    ['/f/2023ndbg.pdf', '示范局2023年政府信息公开工作年度报告.pdf', true],
    ['/f/%E5%B9%B4%E6%8A%A5.pdf', '下载', true],
    ['/f/P020240120123456789012.pdf', 'P020240120123456789012.pdf', true],
    ['/f/a.pdf', '附件1', true],
    ['/f/sqb.doc', '政府信息公开申请表.doc', false],
    ['/f/zn.pdf', '政府信息公开指南', false],
    ['/f/tl.pdf', '示范市政府信息公开条例实施办法', false],
    ['/news/1.html', '2023年政府信息公开工作年度报告', false],
  ])('a link to %s titled %j is the report as a file: %s', (href, text, is) => expect(isReportFile(href, text)).toBe(is));
});
