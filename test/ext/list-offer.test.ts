import { describe, expect, it } from 'vitest';
import { domPrefix } from '@/lib/engine/detect';
import { listOffer, mentionsReports } from '@/lib/app/list-offer';
import { htmlDoc } from '../helpers/fixtures';
import { SYNTHETIC_PAGES } from '../portal/synthetic';

const url = 'http://www.demo.gov.cn/portal/list.html';

describe('list offer', () => {
  it('offers the synthetic portal’s first list page: its report links and next page', () => {
    const doc = htmlDoc(SYNTHETIC_PAGES['/portal/list.html']!());
    expect(mentionsReports(domPrefix(doc))).toBe(true);
    const offer = listOffer(doc, url)!;
    expect(offer.links).toHaveLength(12);
    expect(offer.next).toBe('http://www.demo.gov.cn/portal/list_1.html');
  });

  it('does not bother an ordinary page, or a page with a couple of report links', () => {
    const plain = htmlDoc('<title>首页_示范市人民政府</title><body><a href="/a">新闻</a></body>');
    expect(mentionsReports(domPrefix(plain))).toBe(false);
    const two = htmlDoc(
      '<title>政府信息公开年报</title><a href="/1">示范市教育局2023年政府信息公开工作年度报告</a><a href="/2">示范市教育局2022年政府信息公开工作年度报告</a>',
    );
    expect(listOffer(two, url)).toBeNull();
  });

  it('offers nothing on a page an extension page could not fetch from, and leaves out links a job cannot hold', () => {
    const doc = htmlDoc(SYNTHETIC_PAGES['/portal/list.html']!());
    expect(listOffer(doc, 'file:///tmp/list.html')).toBeNull();
    const long = htmlDoc(
      `<title>年报</title>${[1, 2, 3, 4].map((n) => `<a href="/r${n}.html">示范市第${n}局2023年政府信息公开工作年度报告</a>`).join('')}<a href="/r.html?${'x'.repeat(3000)}">示范市某局2023年政府信息公开工作年度报告</a><a href="/p2?${'y'.repeat(3000)}">下一页</a>`,
    );
    expect(listOffer(long, url)).toEqual({ links: expect.any(Array), next: null });
    expect(listOffer(long, url)!.links).toHaveLength(4);
  });
});
