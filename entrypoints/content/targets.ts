import type { Box, MarkerKind, ViewFinding } from '@/lib/app/overlay-state';
import type { ReportOnPage } from '@/lib/engine/audit-transfer';
import { cellKey } from '@/lib/engine/model';
import { SECTION_SPECS, sectionElement } from '@/lib/engine/parse/sections';
import { CHECK_EVERY, drain, NO_DEADLINE, type Deadline, type Steps } from '@/lib/engine/steps';
import { clean, toHalfWidth } from '@/lib/engine/text';
import { t } from '@/lib/app/i18n';

/** Where each finding is on the page: the elements (or text range) its markers go over. */
export interface Target {
  finding: ViewFinding;
  kind: MarkerKind;
  key: string;
  el: Element;
  range?: Range;
  label?: string;
}

const isElement = (x: unknown): x is Element => !!x && typeof (x as Element).getBoundingClientRect === 'function';

/**
 * `elements`: the page elements some findings carry beside their cells (the <img> tables of
 * tables-as-images, see findingElements), by finding id; they are never stored or sent.
 */
export function targetsOf(report: ReportOnPage, findings: ViewFinding[], elements: ReadonlyMap<string, unknown[]> = new Map()): Target[] {
  const out: Target[] = [];
  for (const f of findings) {
    const images = (elements.get(f.id) ?? []).filter(isElement);
    if (images.length) {
      images.forEach((el, i) => out.push({ finding: f, kind: 'image', key: String(i + 1), el }));
      continue;
    }
    if (f.cells?.length) {
      let found = false;
      for (const c of f.cells) {
        const cell = report.tables[c.table]?.rows[c.row]?.[c.column];
        if (!cell || !isElement(cell.el)) continue;
        found = true;
        // A cell of a text table (<pre>, <p> rows) is a stretch of its element's text.
        const range = !/^t[dh]$/i.test(cell.el.tagName) && cell.at ? (textCellRange(cell.el, cell.at, cell.raw) ?? undefined) : undefined;
        out.push({ finding: f, kind: 'cell', key: cellKey(c), el: cell.el, range });
      }
      // A statement of the prose that the cells contradict: its sentence too.
      const sentence = found && f.excerpt ? proseTarget(report, f) : undefined;
      if (sentence) out.push(sentence);
      if (found) continue;
      // A missing row: mark the table it belongs to.
      const table = report.tables[f.cells[0]!.table]?.el;
      if (isElement(table)) out.push({ finding: f, kind: 'table', key: f.cells[0]!.table, el: table, label: f.message });
      continue;
    }
    if (f.excerpt) {
      const t = proseTarget(report, f);
      if (t) {
        out.push(t);
        continue;
      }
    }
    if (f.section) {
      const s = sectionElement(report, f.section);
      if (s && isElement(s.el)) {
        const heading = SECTION_SPECS.find((x) => x.key === f.section)!.heading;
        // The heading's own text: in a <pre> or a long block the heading is one line of it.
        const range = textRange(s.el, s.heading) ?? undefined;
        out.push({
          finding: f,
          kind: s.missing ? 'missing-section' : 'section',
          key: f.section,
          el: s.el,
          range,
          label: s.missing ? t('overlay_missingSection', { heading }) : undefined,
        });
      }
    }
  }
  return out;
}

function proseTarget(report: ReportOnPage, f: ViewFinding): Target | undefined {
  const sentence = report.sentences.find((s) => f.excerpt!.includes(s.text) || s.text.includes(f.excerpt!));
  if (!sentence || !isElement(sentence.el)) return undefined;
  return { finding: f, kind: 'prose', key: f.section ?? '', el: sentence.el, range: textRange(sentence.el, sentence.text) ?? undefined };
}

/** The element's text with, for each character, the text node and offset it comes from. */
function textMap(el: Element): { text: string; map: [Text, number][] } {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  const map: [Text, number][] = [];
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    text += n.data;
    for (let i = 0; i < n.data.length; i++) map.push([n, i]);
  }
  return { text, map };
}

