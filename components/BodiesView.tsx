import { useMemo } from 'preact/hooks';
import { bodiesGrid, crossYearItems } from '@/lib/app/bodies';
import { reportPage, rulePage } from '@/lib/app/ext-pages';
import { ruleTitle, SEVERITY_LABELS } from '@/lib/engine/labels';
import { severityCounts } from '@/lib/app/report-stats';
import type { ReportRecord } from '@/lib/app/schema';
import { SeverityCounts } from './Counts';

interface Props {
  records: readonly ReportRecord[];
  selected?: string;
  onSelect(reportId: string): void;
}

/** 机关 × 年度: a portal's reports side by side, and what only comparing the years reveals. */
export function BodiesView({ records, selected, onSelect }: Props) {
  const grid = useMemo(() => bodiesGrid(records), [records]);
  const cross = useMemo(() => crossYearItems(records), [records]);
  const select = (id: string) => (e: Event) => {
    // A real link (open in a new tab works); a plain click shows the findings below.
    e.preventDefault();
    onSelect(id);
  };

  return (
    <>
      <table class="records-table bodies-table">
        <thead>
          <tr>
            <th title="Body">机关</th>
            {grid.years.map((y) => (
              <th key={String(y)} title="Year">
                {y ?? '年度未识别'}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.bodies.map((b) => (
            <tr key={b.key} data-body={b.names[0] ?? ''}>
              <td>
                {b.names[0] || '（未识别机关）'}
                {b.names.length > 1 && (
                  <div class="muted" title="Also printed as">
                    亦作 {b.names.slice(1).join('、')}
                  </div>
                )}
              </td>
              {grid.years.map((y) => (
                <td key={String(y)} data-year={String(y)}>
                  {(b.byYear.get(y) ?? []).map((r) => (
                    <a
                      key={r.id}
                      class={`report-cell${r.id === selected ? ' selected' : ''}`}
                      href={reportPage(r.id)}
                      onClick={select(r.id)}
                      title={`${r.title || r.url} — 查看问题 / Show findings`}
                    >
                      <SeverityCounts counts={severityCounts(r.findings)} />
                    </a>
                  ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>

      <section class="cross-year-findings">
        <h2>
          跨年度比对发现的问题（{cross.length}） <small class="muted">Found only by comparing years</small>
        </h2>
        {cross.length === 0 ? (
          <p class="empty">没有跨年度问题。同一机关相邻两年的报告都审计过后，才会进行跨年度比对。</p>
        ) : (
          <table class="records-table">
            <thead>
              <tr>
                <th title="Body">机关</th>
                <th title="Year">年度</th>
                <th title="Rule">规则</th>
                <th title="Message">问题</th>
              </tr>
            </thead>
            <tbody>
              {cross.map(({ record: r, finding: f }) => (
                <tr key={`${r.id} ${f.id}`} data-rule={f.rule}>
                  <td>{r.agency || '—'}</td>
                  <td>{r.year ?? '—'}</td>
                  <td>
                    <span class={`sev sev-${f.severity}`} title={SEVERITY_LABELS[f.severity].en}>
                      {SEVERITY_LABELS[f.severity].zh}
                    </span>{' '}
                    <a href={rulePage(f.rule)} target="_blank" title={`规则说明 / Rule reference: ${ruleTitle(f.rule).en}`}>
                      {ruleTitle(f.rule).zh}
                    </a>
                  </td>
                  <td>
                    {f.message}{' '}
                    <a href={reportPage(r.id)} onClick={select(r.id)} title="Show the report's findings">
                      查看报告
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
