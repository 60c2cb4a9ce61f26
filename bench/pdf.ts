/**
 * The PDF line of `npm run bench`: pages per second through the whole PDF path — pdf.js text and
 * drawn lines, table and paragraph rebuilding, parsing and rules — on the committed PDF fixtures.
 */
import { readFileSync } from 'node:fs';
import { NODE_READERS } from '../cli/files';
import { auditFile } from '../lib/engine/audit-file';

const FILES = ['test/fixtures/pdf/001-table.pdf', 'test/fixtures/pdf/003-wrapped.pdf', 'test/fixtures/pdf/002-short-pages.pdf'];

export async function benchPdf(rounds = 3): Promise<void> {
  let pages = 0;
  let ms = 0;
  // One untimed pass: pdf.js's module, character maps and fonts load once per process.
  await auditFile(new Uint8Array(readFileSync(FILES[0]!)), NODE_READERS, { name: FILES[0] });
  for (let r = 0; r < rounds; r++)
    for (const path of FILES) {
      const bytes = new Uint8Array(readFileSync(path));
      const t = performance.now();
      const audited = await auditFile(bytes, NODE_READERS, { name: path });
      ms += performance.now() - t;
      pages += audited.pages ?? 0;
    }
  console.log(`\nPDF 年报 PDF reports (${FILES.length} files × ${rounds}, Chromium-printed, CJK)`);
  console.log(
    `  读取+解析+规则 read, rebuild, parse, rules  ${(pages / (ms / 1000)).toFixed(1)} 页/秒 pages/s  (${(ms / pages).toFixed(0)} ms a page, ${pages} pages)`,
  );
}