/** A Range from character `start` to `end` (exclusive) of the element's text; a point when they are equal. */
function rangeOf(el: Element, map: [Text, number][], start: number, end: number): Range | null {
  if (!map[start]) return null;
  const range = el.ownerDocument.createRange();
  range.setStart(map[start]![0], map[start]![1]);
  if (end > start) range.setEnd(map[end - 1]![0], map[end - 1]![1] + 1);
  return range;
}

/**
 * A Range over `text` inside `el`, matching as the parser saw it: half-width, white space left out.
 * Built from a per-character map of the element's text nodes, so it survives <span> splits.
 */
export function textRange(el: Element, text: string): Range | null {
  const { text: raw, map } = textMap(el);
  // Without white space on either side: a sentence the engine joined across a <br> or a wrap has none there.
  let norm = '';
  const normMap: [Text, number][] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = toHalfWidth(raw[i]!);
    if (/\s/.test(c)) continue;
    norm += c;
    normMap.push(map[i]!);
  }
  const needle = clean(text).replace(/\s+/g, '');
  const start = norm.indexOf(needle);
  return start < 0 ? null : rangeOf(el, normMap, start, start + needle.length);
}

/**
 * The Range of one cell of a text table: its line of the element's text (a <pre> keeps newlines;
 * other elements hold one row), then its text near its offset. A blank cell is a point there.
 */
