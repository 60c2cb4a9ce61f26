import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditDocument } from '../../lib/engine/audit';
import { findingElements } from '../../lib/engine/rules/tables-as-images';
import { FIXTURES, fixtureHtml, htmlDoc } from '../helpers/fixtures';

describe('tables-as-images', () => {
  it('fires once, carrying the images, where the tables are pictures', () => {
    const r = auditDocument(htmlDoc(readFileSync(join(FIXTURES, 'layouts', 'pages', 'report-tables-as-images.html'), 'utf8')));
    if (!r.detected) throw new Error(r.reason);
    const found = r.findings.filter((f) => f.rule === 'tables-as-images');
    expect(found).toHaveLength(1);
    expect(findingElements(found[0]!).length).toBeGreaterThan(0);
    expect(findingElements(found[0]!).every((el) => (el as Element).tagName.toLowerCase() === 'img')).toBe(true);
    // Instead of one table-missing finding per pictured table.
    expect(r.findings.filter((f) => f.rule === 'table-missing')).toEqual([]);
  });
  it('sees pictures that Word pasted inside a one-cell table frame', () => {
    const page = readFileSync(join(FIXTURES, 'layouts', 'pages', 'report-tables-as-images.html'), 'utf8').replace(
      /<img[^>]*>/g,
      (img) => `<table border="1"><tr><td>${img}</td></tr></table>`,
    );
    expect(page).toContain('<td><img');
    const r = auditDocument(htmlDoc(page));
    if (!r.detected) throw new Error(r.reason);
    expect(r.findings.filter((f) => f.rule === 'tables-as-images')).toHaveLength(1);
    expect(r.findings.filter((f) => f.rule === 'table-missing')).toEqual([]);
  });
  describe('one tall picture under 二 for all three tables', () => {
    const page = readFileSync(join(FIXTURES, 'probes', 'N08c-one-image-for-three-tables.html'), 'utf8');
    const audit = (html: string) => {
      const r = auditDocument(htmlDoc(html));
      if (!r.detected) throw new Error(r.reason);
      return r.findings;
    };
    it('names the tables of the sections after it that have nothing under their headings', () => {
      const fs = audit(page);
      expect(fs.filter((f) => f.rule === 'tables-as-images').map((f) => f.message)).toEqual([expect.stringMatching(/主动公开.*收到和处理.*行政复议/)]);
      expect(fs.filter((f) => f.rule === 'table-missing')).toEqual([]);
    });
    it('still misses the table of a section that says something but shows no table', () => {
      const said = page.replace(/(<p><strong>三、收到和处理政府信息公开申请情况<\/strong><\/p>)/, '$1<p>本年度共收到申请63件，详见下表。</p>');
      expect(said).not.toBe(page);
      const fs = audit(said);
      expect(fs.filter((f) => f.rule === 'table-missing').map((f) => f.section)).toEqual(['s3', 's4']);
    });
  });
  it('does not fire on a report whose tables are real tables', () => {
    const r = auditDocument(htmlDoc(fixtureHtml('001-semantic.html')));
    expect(r.detected && r.findings.filter((f) => f.rule === 'tables-as-images')).toEqual([]);
  });
});
