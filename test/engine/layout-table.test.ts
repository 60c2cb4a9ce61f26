/**
 * A table that lays out the report itself (lib/engine/source/layout-table.ts): its heading and
 * prose rows are read as lines, the rows between them as tables of their own. Pages: probes R18*.
 */
import { describe, expect, it } from 'vitest';
import { SECTION_KEYS } from '../../lib/engine/model';
import { layoutTableBlocks } from '../../lib/engine/source/layout-table';
import { tableToGrid } from '../../lib/engine/source/dom';
import { htmlDoc, probeHtml as probe } from '../helpers/fixtures';
import { auditedHtml as audited } from '../helpers/rules';

describe('a table that lays out the report', () => {
  it('reads its headings, prose and sub-headings as the report’s text, in their sections', () => {
    const { report, findings } = audited(probe('R18b-html-whole-report-one-table.html'));
    expect(report.sections.map((s) => s.key)).toEqual([...SECTION_KEYS]);
    // As prose is read (lib/engine/text.ts clean): half-width commas and brackets.
    const inS1 = report.sentences.filter((s) => s.section === 's1').map((s) => s.text);
    expect(inS1).toEqual(
      expect.arrayContaining(['2023年,我局共收到政府信息公开申请63件,均在法定期限内答复。', '严格落实信息发布保密审查制度。', '(一)主动公开']),
    );
    expect(Object.keys(report.tables.t3!.rows)).toHaveLength(25);
    expect(findings).toEqual([]);
  });
  it('checks the prose of its rows against its tables', () => {
    const html = probe('R18b-html-whole-report-one-table.html').replace('政府信息公开申请63件', '政府信息公开申请64件');
    expect(audited(html).findings.map((f) => f.rule)).toContain('prose-applications');
  });
  it('leaves a template table whole: its captions span rows too, but none is a heading or prose', () => {
    const table = htmlDoc(probe('R18-html-headings-in-table-rows.html')).querySelector('table')!;
    const t2 = table.cloneNode(true) as Element;
    const rows = Array.from(t2.querySelectorAll('tr'));
    // Up to the row of heading 三: the four blocks of t2, each under its 「第二十条第（…）项」 row across the table.
    for (const tr of rows.slice(rows.findIndex((r) => r.textContent!.startsWith('三、')))) tr.remove();
    const grid = tableToGrid(t2);
    expect(grid.rows.filter((r) => r.length === 4 && r.every((c) => c.el === r[0]!.el)).length).toBeGreaterThanOrEqual(4);
    expect(layoutTableBlocks(grid)).toEqual([grid]);
    const blocks = layoutTableBlocks(tableToGrid(table));
    expect(blocks.map((b) => (b.kind === 'line' ? b.text : `grid of ${b.rows.length}`))).toEqual([
      `grid of ${rows.findIndex((r) => r.textContent!.startsWith('三、'))}`,
      '三、收到和处理政府信息公开申请情况',
      expect.stringMatching(/^grid of \d+$/),
      '四、政府信息公开行政复议、行政诉讼情况',
      expect.stringMatching(/^grid of \d+$/),
    ]);
  });
});
