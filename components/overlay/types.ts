import type { Corner } from '@/lib/app/overlay-state';

export type { Box, MarkerKind, OverlayState, ViewFinding } from '@/lib/app/overlay-state';

export interface OverlayActions {
  next(): void;
  prev(): void;
  toggle(): void;
  /** Counts and steps through the findings settled as 误报/已整改 too, or leaves them out again. */
  toggleSettled(): void;
  openPanel(): void;
  reveal(findingId: string): void;
  dismissNotice(): void;
  /** Opens the rule reference at this rule (through the background: a page cannot open extension pages). */
  openRule(ruleId: string): void;
  /** Audits every report the list links, in a batch page. */
  auditList(): void;
  /** Opens the extension's viewer on one of an attachment-only report's files. */
  openAttachment(url: string): void;
  /** Collapses the bar to one line, or opens it again (remembered for the site while the page is open). */
  collapse(collapsed: boolean): void;
  moveBar(corner: Corner): void;
  /** Shows the tooltips again after Esc closed them. */
  openTips(): void;
}
