import { useMemo, useState } from 'preact/hooks';
import type { TargetedKeyboardEvent } from 'preact';
import { LAYOUT_LABELS } from '@/lib/engine/labels';
import { formatUiTime, pick, t } from '@/lib/app/i18n';
import { groupRecords, nextSort, sortRecords, type NotesByReport, type RecordGroup, type RecordSort, type SortKey } from '@/lib/app/records-filter';
import { countedFindings, notesById, severityCounts, statusCounts } from '@/lib/app/report-stats';
import { STATUSES, type ReportRecord, type Status } from '@/lib/app/schema';
import { SeverityCounts, StatusCounts } from './Counts';

interface Props {
  records: readonly ReportRecord[];
  notes: NotesByReport;
  selected?: string;
  onSelect(reportId: string): void;
}

const COLUMNS: { key: SortKey; zh: string; en: string }[] = [
  { key: 'agency', zh: '机关', en: 'Agency' },
  { key: 'year', zh: '年度', en: 'Year' },
  { key: 'title', zh: '报告', en: 'Report' },
  { key: 'auditedAt', zh: '审计时间', en: 'Audited at' },
  { key: 'findings', zh: '问题', en: 'By severity' },
  { key: 'status', zh: '核实状态', en: 'By status' },
];

/**
 * The list of audited reports: columns sort on click (or Enter/Space on their header); rows are one Tab stop,
 * moved through with the arrow keys (Home/End), opened with Enter or Space. A body's year published at several
 * URLs is one group row that opens to show each.
 */
