import type { Finding, Report } from '../model';
import { cellInvalid, cellMissing } from './cells';
import { s5NoRectification, s6NoFee } from './content';
import { t3Balance, t3ResultsSum, t3RowTotal, t4GroupTotal } from './identities';
import { proseApplications, prosePartsWhole, proseRate, proseResults, proseReviewSuit } from './prose';
import { extraCells, layoutOutdated, rowMissing, sectionMissing, sectionOrder, tableMissing } from './structure';
import { toFinding, type Rule, type RuleMeta } from './types';

/** Every rule, in the order findings are listed. */
export const RULES: Rule[] = [
  sectionMissing, sectionOrder, tableMissing, rowMissing, layoutOutdated,
  cellMissing, cellInvalid, extraCells,
  t3Balance, t3ResultsSum, t3RowTotal, t4GroupTotal,
  proseApplications, proseResults, proseReviewSuit, proseRate, prosePartsWhole,
  s5NoRectification, s6NoFee,
];

export const RULE_META: RuleMeta[] = RULES.map(({ check: _check, ...meta }) => meta);

export function runRules(report: Report, disabled: readonly string[] = []): Finding[] {
  return RULES.filter((r) => !disabled.includes(r.id)).flatMap((r) => r.check(report).map((p) => toFinding(r, p)));
}

export type { Rule, RuleMeta };
