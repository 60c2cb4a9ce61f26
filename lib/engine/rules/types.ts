import type { CellRef, Evidence, Finding, InferredValue, Report, SectionKey, Severity, YearFacts } from '../model';

/** What every rule carries for the rule pages, the options page and the README table. */
export interface RuleMeta {
  id: string;
  severity: Severity;
  title: { zh: string; en: string };
  description: { zh: string; en: string };
  /** Where the requirement comes from: the 条例 article, the template, the notice. */
  basis: string;
  /** A short example of what the rule catches. */
  example: string;
}

/** What a check returns; the runner adds the rule id and (unless overridden) its severity. */
export interface Problem {
  message: string;
  severity?: Severity;
  section?: SectionKey;
  cells?: CellRef[];
  expected?: number | string;
  actual?: number | string;
  excerpt?: string;
  inferred?: InferredValue[];
  evidence?: Evidence[];
}

/** Checks one report. */
export interface ReportRule extends RuleMeta {
  kind: 'report';
  check(report: Report): Problem[];
}

/** Checks one report against the same body's report of the year before. */
export interface CrossYearRule extends RuleMeta {
  kind: 'cross-year';
  check(current: YearFacts, previous: YearFacts, how: 'same' | 'likely'): Problem[];
}

/** Raised by the engine itself (the audit, the cross-year matcher), not by a check: documented like any rule. */
export interface RaisedRule extends RuleMeta {
  kind: 'raised';
}

/** One shape for every rule, told apart by `kind`. */
export type Rule = ReportRule | CrossYearRule | RaisedRule;

export function toFinding(rule: RuleMeta, p: Problem): Finding {
  const f: Finding = { rule: rule.id, severity: p.severity ?? rule.severity, message: p.message };
  if (p.section) f.section = p.section;
  if (p.cells?.length) f.cells = p.cells;
  if (p.expected !== undefined) f.expected = p.expected;
  if (p.actual !== undefined) f.actual = p.actual;
  if (p.excerpt) f.excerpt = p.excerpt;
  if (p.inferred?.length) f.inferred = p.inferred;
  if (p.evidence?.length) f.evidence = p.evidence;
  return f;
}
