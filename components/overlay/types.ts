import type { StoredFinding } from '@/lib/app/schema';

/**
 * A finding as the overlay shows it, and whether this audit is the first to show it. Never its
 * note: the page could read it; notes are shown in the side panel, an extension page.
 */
export interface ViewFinding extends StoredFinding {
  isNew: boolean;
}

export type MarkerKind = 'cell' | 'section' | 'missing-section' | 'prose' | 'table';

/**
 * One marker box, in the overlay's coordinates (document pixels from the host's origin). Findings
 * on the same cell share one box, so every finding there can be hovered.
 */
export interface Box {
  findingIds: string[];
  kind: MarkerKind;
  /** `t3/3.7/total` for cells, `s5` for sections. */
  key: string;
  rules: string[];
  /** The most severe of its findings. */
  severity: StoredFinding['severity'];
  top: number;
  left: number;
  width: number;
  height: number;
  /** Text shown on the marker itself (a missing section's name). */
  label?: string;
  /** Near the right edge: the tooltip opens leftwards. */
  flip?: boolean;
}

export interface OverlayState {
  summary: { agency: string; year: number | null; layout: string; title: string } | null;
  findings: ViewFinding[];
  boxes: Box[];
  visible: boolean;
  /** Index into `findings` of the one last navigated to. */
  current: number;
  /** Storage or audit errors, shown in the bar: never swallowed. */
  error?: string;
  /** A notice for an on-demand audit of a page that is not a report. */
  notice?: string;
  /** A list of reports (not a report itself): how many it links, and whether it has further pages. */
  list?: { count: number; more: boolean; starting: boolean };
}

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
