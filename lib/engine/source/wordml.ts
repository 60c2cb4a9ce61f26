/**
 * Word 2003 XML (WordprocessingML 2003): what office systems write when they fill a Word template and
 * save it as a `.doc` (「<?mso-application progid="Word.Document"?>」, w:p, w:tbl). Read as the HTML
 * page it shows: paragraphs, and tables whose merged cells (w:gridSpan, w:vmerge) are colspans and rowspans.
 */

import { writeTable, type SpannedCell } from './html-write';

/** The XML declaration's processing instruction, or the root element, within the first bytes. */
export const isWordMl = (text: string): boolean => /<\?mso-application\s+progid="Word\.Document"\?>|<w:wordDocument\b/.test(text.slice(0, 2048));

interface Cell extends SpannedCell {
  /** A cell that continues the one above it (w:vmerge without "restart"): merged into it, not drawn. */
  continues: boolean;
}
interface Table {
  rows: Cell[][];
}

const TOKEN = /<(\/?)w:(p|tbl|tr|tc|t|br|cr|tab|gridSpan|vmerge)\b([^>]*?)(\/?)>|<[^>]*>|([^<]+)/g;
const val = (attrs: string) => /w:val="([^"]*)"/.exec(attrs)?.[1];

export function wordMlToHtml(xml: string): string {
  const title = /<o:Title>([^<]*)<\/o:Title>/.exec(xml)?.[1] ?? '';
  const tables: Table[] = [];
  let out = '';
  let inText = false;
  const cell = () => tables.at(-1)?.rows.at(-1)?.at(-1);
  // Text goes to the innermost open cell, else to the page.
  const write = (html: string) => {
    const c = cell();
    if (c) c.html += html;
    else out += html;
  };
  for (const [, close, tag, attrs = '', selfClosing, text] of xml.matchAll(TOKEN)) {
    if (text !== undefined) {
      if (inText) write(text);
      continue;
    }
    if (!tag) continue;
    const opens = !close && !selfClosing;
    switch (tag) {
      case 't':
        inText = opens;
        break;
      case 'p':
        write(close ? '</p>\n' : selfClosing ? '<p></p>\n' : '<p>');
        break;
      case 'br':
      case 'cr':
        write('<br>');
        break;
      case 'tab':
        write('\t');
        break;
      case 'tbl':
        if (opens) tables.push({ rows: [] });
        else if (close) write(tableHtml(tables.pop()!));
        break;
      case 'tr':
        if (opens) tables.at(-1)?.rows.push([]);
        break;
      case 'tc':
        if (opens) tables.at(-1)?.rows.at(-1)?.push({ html: '', colspan: 1, rowspan: 1, continues: false });
        break;
      case 'gridSpan': {
        const c = cell();
        if (c) c.colspan = Math.max(1, Number(val(attrs)) || 1);
        break;
      }
      case 'vmerge': {
        const c = cell();
        if (c) c.continues = val(attrs) !== 'restart';
        break;
      }
    }
  }
  // The title is XML text already (「&amp;」 stays an entity): a tag in it would end the <title>.
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title.replace(/</g, '')}</title></head><body>\n${out}</body></html>\n`;
}

/** The table as HTML: a continuing cell adds a row to the span of the cell above it in the same column. */
function tableHtml(table: Table): string {
  const above: (Cell | undefined)[] = [];
  const merged = new Set<Cell>();
  for (const row of table.rows) {
    let col = 0;
    for (const c of row) {
      const origin = c.continues ? above[col] : undefined;
      if (origin) {
        origin.rowspan++;
        merged.add(c);
      } else for (let i = 0; i < c.colspan; i++) above[col + i] = c;
      col += c.colspan;
    }
  }
  return `${writeTable(table.rows.map((row) => row.filter((c) => !merged.has(c))))}\n`;
}
