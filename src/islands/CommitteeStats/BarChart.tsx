/**
 * A grouped bar chart in SVG with the same figures in a table beside it.
 * The SVG is one labelled image (its title says the table has the numbers);
 * the table is what screen readers and keyboard users read. Suppressed
 * cells (null) draw no bar and read "fewer than 10", unless the row gives
 * another reason for the gap (e.g. "not recorded").
 */
import { useId } from 'react';

export interface Series {
  name: string;
  className: string;
}

export interface ChartRow {
  label: string;
  values: Array<number | null>;
  /** Per value: what an empty (null) cell says instead of `suppressed`. */
  gaps?: Array<string | null>;
  /** A shorter label for the chart when `label` would not fit; the table keeps `label`. */
  shortLabel?: string;
}

interface Props {
  title: string;
  chartLabel: string;
  firstColumn: string;
  series: Series[];
  rows: ChartRow[];
  suppressed: string;
  /** Room for the row labels, in viewBox units (long labels: activity titles). */
  labelWidth?: number;
}

const BAR = 14;
const GAP = 10;
const WIDTH = 520;

export function BarChart({ title, chartLabel, firstColumn, series, rows, suppressed, labelWidth = 150 }: Props) {
  const id = useId();
  const max = Math.max(1, ...rows.flatMap((row) => row.values.map((v) => v ?? 0)));
  const groupHeight = series.length * BAR + GAP;
  const height = rows.length * groupHeight + GAP;
  const scale = (WIDTH - labelWidth - 50) / max;
  return (
    <figure className="stats-figure" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>
        <h3>{title}</h3>
      </figcaption>
      <div className="stats-pair">
        <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={chartLabel} className="stats-chart">
          {rows.map((row, r) => (
            <g key={row.label} transform={`translate(0 ${GAP + r * groupHeight})`}>
              <text x={labelWidth - 8} y={(series.length * BAR) / 2 + 4} textAnchor="end" className="stats-label">
                {row.shortLabel ?? row.label}
              </text>
              {row.values.map((value, s) => (
                <g key={s}>
                  {value !== null && (
                    <rect x={labelWidth} y={s * BAR} width={Math.max(1, value * scale)} height={BAR - 2} className={series[s]?.className} />
                  )}
                  <text x={labelWidth + (value ?? 0) * scale + 4} y={s * BAR + BAR - 4} className="stats-value">
                    {value ?? (row.gaps?.[s] ? '–' : '<10')}
                  </text>
                </g>
              ))}
            </g>
          ))}
        </svg>
        <table className="stats-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{firstColumn}</th>
              {series.map((s) => (
                <th scope="col" key={s.name}>
                  <span className={`stats-key ${s.className}`} aria-hidden="true" /> {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                {row.values.map((value, s) => (
                  <td key={s}>{value ?? row.gaps?.[s] ?? suppressed}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
