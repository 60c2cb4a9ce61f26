import { describe, expect, it } from 'vitest';
import { auditDocument, auditText } from '../../lib/engine/audit';
import {
  chineseDate,
  infoLinePublished,
  labelledPublished,
  labelsAboveValues,
  pageTitleAgency,
  signatureAgency,
  signaturePublished,
  urlPublished,
} from '../../lib/engine/parse/meta';
import { makeReport } from '../helpers/make-report';
import { htmlDoc } from '../helpers/fixtures';

describe('publication date', () => {
  it('is read from meta tags, 「发布时间」 text, URL date segments and the signature, in that order', () => {
    const page = (head: string, body: string) =>
      htmlDoc(
        `<html><head>${head}<title>t</title></head><body><h1>示范市测试局2023年政府信息公开工作年度报告</h1>${body}${makeReport()
          .split('\n')
          .slice(1)
          .map((l) => `<p>${l.replace(/\t/g, '　　')}</p>`)
          .join('')}</body></html>`,
      );
    const meta = auditDocument(page('<meta name="PubDate" content="2024-01-10 08:00">', '<p>发布时间：2024-01-12</p>'));
    expect(meta.detected && meta.report.published).toEqual({ date: '2024-01-10', source: 'meta', raw: 'PubDate=2024-01-10 08:00' });
    // schema.org microdata's datePublished (variants Y31, EY31), not its dateModified.
    const micro = auditDocument(
      page('', '<meta itemprop="dateModified" content="2024-03-02T09:00:00+08:00"><meta itemprop="datePublished" content="2024-02-04T10:00:00+08:00">'),
    );
    expect(micro.detected && micro.report.published?.date).toBe('2024-02-04');
    const modified = auditDocument(page('<meta itemprop="dateModified" content="2024-03-02T09:00:00+08:00">', ''));
    expect(modified.detected && modified.report.published).toBeNull();
    const text = auditDocument(page('', '<p>发布日期：2024年1月12日</p>'));
    expect(text.detected && text.report.published?.date).toBe('2024-01-12');
    expect(urlPublished('http://x.gov.cn/zwgk/202401/t20240115_123456.html')?.date).toBe('2024-01-15');
    expect(urlPublished('http://x.gov.cn/art/2024/1/9/art_1_2.html')?.date).toBe('2024-01-09');
    expect(urlPublished('http://x.gov.cn/a/b.html')).toBeNull();
    expect(signaturePublished(['……', '示范市测试局', '2024年1月30日'])?.date).toBe('2024-01-30');
    expect(labelledPublished(['发布时间：2024-02-30'])).toBeNull();
  });
  it('reads full-width digits and dashes, and dates in Chinese numerals', () => {
    expect(labelledPublished(['发布时间：２０２４－０３－１５'])?.date).toBe('2024-03-15');
    expect(labelledPublished(['发布日期：二〇二四年三月十五日'])?.date).toBe('2024-03-15');
    expect(signaturePublished(['示范市测试局', '二○二三年十二月三十一日'])?.date).toBe('2023-12-31');
    expect(chineseDate('二〇二四年一月二十日')).toBe('2024-01-20');
    expect(chineseDate('二〇二四年十月十日')).toBe('2024-10-10');
    expect(chineseDate('二〇二四年二月三十日')).toBeNull();
    expect(chineseDate('二〇二四年十三月一日')).toBeNull();
  });
  it('reads a date with characters that print nothing inside or around it (variants EX33: bidi marks and isolates)', () => {
    expect(labelledPublished(['发布日期：\u20682024-02-05\u2069'])?.date).toBe('2024-02-05');
    expect(labelledPublished(['发布时间：2024\u200e年2月5日'])?.date).toBe('2024-02-05');
    expect(infoLinePublished(['2024\u200b-02-03　来源：示范市测试局'])?.date).toBe('2024-02-03');
  });
  it('takes a strip’s 发布日期 over the 生成日期 or 信息时间 before it, on its row or a row below (variants T20)', () => {
    const row = '生成日期 2024-01-26 成文日期 2024-01-26 发布日期 2024-02-02';
    expect(labelledPublished(['索引号 001008003012345/2024-00012', row])?.date).toBe('2024-02-02');
    expect(labelledPublished(['生成日期：2024-01-26', '公开方式：主动公开', '发布日期：2024-02-02'])?.date).toBe('2024-02-02');
    // Without a 发布 label the first labelled date stands; a 发布时间 far below it (a list of news) does not count.
    expect(labelledPublished(['生成日期：2024-01-26', '公开方式：主动公开'])?.date).toBe('2024-01-26');
    expect(labelledPublished(['信息时间：2024-01-20', '一', '二', '三', '发布时间：2024-03-01'])?.date).toBe('2024-01-20');
  });
  it('finds the signature under print links and a portal footer, but only a line that is a date alone', () => {
    const footer = ['【打印本页】', '【关闭窗口】', '主办：示范市人民政府办公室', '网站标识码：1234567890', '地址：示范市人民路1号'];
    expect(signaturePublished(['示范市测试局', '2024年3月15日', ...footer, ...footer])?.date).toBe('2024-03-15');
    expect(signaturePublished(['今天是2024年11月26日 星期二', ...footer])).toBeNull();
  });
  it('reads a signature dated 「2023-02-01」 or 「2023.2.1」 under the body’s name, not such a date alone (recall round 5)', () => {
    expect(signaturePublished(['……', '孟津区司法局', '', '2023-02-01'])?.date).toBe('2023-02-01');
    expect(signaturePublished(['……', '示范市测试局', '2024.2.1'])?.date).toBe('2024-02-01');
    expect(signaturePublished(['上述问题已整改到位。', '2024-02-01'])).toBeNull();
  });
  it('reads a signature dated with non-breaking hyphens 「2024‑02‑05」 (Word’s w:noBreakHyphen, docx-variants E27), not alone', () => {
    expect(signaturePublished(['……', '示范市测试局', '2024\u20112\u20115'])?.date).toBe('2024-02-05');
    expect(signaturePublished(['……', '示范市测试局', '2024\u201002\u201005'])?.date).toBe('2024-02-05');
    expect(signaturePublished(['上述问题已整改到位。', '2024\u201102\u201101'])).toBeNull();
  });
  it('takes the report’s own 「发布时间」 after its title over a sidebar of dated news before it', () => {
    const sidebar = Array.from({ length: 5 }, (_, i) => `<li>示范市测试局关于道路养护的通知${i}<span>发布时间：2024-03-1${i}</span></li>`).join('');
    const r = auditDocument(
      htmlDoc(
        `<html><head><title>t</title></head><body><aside><h3>最新信息</h3><ul>${sidebar}</ul></aside><h1>示范市测试局2023年政府信息公开工作年度报告</h1><p>发布时间：2024-01-20</p>${makeReport()
          .split('\n')
          .slice(1)
          .map((l) => `<p>${l.replace(/\t/g, '　　')}</p>`)
          .join('')}</body></html>`,
      ),
    );
    expect(r.detected && r.report.published?.date).toBe('2024-01-20');
  });
});

