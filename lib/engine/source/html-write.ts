/** Writing HTML for the readers that turn a file into a page (Word 97–2003, Word 2003 XML, the symbols of a .docx). */

/** Text as HTML or XML character data. */
export const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A table cell to write: its HTML and the columns and rows it spans. */
export interface SpannedCell {
  html: string;
  colspan: number;
  rowspan: number;
}

/** Rows of cells as an HTML table; a span of one is left unwritten. Cells merged into others are not in `rows`. */
export function writeTable(rows: readonly (readonly SpannedCell[])[]): string {
  const td = (c: SpannedCell) => `<td${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}${c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}>${c.html}</td>`;
  return `<table>${rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('\n')}</table>`;
}
