/**
 * Download a region's open data (or, for coordinators, all regions) as CSV
 * or JSON: published ideas (public fields only, paged with a progress bar),
 * plan activities with their ideas, and the public statistics.
 */
import { useId, useState } from 'react';
import { formatMessage } from '../../lib/formatMessage.ts';
import { CommitteeGate, type CommitteeContext } from '../Moderation/CommitteeGate.tsx';
import { exportOpenData } from '../../lib/supabase/adminApi.ts';
import '../Moderation/moderation.css';
import type { ExportMessages } from './messages.ts';
import { toCsv } from './toCsv.ts';

interface Props {
  messages: ExportMessages;
  regionNames: Record<string, string>;
  signInPath: string;
}

export default function ExportData({ messages, regionNames, signInPath }: Props) {
  return (
    <div className="committee">
      <CommitteeGate messages={messages} signInPath={signInPath} regionNames={regionNames}>
        {(context) => <Exporter key={context.region} context={context} messages={messages} />}
      </CommitteeGate>
    </div>
  );
}

function download(name: string, type: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function Exporter({ context, messages: m }: { context: CommitteeContext; messages: ExportMessages }) {
  const id = useId();
  const [all, setAll] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [status, setStatus] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const region = all ? null : context.region;

  async function run(format: 'csv' | 'json') {
    setProblem(undefined);
    setStatus(undefined);
    try {
      const { ideas, activities, statistics } = await exportOpenData(context.client, region, setProgress);
      const stamp = new Date().toISOString().slice(0, 10);
      const base = `zeri-${region ?? 'all'}-${stamp}`;
      if (format === 'json') {
        download(`${base}.json`, 'application/json', JSON.stringify({ region, generated_at: new Date().toISOString(), ideas, activities, statistics }, null, 2));
      } else {
        download(`${base}-ideas.csv`, 'text/csv;charset=utf-8', toCsv(ideas));
        download(`${base}-activities.csv`, 'text/csv;charset=utf-8', toCsv(activities));
        download(`${base}-statistics.csv`, 'text/csv;charset=utf-8', toCsv(statistics));
      }
      setStatus(formatMessage(m['committee.export.ready'], { count: ideas.length, activities: activities.length }));
    } catch {
      setProblem(m['committee.failed']);
    }
  }

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">{m['committee.export.scope']}</h2>
      {context.roles.coordinator && (
        <p>
          <label>
            <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> {m['committee.export.allRegions']}
          </label>
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={() => void run('csv')}>{m['committee.export.csv']}</button>
        <button type="button" className="secondary" onClick={() => void run('json')}>{m['committee.export.json']}</button>
      </div>
      {progress && (
        <p>
          <label htmlFor={`${id}-progress`}>{formatMessage(m['committee.export.progress'], { done: progress.done, total: progress.total })}</label>
          <br />
          <progress id={`${id}-progress`} max={Math.max(progress.total, 1)} value={progress.done} />
        </p>
      )}
      <div aria-live="polite">{status && <p className="callout">{status}</p>}</div>
      {problem && <p role="alert" className="problem">{problem}</p>}
    </section>
  );
}
