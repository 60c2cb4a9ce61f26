import { describe, expect, it } from 'vitest';
import { attachmentLinks, nextPage, reportLinks } from '../../lib/engine/list';
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
});