describe('an info bar’s date without 发布时间 (variants Q09, Q10, EQ02)', () => {
  const page = (info: string, before = '') =>
    auditDocument(
      htmlDoc(
        `<html><head><title>t</title></head><body>${before}<h1>示范市测试局2023年政府信息公开工作年度报告</h1>${info}${makeReport()
          .split('\n')
          .slice(1)
          .map((l) => `<p>${l.replace(/\t/g, '　　')}</p>`)
          .join('')}</body></html>`,
      ),
    );
  const date = (r: ReturnType<typeof page>) => (r.detected ? r.report.published?.date : 'not detected');

  it('reads a date that opens the line under the title, before a weekday, a time, a bracket or the next field', () => {
    expect(infoLinePublished(['2024年2月1日 星期四　来源：示范市测试局'])?.date).toBe('2024-02-01');
    expect(infoLinePublished(['[ 2024/2/3 10:30:00 ]　[ 来源：示范市测试局 ]'])?.date).toBe('2024-02-03');
    expect(infoLinePublished(['2024-02-03　来源：示范市测试局'])?.date).toBe('2024-02-03');
    expect(infoLinePublished(['2024-02-03'])?.date).toBe('2024-02-03');
    // A short line of source and date, and a 红头 document's subtitle in Chinese numerals (Q59, Q60).
    expect(infoLinePublished(['示范市测试局　2024-02-01'])?.date).toBe('2024-02-01');
    expect(infoLinePublished(['来源：示范市测试局 2024-02-01 09:30'])?.date).toBe('2024-02-01');
    expect(infoLinePublished(['（二〇二四年二月一日）'])?.date).toBe('2024-02-01');
    // 新华网's year apart from month/day, before the time (variants Y07, EY07); not without the time.
    expect(infoLinePublished(['2024 02/03 10:15:36'])?.date).toBe('2024-02-03');
    expect(infoLinePublished(['2024 02/03'])).toBeNull();
    // A 公众号's account, date and province (variants Y01, EY01b).
    expect(infoLinePublished(['示范县交通运输 2024年02月06日 18:05 河南'])?.date).toBe('2024-02-06');
    expect(date(page('<div>\n  <span>示范县交通运输</span>\n  <em>2024年02月06日 18:05</em>\n  <em>河南</em></div>'))).toBe('2024-02-06');
    expect(date(page('<div class="info">2024年2月1日 星期四　来源：示范市测试局</div>'))).toBe('2024-02-01');
    // Fields set apart by an icon font's glyphs, a view count with a thousands comma (variants Z59, EZ59).
    expect(infoLinePublished(['\ue6a12024-02-03\ue60c示范市测试局\ue622浏览：1,025'])?.date).toBe('2024-02-03');
    expect(infoLinePublished(['示范市测试局\ue6a12024-02-03'])?.date).toBe('2024-02-03');
  });
  it('takes no sentence that opens with a date, nor a date further down', () => {
    expect(infoLinePublished(['2023年1月1日起至2023年12月31日止，本报告所列数据'])).toBeNull();
    expect(infoLinePublished(['2024年2月1日我局召开会议'])).toBeNull();
    // Controls: a glyph does not make a sentence a field, nor a comma between words a count's.
    expect(infoLinePublished(['\ue6a12024年2月1日我局召开会议'])).toBeNull();
    expect(infoLinePublished(['会议 2024-02-01 召开,部署工作'])).toBeNull();
    // A period, or the day the figures stop, is no publication (Q62).
    expect(infoLinePublished(['统计期限 2023-01-01 至 2023-12-31'])).toBeNull();
    expect(infoLinePublished(['数据 2023-01-01 至 2023-12-31'])).toBeNull();
    expect(infoLinePublished(['截至 2023-12-31'])).toBeNull();
    expect(infoLinePublished(['数据截至 2023-12-31 全年'])).toBeNull();
    expect(infoLinePublished(['统计期限 2023-12-31 止 全年'])).toBeNull();
    expect(infoLinePublished(['全年 2024-01-20 召开会议，部署工作'])).toBeNull();
    expect(infoLinePublished(['我局2023年全年共收到申请53件，均已答复 2024-01-20'])).toBeNull();
    expect(infoLinePublished(['一、总体情况', '（一）主动公开', '（二）依申请公开', '2024-02-03'])).toBeNull();
  });
  it('takes a dated line of a sidebar before the title for none', () => {
    expect(date(page('', '<ul><li>2024-03-12</li><li>2024-02-28</li></ul>'))).toBeUndefined();
  });
  it('reads 国泰新点’s 「信息时间」, 「发布于」, 「生成日期」 and 「发稿时间」 as a publication date (EQ02, EQ54, EQ58)', () => {
    expect(labelledPublished(['【信息时间：2024-02-02　阅读次数：356】'])?.date).toBe('2024-02-02');
    expect(labelledPublished(['作者：办公室　来源：本站　发布于：2024-02-01 09:12　阅读：186'])?.date).toBe('2024-02-01');
    expect(labelledPublished(['我局于2024年2月1日召开会议'])).toBeNull();
    // The 信息公开目录's 「生成日期」, a news CMS's 「发稿时间」; never 「成文日期」 (when it was written).
    expect(labelledPublished(['索引号：11410000MB1234567X/2024-00015 生成日期：2024-02-02'])?.date).toBe('2024-02-02');
    expect(labelledPublished(['发稿时间：2024-02-02 09:00'])?.date).toBe('2024-02-02');
    expect(labelledPublished(['成文日期：2024-01-19'])).toBeNull();
    expect(labelledPublished(['来源：示范市测试局　发布：2024-02-01'])?.date).toBe('2024-02-01');
  });
});

