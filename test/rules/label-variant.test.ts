import { describe, expect, it } from 'vitest';
import { auditText } from '../../lib/engine/audit';
import type { Finding } from '../../lib/engine/model';
import { makeReport, type ReportParts } from '../helpers/make-report';
import { FIXTURES, seedText } from '../helpers/fixtures';
import { auditFile } from '../../cli/audit-input';
import { join } from 'node:path';

const audit = (over: Partial<ReportParts> = {}, extra = '', url?: string) => {
  const r = auditText(makeReport(over) + extra, { url });
  if (!r.detected) throw new Error('not detected');
  return r;
};
const ofRule = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);

describe('label-variant', () => {
  it('notes a typo in a row label and a reworded heading, as info', () => {
    const text = makeReport().replace('5.属于三类内部事务信息', '5.属于三类内容事务信息').replace('五、存在的主要问题及改进情况', '五、存在问题及改进情况');
    const r = auditText(text);
    const fs = r.detected ? ofRule(r.findings, 'label-variant') : [];
    expect(fs.map((f) => [f.severity, f.actual])).toEqual([
      ['info', '5.属于三类内容事务信息'],
      ['info', '五、存在问题及改进情况'],
    ]);
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
  it('takes an item number drawn as a private-use glyph for numbering, still noting a typo after it', () => {
    // A PDF font whose map sends digits to private use (pdf-variants E33) numbers every row 「\ue031.」.
    const glyphs = makeReport().replace('5.属于三类内部事务信息', '\ue035.属于三类内部事务信息').replace('1.属于国家秘密', '\ue031.属于国家秘密');
    const r = auditText(glyphs);
    expect(r.detected && ofRule(r.findings, 'label-variant')).toEqual([]);
    const typo = auditText(glyphs.replace('\ue035.属于三类内部事务信息', '\ue035.属于三类内容事务信息'));
    expect(typo.detected && ofRule(typo.findings, 'label-variant').map((f) => f.actual)).toEqual(['\ue035.属于三类内容事务信息']);
  });
  it.each(['R17-html-dash-for-zero.html', 'R21-html-t3-circled-numbers.html', 'R22-html-t3-caption-rows.html'])(
    'takes no group caption for a column header, nor ①② for a different label (probe %s)',
    async (name) => {
      const { entry } = await auditFile(join(FIXTURES, 'probes', name));
      expect(ofRule(entry.findings, 'label-variant')).toEqual([]);
    },
  );

  it.each([
    'H17-sup-footnote-markers.html',
    'H45-pdftotext-layout-formfeed.txt',
    'G01b-t3-faren-combined-names.html',
    'G50-article-sections-h3-bufen.html',
    'G52-headings-roman-numerals.html',
    'G52b-headings-roman-ascii.html',
  ])(
    'takes no footnote mark, group label run into a row label, two headers run together or section numbering (第一部分, Ⅰ、, I.) for a variant (%s)',
    async (name) => {
      const { entry } = await auditFile(join(FIXTURES, 'variants', name));
      expect(ofRule(entry.findings, 'label-variant')).toEqual([]);
    },
  );
});
