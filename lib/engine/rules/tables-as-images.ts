import type { Finding, TableKey } from '../model';
import { TABLE_NAMES } from '../parse/table-specs';
import { toFinding, type RaisedRule } from './types';

/** Raised by the audit itself, not a check: the tables are pictures the engine cannot read. */
export const tablesAsImages: RaisedRule = {
  kind: 'raised',
  id: 'tables-as-images',
  severity: 'warning',
  title: { zh: '表格以图片发布，无法核对', en: 'Tables published as images' },
  description: {
    zh: '报告的统计表格以图片形式发布，无法读取数字、核对勾稽关系；其余内容（章节、正文、日期、年度）照常审核。请人工核对图片中的表格。一张图片之后紧接着的表格章节标题下什么也没有时，视为其表格也在这张图片中。',
    en: 'The report shows its tables as images, so their numbers cannot be read or checked; the rest of the report is audited as usual. A table section with nothing under its heading right after a pictured one is taken to be in the same picture.',
  },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）第二、三、四部分的表格',
  example: '「三、收到和处理政府信息公开申请情况」下只有一张表格截图。',
};

/**
 * One finding for every table shown as an image. The image elements travel as a non-enumerable
 * `el` (an array), for the overlay to mark; it is never serialised or sent in a message.
 */
export function tablesAsImagesFinding(tables: TableKey[], images: unknown[]): Finding {
  const names = tables.map((t) => `「${TABLE_NAMES[t]}」`).join('、');
  const f = toFinding(tablesAsImages, {
    section: tables.includes('t3') ? 's3' : tables.includes('t2') ? 's2' : 's4',
    message: `${names}表格以图片发布（${images.length} 张图片），无法读取数字核对；请人工核对图片中的表格`,
    actual: `${images.length} 张图片`,
  });
  return withFindingElements(f, images);
}

/** Gives a finding the page elements it marks, out of sight of JSON and of the stored record. */
export function withFindingElements(f: Finding, elements: unknown[]): Finding {
  Object.defineProperty(f, 'el', { value: elements, enumerable: false, configurable: true });
  return f;
}

/** The image elements a finding carries for the overlay (see tablesAsImagesFinding). */
export function findingElements(f: Finding): unknown[] {
  const el = (f as { el?: unknown }).el;
  return Array.isArray(el) ? el : [];
}
