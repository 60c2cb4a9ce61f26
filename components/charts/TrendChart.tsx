/** A line over the years in plain SVG: points at each year, their values on hover and as labels. */
export interface Point {
  label: string;
  value: number;
  /** How the value is printed (a share as 「50.0%」). */
  text?: string;
}

const W = 600;
const H = 200;
const PAD = { left: 40, right: 20, top: 20, bottom: 30 };

export function TrendChart({ points, label, max: fixedMax }: { points: readonly Point[]; label: string; max?: number }) {
  const max = fixedMax ?? Math.max(1, ...points.map((p) => p.value));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length > 1 ? (i / (points.length - 1)) * innerW : innerW / 2);
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  return (
    <svg class="chart trend-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <line x1={PAD.left} y1={PAD.top + innerH} x2={W - PAD.right} y2={PAD.top + innerH} class="chart-axis" />
      <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={PAD.top + innerH} class="chart-axis" />
      <text x={PAD.left - 6} y={PAD.top} text-anchor="end" dominant-baseline="central" class="chart-label">
        {fixedMax === 1 ? '100%' : max}
      </text>
      <text x={PAD.left - 6} y={PAD.top + innerH} text-anchor="end" dominant-baseline="central" class="chart-label">
        0
      </text>
      {points.length > 1 && <path d={path} class="chart-line" />}
      {points.map((p, i) => (
        <g key={p.label}>
          <title>{`${p.label}：${p.text ?? p.value}`}</title>
          <circle cx={x(i)} cy={y(p.value)} r="4" class="chart-point" />
          <text x={x(i)} y={y(p.value) - 9} text-anchor="middle" class="chart-value">
            {p.text ?? p.value}
          </text>
          <text x={x(i)} y={H - 10} text-anchor="middle" class="chart-label">
            {p.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
