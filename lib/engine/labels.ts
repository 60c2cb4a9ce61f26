/** What users see for the engine's keys: one place, shared by the extension pages and the exports. */
import type { Layout, SectionKey, Severity } from './model';
import { SECTION_SPECS } from './parse/sections';
import { RULE_TITLES } from './rules/titles';

type Label = { zh: string; en: string };

export const SEVERITY_LABELS: Record<Severity, Label> = {
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '警告', en: 'Warning' },
  info: { zh: '提示', en: 'Info' },
};

export const LAYOUT_LABELS: Record<Layout, Label> = {
  '2021': { zh: '2021 版', en: '2021 layout' },
  '2019': { zh: '2019 版', en: '2019 layout' },
  unknown: { zh: '未识别', en: 'Unknown layout' },
};

/** A rule id from an older or newer engine may have no title here: the id itself is shown then. */
export function ruleTitle(id: string): Label {
  return Object.hasOwn(RULE_TITLES, id) ? RULE_TITLES[id]! : { zh: id, en: id };
}

export function sectionHeading(key: SectionKey): string {
  return SECTION_SPECS.find((s) => s.key === key)?.heading ?? key;
}

/** Local date and minute, e.g. 2024-03-05 14:07: what an auditor writes in a working paper. */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
