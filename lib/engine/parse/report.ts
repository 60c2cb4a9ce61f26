import type { Published, Report, Section, SectionKey, Sentence } from '../model';
import { infoLinePublished, labelledPublished, labelsAboveValues, pageTitleAgency, signatureAgency, signaturePublished, urlPublished } from './meta';
import type { Block } from '../source/blocks';
import { clean, compact, digitYears } from '../text';
import { sentencesOf } from './prose';
import { headingLines, headingOf, sectionOfHeading } from './sections';
import { placeBlanksByIdentities } from './blank-place';
import { classifyGrid, gridsByTable, isOverviewFigures, layoutsOf, linesToGrid, readRowTable, readT4 } from './tables';
import type { Line } from '../source/blocks';
import { CHECK_EVERY, drain, NO_DEADLINE, type Deadline, type Steps } from '../steps';

const TITLE = /年度报告|年报|工作报告/;

/** Agency and year from a title such as 「XX局2023年政府信息公开工作年度报告」 or 「2023年XX局政府信息公开…」. */
export function agencyAndYear(title: string): { agency: string; year: number | null } {
  const c = digitYears(compact(title).replace(/[《》“”"【】]/g, ''));
  const m = /^(.*?)(\d{4})年度?(.*?)(?:政府信息公开|政务公开|信息公开|政府信息)/.exec(c);
  // 「XX局政府信息公开工作年度报告（2023年度）」, 「XX局政府信息公开工作2023年度报告」: the year last.
  const last = m ? null : /^(.*?)(?:政府信息公开|政务公开|信息公开).*?(\d{4})(?:年度?)?(?:报告)?[)）]?$/.exec(c);
  if (last) return { agency: bodyBefore(last[1]!), year: Number(last[2]) };
  if (!m) return { agency: '', year: null };
  return { agency: bodyBefore(m[1] || m[3] || ''), year: Number(m[2]) };
}

/** The body's name as the title's words before the year or the subject leave it. */
function bodyBefore(words: string): string {
  // 「XX办公室关于印发2023年…年度报告的通知」: the body is before 关于. A site's or a wiki space's name before a colon
  // (Confluence's 「政务公开组 : XX局2023年…」, 「转载：XX局…」) is none of the body's: no body's name holds a colon.
  return words
    .replace(/^关于/, '')
    .replace(/关于(?:印发|公布|发布)?$/, '')
    .replace(/[:：（(]+$/, '')
    .replace(/^.*[:：]/, '');
}

/** The body a title without a year names before its subject (「XX局政府信息公开工作年度报告」, a compilation's part). */
function yearlessTitleAgency(title: string): string {
  const m = /^(.*?)(?:政府信息公开|政务公开)/.exec(compact(title));
  return m ? pageTitleAgency(bodyBefore(m[1]!)) : '';
}

/** A short line, no sentence, that names a report: a title candidate. */
export function isTitleLine(text: string): boolean {
  const c = compact(text);
  return TITLE.test(c) && c.length <= 80 && !/[。；]/.test(c);
}

/** A notice's title (「XX办公室关于公布县直部门2023年政府信息公开工作年度报告的通知」): it names reports, it is none. */
const NOTICE_TITLE = /关于.*的(?:通知|公告|通告|函)$/;

/** A line that can be the agency printed above a title that starts with the year. */
const AGENCY_LINE = /^[^\d:：,，。；]{2,30}$/;

/** Whether `line` is the body's name printed above `title`, a title that starts with its year and names no body. */
export function isAgencyAbove(line: string, title: string): boolean {
  return AGENCY_LINE.test(compact(line)) && isTitleLine(title) && /^\d{4}|^二[〇○零]/.test(compact(title)) && !agencyAndYear(title).agency;
}

/**
 * The report's title among the lines before the first section heading: one line, or two that an
 * extractor broke apart (「XX局2023年政府」/「信息公开工作年度报告」, or the agency on a line of its own).
 * A title the page's own <title> names wins (when it names a body or a year); then one naming agency and year over one naming only
 * the year, over neither; among equals the last, nearest the report's text (a portal's sidebar of
 * other years' reports comes before it). Returns the title and how many lines it took from `i`.
 */
export function findTitle(lines: string[], pageTitle = ''): { title: string; at: number; count: number } | undefined {
  let best: { title: string; at: number; count: number; score: number; notice: boolean } | undefined;
  const page = compact(pageTitle);
  const consider = (title: string, at: number, count: number) => {
    if (!isTitleLine(title)) return;
    const { agency, year } = agencyAndYear(title);
    // A column's name (「政府信息公开年报」, in the nav and in a 专栏 page's <title>) names neither body nor year: no report's own title.
    const named = page.length > 0 && page.includes(compact(title)) && (year !== null || agency !== '');
    const score = (named ? 4 : 0) + (year ? 2 : 0) + (agency ? 1 : 0);
    const notice = NOTICE_TITLE.test(compact(title));
    // A notice that publishes reports gives way to a report's own title under it, whatever the page's <title> says.
    const afterNotice = best?.notice === true && !notice && year !== null;
    if (!best || afterNotice || score >= best.score) best = { title: clean(title), at, count, score, notice };
  };
  for (let i = 0; i < lines.length; i++) {
    const line = clean(lines[i]!);
    const next = lines[i + 1] === undefined ? '' : clean(lines[i + 1]!);
    consider(line, i, 1);
    // Broken titles: the second line alone names no year (else it is the title by itself).
    if (next && !isTitleLine(line) && !agencyAndYear(next).year && compact(line + next).length <= 80) consider(line + next, i, 2);
    if (next && isAgencyAbove(line, next)) consider(line + next, i, 2);
  }
  return best && { title: best.title, at: best.at, count: best.count };
}

/** The heading of readers' comments a portal puts under an article. */
const COMMENTS = /^(?:网友评论|我要评论|发表评论|评论区|网友留言|相关评论|用户评论|全部评论)/;

/**
 * A portal's generated summary above an article (2025 portals: a box headed 「AI摘要」 that quotes the report's counts, then
 * 「以上内容由AI生成，仅供参考」): the portal's words, not the body's. Its heading is a short line of its own; the box ends after
 * its disclaimer, or at the report's first section heading when it has none.
 */
const AI_SUMMARY_HEAD = /^(?:AI|人工智能|智能)(?:摘要|解读|总结|导读|速览)[:：]?$/i;
const AI_DISCLAIMER = /(?:由|经)(?:AI|人工智能|大模型)(?:自动|辅助)?生成/i;

const NOTE_LABEL = /^(?:注|说明|备注)\d?[:：]/;
/**
 * The text of each row of a grid that is one note across the table: 「注：…」 in one cell (cells that span repeat it), or a label
 * cell 「说明」 and the note beside it (「说明 | 上年结转的4件…」), read as 「说明：…」.
 */
function noteRows(rows: { text: string }[][]): string[] {
  const out: string[] = [];
  for (const r of rows) {
    const texts = [...new Set(r.map((c) => c.text.trim()).filter(Boolean))];
    if (texts.length === 1 && NOTE_LABEL.test(compact(texts[0]!))) out.push(clean(texts[0]!));
    if (texts.length === 2 && NOTE_LABEL.test(compact(texts[0]!) + '：') && !/^[:：]/.test(compact(texts[1]!)))
      out.push(`${compact(texts[0]!).replace(/[:：]$/, '')}：${clean(texts[1]!)}`);
  }
  return out;
}

/**
 * The rows of an overview's table of figures (isOverviewFigures) as the sentences they say: 「本年新收申请 | 53件」 →
 * 「本年新收申请53件。」; a bare number takes the unit its header gives (「数量（件）」), a row's own number (序号) is left out, and a row of two values is not read.
 */
function figureRows(rows: { text: string }[][], ownUnitOnly = false): string[] {
  let unit = '';
  const out: string[] = [];
  for (const r of rows) {
    const texts = r.map((c) => clean(c.text)).filter(Boolean);
    const value = texts.at(-1) ?? '';
    if (ownUnitOnly && !/^\d[\d,.]*(?:件|条)$/.test(value)) continue;
    if (texts.length < 2 || !/^\d/.test(value)) {
      if (/[（(]件[)）]|件数/.test(texts.join(''))) unit = '件';
      continue;
    }
    // One value a row: 「本年新收申请 | 53 | 41」 (two years side by side) says nothing one sentence can.
    const label = texts.length === 3 && /^\d{1,2}\.?$/.test(texts[0]!) ? texts[1]! : texts.length === 2 ? texts[0]! : '';
    if (!label || /^\d/.test(label)) continue;
    out.push(label + value + (/^\d[\d,.]*$/.test(value) ? unit : '') + '。');
  }
  return out;
}

/** A short label alone on the line right after a grid (no heading, number or sentence): the grid's rows may be paired one off. */
function lastLabelAfter(blocks: Block[], grid: Block): boolean {
  const next = blocks[blocks.indexOf(grid) + 1];
  if (next?.kind !== 'line') return false;
  const text = compact(next.text);
  return !!text && text.length <= 12 && !/[\d。；;！!？?：:]/.test(text) && !headingOf(next.text);
}

/** A tile's value: a number, with its own unit or none (「53」「53件」「1,286条」「94.7%」「1.2万」). */
const TILE_VALUE = /^\d[\d,，.]*(?:万|千)?(?:件|条|个|次|人次|万次|%|％)?$/;
/** A tile's label: a few words with no digit (「收到申请（件）」「办结申请」), or the unit of the value before it alone (「件」). */
const TILE_LABEL = /^[^\d]{1,16}$/;
const TILE_UNIT = /^(?:件|条)$/;

/**
 * The sentences of a 数据看板 that came out as a grid paired one off (lastLabelAfter): its cells in reading order, and the label
 * alone after them, alternate values and labels. The block's last cell tells the order: a label last, each value sits above its
 * label (「55」⏎「收到申请（件）」); a value last, under it (「收到申请」⏎「55」⏎「件」, the unit its own line). Counts only: a bare
 * value takes the unit its label gives (「（件）」), and a value in 件 or 条 is read (rates, 人次, 万次 are not the tables').
 * Anything that breaks the alternation is no such block, and nothing is read.
 */
function boardTiles(grid: Block & { kind: 'grid' }, after: string): string[] {
  const cells: string[] = [];
  for (const c of [...grid.rows.flat().map((c) => c.text), after].map((t) => compact(t)).filter(Boolean)) {
    // 「55」⏎「件」: a unit alone on its line is the value's above it.
    if (TILE_UNIT.test(c) && /^\d[\d,，.]*$/.test(cells.at(-1) ?? '')) cells[cells.length - 1] += c;
    else cells.push(c);
  }
  const isValue = (c: string) => TILE_VALUE.test(c);
  const valueFirst = !isValue(cells.at(-1) ?? '');
  const pairs: [string, string][] = [];
  let i = cells.length;
  while (i >= 2 && (valueFirst ? isValue(cells[i - 2]!) : isValue(cells[i - 1]!))) {
    const [value, label] = valueFirst ? [cells[i - 2]!, cells[i - 1]!] : [cells[i - 1]!, cells[i - 2]!];
    if (!TILE_LABEL.test(label)) return [];
    pairs.unshift([label, value]);
    i -= 2;
  }
  // What comes before the tiles is the block's heading and the publication line: no value among them.
  if (pairs.length < 2 || cells.slice(0, i).some(isValue)) return [];
  const out: string[] = [];
  for (const [label, value] of pairs) {
    const unit = /[（(](件|条)[)）]$/.exec(label)?.[1];
    const count = /^\d[\d,，.]*$/.test(value) ? (unit ? value + unit : '') : /(?:件|条)$/.test(value) && !/万/.test(value) ? value : '';
    if (count) out.push(label.replace(/[（(][^（）()]*[)）]$/, '') + count + '。');
  }
  return out;
}

/** A sentence that ends in a label's colon, and a line that opens with a count: 「无法提供：」|「11件。」. */
const LABEL_END = /[\u4e00-\u9fff][:：]$/;
const COUNT_START = /^\d+(?:件|起|次|条|个)/;
/** A line that ends here ends its sentence (or is a heading or a label, which has none). */
const SENTENCE_END = /[。；;！!？?：:]$|^.{0,12}$/;

export interface SourceInfo {
  /** The document's own title (<title>). */
  pageTitle?: string;
  url?: string | null;
  /** The publication date from the page's meta tags. */
  metaPublished?: Published | null;
}

/** Builds the typed report model from the page's lines and grids. */
export function buildReport(blocks: Block[], source: SourceInfo = {}): Report {
  return drain(buildReportSteps(blocks, source, NO_DEADLINE));
}

/** buildReport in steps: it may yield every CHECK_EVERY blocks of prose, when `deadline()` says so. */
export function* buildReportSteps(pageBlocks: Block[], source: SourceInfo, deadline: Deadline): Steps<Report> {
  const blocks = headingLines(pageBlocks);
  const pageTitle = source.pageTitle ?? '';
  const sections: Section[] = [];
  const sentences: Sentence[] = [];
  let current: Section | undefined;
  // The title is read from the lines before the first heading (at most a page's opening).
  const opening: Line[] = [];
  for (const b of blocks) {
    if (opening.length >= 40 || (b.kind === 'line' && sectionOfHeading(b.text))) break;
    if (b.kind === 'line') opening.push(b);
  }
  const found = findTitle(
    opening.map((l) => l.text),
    pageTitle,
  );
  let title = found?.title ?? '';
  const titleLines = new Set(found ? opening.slice(found.at, found.at + found.count) : []);
  let work = 0;
  // A line of an element that stops mid-sentence (a PDF's wrap, a <br>) goes on in its next line.
  let carried: Line | undefined;
  let carriedText = '';
  const endCarried = () => {
    if (carried) sentences.push(...sentencesOf(carriedText, current?.key, carried.el));
    carried = undefined;
  };
  let readersAfter = false;
  let aiSummary = false;
  // Lines above the report's title (a sidebar of related links 「…行政复议案件12件统计」, a notice publishing it) are not its prose.
  const titleLine = found ? opening[found.at] : undefined;
  let aboveTitle = !!titleLine;
  for (const b of blocks) {
    if (++work % CHECK_EVERY === 0 && deadline()) yield;
    aboveTitle &&= b !== titleLine;
    // Readers' comments under the article (「网友评论」) are not the report's prose.
    readersAfter ||= b.kind === 'line' && COMMENTS.test(compact(b.text));
    // A portal's AI summary box: its lines, to its disclaimer (its last line) or the report's first heading, are no prose.
    if (b.kind === 'line' && AI_SUMMARY_HEAD.test(compact(b.text))) aiSummary = true;
    if (aiSummary && b.kind === 'line' && headingOf(b.text)) aiSummary = false;
    if (aiSummary) {
      if (b.kind === 'line' && AI_DISCLAIMER.test(b.text)) aiSummary = false;
      endCarried();
      continue;
    }
    // A table in 五 or 六 (problems and fixes, fees) holds their text: read as the section's, not as prose.
    if (b.kind === 'grid' && !readersAfter && (current?.key === 's5' || current?.key === 's6'))
      current.text += b.rows.map((r) => '\n' + r.map((c) => c.text).join(' ')).join('');
    // A note row under a table's rows (「注：结转下年度的3件…」, one cell across the table) is prose of its section.
    if (b.kind === 'grid' && !readersAfter) for (const note of noteRows(b.rows)) sentences.push(...sentencesOf(note, current?.key, b.el));
    // A table of figures in section 一 (「本年新收申请 | 53件」) states them as its prose would; t2's narrow blocks are read as t2.
    if (b.kind === 'grid' && !readersAfter && isOverviewFigures(b, current?.key) && classifyGrid(b) !== 't2')
      for (const row of figureRows(b.rows)) sentences.push(...sentencesOf(row, current?.key, b.el));
    // A 「主要数据」 block between the title and section 一 (a <dl> of labels and values) states its figures too; only values with
    // their own unit (「办结 | 56件」). A 数据看板's tiles (each number above its label) come out paired one off, their last label
    // alone on the line after: then a value is the next tile's (「收到申请 | 54件」), and the tiles are read in their own order.
    if (b.kind === 'grid' && !current && !aboveTitle && !readersAfter)
      for (const row of lastLabelAfter(blocks, b) ? boardTiles(b, (blocks[blocks.indexOf(b) + 1] as Line).text) : figureRows(b.rows, true))
        sentences.push(...sentencesOf(row, undefined, b.el));
    // A PDF's running title atop each page (the report's title again) is no prose: a sentence goes on across it.
    if (b.kind === 'line' && title && !titleLines.has(b) && carried && compact(b.text) === compact(title)) continue;
    const skipped = b.kind !== 'line' || titleLines.has(b) || readersAfter || aboveTitle;
    if (skipped || (carried && carried.el !== b.el)) endCarried();
    if (skipped) continue;
    const heading = headingOf(b.text);
    let text = clean(b.text);
    if (heading && !sections.some((s) => s.key === heading.key)) {
      endCarried();
      current = { key: heading.key, heading: heading.heading, order: sections.length, text: '', el: b.el };
      sections.push(current);
      if (!heading.rest) continue;
      text = heading.rest;
    }
    if (current) current.text += (current.text ? '\n' : '') + text;
    // 「无法提供：」|「11件。」: a line wrapped right after a label's colon goes on in the next, which opens with the label's count;
    // so does a short line with no end (「被申请行政复议<br>5件，…」), taken for a heading until its count follows.
    const last = sentences.at(-1);
    const cut = last && (LABEL_END.test(last.text) || !/[。；;！!？?]$/.test(last.text));
    if (!carried && last && last.el === b.el && last.section === current?.key && cut && COUNT_START.test(text)) {
      sentences.pop();
      text = last.text + text;
    }
    if (carried) text = carriedText + text;
    carried = SENTENCE_END.test(text) ? undefined : (carried ?? b);
    if (carried) carriedText = text;
    else sentences.push(...sentencesOf(text, current?.key, b.el));
  }
  endCarried();
  if (!title || !agencyAndYear(title).year) title = clean(pageTitle) || title;
  let { agency, year } = agencyAndYear(title);
  if (!year) {
    const period = sentences.find((s) => /统计期限|统计时限/.test(s.text))?.text ?? sections.find((s) => s.key === 's1')?.text ?? '';
    const y = /(20\d{2})\s*年/.exec(period);
    year = y ? Number(y[1]) : null;
  }
  if (deadline()) yield;
  const grids = gridsByTable(blocks);
  // No grid for a table: its section may hold it one cell per line.
  for (const [table, key] of [
    ['t2', 's2'],
    ['t3', 's3'],
    ['t4', 's4'],
  ] as const) {
    const lines = grids[table].length ? [] : linesOfSection(blocks, key);
    if (lines.length < 8) continue;
    const grid = linesToGrid(lines);
    if (classifyGrid(grid) === table) grids[table].push(grid);
  }
  const layouts = layoutsOf(grids);
  const layout = layouts.report;
  if (deadline()) yield;
  // A page's info bar (发布时间 | 来源 | 字号) often reads as a row of cells.
  const lines: string[] = [];
  // The report's own info bar follows its title; a portal's sidebar of latest news before it has dates of its own.
  const titleBlock = found ? opening[found.at] : undefined;
  let titleAt = 0;
  for (const b of blocks) {
    if (b === titleBlock) titleAt = lines.length;
    if (b.kind === 'line') lines.push(b.text);
    else {
      for (const r of b.rows) lines.push(r.map((c) => c.text).join(' '));
      lines.push(...labelsAboveValues(b.rows));
    }
  }
  const labelled =
    labelledPublished(lines.slice(titleAt)) ?? labelledPublished(lines.slice(0, titleAt)) ?? (titleBlock ? infoLinePublished(lines.slice(titleAt + 1)) : null);
  const url = source.url ?? null;
  const published = source.metaPublished ?? labelled ?? urlPublished(url) ?? signaturePublished(lines);
  // A department's own site often titles it 「2023年政府信息公开工作年度报告」: the body then signs it, or the page's <title> names it;
  // a compilation's part may name its body in a title without the year.
  if (!agency) agency = signatureAgency(lines) || yearlessTitleAgency(title) || pageTitleAgency(pageTitle);
  const report: Report = {
    title,
    agency,
    year,
    layout,
    url,
    published,
    sections,
    tables: {
      t2: readRowTable('t2', grids.t2, layouts.t2 ?? layout, layout),
      t3: readRowTable('t3', grids.t3, layouts.t3 ?? layout, layout),
      t4: readT4(grids.t4),
    },
    sentences,
  };
  placeBlanksByIdentities(report);
  return report;
}

export function sectionText(report: Report, key: SectionKey): string | undefined {
  return report.sections.find((s) => s.key === key)?.text;
}

/** The lines under a section's heading, up to the next heading. */
function linesOfSection(blocks: Block[], key: SectionKey): Line[] {
  const start = blocks.findIndex((b) => b.kind === 'line' && sectionOfHeading(b.text) === key);
  if (start < 0) return [];
  const out: Line[] = [];
  for (const b of blocks.slice(start + 1)) {
    if (b.kind !== 'line') continue;
    if (sectionOfHeading(b.text)) break;
    out.push(b);
  }
  return out;
}