describe('a date label apart from its date (variants ES03, ES59, ES60, ES67)', () => {
  it('reads a label alone on its line (a <dl>’s <dt>) with the date on the next line', () => {
    expect(labelledPublished(['发文机关', '示范省人民政府办公厅', '发布日期', '2024年02月01日'])?.date).toBe('2024-02-01');
    expect(labelledPublished(['来源', '示范县交通运输局', '日期', '2024-02-01'])?.date).toBe('2024-02-01');
    expect(labelledPublished(['发布时间：', '2024-02-01 09:30'])?.date).toBe('2024-02-01');
    // 「成文日期」 is when it was written; a label followed by a sentence dates nothing.
    expect(labelledPublished(['成文日期', '2024-01-19'])).toBeNull();
    expect(labelledPublished(['日期', '我局于2024年2月1日召开会议'])).toBeNull();
  });
  it('pairs a two-row strip’s date label with the value under it, and no list of news under a 发布日期 header', () => {
    const cells = (...texts: string[]) => texts.map((text) => ({ text }));
    const strip = [cells('索引号', '发布机构', '发布日期', '文号'), cells('11410000MB1234567X/2024-00015', '示范县交通运输局', '2024-02-04', '')];
    expect(labelsAboveValues(strip)).toEqual(['发布日期：2024-02-04']);
    expect(labelsAboveValues([cells('标题', '发布日期'), cells('春运通知', '2024-02-08'), cells('工作会议', '2024-03-12')])).toEqual([]);
    // Twice over (ES67): 索引号 | 主题分类 over theirs, then 成文日期 | 发布日期 over theirs.
    const twice = [
      cells('索引号', '主题分类'),
      cells('11410000MB1234567X/2024-00015', '综合政务'),
      cells('成文日期', '发布日期'),
      cells('2024-01-19', '2024-02-03'),
    ];
    expect(labelsAboveValues(twice)).toEqual(['发布日期：2024-02-03']);
    expect(labelsAboveValues([...twice, cells('工作会议', '2024-03-12')])).toEqual([]);
  });
});

