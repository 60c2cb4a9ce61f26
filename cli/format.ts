import { SEVERITY_LABELS } from '../lib/engine/labels';
import { cellKey } from '../lib/engine/model';
import type { Entry } from './entry';

const LAYOUT_ZH = { '2021': '2021 版格式', '2019': '2019 版格式', unknown: '格式未识别' } as const;

/** The readable Chinese summary of one audited input. */
export function formatSummary(e: Entry): string {
  if (e.error) return `✗ ${e.source}\n  无法读取：${e.error}\n`;
  if (!e.detected || !e.report) return `- ${e.source}\n  不是政府信息公开年度报告：${e.reason ?? ''}\n`;
  const r = e.report;
  const lines = [`■ ${r.agency || '（未识别机关）'} · ${r.year ?? '年份未识别'} 年度 · ${LAYOUT_ZH[r.layout]}`, `  来源：${e.source}`];
  const counts = (['error', 'warning', 'info'] as const).map((s) => `${SEVERITY_LABELS[s].zh} ${e.findings.filter((f) => f.severity === s).length}`);
  lines.push(`  ${counts.join(' · ')}`);
  for (const sev of ['error', 'warning', 'info'] as const) {
    for (const f of e.findings.filter((x) => x.severity === sev)) {
      lines.push(`  [${SEVERITY_LABELS[sev].zh}] ${f.message}（${f.rule}）`);
      if (f.cells?.length) lines.push(`      单元格：${f.cells.map(cellKey).join(' ')}`);
      if (f.expected !== undefined || f.actual !== undefined) lines.push(`      应为 ${f.expected ?? '—'}，实为 ${f.actual ?? '—'}`);
    }
  }
  if (!e.findings.length) lines.push('  未发现问题');
  return lines.join('\n') + '\n';
}
