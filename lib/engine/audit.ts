/** The engine's public API, shared by the content script, the extension pages and the CLI. */
import { citedTemplate, domPrefix, judgeReport, PREFIX_CHARS, prefixLooksLikeReport } from './detect';
import { splitCompilation, withoutRepeatedReports } from './compilation';
import type { Finding, Published, Report, SectionKey, TableKey } from './model';
import { SECTION_KEYS, SECTION_OF_TABLE, TABLE_KEYS } from './model';
import { metaPublished, metaReportTitle } from './parse/meta';
import { buildReportSteps, type SourceInfo } from './parse/report';
import { articlePages, attachmentLinks, documentBase, reportLinks } from './list';
import { runRulesSteps } from './rules';
import { pageTooLargeFinding } from './rules/page-too-large';
import { PAGED_AWAY, reportPagedFinding } from './rules/report-paged';
import { rowCellsUnplacedFinding, unplacedRows } from './rules/row-cells-unplaced';
import { attachmentFindings } from './rules/report-attachment-only';
import { tablesAsImagesFinding } from './rules/tables-as-images';
import type { Block } from './source/blocks';
import type { TreeCut } from './source/page-tree';
import { PAGE_LIMITS, readDomSteps, type DomRead, type Truncation } from './source/dom';
import { drain, NO_DEADLINE, type Deadline, type Steps } from './steps';
import { textToBlocks } from './source/text';
import { simplified } from './traditional';
import { foldRadicals } from './text';

export interface AuditOptions {
  /** Rule ids the user switched off. */
  disabledRules?: readonly string[];
  /** Where the page came from, when the document does not know (a saved file, a fetched page). */
  url?: string;
  /** Elements that are not the page's (the content script's own overlay host), skipped when reading. */
  skip?: (el: Element) => boolean;
  /** The page came as a tree its writer cut short (page-tree.ts), for this reason: the audit says it read only part. */
  cut?: TreeCut;
}
export type AuditResult = { detected: true; report: Report; findings: Finding[] } | { detected: false; reason: string };

const NOT_LIKELY = '标题和开头没有政府信息公开年度报告的特征';

/** Cheap first look: title, first heading and a bounded text prefix. */
export function looksLikeReport(doc: Document): boolean {
  return prefixLooksLikeReport(simplified(domPrefix(doc)));
}

/** Full audit of a DOM document (browser or linkedom). Cells, sections and sentences carry `el`. */
export function auditDocument(doc: Document, opts: AuditOptions = {}): AuditResult {
  return drain(auditDocumentSteps(doc, opts, NO_DEADLINE));
}

/**
 * The same audit as steps: a content script yields to the page whenever `deadline()` says its
 * slice is spent, so that no single task holds the main thread long. Nothing here waits; the caller
 * decides. Without a deadline it never yields.
 */
export function* auditDocumentSteps(doc: Document, opts: AuditOptions = {}, deadline: Deadline = NO_DEADLINE): Steps<AuditResult> {
  if (!looksLikeReport(doc)) return { detected: false, reason: NOT_LIKELY };
  const page = yield* readPage(doc, opts, deadline);
  return yield* auditRead(doc, page, opts, deadline);
}

/** One report of a page: its model and its findings. */
export interface ReportAudit {
  report: Report;
  findings: Finding[];
}
/** A page's audit: one part per report it holds (a compilation holds several), in page order. */
export type PageAudit = { detected: true; parts: ReportAudit[] } | { detected: false; reason: string };

/** Audit of a page that may be a compilation of reports (see compilation.ts): each report its own findings. */
export function auditPage(doc: Document, opts: AuditOptions = {}): PageAudit {
  return drain(auditPageSteps(doc, opts, NO_DEADLINE));
}

/** auditPage in steps, sliced as auditDocumentSteps. A page of one report gives what auditDocument gives. */
export function* auditPageSteps(doc: Document, opts: AuditOptions = {}, deadline: Deadline = NO_DEADLINE): Steps<PageAudit> {
  if (!looksLikeReport(doc)) return { detected: false, reason: NOT_LIKELY };
  const page = yield* readPage(doc, opts, deadline);
  const split = splitCompilation(page.read.blocks);
  if (!split) return asOnePart(yield* auditRead(doc, page, opts, deadline));
  // The page's <title> names the compilation, not a part: each part's title is its own.
  const source = { url: page.url, metaPublished: page.published };
  return yield* auditPartsSteps(
    split,
    page.read.truncated,
    (blocks, truncated) => auditBlocksSteps(blocks, source, opts, truncated, deadline, page.read),
    deadline,
  );
}

