import type { Finding } from '../model';
import { toFinding, type RaisedRule } from './types';

/** Raised by the audit itself, not a check: the page has no report text to check. */
export const reportAttachmentOnly: RaisedRule = {
  kind: 'raised',
  id: 'report-attachment-only',
  severity: 'warning',
  title: { zh: '报告仅以附件发布', en: 'Report published only as an attachment' },
  description: {
    zh: '页面只提供 PDF、Word 等附件，正文中没有可核对的报告内容；请打开附件人工核对（附件解析将在后续版本提供）。',
    en: 'The page offers only a PDF/Word attachment and no report text to check; open it to check by hand.',
  },
  basis: '《政府信息公开条例》第五十条（年度报告应向社会公布）；网页正文便于公众查阅',
  example: '页面正文只有一行「附件：2023年政府信息公开工作年度报告.pdf」。',
};

/** The finding for a report that is only a file: the same wording wherever it is raised. */
export function attachmentFindings(files: { url: string; title: string }[], disabled: readonly string[] = []): Finding[] {
  if (disabled.includes(reportAttachmentOnly.id)) return [];
  return [
    toFinding(reportAttachmentOnly, {
      message: `年度报告仅以附件形式发布，未能核对：${files.map((x) => x.title).join('、')}`,
      actual: files.map((x) => x.url).join(' '),
    }),
  ];
}
