import { cellKey, SECTION_OF_TABLE, type CellRef, type Evidence, type Finding, type Report } from '../model';
import { cellLabel } from '../parse/table-specs';
import { identityProblem, solveReport, type TableSolution, type WrongCell } from './arithmetic';
import { valueAt } from './helpers';
import { toFinding, type Problem, type ReportRule } from './types';

const label = (c: CellRef) => `「${cellLabel(c.table, c.row, c.column)}」`;

/** The broken identities that involve any of the cells, as evidence. */
function evidenceFor(solution: TableSolution, cells: CellRef[]): Evidence[] {
  const keys = new Set(cells.map(cellKey));
  return solution.checks
    .filter((c) => c.broken && [...c.identity.left, ...c.identity.right].some((r) => keys.has(cellKey(r))))
    .map((c) => ({ rule: c.identity.rule, severity: 'error' as const, ...identityProblem(c) }));
}

function definite(solution: TableSolution, w: WrongCell): Problem {
  return wrongCellProblem(w, evidenceFor(solution, [w.cell]));
}

function wrongCellProblem(w: WrongCell, evidence: Evidence[]): Problem {
  const expected = w.expected === undefined ? '' : `应为 ${w.expected}，`;
  return {
    section: SECTION_OF_TABLE[w.cell.table],
    cells: [w.cell],
    expected: w.expected,
    actual: w.actual,
    evidence,
    // No check broken by it: a 小计 that summed a wrong part along with it (arithmetic.ts), right once the part is.
    message: `${label(w.cell)} ${expected}实为 ${w.actual}（${evidence.length ? `${evidence.length} 项核对因此不符` : '它与有误的分项相符，分项改正后即不符'}${w.expected === undefined ? '；应有的值无法由勾稽关系确定' : ''}）`,
  };
}

/** Several sets of cells explain the table equally well: name the candidates, each with its own correction. */
function candidates(solution: TableSolution, cells: WrongCell[], howMany: number): Problem {
  const options = cells.map((w) => `${label(w.cell)}${w.expected === undefined ? '' : `应为 ${w.expected}`}（实为 ${w.actual}）`);
  return {
    section: SECTION_OF_TABLE[cells[0]!.cell.table],
    cells: cells.map((w) => w.cell),
    evidence: evidenceFor(
      solution,
      cells.map((w) => w.cell),
    ),
    // What each candidate would hold if it were the wrong one; with two or more wrong, no one cell's value says which
    // (and a prose number that one of them explains must not settle the finding on it alone).
    inferred: howMany === 1 ? cells.flatMap((w) => (w.expected === undefined ? [] : [{ cell: w.cell, value: w.expected }])) : [],
    message: `以下 ${cells.length} 格中有 ${howMany} 格有误，勾稽关系无法确定是哪一格：${options.join('，或')}`,
  };
}

