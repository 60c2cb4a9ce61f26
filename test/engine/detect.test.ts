import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditDocument, auditText, looksLikeReport } from '../../lib/engine/audit';
import { citedTemplate, confirmReport, domPrefix, isDatedReportTitle, judgeReport, prefixLooksLikeReport, templateHeadings } from '../../lib/engine/detect';
import { compact } from '../../lib/engine/text';
import { Finding } from '../../lib/engine/model';
import { findingElements } from '../../lib/engine/rules/tables-as-images';
import { FIXTURES, fixtureHtml, htmlDoc } from '../helpers/fixtures';
import { makeReport } from '../helpers/make-report';

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
  it('confirms a text exactly when its compacted text holds enough of the anchors, whether it needed the compaction or not', () => {
    // Pieces of the anchors, broken by the white space and full-width characters a page puts in them.
    const piece = fc.constantFrom(
      '申请人',
      '情况',
      '本年新收',
      '上年结转',
      '未经复议',
      '直接起诉',
      '勾稽关系',
      '第二十条第',
      '总体情况',
      '主动公开政府信息',
      '收到和处理政府信息公开申请',
      '行政复议',
      '、',
      '行政诉讼',
      '存在的',
      '主要问题',
      '其他需要报告',
      '\n',
      ' ',
      '\u3000',
      '\u00a0',
      '\u200b',
      '（',
      '）',
      '１',
      'x',
      '。',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        const c = compact(text);
        const tables = [/勾稽关系/, /第二十条第/, /未经复议直接起诉|复议后起诉/, /本年新收|上年结转/, /申请人情况/].filter((a) => a.test(c)).length;
        const headings = templateHeadings(text);
        expect(headings).toBe(templateHeadings(c));
        expect(confirmReport(text).ok).toBe(tables >= 2 || (tables >= 1 && headings >= 3) || headings >= 5);
      }),
      { numRuns: 2000 },
    );
  });
  it('judges a prefix as its compacted text, full-width digits and all, without compacting it', () => {
    const piece = fc.constantFrom(
      '2024',
      '２０２４',
      '２0２4',
      '二〇二四',
      '年',
      '年度',
      '政务',
      '信息',
      '公开',
      '工作',
      '年度报告',
      '年报',
      '工作报告',
      '（',
      '(',
      '\n',
      ' ',
      '\u3000',
      '\u00a0',
      '\u200b',
      '，',
      'x',
      '上年结转',
      '勾稽关系',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(prefixLooksLikeReport(text)).toBe(prefixLooksLikeReport(compact(text)));
      }),
      { numRuns: 3000 },
    );
    expect(prefixLooksLikeReport('某某局２０２３年 政府信息公开\u3000工作年度报告')).toBe(true);
    expect(prefixLooksLikeReport('政府信息公开工作年度报告（２０２３）')).toBe(true);
  });
  it('plain text that is not a report is left alone', () => {
    expect(auditText('今天天气很好。').detected).toBe(false);
    expect(auditText('').detected).toBe(false);
  });
});

const page = (name: string) => htmlDoc(readFileSync(join(FIXTURES, 'layouts', 'pages', name), 'utf8'));

describe('the text prefix of the first look', () => {
  it('reads the title and the text in document order, without scripts or styles', () => {
    const doc = htmlDoc(
      '<html><head><title>标题</title></head><body><p>甲<b>乙</b></p><script>var 丙;</script><style>p{}</style><ul><li>丁</li><li><i>戊</i></li></ul><noscript><img src="/stat.gif?庚"></noscript>己</body></html>',
      // (A page's own <noscript> holds its markup as raw text when scripting is on, as in a content script:
      // a tracking pixel or a frame, as portals have. Words alone there, 「请启用 JavaScript」, may be read.)
    );
    expect(domPrefix(doc)).toBe('标题甲乙丁戊己');
  });
  it('stops at the node that reaches the limit, however many siblings follow', () => {
    const items = '<li>子丑</li>'.repeat(5000);
    const doc = htmlDoc(`<html><head><title>T</title></head><body><p>一二三四 五六七八九十</p><ul>${items}</ul><p>尾</p></body></html>`);
    // 10 characters of the paragraph (spaces do not count), then two items of 2: 14.
    expect(domPrefix(doc, 14)).toBe('T一二三四 五六七八九十子丑子丑');
    expect(domPrefix(doc, 1_000_000)).toBe(`T一二三四 五六七八九十${'子丑'.repeat(5000)}尾`);
  });
});

