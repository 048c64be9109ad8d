/**
 * Public statistics of ideas for one region or the whole country (cells
 * under 10 already null in the database): by month, by theme, what happened to them, adoption rate, median days to
 * an answer; nationally also a table per region. Then the awareness
 * activities run (ActivityStatistics), from the same module.
 */
import { useEffect, useState } from 'react';
import { formatMessage } from '../../lib/formatMessage.ts';
import { ideaThemes } from '../../lib/schemas/idea.ts';
import { ideaStatistics, type IdeaStatisticsRow } from '../../lib/supabase/statisticsApi.ts';
import { ActivityStatistics } from './ActivityStatistics.tsx';
import { BarChart, type Series } from './BarChart.tsx';
import type { StatsMessages } from './messages.ts';
import './stats.css';
import { formatMonth } from '../../lib/formatDate.ts';
import { formatNumber } from '../../lib/formatNumber.ts';

interface Props {
  locale: 'sq' | 'en';
  /** A region id, or 'all' for the country. */
  scope: string;
  regionNames: Record<string, string>;
  /** activity translationKey → title in this locale, from the activities collection. */
  activityTitles: Record<string, string>;
  messages: StatsMessages;
}

type Row = IdeaStatisticsRow;

export default function IdeaStatistics({ locale, scope, regionNames, activityTitles, messages: m }: Props) {
  const [rows, setRows] = useState<Row[] | 'loading' | 'failed'>('loading');

  useEffect(() => {
    ideaStatistics(scope).then(setRows, () => setRows('failed'));
  }, [scope]);

  if (rows === 'loading') return <p role="status">{m['stats.loading']}</p>;
  if (rows === 'failed') return <p role="alert" className="callout">{m['stats.failed']}</p>;

  const mine = rows.filter((r) => r.scope === scope);
  const series: Series[] = [
    { name: m['stats.submitted'], className: 'bar-submitted' },
    { name: m['stats.published'], className: 'bar-published' },
    { name: m['stats.adopted'], className: 'bar-adopted' },
  ];
  const values = (r: Row | undefined) => [r?.submitted ?? null, r?.published ?? null, r?.adopted ?? null];
  const monthName = (key: string) => formatMonth(locale, key.slice(0, 10));
  const months = mine.filter((r) => r.kind === 'month').sort((a, b) => a.key.localeCompare(b.key)).slice(-12);
  const total = mine.find((r) => r.kind === 'total');
  const rate = total?.published && total.adopted !== null ? `${Math.round((100 * total.adopted) / total.published)}%` : null;
  const chart = (title: string) => formatMessage(m['stats.chartLabel'], { title });

  return (
    <div className="stats">
      <section aria-labelledby="stats-outcome">
        <h2 id="stats-outcome">{m['stats.outcome']}</h2>
        <BarChart
          title={m['stats.outcome']}
          chartLabel={chart(m['stats.outcome'])}
          firstColumn={m['stats.measure']}
          series={[{ name: m['stats.count'], className: 'bar-submitted' }]}
          rows={series.map((s, n) => ({ label: s.name, values: [values(total)[n] ?? null] }))}
          suppressed={m['stats.suppressed']}
        />
        <p>{rate ? formatMessage(m['stats.adoptionRate'], { value: rate }) : `${m['stats.adoptionRate'].replace(/:.*$/, ':')} ${m['stats.notEnough']}`}</p>
        <p>
          {total?.medianDays != null
            ? formatMessage(m['stats.median'], { value: formatNumber(locale, total.medianDays) })
            : `${m['stats.median'].replace(/:.*$/, ':')} ${m['stats.notEnough']}`}
        </p>
      </section>
      <section aria-labelledby="stats-month">
        <h2 id="stats-month">{m['stats.byMonth']}</h2>
        {months.length === 0 ? (
          <p>{m['stats.notEnough']}</p>
        ) : (
          <BarChart title={m['stats.byMonth']} chartLabel={chart(m['stats.byMonth'])} firstColumn={m['stats.month']} series={series}
            rows={months.map((r) => ({ label: monthName(r.key), values: values(r) }))} suppressed={m['stats.suppressed']} />
        )}
      </section>
      <section aria-labelledby="stats-theme">
        <h2 id="stats-theme">{m['stats.byTheme']}</h2>
        <BarChart title={m['stats.byTheme']} chartLabel={chart(m['stats.byTheme'])} firstColumn={m['stats.theme']} series={series}
          rows={ideaThemes.map((theme) => ({ label: m[`theme.${theme}` as const], values: values(mine.find((r) => r.kind === 'theme' && r.key === theme)) }))}
          suppressed={m['stats.suppressed']} labelWidth={210} />
      </section>
      <ActivityStatistics scope={scope} activityTitles={activityTitles} messages={m} />
      {scope === 'all' && (
        <section aria-labelledby="stats-regions">
          <h2 id="stats-regions">{m['stats.regions']}</h2>
          <BarChart title={m['stats.regions']} chartLabel={chart(m['stats.regions'])} firstColumn={m['committee.admin.colRegion']} series={series}
            rows={Object.entries(regionNames).map(([id, name]) => ({ label: name, values: values(rows.find((r) => r.scope === id && r.kind === 'total')) }))}
            suppressed={m['stats.suppressed']} />
        </section>
      )}
    </div>
  );
}
