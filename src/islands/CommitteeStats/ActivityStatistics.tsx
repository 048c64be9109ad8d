/**
 * "Awareness activities run": per activity of the library, how many lessons
 * teachers gave, how many students were there and how many ideas they sent,
 * from the public statistics (children's counts under 10 are
 * already null there). Titles come from the activities collection at build
 * time; a slug the collection no longer has reads "Other activity".
 */
import { useEffect, useState, type ReactNode } from 'react';
import { formatMessage } from '../../lib/formatMessage.ts';
import { activityStatistics, type ActivityStatisticsRow } from '../../lib/supabase/statisticsApi.ts';
import { BarChart, type ChartRow } from './BarChart.tsx';
import type { StatsMessages } from './messages.ts';

interface Props {
  /** A region id, or 'all' for the country. */
  scope: string;
  /** activity translationKey → title in the page's locale. */
  activityTitles: Record<string, string>;
  messages: StatsMessages;
}

const CHART_LABEL_CHARS = 34;

function shorten(label: string): string | undefined {
  return label.length > CHART_LABEL_CHARS ? `${label.slice(0, CHART_LABEL_CHARS - 1).trimEnd()}…` : undefined;
}

export function ActivityStatistics({ scope, activityTitles, messages: m }: Props) {
  const [rows, setRows] = useState<ActivityStatisticsRow[] | 'loading' | 'failed'>('loading');

  useEffect(() => {
    activityStatistics(scope).then(setRows, () => setRows('failed'));
  }, [scope]);

  let content: ReactNode;
  if (rows === 'loading') content = <p role="status">{m['stats.loading']}</p>;
  else if (rows === 'failed') content = <p role="alert" className="callout">{m['stats.failed']}</p>;
  else if (rows.length === 0) content = <p>{m['stats.activities.none']}</p>;
  else {
    let others = 0;
    const unknown = rows.filter((row) => !activityTitles[row.key]).length;
    const chartRows: ChartRow[] = [...rows]
      .sort((a, b) => b.sessionsRun - a.sessionsRun || a.key.localeCompare(b.key))
      .map((row) => {
        // Several retired slugs would all read "Other activity": number them so each row stays distinct.
        const label = activityTitles[row.key] ?? (unknown > 1 ? `${m['stats.activities.other']} ${++others}` : m['stats.activities.other']);
        const short = shorten(label);
        return {
          label,
          ...(short ? { shortLabel: short } : {}),
          values: [row.sessionsRun, row.studentsPresent, row.ideas],
          gaps: [null, row.sessionsWithCount === 0 ? m['stats.activities.notRecorded'] : null, null],
        };
      });
    content = (
      <BarChart
        title={m['stats.activities.title']}
        chartLabel={formatMessage(m['stats.chartLabel'], { title: m['stats.activities.title'] })}
        firstColumn={m['stats.activities.activity']}
        series={[
          { name: m['stats.activities.sessions'], className: 'bar-submitted' },
          { name: m['stats.activities.students'], className: 'bar-published' },
          { name: m['stats.activities.ideas'], className: 'bar-adopted' },
        ]}
        rows={chartRows}
        suppressed={m['stats.suppressed']}
        labelWidth={230}
      />
    );
  }

  return (
    <section aria-labelledby="stats-activities">
      <h2 id="stats-activities">{m['stats.activities.title']}</h2>
      <p>{m['stats.activities.lead']}</p>
      {content}
    </section>
  );
}
