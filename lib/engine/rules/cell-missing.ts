import { SECTION_OF_TABLE, TABLE_KEYS } from '../model';
import { inferredValues } from './arithmetic';
import { eachCell, inferenceNote, namedCells } from './helpers';
import type { Problem, ReportRule } from './types';

export const cellMissing: ReportRule = {
  kind: 'report',
  id: 'cell-missing',
  severity: 'warning',
  title: { zh: '数据缺失（空白单元格）', en: 'Missing data (blank cell)' },
  description: {
    zh: '空白不等于 0：表格中的每个数都必须填写，没有发生的填 0（写「—」「/」「无」的单元格另由「数值无效」报告）。空白按未知的非负数参与勾稽关系：某条勾稽关系能确定它时给出推算值（如总计为 0 时各分项只能是 0）。每张表一条：全部空白都能推算时为提示，仍有无法确定的为警告；已填数值本身矛盾时另由「数值有误」报告。',
    en: 'A blank cell is missing data, not zero (a cell holding 「—」「/」「无」 is reported as an invalid number). Blanks take part in the identities as unknowns ≥ 0, and a value an identity determines is shown as inferred. One finding per table: info when every blank could be inferred, a warning when some could not.',
  },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）：表中数据均应填写；空白视为缺数',
  example: '「行政复议」一组五格全部空白，无法由勾稽关系推算（警告）；「重复申请」一行空白而总计为 0，推算为 0（提示）。',
  check(report) {
    const out: Problem[] = [];
    for (const t of TABLE_KEYS) {
      const cells = [...eachCell(report, [t])].filter((x) => x.cell.status === 'blank' || x.cell.status === 'absent').map((x) => x.ref);
      if (!cells.length) continue;
      const inferred = inferredValues(report, cells);
      out.push({
        severity: inferred.length < cells.length ? 'warning' : 'info',
        section: SECTION_OF_TABLE[t],
        cells,
        inferred,
        message: `${namedCells(cells)} 未填写数值（空白不等于 0）${inferenceNote(cells, inferred)}`,
      });
    }
    return out;
  },
};
