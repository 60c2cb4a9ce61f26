import { compact } from './text';

/**
 * Two-stage detection. Stage one reads only the title, the first headings and a bounded prefix of
 * text, so an ordinary page pays almost nothing; stage two confirms with the template's own words.
 */
/**
 * A report's title names its year; a portal's navigation link 「政府信息公开年报」, on every page of
 * the site, does not.
 */
const REPORT_TITLE = [
  /(?:20\d{2}|二〇[一二][〇一二三四五六七八九])年度?.{0,40}?(?:政府信息公开|政务公开|信息公开).{0,8}?(?:年度报告|年报|工作报告)/,
  /(?:政府信息公开|政务公开|信息公开).{0,8}?(?:年度报告|年报|工作报告)[(（]?20\d{2}/,
];
/** Texts only the template's tables print. */
const TABLE_ANCHORS = [/勾稽关系/, /第二十条第/, /未经复议直接起诉|复议后起诉/, /本年新收|上年结转/, /申请人情况/];
const HEADING_ANCHORS = [/总体情况/, /主动公开政府信息/, /收到和处理政府信息公开申请/, /行政复议.{0,4}行政诉讼/, /存在的?主要问题|存在问题/, /其[他它]需要报告/];

export const PREFIX_CHARS = 6000;

export function prefixLooksLikeReport(prefix: string): boolean {
  const c = compact(prefix);
  return REPORT_TITLE.some((t) => t.test(c)) || TABLE_ANCHORS.some((a) => a.test(c));
}

export function confirmReport(text: string): { ok: boolean; reason: string } {
  const c = compact(text);
  const tables = TABLE_ANCHORS.filter((a) => a.test(c)).length;
  const headings = HEADING_ANCHORS.filter((a) => a.test(c)).length;
  const ok = tables >= 2 || (tables >= 1 && headings >= 3) || headings >= 5;
  return { ok, reason: ok ? '' : `年报模板的表格标识 ${tables} 处、章节标题 ${headings} 处，不足以确认为年度报告` };
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** The page title and text up to `max` non-space characters, read without touching the rest of the page. */
export function domPrefix(doc: Document, max = PREFIX_CHARS): string {
  let out = doc.title ?? '';
  const root = doc.body ?? doc.documentElement;
  if (!root) return out;
  const stack: Node[] = [root];
  let n = 0;
  while (stack.length && n < max) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      const t = (node as Text).data;
      out += t;
      n += t.replace(/\s+/g, '').length;
      continue;
    }
    if (node.nodeType !== 1 || SKIP.has((node as Element).tagName.toUpperCase())) continue;
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return out;
}
