import { describe, expect, it } from 'vitest';
import { auditDocument, auditPage, auditText, auditTextPage, type ReportAudit } from '@/lib/engine/audit';
import { isReportTitle, splitCompilation } from '@/lib/engine/compilation';
import type { Finding } from '@/lib/engine/model';
import { domToBlocks } from '@/lib/engine/source/dom';
import { bodyAgency, bodyTitle, compilationPage, pageOf, reportSection, wrongResultsTotal } from '../helpers/compilation';
import { htmlDoc, SEED_IDS, seedText } from '../helpers/fixtures';
import { makeReport } from '../helpers/make-report';

/** What a finding says, without the page elements it carries. */
const said = (findings: readonly Finding[]) =>
  findings.map(({ rule, severity, cells, section, excerpt, expected, actual, message }) => ({
    rule,
    severity,
    cells,
    section,
    excerpt,
    expected,
    actual,
    message,
  }));

/** The same report audited alone, on a page of its own: what each part must give. */
function alone(n: number, over: Parameters<typeof reportSection>[1] = {}) {
  const result = auditDocument(htmlDoc(pageOf(bodyTitle(n), reportSection(n, over))));
  if (!result.detected) throw new Error(result.reason);
  return result;
}

/** Body n's 3.7 总计 is off by n % 3 (0: a clean report). */
function planted(n: number) {
  const delta = n % 3;
  return { ...wrongResultsTotal(delta), delta };
}

function parts(html: string): ReportAudit[] {
  const result = auditPage(htmlDoc(html));
  if (!result.detected) throw new Error(result.reason);
  return result.parts;
}