export function RecordsTable({ records, notes, selected, onSelect }: Props) {
  const [sort, setSort] = useState<RecordSort>();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [current, setCurrent] = useState<string>();
  const groups = useMemo(() => groupRecords(sortRecords(records, sort, notes)), [records, sort, notes]);
  const toggle = (key: string) => setExpanded((s) => (s.has(key) ? new Set([...s].filter((k) => k !== key)) : new Set([...s, key])));

  // Row keys in display order: what the arrow keys move through.
  const keys = groups.flatMap((g) => (g.records.length === 1 ? [g.records[0]!.id] : [g.key, ...(expanded.has(g.key) ? g.records.map((r) => r.id) : [])]));
  const tabStop = current !== undefined && keys.includes(current) ? current : keys[0];

  const onKeyDown = (e: TargetedKeyboardEvent<HTMLTableSectionElement>) => {
    const row = (e.target as HTMLElement).closest<HTMLTableRowElement>('tr[data-key]');
    if (!row) return;
    const at = keys.indexOf(row.dataset.key!);
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: keys.length - 1 };
    const to = moves[e.key];
    if (to !== undefined) {
      e.preventDefault();
      const key = keys[Math.max(0, Math.min(keys.length - 1, to))]!;
      setCurrent(key);
      e.currentTarget.querySelector<HTMLElement>(`tr[data-key="${CSS.escape(key)}"]`)?.focus();
    } else if ((e.key === 'Enter' || e.key === ' ') && e.target === row) {
      // Only on the row itself: a link or button inside the row keeps its own Enter.
      e.preventDefault();
      row.click();
    }
  };

  return (
    <table class="records-table reports-table">
      <caption class="visually-hidden">{t('table_caption')}</caption>
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <th key={c.key} aria-sort={sort?.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
              <button type="button" class="sort" title={`${c.en}: sort`} onClick={() => setSort(nextSort(sort, c.key))}>
                {pick(c)}
                <span class="sort-mark" aria-hidden="true">
                  {sort?.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
                </span>
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody onKeyDown={onKeyDown}>
        {groups.map((g) =>
          g.records.length === 1 ? (
            <Row
              key={g.key}
              record={g.records[0]!}
              notes={notes}
              selected={g.key === selected}
              tabStop={g.key === tabStop}
              onFocus={setCurrent}
              onSelect={onSelect}
            />
          ) : (
            <GroupRows
              key={g.key}
              group={g}
              notes={notes}
              open={expanded.has(g.key)}
              tabStop={tabStop}
              selected={selected}
              onToggle={toggle}
              onFocus={setCurrent}
              onSelect={onSelect}
            />
          ),
        )}
      </tbody>
    </table>
  );
}

interface RowProps {
  record: ReportRecord;
  notes: NotesByReport;
  selected: boolean;
  tabStop: boolean;
  member?: boolean;
  onFocus(key: string): void;
  onSelect(reportId: string): void;
}

function Row({ record: r, notes, selected, tabStop, member, onFocus, onSelect }: RowProps) {
  const byId = notesById(notes.get(r.id) ?? []);
  return (
    <tr
      data-key={r.id}
      class={[selected && 'selected', member && 'group-member'].filter(Boolean).join(' ') || undefined}
      tabIndex={tabStop ? 0 : -1}
      aria-current={selected ? 'true' : undefined}
      onFocus={(e) => e.target === e.currentTarget && onFocus(r.id)}
      onClick={() => onSelect(r.id)}
      title={t('table_rowTitle')}
    >
      <td>{r.agency || '—'}</td>
      <td>{r.year ?? '—'}</td>
      <td>
        <a href={r.url} target="_blank" rel="noreferrer" title={r.url} onClick={(e) => e.stopPropagation()}>
          {r.title || r.url}
        </a>
        <div class="muted">{pick(LAYOUT_LABELS[r.layout])}</div>
        {r.absentSince !== undefined && <div class="absent">{t('table_absent', { time: formatUiTime(r.absentSince) })}</div>}
      </td>
      <td>{formatUiTime(r.auditedAt)}</td>
      <td>
        <SeverityCounts counts={severityCounts(countedFindings(r.findings, byId))} />
      </td>
      <td>
        <StatusCounts counts={statusCounts(r.findings, byId)} />
      </td>
    </tr>
  );
}

interface GroupProps extends Omit<RowProps, 'record' | 'selected' | 'tabStop'> {
  group: RecordGroup;
  open: boolean;
  tabStop?: string;
  selected?: string;
  onToggle(key: string): void;
}

/** One row for a body's year published at several URLs, with the reports' rows below it once opened. */
function GroupRows({ group, notes, open, tabStop, selected, onToggle, onFocus, onSelect }: GroupProps) {
  const { records } = group;
  const first = records[0]!;
  const counted = records.flatMap((r) => countedFindings(r.findings, notesById(notes.get(r.id) ?? [])));
  const perReport = records.map((r) => statusCounts(r.findings, notesById(notes.get(r.id) ?? [])));
  const statusSum = Object.fromEntries(STATUSES.map((s) => [s, perReport.reduce((n, c) => n + c[s], 0)])) as Record<Status, number>;
  return (
    <>
      <tr
        data-key={group.key}
        class="group-row"
        tabIndex={tabStop === group.key ? 0 : -1}
        onFocus={(e) => e.target === e.currentTarget && onFocus(group.key)}
        onClick={() => onToggle(group.key)}
        title={t('table_groupTitle')}
      >
        <td>
          <button
            type="button"
            class="group-toggle"
            aria-expanded={open}
            tabIndex={-1}
            aria-label={t(open ? 'table_groupCollapse' : 'table_groupExpand', { count: records.length })}
          >
            {open ? '▾' : '▸'}
          </button>{' '}
          {first.agency}
        </td>
        <td>{first.year}</td>
        <td>
          <span class="muted">{t('table_groupUrls', { count: records.length })}</span>
          <ul class="group-urls">
            {records.map((r) => (
              <li key={r.id}>
                <a href={r.url} target="_blank" rel="noreferrer" title={r.title || r.url} onClick={(e) => e.stopPropagation()}>
                  {r.url}
                </a>
              </li>
            ))}
          </ul>
        </td>
        <td>{formatUiTime(Math.max(...records.map((r) => r.auditedAt)))}</td>
        <td>
          <SeverityCounts counts={severityCounts(counted)} />
        </td>
        <td>
          <StatusCounts counts={statusSum} />
        </td>
      </tr>
      {open &&
        records.map((r) => (
          <Row key={r.id} record={r} notes={notes} selected={r.id === selected} tabStop={r.id === tabStop} member onFocus={onFocus} onSelect={onSelect} />
        ))}
    </>
  );
}
