import type { AuditResult, PageAudit } from '../../lib/engine/audit';

/** The audit of what must hold one report (or none), as that report's result: a split into several parts fails the test. */
export function onePart(audit: PageAudit): AuditResult {
  if (!audit.detected) return audit;
  if (audit.parts.length !== 1) throw new Error(`expected one report, read ${audit.parts.length}`);
  return { detected: true, ...audit.parts[0]! };
}
