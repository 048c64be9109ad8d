/**
 * Published ideas per theme: a small bar chart for the eye and the same
 * numbers in a table for everyone else (the chart is hidden from assistive
 * technology, the table is not). Bar lengths are SVG attributes, not inline
 * styles, so the strict Content-Security-Policy allows them.
 */
import { ideaThemes, type IdeaTheme } from '../../lib/schemas/idea.ts';
import type { IdeasWallMessages } from './messages.ts';

interface Props {
  m: IdeasWallMessages;
  counts: Record<IdeaTheme, number>;
  id: string;
}

const ROW = 28;
const LABEL = 190;
const BAR = 220;

export function ThemeChart({ m, counts, id }: Props) {
  const max = Math.max(1, ...ideaThemes.map((theme) => counts[theme]));
  return (
    <section className="theme-chart" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{m['wall.chartTitle']}</h3>
      <svg
        viewBox={`0 0 ${LABEL + BAR + 50} ${ROW * ideaThemes.length}`}
        width="100%"
        className="theme-chart-bars"
        aria-hidden="true"
        focusable="false"
      >
        {ideaThemes.map((theme, index) => (
          <g key={theme} transform={`translate(0 ${index * ROW})`}>
            <text x={LABEL - 8} y={ROW / 2} dominantBaseline="middle" textAnchor="end" className="chart-label">
              {m[`theme.${theme}`]}
            </text>
            <rect x={LABEL} y={5} height={ROW - 10} width={Math.max(counts[theme] > 0 ? 2 : 0, (counts[theme] / max) * BAR)} className="chart-bar" rx="3" />
            <text x={LABEL + (counts[theme] / max) * BAR + 6} y={ROW / 2} dominantBaseline="middle" className="chart-value">
              {counts[theme]}
            </text>
          </g>
        ))}
      </svg>
      <table className="theme-table">
        <caption>{m['wall.tableCaption']}</caption>
        <thead>
          <tr>
            <th scope="col">{m['wall.tableTheme']}</th>
            <th scope="col">{m['wall.tableCount']}</th>
          </tr>
        </thead>
        <tbody>
          {ideaThemes.map((theme) => (
            <tr key={theme}>
              <th scope="row">{m[`theme.${theme}`]}</th>
              <td>{counts[theme]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
