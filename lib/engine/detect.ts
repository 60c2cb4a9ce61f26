import { compact, squeezed } from './text';

/**
 * Two-stage detection. Stage one reads only the title, the first headings and a bounded prefix of
 * text, so an ordinary page pays almost nothing; stage two confirms with the template's own words.
 */
/**
 * A report's title names its year; a portal's navigation link 「政府信息公开年报」, on every page of
 * the site, does not.
 */
const REPORT_TITLE = [
  /(?:20\d{2}|二[〇○零][一二][〇○零一二三四五六七八九])年度?.{0,42}?(?:政务|信息)公开.{0,8}?(?:年度报告|年报|工作报告)/,
  /(?:政务|信息)公开.{0,8}?(?:年度报告|年报|工作报告)[(（]?20\d{2}/,
];
/** Texts only the template's tables print. */
const TABLE_ANCHORS = [/勾稽关系/, /第二十条第/, /未经复议直接起诉|复议后起诉/, /本年新收|上年结转/, /申请人情况/];
const HEADING_ANCHORS = [
  /总体情况/,
  /主动公开政府信息/,
  /收到和处理政府信息公开申请/,
  /行政复议.{0,4}行政诉讼/,
  /存在的?主要问题|存在问题/,
  /其[他它]需要报告/,
];

export const PREFIX_CHARS = 6000;

export function prefixLooksLikeReport(prefix: string): boolean {
  const c = compact(prefix);
  return REPORT_TITLE.some((t) => t.test(c)) || TABLE_ANCHORS.some((a) => a.test(c));
}

export function confirmReport(text: string): { ok: boolean; reason: string } {
  const { tables, headings, ok } = anchorsInText(text);
  return { ok, reason: ok ? '' : `年报模板的表格标识 ${tables} 处、章节标题 ${headings} 处，不足以确认为年度报告` };
}

/** confirmReport's answer without its reason: the first look's, which has no room for the message. */
export const confirmsReport = (text: string): boolean => anchorsInText(text).ok;

/**
 * The anchors are Chinese words (and gaps of any character): whatever they find in the text as it is,
 * they find in it squeezed. Most reports pass as they are, sparing the first look even that pass over a whole page.
 */
function anchorsInText(text: string): { tables: number; headings: number; ok: boolean } {
  const raw = anchorsIn(text);
  return raw.ok ? raw : anchorsIn(squeezed(text));
}

function anchorsIn(c: string): { tables: number; headings: number; ok: boolean } {
  const tables = TABLE_ANCHORS.filter((a) => a.test(c)).length;
  const headings = headingsIn(c);
  return { tables, headings, ok: tables >= 2 || (tables >= 1 && headings >= 3) || headings >= 5 };
}

/** How many of the template's section headings a text holds. */
export const templateHeadings = (text: string): number => headingsIn(squeezed(text));

const headingsIn = (c: string): number => HEADING_ANCHORS.filter((a) => a.test(c)).length;

/**
 * A dated report title with two template headings or a citation of the template: a report even
 * when its tables are images or absent (judgeReport says the same after parsing).
 */
export function titledReport(title: string, text: string): boolean {
  return isDatedReportTitle(title) && (templateHeadings(text) >= 2 || citedTemplate(text) !== null);
}

/** The template's own notice, a manual or a guide, news of a meeting, a circular on how well reports were written (评查通报): they may print the template but report nothing. */
const NOT_A_REPORT_TITLE =
  /年度报告格式|(?:编写|编制|填报|撰写|操作)(?:说明|指南|指引|手册|规范|要求)|手册|指南|指引|培训|解读|问答|会议|座谈会|推进会|工作要点|通[知报](?<!年度报告的通知)$/;
/**
 * A statistic of a month, a quarter or half a year, an evaluation of bodies' work (评估, 测评, 考核, 抽查): they may print
 * the template's t3 or quote its rows, but are no annual report. Kept apart from NOT_A_REPORT_TITLE so that the first look,
 * which runs on every page and has a size limit, does not carry it: such a page only loads the auditor, whose judgement says no.
 */
const PART_OF_YEAR_OR_EVALUATION = /季度|[上下]半年|20\d{2}年(?:[1-9]|1[0-2])月(?!\d{1,2}日)|\d{1,2}[-—～至]\d{1,2}月|评估|测评|考核|抽查/;
/**
 * The template handed to bodies to fill in (「XX县XX局20XX年…年度报告（模板）」, 范本, 样本, a 填报 system's form 「…年度报告数据填报」):
 * it prints the tables with 「X」 or empty boxes in them and reports nothing.
 */
const BLANK_TEMPLATE = /模板|范本|样本|填报/;
/** The template notices a report cites (2021 layout; 2019 layout). */
const TEMPLATE_CITATIONS: [RegExp, '2021' | '2019'][] = [
  [/国办公开办函[〔[(（【]2021[〕\])）】]30号/, '2021'],
  [/国办公开办函[〔[(（【]2019[〕\])）】]60号/, '2019'],
];

/** The template a text cites, if any. */
export function citedTemplate(text: string): '2021' | '2019' | null {
  const c = compact(text);
  return TEMPLATE_CITATIONS.find(([re]) => re.test(c))?.[1] ?? null;
}

/** 「XX局2023年政府信息公开工作年度报告」: a report's own title, naming its year; not a notice, manual or news. */
export function isDatedReportTitle(title: string): boolean {
  const c = compact(title);
  return c.length <= 120 && REPORT_TITLE.some((t) => t.test(c)) && !NOT_A_REPORT_TITLE.test(c);
}

/** A dated report title that is no statistic of part of a year nor an evaluation: what the judgement of a page reads. */
const isAnnualReportTitle = (title: string) => isDatedReportTitle(title) && !isAboutReports(title);

/** A title that names the template notice, a manual, a guide or news: such a page is not a report, whatever it prints. */
export function isAboutReports(title: string): boolean {
  const c = compact(title);
  return NOT_A_REPORT_TITLE.test(c) || PART_OF_YEAR_OR_EVALUATION.test(c) || BLANK_TEMPLATE.test(c);
}

export interface PageEvidence {
  /** The report's title as read (a title line or the first heading), then the document's <title>. */
  titles: [string, string];
  /** Template section headings found as headings. */
  headings: number;
  /** Tables of the template read from the page. */
  tables: number;
  /** The page's text. */
  text: string;
}

/**
 * A company's own 信息公开 report (a 供水 or 公交 company under the 公共企事业单位 rules: 「XX有限公司2023年度信息公开工作报告」):
 * another template, so its title alone does not make it a report; its text still may.
 */
function isEnterpriseReport(title: string): boolean {
  const c = compact(title);
  return /(?:公司|集团)(?:20\d{2}|二[〇○零])/.test(c) && !/政府信息/.test(c);
}

/**
 * A dated report on another subject (「XX县2023年12345热线工作年度报告」「XX局2023年法治政府建设情况报告」): it may borrow
 * the template's headings and words, not its tables.
 */
function isOtherSubjectsReport(title: string): boolean {
  const c = compact(title);
  return /(?:20\d{2}|二[〇○零].{2})年/.test(c) && /(?:年度|工作|情况)报告/.test(c) && !/(?:政务|信息)公开|政府信息/.test(c);
}

/**
 * A report of another disclosure regime (a hospital's 院务公开, a school's 校务公开, a 村务公开, a 检务公开): it copies the
 * government report's sections and a t3-like table of applications, but answers other rules, so its tables do not make it one.
 */
const OTHER_REGIME = /(?:院|校|厂|村|居|党|检|警|审)务公开/;
const isOtherRegimeReport = (title: string) => OTHER_REGIME.test(compact(title)) && !/政府信息/.test(compact(title));

/**
 * Whether a page is a report, by what it is: its tables and the template's words (confirmReport);
 * or a dated report title with two template section headings, or a citation of the template,
 * even when the tables are images, attachments or absent. A page titled as the template notice,
 * a manual or news is not a report.
 */
export function judgeReport(e: PageEvidence): { ok: boolean; reason: string } {
  const [read = '', page = ''] = e.titles;
  const dated = e.titles.some((t) => isAnnualReportTitle(t) && !isEnterpriseReport(t));
  // The document's <title> says best what the page is; the title read from the text may be a sidebar link.
  const about = isAboutReports(page) ? page : !isAnnualReportTitle(page) && isAboutReports(read) ? read : '';
  if (about) return { ok: false, reason: `页面标题「${about.slice(0, 60)}」是年报格式通知、编写说明、新闻、评估或阶段统计，不是年度报告` };
  if (dated && (e.headings >= 2 || citedTemplate(e.text))) return { ok: true, reason: '' };
  const other = !dated && e.tables === 0 ? e.titles.find(isOtherSubjectsReport) : undefined;
  if (other) return { ok: false, reason: `页面标题「${other.slice(0, 60)}」是其他事项的报告，页面上也没有年报模板的表格` };
  const regime = dated ? undefined : e.titles.find(isOtherRegimeReport);
  if (regime) return { ok: false, reason: `页面标题「${regime.slice(0, 60)}」是其他公开制度（院务、校务、村务等）的报告，不是政府信息公开年度报告` };
  const confirmed = confirmReport(e.text);
  if (!confirmed.ok) return confirmed;
  // The template's words without its tables or sections: a text about reports (a manual, a news item).
  if (e.tables === 0 && e.headings < 3) return { ok: false, reason: `提到了年报模板用语，但只找到 ${e.headings} 个章节标题、没有模板表格，不是年度报告正文` };
  return { ok: true, reason: '' };
}

/** Elements whose text is not the page's text. */
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
/**
 * What every script, style sheet and (with scripting on) <noscript> markup holds, and page text
 * seldom does (Chinese text has full-width punctuation): only a text with one of these is asked
 * whether its parent is a script's.
 */
const CODE_LIKE = /[;{}=()<>"':[\]]/;

/**
 * The page title and text up to `max` non-space characters, read without touching the rest of the
 * page, outside scripts and styles. In a browser a TreeWalker over text nodes only: elements are
 * never wrapped as script objects, except the parent of a text that reads like code, whose name
 * says whether it is a script's (a <noscript>'s content is its one text child too). Wrapping each
 * text's parent cost a 1 MB portal page a millisecond, as much as the walk. A DOM without
 * TreeWalker (the CLI's light DOM) is walked with a stack.
 */
export function domPrefix(doc: Document, max = PREFIX_CHARS): string {
  let out = doc.title ?? '';
  const root = doc.body ?? doc.documentElement;
  if (!root) return out;
  // Counted by trimmed length: trim() is native, a regex per text node cost the cold first look as much as the walk.
  let n = 0;
  if (typeof doc.createTreeWalker === 'function') {
    const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node && n < max; node = walker.nextNode()) {
      const t = (node as Text).data;
      const trimmed = t.trim();
      // The text of a script or style is its element's own child (a template's content is not in the tree).
      if (trimmed && CODE_LIKE.test(trimmed) && SKIPPED_TAGS.has(node.parentNode?.nodeName ?? '')) continue;
      out += t;
      n += trimmed.length;
    }
    return out;
  }
  const stack: Node[] = [root];
  while (stack.length && n < max) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      const t = (node as Text).data;
      out += t;
      n += t.trim().length;
    } else if (node.nodeType === 1 && !SKIPPED_TAGS.has((node as Element).tagName.toUpperCase()))
      for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return out;
}