export const cellWrong: ReportRule = {
  kind: 'report',
  id: 'cell-wrong',
  severity: 'error',
  title: { zh: '数值有误（根据勾稽关系定位）', en: 'Wrong number (located by the identities)' },
  description: {
    zh: '把一张表的全部勾稽关系放在一起求解，找出最少改动哪几个单元格就能使所有勾稽关系成立：每个这样的单元格只报告一次，给出应为与实为；它破坏的各条勾稽关系（t3-balance 等）作为证据附在该问题下，不另计数。几个单元格都能同样解释时，说明无法确定并列出全部候选；但每种解释都要改两格以上、各差 2 以上时（如一列中两行各多 1，各行总计随之），差额也可能分摊在未列出的几行，此时不列候选，只报告不成立的勾稽关系。空白单元格按未知的非负数参与求解。',
    en: 'Solves each table’s identities together and finds the fewest cells whose change makes them all hold; each such cell is reported once with its expected value, and the identities it breaks are attached as evidence rather than counted. When several cells explain it equally, all candidates are listed; but when every explanation changes two or more cells each by 2 or more (two rows of a column one too many each, their totals with them), the gap may as well be spread over rows not listed, and the broken identities are reported instead. Blanks take part as unknowns ≥ 0.',
  },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）第三、四部分表格的勾稽关系',
  example: '「(七)总计·总计」应为 1，实为 2：行总计、办理结果之和与「一+二＝三+四」三个勾稽关系都因这一格不成立。',
  check(report) {
    return solveReport(report)
      .filter((s) => s.status === 'located')
      .flatMap((s) => {
        const inAll = s.sets[0]!.filter((w) => s.sets.every((set) => set.some((x) => cellKey(x.cell) === cellKey(w.cell))));
        const sure = inAll.map((w) => {
          const values = new Set(s.sets.map((set) => set.find((x) => cellKey(x.cell) === cellKey(w.cell))!.expected));
          return values.size === 1 ? w : { ...w, expected: undefined };
        });
        const sureKeys = new Set(sure.map((w) => cellKey(w.cell)));
        const rest = new Map<string, WrongCell>();
        for (const set of s.sets) for (const w of set) if (!sureKeys.has(cellKey(w.cell)) && !rest.has(cellKey(w.cell))) rest.set(cellKey(w.cell), w);
        const out = sure.map((w) => definite(s, w));
        if (rest.size) out.push(candidates(s, [...rest.values()], s.sets[0]!.length - sure.length));
        return out;
      });
  },
};

/**
 * A numeric finding (a prose number, say) about a cell's value whose gap closes once that cell holds
 * `expected` instead of `actual`: it is explained by that cell being wrong.
 */
function closes(f: Finding, cell: CellRef, actual: number, expected: number): boolean {
  if (typeof f.expected !== 'number' || typeof f.actual !== 'number' || !f.cells?.some((x) => cellKey(x) === cellKey(cell))) return false;
  return f.expected - actual + expected === f.actual;
}

/**
 * Groups the run's findings around the wrong cells: a finding a wrong cell explains becomes its
 * evidence; when the identities left several candidates and exactly one of them also explains a
 * prose number, that candidate is the wrong cell.
 */
export function groupAroundWrongCells(findings: Finding[], report: Report): Finding[] {
  const wrong = findings.filter((f) => f.rule === cellWrong.id);
  if (!wrong.length) return findings;
  const others = findings.filter((f) => f.rule !== cellWrong.id);
  const used = new Set<Finding>();
  const settled = wrong.map((w) => {
    if ((w.cells?.length ?? 0) < 2 || !w.inferred) return w;
    const options = w.inferred.flatMap(({ cell, value }) => {
      const actual = valueAt(report, cell.table, cell.row, cell.column);
      const prose = actual === null ? [] : others.filter((f) => closes(f, cell, actual, value));
      return prose.length && actual !== null ? [{ cell, expected: value, actual, prose }] : [];
    });
    if (options.length !== 1) return w;
    const [o] = options;
    o!.prose.forEach((f) => used.add(f));
    const keys = cellKey(o!.cell);
    const evidence = (w.evidence ?? []).filter((e) => e.cells?.some((c) => cellKey(c) === keys));
    return toFinding(cellWrong, wrongCellProblem({ cell: o!.cell, expected: o!.expected, actual: o!.actual }, [...evidence, ...o!.prose]));
  });
  for (const w of settled) {
    const [c] = w.cells ?? [];
    if (w.cells?.length !== 1 || !c || typeof w.expected !== 'number' || typeof w.actual !== 'number') continue;
    for (const f of others)
      if (!used.has(f) && closes(f, c, w.actual, w.expected)) {
        used.add(f);
        w.evidence = [...(w.evidence ?? []), f];
      }
  }
  const out: Finding[] = [];
  let next = 0;
  // Keep the engine's order: each wrong-cell finding where it was, the explained ones gone.
  for (const f of findings) {
    if (f.rule === cellWrong.id) out.push(settled[next++]!);
    else if (!used.has(f)) out.push(f);
  }
  return out;
}
