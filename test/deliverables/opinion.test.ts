import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { opinionDocx } from '@/lib/app/export/docx';
import { buildOpinion, findingHeading, opinionFilename, findingSentence, findingStatusLine, OPINION_TITLE, type Opinion } from '@/lib/app/opinion';
import { ruleTitle } from '@/lib/engine/labels';
import { RULE_META } from '@/lib/engine/rules';
import { AUDITS } from '../helpers/deliverables';

const NOW = new Date(2024, 2, 8, 10, 0).getTime();
const [a2023, a2022, b2023, b2020] = AUDITS as [(typeof AUDITS)[0], (typeof AUDITS)[0], (typeof AUDITS)[0], (typeof AUDITS)[0]];
const basis = (id: string) => RULE_META.find((r) => r.id === id)!.basis;

describe('buildOpinion', () => {
  const o = buildOpinion(a2023, { auditor: ' 王五 ', now: NOW });

  it('states the report, the date audited and the auditor', () => {
    expect(o.title).toBe('政府信息公开工作年度报告审核意见书');
    const facts = Object.fromEntries(o.facts);
    expect(facts).toMatchObject({
      机关: '示范市测试局',
      年度: '2023 年度',
      网址: a2023.record.url,
      发布日期: '2024-01-20',
      审核人: '王五',
      表格格式: '2021 版',
    });
    expect(facts['审核时间']).toMatch(/^2024-03-0[56] \d\d:07$/);
    expect(o.date).toBe('2024年3月8日');
    expect(o.reportNote).toBe('请于一周内更正');
  });

  it('lists standing findings errors first, in plain Chinese with readable cells, and the settled ones apart', () => {
    expect(o.findings.map((f) => [f.no, f.ruleId, f.statusLabel])).toEqual([
      [1, 't3-balance', '已确认'],
      [2, 'prose-applications', '待核实'],
    ]);
    expect(o.settled.map((f) => [f.no, f.ruleId, f.statusLabel])).toEqual([[1, 'section-missing', '误报']]);
    const [balance, prose] = o.findings as [Opinion['findings'][0], Opinion['findings'][0]];
    expect(findingHeading(balance)).toBe(`问题 1（错误）：${ruleTitle('t3-balance').zh}`);
    expect(findingSentence(balance)).toBe('申请数与办理结果数不平衡。位置：第三部分 · (七)总计 · 总计。应为 12，实为 11。');
    expect(balance.basis).toBe(basis('t3-balance'));
    expect(balance.basis).toContain('第一项加第二项之和'); // the table's own note
    expect(findingStatusLine(balance)).toBe('状态：已确认。备注：表三总计应为 12（张三）');
    // No cell: the section is the place.
    expect(findingSentence(prose)).toBe('正文称收到申请 13 件，表格为 12 件。位置：一、总体情况。应为 12，实为 13。');
    expect(findingStatusLine(prose)).toBe('状态：待核实。');
  });

  it('sums up by severity (settled ones left out) and by status, and concludes from the errors that stand', () => {
    expect(o.summary.bySeverity).toEqual([
      { label: '错误', count: 1 },
      { label: '警告', count: 1 },
      { label: '提示', count: 0 },
    ]);
    expect(o.summary.byStatus).toEqual([
      { label: '待核实', count: 1 },
      { label: '已确认', count: 1 },
      { label: '误报', count: 1 },
      { label: '已整改', count: 0 },
    ]);
    expect(o.summary.text).toBe('共发现问题 3 条，其中待处理 2 条（错误 1 条、警告 1 条）；已排除或整改 1 条（误报 1 条）。');
    expect(o.conclusion).toBe('经审核，该报告存在 1 处错误，建议更正后重新发布。');
  });

  it('says so when nothing stands: a clean report, and one whose only finding was fixed', () => {
    const clean = buildOpinion(b2023, { auditor: '', now: NOW });
    expect(clean.findings).toEqual([]);
    expect(clean.summary.text).toBe('审核未发现问题。');
    expect(clean.conclusion).toBe('经审核，该报告未发现需要更正的问题。');
    expect(Object.fromEntries(clean.facts)['审核人']).toBe('（未署名）');
    const fixed = buildOpinion(a2022, { auditor: '王五', now: NOW });
    expect(fixed.findings).toEqual([]);
    expect(fixed.settled.map((f) => f.statusLabel)).toEqual(['已整改']);
    expect(fixed.summary.text).toBe('共发现问题 1 条，均已排除或整改；已排除或整改 1 条（已整改 1 条）。');
    expect(fixed.conclusion).toBe('经审核，该报告未发现需要更正的问题。');
  });

  it('warns without an error, and names 2019-layout cells', () => {
    const warnOnly = buildOpinion({ record: { ...a2023.record, findings: a2023.record.findings.slice(2) }, notes: [] }, { auditor: '', now: NOW });
    expect(warnOnly.conclusion).toBe('经审核，该报告未发现错误，另有需要注意或完善之处，详见下文。');
    const old = buildOpinion(b2020, { auditor: '', now: NOW });
    expect(old.findings[0]!.where).toBe('第三部分 · 总计列：(六)其他处理；(七)总计');
    expect(Object.fromEntries(old.facts)['年度']).toBe('2020 年度');
  });

  it('keeps a finding of a rule it does not know, by its id and without a basis', () => {
    const record = { ...b2023.record, findings: [{ id: 'x', rule: 'future-rule', severity: 'info' as const, message: '新规则' }] };
    const f = buildOpinion({ record, notes: [] }, { auditor: '', now: NOW }).findings[0]!;
    expect([f.ruleTitle, f.basis]).toEqual(['future-rule', '']);
  });
});

