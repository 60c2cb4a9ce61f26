/**
 * A compilation (汇编): one page holding the annual reports of several bodies one after another.
 * Each report starts at its title 「…政府信息公开工作年度报告」 and has its own sections; the page is
 * split there and every part is audited as a report of its own.
 */
import type { SectionKey } from './model';
import { isAgencyAbove, isTitleLine } from './parse/report';
import { sectionOfHeading } from './parse/sections';
import type { Block } from './source/blocks';
import { compact, toHalfWidth } from './text';

const REPORT_TITLE = /(?:政府信息公开|政务公开)(?:工作)?年度报告/;

/** Sections a part must have to be a report of its own: 一、总体情况 and at least two others. */
const MIN_SECTIONS = 3;

/**
 * A line that titles one report: short, no sentence, naming the report. Its year may be left to the
 * compilation's heading (「XX局政府信息公开工作年度报告」 under 「2023年……汇编」): the part's own
 * sections, which a title must be followed by to start a part, say it.
 */
export function isReportTitle(text: string): boolean {
  return isTitleLine(text) && REPORT_TITLE.test(compact(text).replace(/[《》“”"]/g, ''));
}

/**
 * The page's blocks split into one list per report, or null when the page holds one report.
 * A title starts a part only when what follows it, up to the next title, has its own sections
 * (一、总体情况 among them). So a title repeated in a header, footer or table caption, a quoted
 * earlier report, or the compilation's own heading starts none; the blocks after such a title stay
 * with the part before it, and blocks before the first part (the compilation's heading) with none.
 * One pass over the blocks: linear in the page.
 */
export function splitCompilation(blocks: readonly Block[]): Block[][] | null {
  const found = partStarts(blocks);
  if (!found) return null;
  const { starts, from } = found;
  return from.map((start, k) => {
    const part = blocks.slice(start, from[k + 1] ?? blocks.length);
    const at = starts[k]! - start;
    part[at] = withoutHeading(part[at]!);
    return part;
  });
}

/**
 * Where the page's reports start: each part's title line (`starts`) and its first line (`from`: a title printed on two
 * lines starts at the body's name), or null when the page holds fewer than two parts.
 */
function partStarts(blocks: readonly Block[]): { starts: number[]; from: number[] } | null {
  const titles: number[] = [];
  blocks.forEach((b, i) => {
    if (b.kind === 'line' && isReportTitle(b.text)) titles.push(i);
  });
  if (titles.length < 2) return null;
  const starts = titles.filter((start, k) => ownsReport(blocks, start + 1, titles[k + 1] ?? blocks.length));
  if (starts.length < 2) return null;
  const lineAt = (i: number) => {
    const b = blocks[i];
    return b?.kind === 'line' ? b.text : '';
  };
  // A title printed on two lines (the body's name, then 「2023年……年度报告」) starts at the name.
  const from = starts.map((start) => (start > 0 && isAgencyAbove(lineAt(start - 1), lineAt(start)) ? start - 1 : start));
  return { starts, from };
}

/**
 * The blocks without a second copy of a report: a part under the same title as a part before it, with the same
 * figures (a 纯文本 or 读屏 copy a portal's script appends, kept off-screen), is that report again and is read
 * once. Parts with their own titles, or with figures of their own under one title that names no body (the
 * bodies' names elsewhere), are a compilation's reports and are all kept: a report is never lost to this.
 */
export function withoutRepeatedReports(blocks: Block[]): Block[] {
  const found = partStarts(blocks);
  if (!found) return blocks;
  const { starts, from } = found;
  const seen = new Set<string>();
  const dropped: [number, number][] = [];
  from.forEach((start, k) => {
    const end = from[k + 1] ?? blocks.length;
    const title = compact(
      blocks
        .slice(start, starts[k]! + 1)
        .map((b) => (b.kind === 'line' ? b.text : ''))
        .join(''),
    );
    const copy = `${title}\n${figuresOf(blocks.slice(start, end))}`;
    if (seen.has(copy)) dropped.push([start, end]);
    seen.add(copy);
  });
  return dropped.length ? blocks.filter((_, i) => !dropped.some(([a, b]) => i >= a && i < b)) : blocks;
}

/** A part's numbers in their order, in lines and cells alike (a copy may write its tables as text). */
function figuresOf(blocks: readonly Block[]): string {
  const text = blocks.map((b) => (b.kind === 'line' ? b.text : b.rows.map((r) => r.map((c) => c.text).join(' ')).join(' '))).join(' ');
  return (toHalfWidth(text).match(/\d+/g) ?? []).join(',');
}

/** The compilation's heading (「……年度报告汇编（2023年度）」) before a title on the same line. */
const HEADING_BEFORE = /^.*?汇编(?:[（(][^）)]*[）)])?\s*/;

/**
 * A report's title without the compilation's heading run into it: a PDF's reader joins title lines
 * printed one under the other, so a heading right above the first report's title reads as one line
 * with it, and would name the compilation's body as the report's.
 */
function withoutHeading(b: Block): Block {
  if (b.kind !== 'line') return b;
  const title = b.text.replace(HEADING_BEFORE, '');
  return title !== b.text && isReportTitle(title) ? { ...b, text: title } : b;
}

/** Whether blocks [from, to) hold a report's own sections. */
function ownsReport(blocks: readonly Block[], from: number, to: number): boolean {
  const keys = new Set<SectionKey>();
  for (let i = from; i < to; i++) {
    const b = blocks[i]!;
    const key = b.kind === 'line' ? sectionOfHeading(b.text) : undefined;
    if (key) keys.add(key);
  }
  return keys.has('s1') && keys.size >= MIN_SECTIONS;
}