describe('the body, when the title does not name it', () => {
  const footer = ['【打印本页】', '【关闭窗口】', '主办：示范市人民政府办公室', '网站标识码：1234567890'];
  it('takes the name signed above the date at the report’s end', () => {
    expect(signatureAgency(['无其他需要报告的事项。', '示范市测试局', '2024年1月30日', ...footer])).toBe('示范市测试局');
    expect(signatureAgency(['……', '某县人民政府办公室', '二○二四年一月二十日'])).toBe('某县人民政府办公室');
    expect(signatureAgency(['……', '某区某某街道办事处', '2024年1月5日'])).toBe('某区某某街道办事处');
  });
  it('takes no sentence, label or note above the date for a name, nor a date that is no signature', () => {
    expect(signatureAgency(['无其他需要报告的事项。', '2024年1月30日'])).toBe('');
    expect(signatureAgency(['特此报告', '2024年1月30日'])).toBe('');
    expect(signatureAgency(['发布单位：示范市测试局', '2024年1月30日'])).toBe('');
    expect(signatureAgency(['示范市测试局', '今天是2024年11月26日 星期二'])).toBe('');
  });
  it('takes a body’s name beside the report’s title in the page’s <title>, not the portal’s', () => {
    expect(pageTitleAgency('2023年政府信息公开工作年度报告_示范市测试局')).toBe('示范市测试局');
    expect(pageTitleAgency('示范市测试局 | 2023年政府信息公开工作年度报告')).toBe('示范市测试局');
    expect(pageTitleAgency('2023年政府信息公开工作年度报告-示范市人民政府门户网站')).toBe('');
    expect(pageTitleAgency('2023年政府信息公开工作年度报告')).toBe('');
  });
  it('names the report’s body from them, the signature first', () => {
    const untitled = (title: string, signature: string) =>
      auditDocument(
        htmlDoc(
          `<html><head><title>${title}</title></head><body><h1>2023年政府信息公开工作年度报告</h1>${makeReport()
            .split('\n')
            .slice(1)
            .map((l) => `<p>${l.replace(/\t/g, '　　')}</p>`)
            .join('')}<p>${signature}</p><p>2024年1月16日</p></body></html>`,
        ),
      );
    const signed = untitled('2023年政府信息公开工作年度报告_示范市门户', '示范市测试局');
    expect(signed.detected && signed.report.agency).toBe('示范市测试局');
    const titled = untitled('2023年政府信息公开工作年度报告_示范市另一局', '特此报告。');
    expect(titled.detected && titled.report.agency).toBe('示范市另一局');
  });
});

describe('2019 layout t2', () => {
  it('reads the five blocks, with a negative 本年增/减 allowed and the procurement amount as a decimal', () => {
    const r = auditText(
      makeReport({ layout2019: true, title: '示范市测试局2020年政府信息公开工作年度报告', s1: '2020年，我局共收到政府信息公开申请12件，上年结转1件。' }),
    );
    if (!r.detected) throw new Error();
    const t2 = r.report.tables.t2!.rows;
    expect(Object.keys(t2)).toEqual(['rules', 'normative', 'licensing', 'other_services', 'penalty', 'coercion', 'fees', 'procurement']);
    expect(t2.licensing!.change).toMatchObject({ value: -1, status: 'ok' });
    expect(t2.procurement!.amount).toMatchObject({ value: 35.5, status: 'ok' });
    expect(r.findings).toEqual([]);
  });
});
