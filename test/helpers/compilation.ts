/**
 * Pages holding several synthetic reports of different bodies one after another (a yearly
 * compilation, 汇编), as test/portal/perf-pages.ts serves and the compilation tests audit.
 */
import { articleOf } from '../portal/synthetic';
import { t3ResultRows } from '../../lib/engine/parse/table-specs';
import { cleanT3, makeReport, type ReportParts } from './make-report';

/** The title of body `n` (from 1): 「示范市第n局2023年政府信息公开工作年度报告」. */
export const bodyTitle = (n: number, year = 2023) => `示范市第${n}局${year}年政府信息公开工作年度报告`;
export const bodyAgency = (n: number) => `示范市第${n}局`;

/** One body's report as a page section: its title as a heading, then its article. */
export function reportSection(n: number, over: Partial<ReportParts> = {}): string {
  const title = bodyTitle(n);
  return `<section><h1>${title}</h1>${articleOf(makeReport({ title, s1: `2023年，第${n}局共收到政府信息公开申请若干件。`, ...over }))}</section>`;
}

export function pageOf(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

/** `count` reports under the compilation's own heading; `over(n)` changes body n's report. */
export function compilationPage(count: number, over: (n: number) => Partial<ReportParts> = () => ({})): string {
  const heading = '示范市2023年政府信息公开工作年度报告汇编';
  const sections = Array.from({ length: count }, (_, i) => reportSection(i + 1, over(i + 1)));
  return pageOf(heading, `<h1>${heading}</h1>${sections.join('\n')}`);
}

/**
 * A clean report's t3 with 3.7 总计 off by `delta`: identity 2 (3.7 = the sum of the result rows)
 * says it should be `expected`.
 */
export function wrongResultsTotal(delta: number) {
  const t3 = cleanT3();
  const total = 6;
  const expected = t3ResultRows('2021').reduce((sum, row) => sum + Number(t3[row]?.[total] ?? 0), 0);
  t3['3.7'] = t3['3.7']!.map((v, i) => (i === total ? expected + delta : v));
  return { t3, expected };
}

/** The body of a file compilation (汇编) whose 3.7 总计 is planted one too many; the other bodies are clean. */
export const PLANTED_BODY = 2;

/**
 * A compilation of `count` reports as one article (what a PDF or Word file of a 汇编 is printed or
 * written from); with `planted`, body PLANTED_BODY's 3.7 总计 is one too many (identity 2).
 */
export function fileCompilationHtml(count: number, planted: boolean): string {
  const page = compilationPage(count, (n) => (planted && n === PLANTED_BODY ? { t3: wrongResultsTotal(1).t3 } : {}));
  return page.replace('<body>', '<body><article>').replace('</body>', '</article></body>');
}
