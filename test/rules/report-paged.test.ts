import { describe, expect, it } from 'vitest';
import { auditDocument } from '../../lib/engine/audit';
import { makeReport } from '../helpers/make-report';
import { htmlDoc } from '../helpers/fixtures';

const URL = 'http://www.demo.gov.cn/art/2024/1/20/t20240120_123.html';
/** The report's first page as a CMS splits it: its title, sections 一 and 二, then the pager (or other links). */
const firstPage = (links: string) => {
  const text = makeReport();
  const lines = text.slice(0, text.indexOf('三、收到和处理政府信息公开申请情况')).split('\n');
  return htmlDoc(
    `<html><head><title>${lines[0]}</title></head><body>${lines.map((l) => `<p>${l.replace(/\t/g, '　　')}</p>`).join('')}<div class="pager">${links}</div></body></html>`,
  );
};
const rules = (doc: Document) => {
  const r = auditDocument(doc, { url: URL });
  if (!r.detected) throw new Error(r.reason);
  return r.findings.map((f) => f.rule);
};

describe('report-paged', () => {
  it('says the report goes on over the pages the page links, instead of what the others hold as missing', () => {
    const found = rules(firstPage('<a href="t20240120_123_1.html">2</a><a href="t20240120_123_2.html">3</a><a href="t20240120_123_1.html">下一页</a>'));
    expect(found).toContain('report-paged');
    expect(found.filter((r) => ['section-missing', 'table-missing', 'row-missing'].includes(r))).toEqual([]);
    const r = auditDocument(firstPage('<a href="t20240120_123_1.html">2</a><a href="t20240120_123_2.html">3</a>'), { url: URL });
    expect(r.detected && r.findings.find((f) => f.rule === 'report-paged')?.actual).toBe(3);
  });
  it('is silent for links to other articles (上一篇, 下一篇), and missing sections are then reported', () => {
    const found = rules(firstPage('<a href="t20240118_99.html">上一篇：关于某事的通知</a><a href="../../2023/12/1/t20231201_7.html">下一篇</a>'));
    expect(found).not.toContain('report-paged');
    expect(found).toContain('section-missing');
  });
});
