/**
 * 审核意见书: the opinion an auditor signs for one report, as a document model that both the
 * printable page (entrypoints/opinion) and the .docx writer (lib/app/export/docx.ts) render, so
 * the two never say different things. Findings are told in plain Chinese, cells by their
 * readable names, never by key.
 */
import { formatTime, LAYOUT_LABELS, ruleTitle, sectionHeading, SEVERITY_LABELS } from '../engine/labels';
import { Severity } from '../engine/model';
import { RULE_META } from '../engine/rules';
import { cellNames } from './cell-names';
import { isSettled, notesById, SETTLED_STATUSES, severityCounts, statusCounts, statusOf } from './report-stats';
import { STATUS_LABELS, STATUSES, type Status } from './schema';
import type { AuditWithNotes } from './stats';

export const OPINION_TITLE = '政府信息公开工作年度报告审核意见书';

export interface OpinionFinding {
  /** 1, 2, … within its list. */
  no: number;
  severity: Severity;
  severityLabel: string;
  ruleId: string;
  ruleTitle: string;
  /** Where the requirement comes from; empty for a rule this version does not know. */
  basis: string;
  message: string;
  /** Readable cell names, or the section heading, or empty. */
  where: string;
  expected?: string;
  actual?: string;
  excerpt?: string;
  status: Status;
  statusLabel: string;
  note: string;
  noteBy: string;
}

export interface LabelCount {
  label: string;
  count: number;
}

export interface Opinion {
  title: string;
  /** Facts about the report, in the order they are printed: [label, value]. */
  facts: [string, string][];
  auditor: string;
  /** The day the opinion is issued (YYYY年M月D日). */
  date: string;
  summary: { bySeverity: LabelCount[]; byStatus: LabelCount[]; text: string };
  conclusion: string;
  /** Findings still standing (待核实, 已确认), errors first. */
  findings: OpinionFinding[];
  /** Findings the auditor marked 误报 or 已整改, listed so the opinion shows they were looked at. */
  settled: OpinionFinding[];
  reportNote: string;
}

const BASIS = new Map(RULE_META.map((r) => [r.id, r.basis]));
const SEVERITY_ORDER = Severity.options;

function chineseDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/** A value as an auditor writes it: numbers plain, text as it is. */
const value = (v: number | string | undefined): string | undefined => (v === undefined ? undefined : String(v));

/** Headings of the opinion's parts, shared by the page and the .docx. */
export const OPINION_HEADINGS = {
  conclusion: '一、审核结论',
  findings: '二、审核发现的问题',
  settled: '三、已排除或已整改的问题',
  note: '四、报告备注',
} as const;

/** 「问题 1（错误）：申请数量不平衡（一+二≠三+四）」 */
export function findingHeading(f: OpinionFinding): string {
  return `问题 ${f.no}（${f.severityLabel}）：${f.ruleTitle}`;
}

/** The finding in plain Chinese: what is wrong, where, and what the numbers should be. */
export function findingSentence(f: OpinionFinding): string {
  const parts = [/[。！？.!?]$/.test(f.message) ? f.message : `${f.message}。`];
  if (f.where) parts.push(`位置：${f.where}。`);
  if (f.expected !== undefined || f.actual !== undefined) parts.push(`应为 ${f.expected ?? '—'}，实为 ${f.actual ?? '—'}。`);
  return parts.join('');
}

/** 「状态：已确认。备注：表三总计应为 12（张三）」 */
export function findingStatusLine(f: OpinionFinding): string {
  const note = f.note.trim() ? `备注：${f.note.trim()}${f.noteBy ? `（${f.noteBy}）` : ''}` : '';
  return [`状态：${f.statusLabel}。`, note].join('');
}

export interface OpinionOptions {
  /** The auditor's name from the settings; blank when not set. */
  auditor: string;
  /** When the opinion is issued (ms). */
  now: number;
}

export function buildOpinion({ record: r, notes }: AuditWithNotes, { auditor, now }: OpinionOptions): Opinion {
  const byId = notesById(notes);
  const all: OpinionFinding[] = r.findings.map((f) => {
    const note = byId.get(f.id);
    const status = statusOf(note);
    return {
      no: 0,
      severity: f.severity,
      severityLabel: SEVERITY_LABELS[f.severity].zh,
      ruleId: f.rule,
      ruleTitle: ruleTitle(f.rule).zh,
      basis: BASIS.get(f.rule) ?? '',
      message: f.message,
      where: cellNames(f.cells, r.layout) || (f.section ? sectionHeading(f.section) : ''),
      expected: value(f.expected),
      actual: value(f.actual),
      excerpt: f.excerpt,
      status,
      statusLabel: STATUS_LABELS[status].zh,
      note: note?.note ?? '',
      noteBy: note?.by ?? '',
    };
  });
  // Errors first; within a severity the order the report reads.
  const bySeverity = (a: OpinionFinding, b: OpinionFinding) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity);
  const number = (list: OpinionFinding[]) => list.sort(bySeverity).map((f, i) => ({ ...f, no: i + 1 }));
  const findings = number(all.filter((f) => !isSettled(f.status)));
  const settled = number(all.filter((f) => isSettled(f.status)));

  const sev = severityCounts(findings);
  const st = statusCounts(r.findings, byId);
  const sevList = SEVERITY_ORDER.map((s) => ({ label: SEVERITY_LABELS[s].zh, count: sev[s] }));
  const statusList = STATUSES.map((s) => ({ label: STATUS_LABELS[s].zh, count: st[s] }));
  const listed = (l: LabelCount[]) =>
    l
      .filter((x) => x.count > 0)
      .map((x) => `${x.label} ${x.count} 条`)
      .join('、');
  const settledList = SETTLED_STATUSES.map((s) => ({ label: STATUS_LABELS[s].zh, count: st[s] }));
  const text =
    r.findings.length === 0
      ? '审核未发现问题。'
      : `共发现问题 ${r.findings.length} 条` +
        (findings.length ? `，其中待处理 ${findings.length} 条（${listed(sevList)}）` : '，均已排除或整改') +
        (settled.length ? `；已排除或整改 ${settled.length} 条（${listed(settledList)}）` : '') +
        '。';
  const conclusion =
    sev.error > 0
      ? `经审核，该报告存在 ${sev.error} 处错误，建议更正后重新发布。`
      : findings.length > 0
        ? '经审核，该报告未发现错误，另有需要注意或完善之处，详见下文。'
        : '经审核，该报告未发现需要更正的问题。';

  return {
    title: OPINION_TITLE,
    facts: [
      ['机关', r.agency || '（未识别）'],
      ['年度', r.year === null ? '年度未识别' : `${r.year} 年度`],
      ['报告标题', r.title || '（未识别）'],
      ['网址', r.url],
      ['表格格式', LAYOUT_LABELS[r.layout].zh],
      ['发布日期', r.published ?? '未识别'],
      ['审核时间', formatTime(r.auditedAt)],
      ['审核人', auditor.trim() || '（未署名）'],
    ],
    auditor: auditor.trim(),
    date: chineseDate(now),
    summary: { bySeverity: sevList, byStatus: statusList, text },
    conclusion,
    findings,
    settled,
    reportNote: r.note,
  };
}

/** A file name Windows, macOS and Linux all accept: 审核意见书-示范市测试局-2023.docx */
export function opinionFilename(agency: string, year: number | null): string {
  const safe = agency.replace(/[\\/:*?"<>|\s\p{Cc}]+/gu, '').slice(0, 60);
  return ['审核意见书', safe || '未识别机关', year ?? '年度未识别'].join('-') + '.docx';
}