describe('detecting a report by what it is', () => {
  it('a company’s own 信息公开 report (公共企事业单位, variant NS03) is not a report by its title; a body’s of the same words is', () => {
    const text = '一、总体情况 二、主动公开信息情况 三、依申请公开情况 四、存在的问题及改进措施';
    const judged = (title: string) => judgeReport({ titles: [title, title], headings: 2, tables: 0, text }).ok;
    expect(judged('示范市自来水有限公司2023年度信息公开工作报告')).toBe(false);
    expect(judged('示范县交通运输局2023年度信息公开工作报告')).toBe(true);
    expect(judged('示范市供电公司2023年政府信息公开工作年度报告')).toBe(true);
  });
  it('a month’s or a quarter’s statistic printing t3, an evaluation quoting its rows, and another subject’s report borrowing the template’s words, are no report (variants NT06, NT14, NT11, NT04)', () => {
    const text = '勾稽关系 申请人情况 本年新收 一、总体情况 二、诉求办理情况 三、存在的主要问题及改进情况 四、其他需要报告的事项';
    const judged = (title: string, tables: number) => judgeReport({ titles: [title, title], headings: 3, tables, text }).ok;
    expect(judged('某局2023年第四季度政府信息公开申请办理情况统计', 1)).toBe(false);
    expect(judged('某局2024年上半年政府信息公开申请办理情况', 1)).toBe(false);
    expect(judged('某县2023年度政府信息公开工作第三方评估结果', 1)).toBe(false);
    expect(judged('某局2023年12月政府信息公开申请办理情况', 1)).toBe(false);
    expect(judged('某局2023年1-11月政府信息公开申请办理情况', 1)).toBe(false);
    // A date in the title (a report's, published on the day) names no month's statistic.
    expect(judged('某局2023年政府信息公开工作年度报告（2024年1月20日）', 0)).toBe(true);
    expect(judged('某县2023年12345政务服务便民热线工作年度报告', 0)).toBe(false);
    // The same evidence under a report's title, or another subject's report with a template table read, stays a report.
    expect(judged('某局2023年政府信息公开工作年度报告', 0)).toBe(true);
    expect(judged('某县2023年12345政务服务便民热线工作年度报告', 1)).toBe(true);
  });
  it('the blank template handed to bodies and another disclosure regime’s report are no report, even with template tables (variants NV01, NV02, NV05, NX05)', () => {
    const text = '勾稽关系 申请人情况 本年新收 予以公开 一、总体情况 三、收到和处理政府信息公开申请情况 五、存在的主要问题及改进情况';
    const judged = (title: string, tables: number) => judgeReport({ titles: [title, title], headings: 5, tables, text }).ok;
    expect(judged('XX县XX局20XX年政府信息公开工作年度报告（模板）', 3)).toBe(false);
    expect(judged('某县2023年政府信息公开工作年度报告范本', 3)).toBe(false);
    // A 填报 system's empty form of the tables (variants NX05).
    expect(judged('2023年政府信息公开工作年度报告数据填报', 1)).toBe(false);
    expect(judged('示范县人民医院2023年院务公开工作年度报告', 1)).toBe(false);
    expect(judged('示范县第一中学2023年校务公开工作年度报告', 1)).toBe(false);
    // Controls: a body's own report, and one whose title names both regimes, are reports.
    expect(judged('示范县卫生健康委员会2023年政府信息公开工作年度报告', 3)).toBe(true);
    expect(judged('示范县人民医院2023年院务公开暨政府信息公开工作年度报告', 1)).toBe(true);
  });
  it('a report whose tables are images is audited, with one finding carrying the images', () => {
    const r = auditDocument(page('report-tables-as-images.html'));
    if (!r.detected) throw new Error(r.reason);
    expect(r.report).toMatchObject({ agency: '示范县农业农村局', year: 2023, layout: '2021' });
    expect(r.report.sections.map((s) => s.key)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
    const pictured = r.findings.filter((f) => f.rule === 'tables-as-images');
    expect(pictured).toHaveLength(1);
    // The logo in the navigation bar is not a table; the three pictures under 二、三、四 are.
    expect(findingElements(pictured[0]!).map((el) => (el as Element).getAttribute('src'))).toEqual(['/files/t2.png', '/files/t3.png', '/files/t4.png']);
    expect(r.findings.filter((f) => f.rule === 'table-missing')).toEqual([]);
    // The images travel with the finding but never into JSON or a message.
    expect(JSON.stringify(pictured[0])).not.toContain('src');
    expect(Finding.parse(pictured[0])).toEqual({ ...pictured[0] });
  });
  it('a dated report without tables that cites the template is a report: its prose, dates and template version are audited', () => {
    const r = auditDocument(page('report-without-tables-cites-template.html'));
    if (!r.detected) throw new Error(r.reason);
    expect(r.report).toMatchObject({ agency: '示范市文化和旅游局', year: 2022, layout: '2021' });
    expect(r.report.published?.date).toBe('2023-01-20');
    expect(r.findings.filter((f) => f.rule === 'table-missing')).toHaveLength(3);
    expect(r.findings.filter((f) => f.rule === 'tables-as-images')).toEqual([]);
  });
  it('the same page without the citation and without headings is not confirmed', () => {
    const html = readFileSync(join(FIXTURES, 'layouts', 'pages', 'report-without-tables-cites-template.html'), 'utf8').replace(
      /和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）/,
      '',
    );
    expect(auditDocument(htmlDoc(html)).detected).toBe(false);
  });
  it.each(['template-notice.html', 'manual.html', 'news.html'])('%s (the template notice itself, a manual, news) is not a report', (name) => {
    const r = auditDocument(page(name));
    expect(r.detected).toBe(false);
    expect(r.detected === false && r.reason).toBeTruthy();
  });
  it('a 2023 report printing the 2019 tables is detected and gets layout-outdated', () => {
    const r = auditText(makeReport({ layout2019: true }));
    if (!r.detected) throw new Error(r.reason);
    expect(r.report.layout).toBe('2019');
    expect(r.findings).toContainEqual(expect.objectContaining({ rule: 'layout-outdated', expected: '2021', actual: '2019' }));
  });
  it('a 2020 report printing the 2019 tables is not outdated', () => {
    const r = auditText(makeReport({ layout2019: true, title: '示范市测试局2020年政府信息公开工作年度报告' }));
    expect(r.detected && r.findings.filter((f) => f.rule === 'layout-outdated')).toEqual([]);
  });
  it('reads titles as dated report titles or as pages about reports', () => {
    expect(isDatedReportTitle('某市某局2023年政府信息公开工作年度报告')).toBe(true);
    expect(isDatedReportTitle('某市人民政府办公室关于印发2023年政府信息公开工作年度报告的通知')).toBe(true);
    expect(isDatedReportTitle('我县召开2023年度政府信息公开工作年度报告编制培训会')).toBe(false);
    expect(isDatedReportTitle('政府信息公开工作年度报告')).toBe(false);
    expect(citedTemplate('依照国办公开办函〔2019〕60号')).toBe('2019');
    expect(citedTemplate('国办函〔2020〕109号')).toBeNull();
  });
});

describe('a page titled as news is not a report, even with a dated report link above its headline', () => {
  it('news with a sidebar link to a report, citing the template', () => {
    const html = readFileSync(join(FIXTURES, 'layouts', 'pages', 'news.html'), 'utf8').replace(
      '<body>',
      '<body><ul><li><a href="/a.html">示范县财政局2023年政府信息公开工作年度报告</a></li></ul>',
    );
    expect(auditDocument(htmlDoc(html)).detected).toBe(false);
  });
  it('a report page whose sidebar links a 解读 is still a report', () => {
    const html = readFileSync(join(FIXTURES, 'layouts', 'pages', 'report-tables-as-images.html'), 'utf8').replace(
      '<div class="article">',
      '<ul><li><a href="/b.html">图解：示范县农业农村局2023年政府信息公开工作年度报告解读</a></li></ul><div class="article">',
    );
    expect(auditDocument(htmlDoc(html)).detected).toBe(true);
  });
});
