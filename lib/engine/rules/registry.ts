/**
 * Every rule the engine knows, in the order findings are listed and the rule pages show them.
 * Adding a rule: one file `<id>.ts` exporting it, one line here, one test file `test/rules/<id>.test.ts`,
 * then `npm run docs:rules` for the README table.
 */
import { cellInvalid } from './cell-invalid';
import { cellMissing } from './cell-missing';
import { cellUnit } from './cell-unit';
import { cellWrong } from './cell-wrong';
import { crossYearCarryover } from './cross-year-carryover';
import { crossYearInForce } from './cross-year-in-force';
import { crossYearUncertain } from './cross-year-uncertain';
import { dateMalformed } from './date-malformed';
import { labelVariant } from './label-variant';
import { manualFinding } from './manual-finding';
import { layoutOutdated } from './layout-outdated';
import { prosePartsWhole } from './prose-parts-whole';
import { proseProactive } from './prose-proactive';
import { proseApplications } from './prose-applications';
import { proseRate } from './prose-rate';
import { proseResults } from './prose-results';
import { proseReviewSuit } from './prose-review-suit';
import { publishedLate } from './published-late';
import { reportAttachmentOnly } from './report-attachment-only';
import { fileUnreadable } from './file-unreadable';
import { pageTooLarge } from './page-too-large';
import { reportPaged } from './report-paged';
import { rowCellsUnplaced } from './row-cells-unplaced';
import { tablesAsImages } from './tables-as-images';
import { rowExtraCells } from './row-extra-cells';
import { rowMissing } from './row-missing';
import { s5NoRectification } from './s5-no-rectification';
import { s6NoFee } from './s6-no-fee';
import { sectionMissing } from './section-missing';
import { sectionOrder } from './section-order';
import { t3Balance } from './t3-balance';
import { t3ResultsSum } from './t3-results-sum';
import { t3RowTotal } from './t3-row-total';
import { t2InForceBelowIssued } from './t2-in-force-below-issued';
import { t4GroupTotal } from './t4-group-total';
import { tableMissing } from './table-missing';
import { templateTextLeft } from './template-text-left';
import { yearMismatch } from './year-mismatch';
import type { CrossYearRule, ReportRule, Rule, RuleMeta } from './types';

export const RULES: readonly Rule[] = [
  sectionMissing,
  sectionOrder,
  tableMissing,
  rowMissing,
  layoutOutdated,
  cellMissing,
  cellInvalid,
  cellUnit,
  rowExtraCells,
  cellWrong,
  t3Balance,
  t3ResultsSum,
  t3RowTotal,
  t4GroupTotal,
  t2InForceBelowIssued,
  proseApplications,
  proseResults,
  proseReviewSuit,
  proseProactive,
  proseRate,
  prosePartsWhole,
  s5NoRectification,
  s6NoFee,
  templateTextLeft,
  yearMismatch,
  dateMalformed,
  publishedLate,
  labelVariant,
  reportAttachmentOnly,
  fileUnreadable,
  tablesAsImages,
  pageTooLarge,
  reportPaged,
  rowCellsUnplaced,
  manualFinding,
  crossYearCarryover,
  crossYearInForce,
  crossYearUncertain,
];

export const REPORT_RULES: readonly ReportRule[] = RULES.filter((r): r is ReportRule => r.kind === 'report');
export const CROSS_YEAR_RULES: readonly CrossYearRule[] = RULES.filter((r): r is CrossYearRule => r.kind === 'cross-year');

/** Every rule's documentation without its check: for the options and reference pages. */
export const RULE_META: RuleMeta[] = RULES.map(({ id, severity, title, description, basis, example }) => ({
  id,
  severity,
  title,
  description,
  basis,
  example,
}));
