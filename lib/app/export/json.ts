/** The JSON file of audits: what one auditor hands to another, and the extension's backup. */
import { z } from 'zod';
import { notesByReport } from '../report-stats';
import { FindingNote, HistoryEntry, ReportRecord } from '../schema';
import { t } from '../i18n';

export const AUDITS_FORMAT = 'gov-report-auditor/audits';
/** Version 2 adds each report's `history` (who changed which finding's status or note); version 1 files still import. */
export const AUDITS_VERSION = 2;
export const READABLE_VERSIONS: readonly number[] = [1, AUDITS_VERSION];

/**
 * Pages link to a report's URL: a `javascript:` or `file:` URL from a crafted file must not get in.
 * No length limit (unlike the batch's HttpUrl): whatever the extension stored must import again.
 */
const ReportUrl = z.string().regex(/^https?:\/\//i, '网址须以 http:// 或 https:// 开头');

/**
 * A report with every note on it, including notes on findings that have since gone, and (from
 * version 2) the history of those notes; a version 1 file has none.
 */
export const ExportedReport = z
  .object({ ...ReportRecord.shape, url: ReportUrl, notes: z.array(FindingNote), history: z.array(HistoryEntry).optional() })
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    r.notes.forEach((n, i) => {
      if (n.reportId !== r.id) ctx.addIssue({ code: 'custom', path: ['notes', i, 'reportId'], message: '备注所属的报告与所在报告不一致' });
      if (seen.has(n.findingId)) ctx.addIssue({ code: 'custom', path: ['notes', i, 'findingId'], message: '同一问题有两条备注' });
      seen.add(n.findingId);
    });
    r.history?.forEach((h, i) => {
      if (h.reportId !== r.id) ctx.addIssue({ code: 'custom', path: ['history', i, 'reportId'], message: '修改记录所属的报告与所在报告不一致' });
    });
  });
export type ExportedReport = z.infer<typeof ExportedReport>;

export const REPEATED_REPORT = '同一份报告出现了两次';

/** Index of the first report whose id an earlier one already has, or -1. */
export function repeatedReport(reports: readonly { id: string }[]): number {
  const seen = new Set<string>();
  return reports.findIndex((r) => seen.size === seen.add(r.id).size);
}

export const AuditsFile = z
  .object({
    format: z.literal(AUDITS_FORMAT),
    version: z.union([z.literal(1), z.literal(AUDITS_VERSION)]),
    exportedAt: z.iso.datetime(),
    reports: z.array(ExportedReport),
  })
  .superRefine((file, ctx) => {
    const i = repeatedReport(file.reports);
    if (i >= 0) ctx.addIssue({ code: 'custom', path: ['reports', i, 'id'], message: REPEATED_REPORT });
  });
export type AuditsFile = z.infer<typeof AuditsFile>;

export function buildAuditsFile(
  reports: readonly ReportRecord[],
  notes: readonly FindingNote[],
  exportedAt: Date,
  history: readonly HistoryEntry[] = [],
): AuditsFile {
  const byReport = notesByReport(notes);
  const historyOf = Map.groupBy(history, (h) => h.reportId);
  return {
    format: AUDITS_FORMAT,
    version: AUDITS_VERSION,
    exportedAt: exportedAt.toISOString(),
    reports: reports.map((r) => ({ ...r, notes: byReport.get(r.id) ?? [], history: historyOf.get(r.id) ?? [] })),
  };
}

export function splitAuditsFile(file: { reports: readonly ExportedReport[] }): { reports: ReportRecord[]; notes: FindingNote[]; history: HistoryEntry[] } {
  return {
    reports: file.reports.map(({ notes: _notes, history: _history, ...record }) => record),
    notes: file.reports.flatMap((r) => r.notes),
    history: file.reports.flatMap((r) => r.history ?? []),
  };
}

export type ParsedAudits = { ok: true; file: AuditsFile } | { ok: false; error: string };

/** Checks the whole file before anything is imported: a file is taken whole or not at all. */
export function parseAuditsFile(text: string): ParsedAudits {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, error: t('import_notJson') };
  }
  const head = z.object({ format: z.unknown(), version: z.unknown() }).safeParse(data);
  if (!head.success || head.data.format !== AUDITS_FORMAT) return { ok: false, error: t('import_notOurs') };
  if (!READABLE_VERSIONS.includes(head.data.version as number))
    return {
      ok: false,
      error: t('import_version', { version: String(head.data.version), readable: READABLE_VERSIONS.join('、') }),
    };
  const parsed = AuditsFile.safeParse(data);
  if (parsed.success) return { ok: true, file: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, error: t('import_invalid', { where: where(issue.path), problem: issue.message }) };
}

/** 「第 3 份报告的 findings.0.severity」: which record, then the field, for someone fixing the file by hand. */
function where(path: readonly PropertyKey[]): string {
  if (path[0] !== 'reports' || typeof path[1] !== 'number') return path.length ? `${path.join('.')} ` : '';
  const field = path.slice(2).join('.');
  return field ? t('import_whereField', { n: path[1] + 1, field }) : t('import_whereReport', { n: path[1] + 1 });
}
