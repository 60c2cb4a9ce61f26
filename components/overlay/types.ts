export type { Box, MarkerKind, OverlayState, ViewFinding } from '@/lib/app/overlay-state';

export interface OverlayActions {
  next(): void;
  prev(): void;
  toggle(): void;
  openPanel(): void;
  reveal(findingId: string): void;
  dismissNotice(): void;
  /** Opens the rule reference at this rule (through the background: a page cannot open extension pages). */
  openRule(ruleId: string): void;
  /** Audits every report the list links, in a batch page. */
  auditList(): void;
}
