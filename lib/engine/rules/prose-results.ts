import { checkClaims, groupTotal, total, totals } from './claims';
import type { ReportRule } from './types';

export const proseResults: ReportRule = {
  kind: 'report',
  id: 'prose-results',
  severity: 'error',
  title: { zh: '正文办理结果与表格不符', en: 'Stated results ≠ table' },
  description: {
    zh: '正文列出的予以公开、部分公开（或「予以公开及部分公开」合计）、不予公开等件数，以及办结的申请件数（「（七）总计」），应与第三部分对应行一致。表格有空白时按不小于 0 计：已填数值之和已超过正文数字，即使有空白也是矛盾。',
    en: 'A breakdown of results in the prose, and the count of applications closed (row (七)), must match table 3; with blanks, it is contradicted when the filled cells already exceed it.',
  },
  basis: '《政府信息公开条例》第五十条',
  example: '正文「予以公开6件」，表格「（一）予以公开」总计 5 件。',
  check(report) {
    if (!report.tables.t3) return [];
    // 「予以公开29件（含部分公开7件）」: the whole of rows (一) and (二).
    const disclosed = (_: unknown, context: string) =>
      /^予以公开(?:的)?\d+件[(（]?(?:含|包括)部分公开/.test(context) ? [totals('3.1', '3.2')()] : [total('3.1')()];
    return checkClaims(report, [
      {
        pattern: /予以(?:全部)?(?:公开)?(?:和|及|与|、|以及|或)部分公开(?:的)?(?:共计|共|合计)?(\d+)件/,
        cells: totals('3.1', '3.2'),
        what: '予以公开及部分公开',
        unless: aboutDocuments,
      },
      { pattern: /予以公开(?:的)?(\d+)件/, cells: total('3.1'), readings: disclosed, what: '予以公开', unless: aboutDocuments },
      // Not the second half of 「予以公开及部分公开258件」「全部或部分公开」.
      { pattern: /(?<![和及与、或])部分公开(?:的)?(\d+)件/, cells: total('3.2'), what: '部分公开', unless: aboutDocuments },
      { pattern: /不予公开(?:的)?(\d+)件/, cells: groupTotal('3.3'), what: '不予公开', unless: aboutDocuments },
      { pattern: /无法提供(?:的)?(\d+)件/, cells: groupTotal('3.4'), what: '无法提供', unless: aboutDocuments },
      { pattern: /不予处理(?:的)?(\d+)件/, cells: groupTotal('3.5'), what: '不予处理', unless: aboutDocuments },
      { pattern: /其他处理(?:的)?(\d+)件/, cells: groupTotal('3.6'), what: '其他处理', unless: aboutDocuments },
      // 「办结政府信息公开申请54件」「已办结的54件中」: the applications given a result this year, (七)总计. Not 按时办结
      // (a part of them), and only where the sentence speaks of disclosure applications (not 「行政许可…办结1234件」).
      {
        pattern: /(?<!按时|及时|按期|逾期)办结(?:的)?(?:政府信息公开|依申请公开)?(?:申请)?(?:共计|共)?(\d+)件/,
        cells: total('3.7'),
        what: '办结申请',
        unless: (clause, sentence) => !/信息公开申请|依申请公开/.test(sentence) || /许可|信访|来信|建议|提案|投诉|举报|政务服务/.test(clause),
      },
    ]);
  },
};

/** 「公开属性审查…主动公开62件，依申请公开6件，不予公开18件」 sorts documents, not applications. */
const aboutDocuments = (_: string, sentence: string) => /公文|发文|公开属性|属性审查/.test(sentence);
