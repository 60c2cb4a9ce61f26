import { CellRef, SectionKey, Severity, type Finding } from '../model';
import * as z from 'zod/mini';
import { lazySchema } from '../lazy-schema';
import { toFinding, type RaisedRule } from './types';

/** Raised by an auditor, not by a check: a cell or sentence flagged by hand on the page. */
export const manualFinding: RaisedRule = {
  kind: 'raised',
  id: 'manual-finding',
  severity: 'warning',
  title: { zh: '人工标记的问题', en: 'Flagged by the auditor' },
  description: {
    zh: '审计人员在页面上选中文字或右键单元格，用「标记为问题…」（或 Alt+Shift+M）标记的问题，严重程度与说明由审计人员填写。与引擎发现的问题一样保存、计数、导出；重新审计时保留。',
    en: 'A cell or sentence the auditor flagged by hand (context menu 「标记为问题…」 or Alt+Shift+M), with their own severity and note. Stored, counted and exported like the engine’s findings; kept when the report is audited again.',
  },
  basis: '审计人员的专业判断（引擎无法自动核对的内容）',
  example: '右键第五部分中「已全部整改到位」一句，标记为警告：「未列出具体整改措施」。',
};

/** What the auditor pointed at: a table cell, or a stretch of text (with its section when known). */
export const ManualTarget = lazySchema(() =>
  z.object({
    cell: z.optional(CellRef),
    excerpt: z.optional(z.string().check(z.maxLength(2000))),
    section: z.optional(SectionKey),
  }),
);
export type ManualTarget = z.infer<typeof ManualTarget>;

export const MANUAL_NOTE_MAX = 2000;

/** The finding an auditor's flag becomes: their words as its message, their severity, the place they pointed at. */
export function manualFindingOf(target: ManualTarget, severity: Severity, text: string): Finding {
  const message = text.trim().slice(0, MANUAL_NOTE_MAX) || manualFinding.title.zh;
  return toFinding(manualFinding, {
    message,
    severity,
    cells: target.cell ? [target.cell] : undefined,
    excerpt: target.excerpt?.trim() || undefined,
    section: target.section,
  });
}

export const isManualFinding = (f: Pick<Finding, 'rule'>): boolean => f.rule === manualFinding.id;
