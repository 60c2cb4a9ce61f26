import type { Finding } from '../model';
import { toFinding, type RaisedRule } from './types';

/** Raised by the audit itself, not a check: the page was too large to read whole. */
export const pageTooLarge: RaisedRule = {
  kind: 'raised',
  id: 'page-too-large',
  severity: 'warning',
  title: { zh: '页面过大，仅部分审核', en: 'Page too large, audited in part' },
  description: {
    zh: '页面文字超过 500 万字或表格单元格超过 5 万个，为保持浏览器响应，只读取了前面的部分；其后的表格与正文未审核。',
    en: 'The page holds more than 5 million characters or 50 000 table cells; only its beginning was read, to keep the browser responsive.',
  },
  basis: '审核范围说明（非模板要求）',
  example: '一个 20 MB 的页面：页面过大，仅审核前 3 个表格。',
};

/** `tables`: the template tables read before the cut. */
export function pageTooLargeFinding(reason: 'chars' | 'cells', limit: number, tables: number): Finding {
  const what = reason === 'chars' ? `文字超过 ${limit.toLocaleString('en-US')} 字` : `表格单元格超过 ${limit.toLocaleString('en-US')} 个`;
  return toFinding(pageTooLarge, { message: `页面过大（${what}），仅审核前 ${tables} 个表格及其之前的内容`, actual: reason });
}
