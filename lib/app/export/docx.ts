/**
 * The 审核意见书 as a Word document (.docx), written with the `docx` package (maintained, no native
 * parts, runs in pages and Node; 282 KB minified, 82 KB gzipped, so loaded only on demand). It lays out lib/app/opinion.ts's model and adds no text of its
 * own, so the document says what the printable page says. Imported dynamically: only the opinion
 * page loads it, when the auditor asks for the file.
 */
import type { Opinion, OpinionFinding } from '../opinion';
import { findingHeading, findingSentence, findingStatusLine, OPINION_HEADINGS } from '../opinion';

/** A4 in twentieths of a point, with 2.5 cm margins. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1418;

export async function opinionDocx(o: Opinion): Promise<Blob> {
  const d = await import('docx');
  const { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = d;

  const p = (text: string, opts: { bold?: boolean; indent?: boolean; align?: 'center' | 'right' } = {}) =>
    new Paragraph({
      // A typed note keeps its line breaks.
      children: text.split('\n').map((t, i) => new TextRun({ text: t, bold: opts.bold, break: i ? 1 : undefined })),
      alignment: opts.align === 'center' ? AlignmentType.CENTER : opts.align === 'right' ? AlignmentType.RIGHT : undefined,
      indent: opts.indent ? { left: 420 } : undefined,
      spacing: { after: 80 },
    });
  const heading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 } });
  const line = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
  const facts = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: o.facts.map(
      ([label, value]) =>
        new TableRow({
          children: [
            new TableCell({ width: { size: 18, type: WidthType.PERCENTAGE }, children: [p(label, { bold: true })] }),
            new TableCell({ width: { size: 82, type: WidthType.PERCENTAGE }, children: [p(value)] }),
          ],
        }),
    ),
  });
  const finding = (f: OpinionFinding) => [
    p(findingHeading(f), { bold: true }),
    p(findingSentence(f), { indent: true }),
    ...(f.excerpt ? [p(`原文：「${f.excerpt}」`, { indent: true })] : []),
    ...(f.basis ? [p(`依据：${f.basis}`, { indent: true })] : []),
    p(findingStatusLine(f), { indent: true }),
  ];

  const doc = new Document({
    creator: '年报审计助手',
    title: `${o.title} · ${o.facts[0]![1]}`,
    styles: { default: { document: { run: { font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun' }, size: 24 } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        children: [
          new Paragraph({ text: o.title, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, spacing: { after: 240 } }),
          facts,
          heading(OPINION_HEADINGS.conclusion),
          p(o.conclusion),
          p(o.summary.text),
          heading(OPINION_HEADINGS.findings),
          ...(o.findings.length ? o.findings.flatMap(finding) : [p('无。')]),
          ...(o.settled.length ? [heading(OPINION_HEADINGS.settled), ...o.settled.flatMap(finding)] : []),
          ...(o.reportNote.trim() ? [heading(OPINION_HEADINGS.note), p(o.reportNote.trim())] : []),
          new Paragraph({ text: '', spacing: { before: 480 } }),
          p(`审核人：${o.auditor || '＿＿＿＿＿＿'}`, { align: 'right' }),
          p(o.date, { align: 'right' }),
        ],
      },
    ],
  });
  return Packer.toBlob(doc);
}
