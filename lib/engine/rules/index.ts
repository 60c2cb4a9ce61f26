/** The rules' public face: run the report rules, read every rule's documentation. */
import type { Finding, Report } from '../model';
import { REPORT_RULES, RULE_META, RULES } from './registry';
import { toFinding, type Rule, type RuleMeta } from './types';

export function runRules(report: Report, disabled: readonly string[] = []): Finding[] {
  return REPORT_RULES.filter((r) => !disabled.includes(r.id)).flatMap((r) => r.check(report).map((p) => toFinding(r, p)));
}

export { RULE_META, RULES };
export type { Rule, RuleMeta };
