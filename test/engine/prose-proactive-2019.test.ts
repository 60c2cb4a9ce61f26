/**
 * The prose's decision counts against the 2019 table (reports for 2019 and 2020, report-format.md): its 处理决定数量 of
 * 行政许可, 行政处罚 and 行政强制 counts the year's decisions as the 2021 table's 本年处理决定数量 does, so a stated count
 * or a denial is checked; its documents' columns (本年新制作, 对外公开总数量) count other things, so 「制发…N件」 is not.
 * The page is a 2020 report of the recall corpus (round 15) whose t2 says 规章 1 | 1 | 3, 规范性文件 5 | 5 | 18,
 * 行政许可 处理决定数量 1234, 行政处罚 56, 行政强制 7.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditText } from '../../lib/engine/audit';
import { FIXTURES } from '../helpers/fixtures';

const PAGE = readFileSync(join(FIXTURES, 'recall', 'R15-control-2019-purchase-yuan-text.txt'), 'utf8');
const SAID = '作出行政许可决定1234件。';

function proactive(said: string) {
  expect(PAGE).toContain(SAID);
  const r = auditText(PAGE.replace(SAID, said));
  if (!('findings' in r)) throw new Error('not read as a report');
  expect(r.report.layout).toBe('2019');
  return r.findings.filter((f) => f.rule === 'prose-proactive').map((f) => (f.cells ?? []).map((c) => `${c.table}/${c.row}/${c.column}`).join(','));
}

describe('prose-proactive on the 2019 table', () => {
  it('checks a stated count of decisions against 处理决定数量', () => {
    expect(proactive('作出行政许可决定1324件。')).toEqual(['t2/licensing/decisions']);
    expect(proactive('作出行政许可决定1234件，行政处罚决定65件。')).toEqual(['t2/penalty/decisions']);
  });

  it('checks a denial of decisions', () => expect(proactive('作出行政许可决定1234件；本年度未作出行政强制决定。')).toEqual(['t2/coercion/decisions']));

  it('leaves the counts that agree, and the documents, whose columns count other things', () => {
    expect(proactive(SAID)).toEqual([]);
    expect(proactive('作出行政许可决定1234件。本年制发规章2件，现行有效规章9件。')).toEqual([]);
    expect(proactive('作出行政许可决定1234件。本年度未制定规章。')).toEqual([]);
  });
});