/** A page that holds one report: that report its one part, or why it holds none. */
const asOnePart = (one: AuditResult): PageAudit => (one.detected ? { detected: true, parts: [{ report: one.report, findings: one.findings }] } : one);

/**
 * A compilation's parts (splitCompilation) audited one by one with `audit`, in page order: the one
 * place a compilation becomes its reports' audits, for pages, texts and files alike. What a cut left
 * out is said once, by the last part (where the cut is); parts that are no report are left out, and
 * none is no report.
 */
function* auditPartsSteps(
  split: Block[][],
  truncated: Truncation | null,
  audit: (blocks: Block[], truncated: Truncation | null) => Steps<AuditResult>,
  deadline: Deadline,
): Steps<PageAudit> {
  const parts: ReportAudit[] = [];
  for (let i = 0; i < split.length; i++) {
    if (deadline()) yield;
    const result = yield* audit(split[i]!, i === split.length - 1 ? truncated : null);
    if (result.detected) parts.push({ report: result.report, findings: result.findings });
  }
  return parts.length ? { detected: true, parts } : { detected: false, reason: NOT_LIKELY };
}

interface PageRead {
  read: DomRead;
  url: string | null;
  published: Published | null;
  /** The article's title from the page's meta tags when it names a report, else the page's <title>. */
  title: string;
}

function* readPage(doc: Document, opts: AuditOptions, deadline: Deadline): Steps<PageRead> {
  const url = opts.url ?? (/^https?:|^file:/.test(doc.URL ?? '') ? doc.URL : null);
  const read = yield* readBody(doc, opts, deadline);
  return { read, url, published: metaPublished(doc), title: simplified(metaReportTitle(doc) || (doc.title ?? '')) };
}

/** The page's body as blocks, saying what its writer cut (`opts.cut`); with what a style hides too when `withHidden`. */
function* readBody(doc: Document, opts: AuditOptions, deadline: Deadline, withHidden = false): Steps<DomRead> {
  const read = yield* readDomSteps(doc.body ?? doc.documentElement, PAGE_LIMITS, opts.skip, deadline, withHidden);
  read.blocks = withoutRepeatedReports(read.blocks);
  if (!read.truncated && opts.cut) read.truncated = { tables: read.blocks.filter((b) => b.kind === 'grid').length, reason: opts.cut };
  return read;
}

/** How much of one report a reading holds: its sections first, then its tables. */
const completeness = (r: Report) => r.sections.length * 10 + TABLE_KEYS.filter((t) => r.tables[t]).length;
const WHOLE = SECTION_KEYS.length * 10 + TABLE_KEYS.length;

/** The page read as one report. */
function* auditRead(doc: Document, page: PageRead, opts: AuditOptions, deadline: Deadline): Steps<AuditResult> {
  const { url, published, title } = page;
  let { read } = page;
  const source = { pageTitle: title, url, metaPublished: published };
  let report = yield* buildReportSteps(read.blocks, source, deadline);
  // A script pager shows one part of the article at a time and hides the others with a style, a tab hides a
  // table under its heading: when sections or tables are missing and something was hidden, the hidden parts
  // are read too, and kept if they complete more of one report.
  if (read.leftHidden && completeness(report) < WHOLE) {
    const all = yield* readBody(doc, opts, deadline, true);
    const whole = splitCompilation(all.blocks) ? undefined : yield* buildReportSteps(all.blocks, source, deadline);
    if (whole && completeness(whole) > completeness(report)) [report, read] = [whole, all];
  }
  const verdict = judge(report, read.blocks, title);
  if (!verdict.ok) return attachmentReport(doc, report, url, opts) ?? { detected: false, reason: verdict.reason + cutNote(read.truncated) };
  const pages = url ? articlePages(doc, documentBase(doc, url)).length : 0;
  return yield* finishSteps(report, opts, read.truncated, deadline, read, pages ? pages + 1 : 0);
}

/** Full audit of plain text (seed .txt files, PDF extractions). */
export function auditText(page: string, opts: AuditOptions = {}): AuditResult {
  const text = readText(page);
  return text ? drain(auditBlocksSteps(text.blocks, { url: opts.url }, opts, text.truncated, NO_DEADLINE)) : { detected: false, reason: NOT_LIKELY };
}

/** auditPage for plain text: a compilation of reports as text (a 汇编 PDF's extraction) is split as a page is. */
export function auditTextPage(page: string, opts: AuditOptions = {}): PageAudit {
  const text = readText(page);
  return text ? splitAudit(text.blocks, { url: opts.url }, opts, text.truncated) : { detected: false, reason: NOT_LIKELY };
}

