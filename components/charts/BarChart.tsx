/** Horizontal bars in plain SVG: one bar per item, its value at the end, the full label on hover. */
export interface Bar {
  label: string;
  value: number;
  /** Shown on hover (an English title, a rule id). */
  hint?: string;
}

const ROW = 22;
const LABEL_W = 190;
const BAR_W = 360;
const VALUE_W = 50;
/** Labels longer than this are cut with … in the chart; the table and the hover show them whole. */
const LABEL_CHARS = 13;

export function BarChart({ bars, label, tone = 'info' }: { bars: readonly Bar[]; label: string; tone?: 'info' | 'error' | 'warning' }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = Math.max(1, bars.length) * ROW;
  return (
    <svg
      class={`chart bar-chart tone-${tone}`}
      viewBox={`0 0 ${LABEL_W + BAR_W + VALUE_W} ${height}`}
      role="img"
      aria-label={label}
      preserveAspectRatio="xMinYMin meet"
    >
      {bars.map((b, i) => {
        const w = (b.value / max) * BAR_W;
        const y = i * ROW;
        const short = b.label.length > LABEL_CHARS ? `${b.label.slice(0, LABEL_CHARS)}…` : b.label;
        return (
          <g key={`${i}-${b.label}`}>
            <title>{`${b.label}${b.hint ? `（${b.hint}）` : ''}：${b.value}`}</title>
            <text x={LABEL_W - 6} y={y + ROW / 2} text-anchor="end" dominant-baseline="central" class="chart-label">
              {short}
            </text>
            <rect x={LABEL_W} y={y + 3} width={Math.max(w, b.value > 0 ? 1 : 0)} height={ROW - 6} rx="2" class="chart-bar" />
            <text x={LABEL_W + w + 4} y={y + ROW / 2} dominant-baseline="central" class="chart-value">
              {b.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