describe('a compilation of reports (汇编)', () => {
  const N = 7;
  const audited = parts(compilationPage(N, (n) => ({ t3: planted(n).t3 })));

  it('is audited report by report: one part per report, each with its own title, body and sections', () => {
    expect(audited).toHaveLength(N);
    audited.forEach((p, i) => {
      expect(p.report.title).toBe(bodyTitle(i + 1));
      expect(p.report.agency).toBe(bodyAgency(i + 1));
      expect(p.report.sections.map((s) => s.key)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
    });
  });

  it('gives each part the findings of its own planted error, and only those', () => {
    audited.forEach((p, i) => {
      const { expected, delta } = planted(i + 1);
      const wrong = p.findings.filter((f) => f.cells?.some((c) => c.table === 't3' && c.row === '3.7' && c.column === 'total'));
      if (delta === 0) expect(wrong).toEqual([]);
      else expect(wrong.map((f) => [f.rule, f.expected, f.actual])).toEqual([['cell-wrong', expected, expected + delta]]);
    });
  });

  it('gives each part what the same report gives alone on its own page', () => {
    audited.forEach((p, i) => expect(said(p.findings)).toEqual(said(alone(i + 1, { t3: planted(i + 1).t3 }).findings)));
  });

  it('splits reports titled without their year (「示范市教育局政府信息公开工作年度报告」 under the compilation’s 2023 heading)', () => {
    const bodies = ['示范市交通运输局', '示范市教育局', '示范市民政局'];
    const yearless = compilationPage(3, (n) => ({ t3: planted(n).t3 })).replace(
      /示范市第(\d)局2023年政府信息公开/g,
      (_, n: string) => `${bodies[Number(n) - 1]}政府信息公开`,
    );
    const found = parts(yearless);
    // The body is read from the title, the year from the part's own text.
    expect(found.map((p) => [p.report.agency, p.report.year])).toEqual(bodies.map((b) => [b, 2023]));
    found.forEach((p, i) => {
      const wrong = p.findings.filter((f) => f.rule === 'cell-wrong');
      expect(wrong.length).toBe(planted(i + 1).delta ? 1 : 0);
    });
  });

  it('reads the body of a part titled on two lines (「示范市交通运输局」 / 「2023年政府信息公开工作年度报告」)', () => {
    const bodies = ['示范市交通运输局', '示范市教育局', '示范市民政局'];
    const twoLines = compilationPage(3).replace(
      /<h1>示范市第(\d)局(2023年政府信息公开工作年度报告)<\/h1>/g,
      (_, n: string, rest: string) => `<p>${bodies[Number(n) - 1]}</p><h1>${rest}</h1>`,
    );
    expect(parts(twoLines).map((p) => [p.report.agency, p.report.year])).toEqual(bodies.map((b) => [b, 2023]));
  });

  it('splits the benchmark page of 100 reports into 100', () => {
    const hundred = parts(compilationPage(100));
    expect(hundred.map((p) => p.report.agency)).toEqual(Array.from({ length: 100 }, (_, i) => bodyAgency(i + 1)));
    expect(hundred.every((p) => p.findings.length === 0)).toBe(true);
  });
});

describe('one report is not a compilation', () => {
  const title = bodyTitle(1);
  const single = (body: string) => {
    const html = pageOf(title, body);
    const found = parts(html);
    const whole = auditDocument(htmlDoc(html));
    return { found, whole: whole.detected ? whole : undefined };
  };
  const cases: [string, string][] = [
    ['its title repeated in a header and a footer', `<header>${title}</header>${reportSection(1)}<footer>${title}</footer>`],
    ['its title as the caption of its tables', reportSection(1).replaceAll('<table', `<p>${title}</p><table`)],
    [
      'last year’s report named in its overview and in section 五',
      reportSection(1)
        .replace('<h2>二、', `<p>附：${bodyTitle(1, 2022)}</p><h2>二、`)
        .replace('<h2>六、', `<p>详见${bodyTitle(1, 2022)}</p><h2>六、`),
    ],
    ['a compilation heading above a single report', `<h1>示范市2023年政府信息公开工作年度报告汇编</h1>${reportSection(1)}`],
  ];
  for (const [name, body] of cases)
    it(`one part, as auditDocument audits it: ${name}`, () => {
      const { found, whole } = single(body);
      expect(found).toHaveLength(1);
      expect(whole).toBeDefined();
      expect(found[0]!.report.title).toBe(whole!.report.title);
      expect(said(found[0]!.findings)).toEqual(said(whole!.findings));
    });

  it('the repeated titles are title lines the splitter considers, yet they start no part', () => {
    const blocks = domToBlocks(htmlDoc(pageOf(title, `<header>${title}</header>${reportSection(1)}<footer>${title}</footer>`)).body);
    expect(blocks.filter((b) => b.kind === 'line' && isReportTitle(b.text))).toHaveLength(3);
    expect(splitCompilation(blocks)).toBeNull();
  });

  it('a prose sentence naming a report is not a title', () => {
    expect(isReportTitle(`根据《${bodyTitle(1, 2022)}》，去年共收到申请10件。`)).toBe(false);
    expect(isReportTitle(bodyTitle(1))).toBe(true);
  });
});

describe('a compilation as text (a 汇编 PDF’s extraction)', () => {
  const textParts = (text: string) => {
    const page = auditTextPage(text);
    if (!page.detected) throw new Error(page.reason);
    return page.parts;
  };
  const alone = (text: string) => {
    const one = auditText(text);
    if (!one.detected) throw new Error(one.reason);
    return one;
  };

  it('is audited report by report, each part giving what its text gives alone', () => {
    const seeds = SEED_IDS.map(seedText);
    const found = textParts(['某市政府信息公开工作年度报告汇编（2022—2024年度）', ...seeds].join('\n\n'));
    expect(found).toHaveLength(seeds.length);
    found.forEach((p, i) => {
      const one = alone(seeds[i]!);
      expect(p.report.title).toBe(one.report.title);
      expect(said(p.findings)).toEqual(said(one.findings));
    });
  });

  it('reads the first title apart from the compilation’s heading run into it on one line (as a PDF’s reader joins title lines)', () => {
    const reports = [1, 2].map((n) => makeReport({ title: bodyTitle(n) }));
    const heading = '示范市政府信息公开工作年度报告汇编（2023年度）';
    const joined = textParts([heading + reports[0]!, reports[1]!].join('\n\n'));
    expect(joined.map((p) => [p.report.title, p.report.agency])).toEqual([1, 2].map((n) => [bodyTitle(n), bodyAgency(n)]));
    // Control: a part's own title, with no heading before it, is kept whole.
    expect(textParts(reports.join('\n\n')).map((p) => p.report.title)).toEqual([1, 2].map((n) => bodyTitle(n)));
  });

  it("reads a report written twice under one title once (a 纯文本/读屏 copy a script appends), and keeps two bodies' reports apart", () => {
    const report = makeReport({ title: bodyTitle(1) });
    const twice = textParts([report, report].join('\n\n'));
    expect(twice).toHaveLength(1);
    expect(said(twice[0]!.findings)).toEqual(said(alone(report).findings));
    // Control: the same text under two bodies' titles is a compilation of two reports.
    expect(textParts([report, makeReport({ title: bodyTitle(2) })].join('\n\n'))).toHaveLength(2);
    // Control: two reports under one title that names no body (each body's name elsewhere) are two reports, not a copy.
    const generic = '2023年政府信息公开工作年度报告';
    const [first, second] = [makeReport({ title: generic }), makeReport({ title: generic, s1: '本年度共收到政府信息公开申请7件。' })];
    expect(textParts([first, second].join('\n\n'))).toHaveLength(2);
  });

  it('a text of one report is one part, as auditText audits it', () => {
    for (const seed of SEED_IDS.map(seedText)) {
      const found = textParts(seed);
      expect(found).toHaveLength(1);
      expect(said(found[0]!.findings)).toEqual(said(alone(seed).findings));
    }
  });
});
