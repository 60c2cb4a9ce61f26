/** Auditing template-built reports in rule tests: the findings, one rule's findings, the cells they name. */
import { auditDocument, auditText } from '../../lib/engine/audit';
import { htmlDoc } from './fixtures';
import type { Finding } from '../../lib/engine/model';
import { makeReport, type ReportParts } from './make-report';

export function audit(over: Partial<ReportParts> = {}, extra = '', url?: string) {
  const r = auditText(makeReport(over) + extra, { url });
  if (!r.detected) throw new Error('fixture not detected: ' + r.reason);
  return r;
}

export function findings(over: Partial<ReportParts> = {}): Finding[] {
  return audit(over).findings;
}

export function auditedText(text: string) {
  const r = auditText(text);
  if (!r.detected) throw new Error('fixture not detected: ' + r.reason);
  return r;
}

/** A page's audit, as the browser's or the CLI's DOM gives it; throws when it is no report. */
export function auditedHtml(html: string) {
  const r = auditDocument(htmlDoc(html));
  if (!r.detected) throw new Error('fixture not detected: ' + r.reason);
  return r;
}

export const ofRule = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);
export const keys = (f: Finding) => (f.cells ?? []).map((c) => `${c.table}/${c.row}/${c.column}`);

/** Findings with the evidence attached to them (the identities a wrong cell breaks) listed after each. */
export const withEvidence = (fs: Finding[]): Finding[] => fs.flatMap((f) => [f, ...(f.evidence ?? [])]);
