import type { Finding } from '../model';
import { toFinding, type RaisedRule } from './types';

/** Raised by the audit itself, not a check: the report continues on other pages of the same article. */
export const reportPaged: RaisedRule = {
  kind: 'raised',
  id: 'report-paged',
  severity: 'warning',
  title: { zh: '年报分页显示，本页只是其中一页', en: 'Report split over pages; this is one of them' },
  description: {
    zh: '网站把较长的年报分成几页（「上一页 1 2 3 下一页」）。本页缺少的章节、表格和行可能在其他页，因此不逐条报告缺失；请打开其余各页审核，或审核附件中的完整版本。',
    en: 'The portal splits the report over several pages. Sections, tables and rows this page lacks may be on the others, so they are not reported missing; audit the other pages too.',
  },
  basis: '审核范围说明（非模板要求）',
  example: '第 1 页只有一、二部分，第 2 页为第三部分及表格。',
};

/** `pages`: how many pages of the article the page links, itself included. */
export function reportPagedFinding(pages: number): Finding {
  return toFinding(reportPaged, { message: `年报分页显示（共 ${pages} 页），本页只是其中一页：缺少的章节、表格和行可能在其他页，请逐页审核`, actual: pages });
}

/** What a page of a split report cannot say: that a section, table or row is missing from the report. */
export const PAGED_AWAY = new Set(['section-missing', 'table-missing', 'row-missing']);