/** Text read into blocks when its start looks like a report; beyond the cap it is cut at a line end (the audit says so). */
function readText(page: string): { blocks: Block[]; truncated: Truncation | null } | null {
  // Text extracted from a PDF keeps the Kangxi radicals its fonts drew for some ideographs (「⼆、」).
  const text = simplified(foldRadicals(page));
  if (!prefixLooksLikeReport(text.slice(0, PREFIX_CHARS))) return null;
  const read = text.length > PAGE_LIMITS.chars ? text.slice(0, text.lastIndexOf('\n', PAGE_LIMITS.chars) + 1 || PAGE_LIMITS.chars) : text;
  return { blocks: textToBlocks(read), truncated: read.length < text.length ? { tables: 0, reason: 'chars' } : null };
}

/**
 * Full audit of blocks a file reader produced (a PDF's rebuilt lines and tables; cells carry their
 * boxes as `el`), split report by report when they hold a compilation (汇编), as a page is.
 */
export function auditBlocksPage(blocks: Block[], opts: AuditOptions & { pageTitle?: string } = {}): PageAudit {
  if (!prefixLooksLikeReport(blocksText(blocks).slice(0, PREFIX_CHARS))) return { detected: false, reason: NOT_LIKELY };
  // The file's own title (a PDF's metadata) names the compilation, not a part: only a single report takes it.
  return splitAudit(blocks, { url: opts.url, pageTitle: simplified(opts.pageTitle ?? '') }, opts, null);
}

/** Blocks audited as one report, or report by report when they hold a compilation. */
function splitAudit(all: Block[], source: SourceInfo, opts: AuditOptions, truncated: Truncation | null): PageAudit {
  const blocks = withoutRepeatedReports(all);
  const split = splitCompilation(blocks);
  if (!split) return asOnePart(drain(auditBlocksSteps(blocks, source, opts, truncated, NO_DEADLINE)));
  const part = { url: source.url, metaPublished: source.metaPublished };
  return drain(auditPartsSteps(split, truncated, (b, cut) => auditBlocksSteps(b, part, opts, cut, NO_DEADLINE), NO_DEADLINE));
}

/** Blocks read as one report and audited; `read` is the page they came from, when they came from a page. */
function* auditBlocksSteps(
  blocks: Block[],
  source: SourceInfo,
  opts: AuditOptions,
  truncated: Truncation | null,
  deadline: Deadline,
  read?: DomRead,
): Steps<AuditResult> {
  const report = yield* buildReportSteps(blocks, source, deadline);
  const verdict = judge(report, blocks, source.pageTitle ?? '');
  if (!verdict.ok) return { detected: false, reason: verdict.reason + cutNote(truncated) };
  return yield* finishSteps(report, opts, truncated, deadline, read);
}

/**
 * A page cut at the size cap may have lost its tables to the cut: then 「not a report」 alone would hide that only its
 * beginning was read, so the reason says so.
 */
function cutNote(t: Truncation | null): string {
  if (!t) return '';
  const what =
    t.reason === 'chars' ? `文字超过 ${PAGE_LIMITS.chars.toLocaleString('en-US')} 字` : `表格单元格超过 ${PAGE_LIMITS.cells.toLocaleString('en-US')} 个`;
  return `（页面过大，${what}，只读取了前面的部分，其后的内容未读取）`;
}

function blocksText(blocks: Block[]): string {
  const parts: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'line') parts.push(b.text);
    else for (const r of b.rows) for (const c of r) parts.push(c.text);
  }
  return parts.join('\n');
}

function judge(report: Report, blocks: Block[], pageTitle: string) {
  return judgeReport({
    titles: [report.title, pageTitle],
    headings: report.sections.length,
    tables: TABLE_KEYS.filter((t) => report.tables[t]).length,
    text: blocksText(blocks),
  });
}

/**
 * The findings of a detected report. A report without readable tables still gets its sections,
 * prose, dates and year audited; its template version is taken from the notice it cites; tables
 * shown as images give one finding with the images instead of one per missing table.
 * `pages`: the pages of the article when the portal split it (see list.ts articlePages), else 0.
 */