function textCellRange(el: Element, at: { line: number; start: number }, raw: string): Range | null {
  const { text, map } = textMap(el);
  let lineStart = 0;
  for (let i = 0; i < at.line; i++) {
    const nl = text.indexOf('\n', lineStart);
    if (nl < 0) return null;
    lineStart = nl + 1;
  }
  const lineEnd = text.indexOf('\n', lineStart) < 0 ? text.length : text.indexOf('\n', lineStart);
  const needle = raw.trim();
  const found = needle ? text.indexOf(needle, lineStart + Math.max(0, at.start - 4)) : -1;
  if (found >= 0 && found < lineEnd) return rangeOf(el, map, found, found + needle.length);
  return lineStart + at.start <= lineEnd ? rangeOf(el, map, lineStart + at.start, lineStart + at.start) : null;
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** Where the host is and how it is zoomed: what page boxes are measured against. */
export interface HostFrame {
  origin: DOMRect;
  viewportWidth: number;
  /**
   * The zoom the host inherits: a page that zooms <html> (「designed for 1440 px」 scripts, accessibility
   * toolbars) zooms the host in it too, so page boxes, measured zoomed, are drawn in the host's own pixels.
   */
  zoom: number;
}

export function hostFrame(host: Element): HostFrame {
  return {
    origin: host.getBoundingClientRect(),
    viewportWidth: document.documentElement.clientWidth,
    zoom: (host as Element & { currentCSSZoom?: number }).currentCSSZoom || 1,
  };
}

/**
 * Marker boxes in the host's coordinates, one per place: findings on the same cell (or sentence)
 * merge into one box. Hidden targets (display:none tabs) get none until shown.
 */
export function boxesOf(targets: Target[], frame: HostFrame): Box[] {
  return drain(boxSteps(targets, frame, NO_DEADLINE));
}

/** boxesOf in steps: it may yield every CHECK_EVERY targets (each a layout read), when `deadline()` says so. */
export function* boxSteps(targets: Target[], { origin, viewportWidth, zoom }: HostFrame, deadline: Deadline): Steps<Box[]> {
  const byPlace = new Map<string, Box>();
  let work = 0;
  for (const t of targets) {
    if (++work % CHECK_EVERY === 0 && deadline()) yield;
    const rects = t.range ? lineRects(t.range) : [t.el.getBoundingClientRect()];
    for (const r of rects) {
      if (r.width === 0 && r.height === 0) continue;
      const thin = t.kind === 'missing-section' || t.kind === 'table';
      const box: Box = {
        findingIds: [t.finding.id],
        kind: t.kind,
        key: t.key,
        rules: [t.finding.rule],
        severity: t.finding.severity,
        top: (r.top - origin.top) / zoom - (thin ? 6 : 0),
        left: (r.left - origin.left) / zoom,
        width: r.width / zoom,
        height: thin ? 4 : r.height / zoom,
        label: t.label,
        flip: r.left > viewportWidth * 0.55,
      };
      // Sections missing together are all shown before the same heading: one marker names them all, not labels over each other.
      const key = t.kind === 'missing-section' ? '' : t.key;
      const place = `${t.kind}|${key}|${Math.round(box.top)}|${Math.round(box.left)}|${Math.round(box.width)}`;
      const same = byPlace.get(place);
      if (!same) {
        byPlace.set(place, box);
        continue;
      }
      if (box.label && same.label && !same.label.includes(box.label)) same.label += `；${box.label}`;
      if (!same.findingIds.includes(t.finding.id)) same.findingIds.push(t.finding.id);
      if (!same.rules.includes(t.finding.rule)) same.rules.push(t.finding.rule);
      if (RANK[t.finding.severity] < RANK[same.severity]) same.severity = t.finding.severity;
    }
  }
  return [...byPlace.values()];
}

/** Whether two lists of boxes draw the same markers: same places, findings, rules and severities, in the same order. */
export function sameBoxes(a: readonly Box[], b: readonly Box[]): boolean {
  return a.length === b.length && a.every((x, i) => sameBox(x, b[i]!));
}

function sameBox(a: Box, b: Box): boolean {
  return (
    a.kind === b.kind &&
    a.key === b.key &&
    a.severity === b.severity &&
    a.top === b.top &&
    a.left === b.left &&
    a.width === b.width &&
    a.height === b.height &&
    a.label === b.label &&
    a.flip === b.flip &&
    a.findingIds.join(' ') === b.findingIds.join(' ') &&
    a.rules.join(' ') === b.rules.join(' ')
  );
}

/** A text range's boxes, one per line: inline <span>s would otherwise give one box per fragment. */
function lineRects(range: Range): DOMRect[] {
  // A blank text cell is a point: a narrow box at the caret there.
  if (range.collapsed) {
    const r = range.getBoundingClientRect();
    return r.height ? [new DOMRect(r.left, r.top, 14, r.height)] : [];
  }
  const lines: DOMRect[] = [];
  for (const r of Array.from(range.getClientRects())) {
    if (!r.width) continue;
    const line = lines.find((l) => Math.abs(l.top - r.top) < 4);
    if (!line) lines.push(DOMRect.fromRect(r));
    else {
      const left = Math.min(line.left, r.left);
      const right = Math.max(line.right, r.right);
      const top = Math.min(line.top, r.top);
      const bottom = Math.max(line.bottom, r.bottom);
      Object.assign(line, { x: left, y: top, width: right - left, height: bottom - top });
    }
  }
  return lines.slice(0, 12);
}

/**
 * The report's own elements on the page: its tables, section headings and the sentences of its
 * sections. Text before the first section (a header's clock, a visitor counter) is not counted.
 */
export function reportElements(report: ReportOnPage): Element[] {
  const out = new Set<Element>();
  for (const t of Object.values(report.tables)) if (isElement(t?.el)) out.add(t.el);
  for (const s of report.sections) if (isElement(s.el)) out.add(s.el);
  for (const s of report.sentences) if (s.section && isElement(s.el)) out.add(s.el);
  return [...out];
}

/** Targets on or near the screen (a screen's height around it): drawn first. */
export function nearViewport(targets: Target[]): Target[] {
  const margin = innerHeight;
  return targets.filter((t) => {
    const r = t.el.getBoundingClientRect();
    return r.bottom >= -margin && r.top <= innerHeight + margin;
  });
}
