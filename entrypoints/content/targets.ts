import type { Box, MarkerKind, ViewFinding } from '@/components/overlay/types';
import { cellElement, sectionElement } from '@/lib/audit';
import { cellKey, type Report } from '@/lib/model';
import { SECTION_SPECS } from '@/lib/parse/sections';
import { clean, toHalfWidth } from '@/lib/text';

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

export function targetsOf(report: Report, findings: ViewFinding[]): Target[] {
  const out: Target[] = [];
  for (const f of findings) {
    if (f.cells?.length) {
      const seen = new Set<Element>();
      for (const c of f.cells) {
        const el = cellElement(report, c);
        // Text tables give one element per row or block; one marker per element is enough there.
        if (isElement(el) && !(seen.has(el) && !/^t[dh]$/i.test(el.tagName))) {
          seen.add(el);
          out.push({ finding: f, kind: 'cell', key: cellKey(c), el });
        }
      }
      if (seen.size) continue;
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
        out.push({ finding: f, kind: s.missing ? 'missing-section' : 'section', key: f.section, el: s.el, label: s.missing ? `缺少：${heading}` : undefined });
      }
    }
  }
  return out;
}

function proseTarget(report: Report, f: ViewFinding): Target | undefined {
  const sentence = report.sentences.find((s) => f.excerpt!.includes(s.text) || s.text.includes(f.excerpt!));
  if (!sentence || !isElement(sentence.el)) return undefined;
  return { finding: f, kind: 'prose', key: f.section ?? '', el: sentence.el, range: textRange(sentence.el, sentence.text) ?? undefined };
}

/**
 * A Range over `text` inside `el`, matching as the parser saw it: half-width, white space folded.
 * Built from a per-character map of the element's text nodes, so it survives <span> splits.
 */
export function textRange(el: Element, text: string): Range | null {
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let norm = '';
  const map: [Text, number][] = [];
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    for (let i = 0; i < n.data.length; i++) {
      const c = toHalfWidth(n.data[i]!);
      if (/\s/.test(c)) {
        if (norm.endsWith(' ')) continue;
        norm += ' ';
      } else norm += c;
      map.push([n, i]);
    }
  }
  const start = norm.indexOf(clean(text));
  if (start < 0) return null;
  const end = start + clean(text).length - 1;
  const range = doc.createRange();
  range.setStart(map[start]![0], map[start]![1]);
  range.setEnd(map[end]![0], map[end]![1] + 1);
  return range;
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/**
 * Marker boxes in the host's coordinates, one per place: findings on the same cell (or sentence)
 * merge into one box. Hidden targets (display:none tabs) get none until shown.
 */
export function boxesOf(targets: Target[], origin: DOMRect, viewportWidth: number): Box[] {
  const byPlace = new Map<string, Box>();
  for (const t of targets) {
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
        top: r.top - origin.top - (thin ? 6 : 0),
        left: r.left - origin.left,
        width: r.width,
        height: thin ? 4 : r.height,
        label: t.label,
        flip: r.left > viewportWidth * 0.55,
      };
      const place = `${t.kind}|${t.key}|${Math.round(box.top)}|${Math.round(box.left)}|${Math.round(box.width)}`;
      const same = byPlace.get(place);
      if (!same) {
        byPlace.set(place, box);
        continue;
      }
      if (!same.findingIds.includes(t.finding.id)) same.findingIds.push(t.finding.id);
      if (!same.rules.includes(t.finding.rule)) same.rules.push(t.finding.rule);
      if (RANK[t.finding.severity] < RANK[same.severity]) same.severity = t.finding.severity;
    }
  }
  return [...byPlace.values()];
}

/** A text range's boxes, one per line: inline <span>s would otherwise give one box per fragment. */
function lineRects(range: Range): DOMRect[] {
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
