/**
 * Where each finding goes on the document: the boxes (PDF) or elements (Word as HTML) of the
 * cells it names, else of the section heading it belongs to. Pure: the page draws them.
 */
import { cellKey, type CellRef, type Report, type SectionKey } from '@/lib/engine/model';
import { sectionElement } from '@/lib/engine/parse/sections';

export interface Target {
  findingId: string;
  rule: string;
  severity: string;
  message: string;
  /** `t3/3.7/total` for a cell, absent for a section. */
  cell?: string;
  section?: SectionKey;
  el: unknown;
}

interface Located {
  id: string;
  rule: string;
  severity: string;
  message: string;
  cells?: CellRef[];
  section?: SectionKey;
}

export function targetsOf(report: Report, findings: readonly Located[]): Target[] {
  return findings.flatMap((f): Target[] => {
    const base = { findingId: f.id, rule: f.rule, severity: f.severity, message: f.message };
    const cells = (f.cells ?? []).flatMap((ref): Target[] => {
      const el = report.tables[ref.table]?.rows[ref.row]?.[ref.column]?.el;
      return el ? [{ ...base, cell: cellKey(ref), el }] : [];
    });
    if (cells.length) return cells;
    const section = f.section ? sectionElement(report, f.section) : undefined;
    return section?.el ? [{ ...base, section: f.section, el: section.el }] : [];
  });
}
