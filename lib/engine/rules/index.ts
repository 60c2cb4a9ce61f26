import { CROSS_RULES, uncertain } from '../cross-year';
import type { Finding, Report } from '../model';
import { cellInvalid, cellMissing, cellUnit } from './cells';
import { fileUnreadable } from './file';
import { labelVariant } from './labels';
import { dateMalformed, publishedLate, yearMismatch } from './metadata';
import { s5NoRectification, s6NoFee } from './content';
import { t3Balance, t3ResultsSum, t3RowTotal, t4GroupTotal } from './identities';
import { proseApplications, prosePartsWhole, proseRate, proseResults, proseReviewSuit } from './prose';
import { attachmentOnly, extraCells, layoutOutdated, rowMissing, sectionMissing, sectionOrder, tableMissing } from './structure';
import { toFinding, type Rule, type RuleMeta } from './types';
import { tablesAsImages } from './tables-as-images';
import { pageTooLarge } from './page-too-large';
import { rowCellsUnplaced } from './row-cells-unplaced';

/** Every rule, in the order findings are listed. */
export const RULES: Rule[] = [
  sectionMissing, sectionOrder, tableMissing, rowMissing, layoutOutdated,
  cellMissing, cellInvalid, cellUnit, extraCells,
  t3Balance, t3ResultsSum, t3RowTotal, t4GroupTotal,
  proseApplications, proseResults, proseReviewSuit, proseRate, prosePartsWhole,
  s5NoRectification, s6NoFee,
  yearMismatch, dateMalformed, publishedLate, labelVariant,
];

/** Every rule's description, page rules and cross-year rules alike: for the options and reference pages. */
export const RULE_META: RuleMeta[] = [...RULES, attachmentOnly, fileUnreadable, tablesAsImages, pageTooLarge, rowCellsUnplaced, ...CROSS_RULES, uncertain].map(({ id, severity, title, description, basis, example }) => ({ id, severity, title, description, basis, example }));

export function runRules(report: Report, disabled: readonly string[] = []): Finding[] {
  return RULES.filter((r) => !disabled.includes(r.id)).flatMap((r) => r.check(report).map((p) => toFinding(r, p)));
}

export type { Rule, RuleMeta };
