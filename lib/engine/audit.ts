/** The engine's public API, shared by the content script, the extension pages and the CLI. */
import { confirmReport, domPrefix, PREFIX_CHARS, prefixLooksLikeReport } from './detect';
import type { Finding, Report, SectionKey } from './model';
import { SECTION_KEYS } from './model';
import { metaPublished } from './parse/meta';
import { buildReport } from './parse/report';
import { attachmentLinks, reportLinks } from './list';
import { runRules } from './rules';
import { attachmentFindings } from './rules/structure';
import type { Block } from './source/blocks';
import { domToBlocks } from './source/dom';
import { textToBlocks } from './source/text';

export interface AuditOptions {
  /** Rule ids the user switched off. */
  disabledRules?: readonly string[];
  /** Where the page came from, when the document does not know (a saved file, a fetched page). */
  url?: string;
}
export type AuditResult =
  | { detected: true; report: Report; findings: Finding[] }
  | { detected: false; reason: string };

const NOT_LIKELY = '标题和开头没有政府信息公开年度报告的特征';

/** Cheap first look: title, first heading and a bounded text prefix. */
export function looksLikeReport(doc: Document): boolean {
  return prefixLooksLikeReport(domPrefix(doc));
}

/** Full audit of a DOM document (browser or linkedom). Cells, sections and sentences carry `el`. */
export function auditDocument(doc: Document, opts: AuditOptions = {}): AuditResult {
  if (!looksLikeReport(doc)) return { detected: false, reason: NOT_LIKELY };
  const root = doc.body ?? doc.documentElement;
  const url = opts.url ?? (/^https?:|^file:/.test(doc.URL ?? '') ? doc.URL : null);
  const confirmed = confirmReport(root.textContent ?? '');
  const build = () => buildReport(domToBlocks(root), { pageTitle: doc.title, url, metaPublished: metaPublished(doc) });
  if (!confirmed.ok) return attachmentReport(doc, build, url, opts) ?? { detected: false, reason: confirmed.reason };
  return finish(build(), opts);
}

/** Full audit of plain text (seed .txt files, PDF extractions). */
export function auditText(text: string, opts: AuditOptions = {}): AuditResult {
  if (!prefixLooksLikeReport(text.slice(0, PREFIX_CHARS))) return { detected: false, reason: NOT_LIKELY };
  const confirmed = confirmReport(text);
  if (!confirmed.ok) return { detected: false, reason: confirmed.reason };
  return finish(buildReport(textToBlocks(text), { url: opts.url }), opts);
}

/** Full audit of blocks a file reader produced (a PDF's rebuilt lines and tables); cells carry their boxes as `el`. */
export function auditBlocks(blocks: Block[], opts: AuditOptions & { pageTitle?: string } = {}): AuditResult {
  const text = blocks.map((b) => (b.kind === 'line' ? b.text : b.rows.map((r) => r.map((c) => c.text).join('\t')).join('\n'))).join('\n');
  if (!prefixLooksLikeReport(text.slice(0, PREFIX_CHARS))) return { detected: false, reason: NOT_LIKELY };
  const confirmed = confirmReport(text);
  if (!confirmed.ok) return { detected: false, reason: confirmed.reason };
  return finish(buildReport(blocks, { url: opts.url, pageTitle: opts.pageTitle }), opts);
}

/** A text that merely talks about reports (a manual, a news item) has the words but neither the sections nor the tables. */
function finish(report: Report, opts: AuditOptions): AuditResult {
  const tables = Object.values(report.tables).filter(Boolean).length;
  if (tables === 0 && report.sections.length < 3)
    return { detected: false, reason: `提到了年报模板用语，但只找到 ${report.sections.length} 个章节标题、没有模板表格，不是年度报告正文` };
  return { detected: true, report, findings: runRules(report, opts.disabledRules) };
}

/**
 * A report page whose title says it is a report but whose body only links the report as a PDF or
 * Word file: one finding saying so, with the links, rather than dozens about missing tables.
 */
function attachmentReport(doc: Document, build: () => Report, url: string | null, opts: AuditOptions): AuditResult | undefined {
  const base = url ?? doc.URL ?? 'about:blank';
  const files = attachmentLinks(doc, base);
  // Three or more links titled as reports make a list column (of PDFs, say), not one report's page.
  if (!files.length || reportLinks(doc, base).length >= 3) return undefined;
  const report = build();
  if (!report.year || !/年度报告|年报/.test(report.title)) return undefined;
  return { detected: true, report, findings: attachmentFindings(files, opts.disabledRules) };
}

/**
 * Heading element of a section, with the heading text there; for a missing section, the heading it
 * should precede (or the last one it should follow).
 */
export function sectionElement(report: Report, key: SectionKey): { el: unknown; heading: string; missing: boolean } | undefined {
  const found = report.sections.find((s) => s.key === key);
  if (found) return { el: found.el, heading: found.heading, missing: false };
  const idx = SECTION_KEYS.indexOf(key);
  const next = report.sections.filter((s) => SECTION_KEYS.indexOf(s.key) > idx).sort((a, b) => a.order - b.order)[0];
  const near = next ?? [...report.sections].sort((a, b) => b.order - a.order)[0];
  return near ? { el: near.el, heading: near.heading, missing: true } : undefined;
}
