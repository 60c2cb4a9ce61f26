/** The rules' public face: run the report rules, read every rule's documentation. */
import type { Finding, Report } from '../model';
import { forgetSolutions } from './arithmetic';
import { cellWrong, groupAroundWrongCells } from './cell-wrong';
import { REPORT_RULES, RULE_META, RULES } from './registry';
import { toFinding, type Rule, type RuleMeta } from './types';

/**
 * Findings of the rules not switched off. Switching off `cell-wrong` shows its evidence (the broken
 * identities) as findings of their own again; evidence of a rule switched off is dropped.
 */
export function runRules(report: Report, disabled: readonly string[] = []): Finding[] {
  forgetSolutions(report);
  const on = (id: string) => !disabled.includes(id);
  const grouped = on(cellWrong.id);
  const found = groupAroundWrongCells(
    REPORT_RULES.filter((r) => on(r.id) || (r.id === cellWrong.id && !grouped)).flatMap((r) => r.check(report).map((p) => toFinding(r, p))),
    report,
  );
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
