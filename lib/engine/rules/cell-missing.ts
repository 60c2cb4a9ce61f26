import { SECTION_OF_TABLE, TABLE_KEYS, type CellRef, type TableKey } from '../model';
import { inferredValues } from './arithmetic';
import { cellAt, cellsWhere, inferenceNote, namedCells } from './helpers';
import type { Problem, ReportRule } from './types';

export const cellMissing: ReportRule = {
  kind: 'report',
  id: 'cell-missing',
  severity: 'warning',
  title: { zh: '数据缺失（空白单元格）', en: 'Missing data (blank cell)' },
  description: {
    zh: '空白不等于 0：表格中的每个数都必须填写，没有发生的填 0（写「—」「/」「无」的单元格另由「数值无效」报告）。空白按未知的非负数参与勾稽关系：某条勾稽关系能确定它时给出推算值（如总计为 0 时各分项只能是 0）。每张表一条：全部空白都能推算时为提示，仍有无法确定的为警告；已填数值本身矛盾时另由「数值有误」报告。PDF 等文本中空白单元格不留痕迹：某行少印一个数值、文本看不出空在哪一列时，只有当空在某一列时各项勾稽关系才成立、且该行其余每个数值都能由其他行唯一推出并与所印相符，才把空白定在这一列，并在本项中说明（警告）；否则不填入（见「行内数值与列数不符」），因为同一行另有错数时可能使错误的列看似成立。表4只有一行：网页表格中该行少一格、只有空在某一列时三组总计才都相符的，定在该列，并说明此列未经其他行核实（警告）。',
    en: "A blank cell is missing data, not zero (a cell holding 「—」「/」「无」 is reported as an invalid number). Blanks take part in the identities as unknowns ≥ 0, and a value an identity determines is shown as inferred. One finding per table: info when every blank could be inferred, a warning when some could not. In text from a PDF a blank leaves no trace: a row printed one value short, with nothing in the text showing where, is given its blank in the one column where every identity holds and the identities fix each of the row's other values from the other rows to what it prints; the finding says so (warning). Otherwise its values are left unplaced (row-cells-unplaced): a wrong value in the same row could make a wrong column look right. Table 4 has one row: a table row one cell short whose three groups add up only with the blank in one column gets it there, and the finding says no other row confirmed it (warning).",
  },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）：表中数据均应填写；空白视为缺数',
  example: '「行政复议」一组五格全部空白，无法由勾稽关系推算（警告）；「重复申请」一行空白而总计为 0，推算为 0（提示）。',
  check(report) {
    const out: Problem[] = [];
    for (const t of TABLE_KEYS) {
      const cells = cellsWhere(report, (c) => c.status === 'blank' || c.status === 'absent', [t]).map((x) => x.ref);
      if (!cells.length) continue;
      const inferred = inferredValues(report, cells);
      const deduced = cells.filter((c) => cellAt(report, c.table, c.row, c.column)?.deduced);
      out.push({
        // A column the identities told is a deduction the auditor should see against the original.
        severity: inferred.length < cells.length || deduced.length ? 'warning' : 'info',
        section: SECTION_OF_TABLE[t],
        cells,
        inferred,
        message: `${namedCells(cells)} 未填写数值（空白不等于 0）${inferenceNote(cells, inferred)}${deducedNote(deduced, t)}`,
      });
    }
    return out;
  },
};

/** Blanks whose column the text did not show (a row printed one value short), told by the identities (parse/blank-place.ts). */
function deducedNote(cells: readonly CellRef[], table: TableKey): string {
  if (!cells.length) return '';
  // t4 has one row: no other row confirms its values, so the column is only where the three groups add up.
  const why =
    table === 't4'
      ? '只有空在这一列时三组的总计才都相符（表中只有这一行，其余数值无从另行核实）'
      : '只有空在这一列时各项勾稽关系才都成立，且该行其余数值均与其他行相符';
  return `；${namedCells(cells)} 所在的列由勾稽关系推定：该行在文本中少印一个数值，${why}，请对照原表核对`;
}