/** The text of each paragraph of a .docx, as Word shows it. */
function docxParagraphs(bytes: Uint8Array): string[] {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
      .map((m) => (m[0] === '<w:br/>' ? '\n' : m[1]!))
      .join('')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'"),
  );
}

describe('opinionDocx', () => {
  let paragraphs: string[];
  let o: Opinion;
  beforeAll(async () => {
    o = buildOpinion(a2023, { auditor: '王五', now: NOW });
    paragraphs = docxParagraphs(new Uint8Array(await (await opinionDocx(o)).arrayBuffer()));
  });

  it('is a Word document with the title, the report facts and the auditor', () => {
    expect(paragraphs[0]).toBe(OPINION_TITLE);
    for (const [label, value] of o.facts) {
      expect(paragraphs).toContain(label);
      expect(paragraphs).toContain(value);
    }
    expect(paragraphs).toContain('审核人：王五');
    expect(paragraphs).toContain('2024年3月8日');
  });

  it('tells each finding with its readable cell, expected and actual, rule, basis, status and note', () => {
    const text = paragraphs.join('\n');
    expect(paragraphs).toContain('经审核，该报告存在 1 处错误，建议更正后重新发布。');
    expect(paragraphs).toContain('共发现问题 3 条，其中待处理 2 条（错误 1 条、警告 1 条）；已排除或整改 1 条（误报 1 条）。');
    expect(paragraphs).toContain(`问题 1（错误）：${ruleTitle('t3-balance').zh}`);
    expect(paragraphs).toContain('申请数与办理结果数不平衡。位置：第三部分 · (七)总计 · 总计。应为 12，实为 11。');
    expect(paragraphs).toContain(`依据：${basis('t3-balance')}`);
    expect(paragraphs).toContain('状态：已确认。备注：表三总计应为 12（张三）');
    expect(paragraphs).toContain('原文：「共收到政府信息公开申请13件」');
    expect(paragraphs).toContain('三、已排除或已整改的问题');
    expect(paragraphs).toContain('状态：误报。备注：第五部分在附件中（张三）');
    expect(paragraphs).toContain('请于一周内更正');
    expect(text).not.toMatch(/t3\/|\/total|natural/);
  });

  it('says 无 under the findings of a clean report and leaves out the empty parts', async () => {
    const clean = docxParagraphs(new Uint8Array(await (await opinionDocx(buildOpinion(b2023, { auditor: '', now: NOW }))).arrayBuffer()));
    const i = clean.indexOf('二、审核发现的问题');
    expect(clean[i + 1]).toBe('无。');
    expect(clean).not.toContain('三、已排除或已整改的问题');
    expect(clean).toContain('未发现问题'); // the report note
    expect(clean).toContain('审核人：＿＿＿＿＿＿');
  });

  it('keeps the line breaks of a note', async () => {
    const record = { ...b2023.record, note: '第一行\n第二行' };
    const paras = docxParagraphs(new Uint8Array(await (await opinionDocx(buildOpinion({ record, notes: [] }, { auditor: '', now: NOW }))).arrayBuffer()));
    expect(paras).toContain('第一行\n第二行');
  });
});

describe('opinionFilename', () => {
  it('names the file by body and year, without characters a file system refuses', () => {
    expect(opinionFilename('示范市测试局', 2023)).toBe('审核意见书-示范市测试局-2023.docx');
    expect(opinionFilename('示范市 "测试"/局:*?', null)).toBe('审核意见书-示范市测试局-年度未识别.docx');
    expect(opinionFilename('', 2023)).toBe('审核意见书-未识别机关-2023.docx');
  });
});
