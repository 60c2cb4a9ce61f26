import { checkClaims, groupTotal, total, totals } from './claims';
import type { ReportRule } from './types';

export const proseResults: ReportRule = {
  kind: 'report',
  id: 'prose-results',
  severity: 'error',
  title: { zh: '正文办理结果与表格不符', en: 'Stated results ≠ table' },
  description: {
    zh: '正文列出的予以公开、部分公开（或「予以公开及部分公开」合计）、不予公开等件数应与第三部分对应行一致。表格有空白时按不小于 0 计：已填数值之和已超过正文数字，即使有空白也是矛盾。',
    en: 'A breakdown of results in the prose must match the rows of table 3; with blanks, it is contradicted when the filled cells already exceed it.',
  },
  basis: '《政府信息公开条例》第五十条',
  example: '正文「予以公开6件」，表格「（一）予以公开」总计 5 件。',
  check(report) {
    if (!report.tables.t3) return [];
    return checkClaims(report, [
      { pattern: /予以公开(?:和|及|与|、|以及)部分公开(?:的)?(?:共|合计)?(\d+)件/, cells: totals('3.1', '3.2'), what: '予以公开及部分公开' },
      { pattern: /予以公开(?:的)?(\d+)件/, cells: total('3.1'), what: '予以公开' },
      // Not the second half of 「予以公开及部分公开258件」.
      { pattern: /(?<![和及与、])部分公开(?:的)?(\d+)件/, cells: total('3.2'), what: '部分公开' },
      { pattern: /不予公开(?:的)?(\d+)件/, cells: groupTotal('3.3'), what: '不予公开' },
      { pattern: /无法提供(?:的)?(\d+)件/, cells: groupTotal('3.4'), what: '无法提供' },
      { pattern: /不予处理(?:的)?(\d+)件/, cells: groupTotal('3.5'), what: '不予处理' },
    ]);
  },
};
