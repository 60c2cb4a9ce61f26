/** The rules' public face: run the report rules, read every rule's documentation. */
import type { Finding, Report } from '../model';
import { drain, NO_DEADLINE, type Deadline, type Steps } from '../steps';
import { forgetSolutions } from './arithmetic';
import { cellWrong, groupAroundWrongCells } from './cell-wrong';
import { REPORT_RULES, RULE_META, RULES } from './registry';
import { toFinding, type Rule, type RuleMeta } from './types';

/**
 * Findings of the rules not switched off. Switching off `cell-wrong` shows its evidence (the broken
 * identities) as findings of their own again; evidence of a rule switched off is dropped.
 */
export function runRules(report: Report, disabled: readonly string[] = []): Finding[] {
  return drain(runRulesSteps(report, disabled, NO_DEADLINE));
}

/** runRules in steps: it may yield between two rules, when `deadline()` says the slice is spent. */
export function* runRulesSteps(report: Report, disabled: readonly string[], deadline: Deadline): Steps<Finding[]> {
  forgetSolutions(report);
  const on = (id: string) => !disabled.includes(id);
  const grouped = on(cellWrong.id);
  const checked: Finding[] = [];
  for (const r of REPORT_RULES) {
    if (!(on(r.id) || (r.id === cellWrong.id && !grouped))) continue;
    if (deadline()) yield;
    for (const p of r.check(report)) checked.push(toFinding(r, p));
  }
  const found = groupAroundWrongCells(checked, report);
  return found.flatMap((f) => {
    const evidence = f.evidence?.filter((e) => on(e.rule));
    if (f.rule === cellWrong.id && !grouped) return (evidence ?? []).map((e) => ({ ...e }));
    if (!f.evidence) return [f];
    const kept: Finding = { ...f, evidence };
    if (!evidence?.length) delete kept.evidence;
    return [kept];
  });
}

export { RULE_META, RULES };
export type { Rule, RuleMeta };