function* finishSteps(report: Report, opts: AuditOptions, truncated: Truncation | null, deadline: Deadline, read?: DomRead, pages = 0): Steps<AuditResult> {
  const disabled = opts.disabledRules ?? [];
  if (report.layout === 'unknown' && !TABLE_KEYS.some((t) => report.tables[t])) {
    const cited = citedTemplate(report.sections.map((s) => s.text).join('\n') + report.sentences.map((s) => s.text).join(''));
    if (cited) report.layout = cited;
  }
  let findings = yield* runRulesSteps(report, disabled, deadline);
  // A row whose values could not be placed: one finding saying so, not a missing-data error per cell.
  const unplaced = unplacedRows(report);
  if (unplaced.length) {
    const isUnplaced = (c: { table: string; row: string }) => unplaced.some((u) => u.table === c.table && u.row === c.row);
    findings = findings.filter((f) => !((f.rule === 'cell-missing' || f.rule === 'row-extra-cells') && f.cells?.length && f.cells.every(isUnplaced)));
    if (!disabled.includes('row-cells-unplaced')) findings.push(...unplaced.map((u) => rowCellsUnplacedFinding(report, u)));
  }
  const pictured = read ? tablesShownAsImages(report, read) : null;
  if (pictured && !disabled.includes('tables-as-images')) {
    findings = findings.filter((f) => !(f.rule === 'table-missing' && f.section && pictured.tables.some((t) => SECTION_OF_TABLE[t] === f.section)));
    findings.unshift(tablesAsImagesFinding(pictured.tables, pictured.images));
  }
  if (pages > 1 && !disabled.includes('report-paged')) {
    findings = findings.filter((f) => !PAGED_AWAY.has(f.rule));
    findings.unshift(reportPagedFinding(pages));
  }
  if (truncated && !disabled.includes('page-too-large'))
    findings.unshift(
      pageTooLargeFinding(
        truncated.reason,
        truncated.reason === 'chars' ? PAGE_LIMITS.chars : PAGE_LIMITS.cells,
        TABLE_KEYS.filter((t) => report.tables[t]).length,
      ),
    );
  return { detected: true, report, findings: findings.filter(printable) };
}

/**
 * A finding whose numbers a double cannot print plainly (Infinity, 2.1e+31) compares a number no
 * page wrote as a count (beyond 15 digits): it is dropped, as the cell itself is reported invalid.
 */
function printable(f: Finding): boolean {
  return [f.expected, f.actual].every((v) => typeof v !== 'number' || (Number.isFinite(v) && Math.abs(v) < 1e21));
}

/**
 * Missing tables whose place holds images: the images between the heading of the table's section
 * and the next heading; without that heading, images anywhere after the first section.
 */
function tablesShownAsImages(report: Report, read: DomRead): { tables: TableKey[]; images: unknown[] } | null {
  const missing = TABLE_KEYS.filter((t) => !report.tables[t]);
  if (!missing.length || !read.images.length) return null;
  const headings = [...report.sections]
    .map((s) => ({ key: s.key, pos: read.positionOf(s.el) }))
    .filter((h): h is { key: SectionKey; pos: number } => h.pos !== undefined)
    .sort((a, b) => a.pos - b.pos);
  const images = new Set<unknown>();
  const tables: TableKey[] = [];
  for (const t of missing) {
    const i = headings.findIndex((h) => h.key === SECTION_OF_TABLE[t]);
    const from = i >= 0 ? headings[i]!.pos : (headings[0]?.pos ?? -1);
    const to = i >= 0 ? (headings[i + 1]?.pos ?? Infinity) : Infinity;
    const inside = read.images.filter((img) => img.pos > from && img.pos < to);
    if (inside.length) {
      tables.push(t);
      for (const img of inside) images.add(img.el);
      continue;
    }
    // A section with nothing under its heading, right after one whose table is a picture: one tall picture holds both tables.
    const before = headings[i - 1];
    const empty = report.sections.find((s) => s.key === SECTION_OF_TABLE[t])?.text.trim() === '';
    if (empty && before && tables.some((p) => SECTION_OF_TABLE[p] === before.key)) tables.push(t);
  }
  return tables.length ? { tables, images: [...images] } : null;
}

/**
 * A report page whose title says it is a report but whose body only links the report as a PDF or
 * Word file: one finding saying so, with the links, rather than dozens about missing tables.
 */
function attachmentReport(doc: Document, report: Report, url: string | null, opts: AuditOptions): AuditResult | undefined {
  const base = documentBase(doc, url ?? doc.URL ?? 'about:blank');
  const files = attachmentLinks(doc, base);
  // Three or more links titled as reports make a list column (of PDFs, say), not one report's page.
  if (!files.length || reportLinks(doc, base).length >= 3) return undefined;
  if (!report.year || !/年度报告|年报/.test(report.title)) return undefined;
  return { detected: true, report, findings: attachmentFindings(files, opts.disabledRules) };
}
