/**
 * Reports in traditional characters (a portal's 简/繁 switch): every page of the corpora, converted
 * by OpenCC as such a switch converts it, must give the findings its simplified page gives, at the
 * same cells. And the engine's table of traditional characters must be OpenCC's for the engine's own
 * words (scripts/traditional-table.ts), so that a new word in a rule does not go unread.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { auditPage, auditText } from '../../lib/engine/audit';
import { parseLightDocument } from '../../lib/engine/source/light-dom';
import { simplified } from '../../lib/engine/traditional';
import { traditionalNameTable, traditionalTable } from '../../scripts/traditional-table';
import { FIXTURES } from '../helpers/fixtures';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** What a page gives: per report, each finding's rule and the cells it names. */
function audited(file: string, text: string): string[] {
  const parts = file.endsWith('.txt')
    ? [auditText(text)]
    : (({ detected, ...page }) => (detected && 'parts' in page ? page.parts : [{ detected }]))(auditPage(parseLightDocument(text)));
  return parts.flatMap((p, i) =>
    'findings' in p
      ? (p.findings as { rule: string; cells?: { table: string; row: string; column: string }[] }[]).map(
          (f) => `${i} ${f.rule} ${(f.cells ?? []).map((c) => `${c.table}/${c.row}/${c.column}`).join(',')}`,
        )
      : [`${i} not detected`],
  );
}

const pages = ['variants', 'recall', 'prose', 'seeds'].flatMap((dir) =>
  readdirSync(join(FIXTURES, dir))
    // Pages written in traditional characters already (recall's 「-trad」 pages) have nothing to convert.
    .filter((f) => /\.(html|txt)$/.test(f) && !/-trad(?:text)?\.(?:html|txt)$/.test(f))
    .map((f) => join(dir, f)),
);

describe('reports in traditional characters', () => {
  it('the table is OpenCC’s for the engine’s words (npm run gen:traditional)', async () => {
    expect(readFileSync(join(import.meta.dirname, '../../lib/engine/traditional-chars.ts'), 'utf8')).toBe(await traditionalTable());
    expect(readFileSync(join(import.meta.dirname, '../../lib/engine/traditional-name-chars.ts'), 'utf8')).toBe(await traditionalNameTable());
  });

  it('reads the template’s words in traditional characters as simplified, and leaves simplified text as it is', () => {
    expect(simplified('（七）總計')).toBe('（七）总计');
    expect(simplified('結果維持、結果糾正')).toBe('结果维持、结果纠正');
    // A character common in simplified text is never read as another (著 in 显著 is no 着).
    const plain = '二、上年结转政府信息公开申请数量，成效显著';
    expect(simplified(plain)).toBe(plain);
    expect(simplified('屬於國家秘密；答覆')).toBe('属于国家秘密；答复');
  });

  it.each(pages)('%s gives the same findings in traditional characters', (page) => {
    const text = readFileSync(join(FIXTURES, page), 'utf8');
    const traditional = toTraditional(text);
    expect(traditional).not.toBe(text);
    expect(audited(page, traditional)).toEqual(audited(page, text));
  });
});
