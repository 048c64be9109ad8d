/**
 * The moderation log, read-only: who did what and when, filterable by
 * action and dates, newest first. Moderators see their region; a
 * coordinator picks a region.
 */
import { useEffect, useId, useState, type SubmitEvent } from 'react';
import { formatMessage } from '../../lib/formatMessage.ts';
import { CommitteeGate, type CommitteeContext } from '../Moderation/CommitteeGate.tsx';
import { isLogAction, logActions } from '../../lib/logActions.ts';
import { moderationLog, type LogEntry } from '../../lib/supabase/adminApi.ts';
import '../Moderation/moderation.css';
import type { LogMessages } from './messages.ts';
import { formatDateTime, tiraneWallClockToIso } from '../../lib/formatDate.ts';

interface Props {
  locale: 'sq' | 'en';
  messages: LogMessages;
  regionNames: Record<string, string>;
  signInPath: string;
}

const PAGE = 50;

export default function ModerationLog({ locale, messages, regionNames, signInPath }: Props) {
  return (
    <div className="committee">
      <CommitteeGate messages={messages} signInPath={signInPath} regionNames={regionNames}>
        {(context) => <Log key={context.region} context={context} locale={locale} messages={messages} />}
      </CommitteeGate>
    </div>
  );
}

function Log({ context, locale, messages: m }: { context: CommitteeContext; locale: 'sq' | 'en'; messages: LogMessages }) {
  const id = useId();
  const [filters, setFilters] = useState({ action: '', from: '', to: '' });
  const [draft, setDraft] = useState(filters);
  const [offset, setOffset] = useState(0);
  const [data, setData] = useState<{ total: number; items: LogEntry[] }>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    moderationLog(context.client, {
      region: context.region,
      action: filters.action || null,
      // Days as Albanians live them: midnight to midnight in Tirana, summer time included.
      from: filters.from ? tiraneWallClockToIso(filters.from) : null,
      to: filters.to ? new Date(Date.parse(tiraneWallClockToIso(filters.to, '23:59')) + 59_999).toISOString() : null,
      limit: PAGE,
      offset,
    }).then(setData, () => setProblem(m['committee.failed']));
  }, [context, filters, offset, m]);

  const when = (iso: string) => formatDateTime(locale, iso);
  // "Arta Hoxha published the idea": an action the list does not know yet is shown by its name.
  const sentence = (entry: LogEntry) =>
    formatMessage(m['committee.log.sentence'], {
      who: entry.actorName ?? m['committee.log.system'],
      did: isLogAction(entry.action) ? m[`committee.log.did.${entry.action}`] : entry.action,
    });
  return (
    <>
      <form
        className="filters"
        onSubmit={(event: SubmitEvent<HTMLFormElement>) => {
          event.preventDefault();
          setOffset(0);
          setFilters(draft);
        }}
      >
        <div className="row">
          <div className="field">
            <label htmlFor={`${id}-action`}>{m['committee.log.action']}</label>
            <select id={`${id}-action`} value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })}>
              <option value="">{m['committee.filters.any']}</option>
              {logActions.map((a) => <option key={a} value={a}>{m[`committee.log.did.${a}`]}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-from`}>{m['committee.log.from']}</label>
            <input id={`${id}-from`} type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{m['committee.log.to']}</label>
            <input id={`${id}-to`} type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
          </div>
          <button type="submit" className="secondary">{m['committee.filters.apply']}</button>
        </div>
      </form>
      {problem && <p role="alert" className="problem">{problem}</p>}
      {!data ? (
        <p role="status">{m['account.loading']}</p>
      ) : data.items.length === 0 ? (
        <p>{m['committee.log.empty']}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={m['committee.log.caption']}>
          <table>
            <caption>{m['committee.log.caption']}</caption>
            <thead>
              <tr>
                <th scope="col">{m['committee.log.when']}</th>
                <th scope="col">{m['committee.log.what']}</th>
                <th scope="col">{m['committee.log.idea']}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((entry) => (
                <tr key={entry.id}>
                  <td>{when(entry.at)}</td>
                  <td className="log-sentence">{sentence(entry)}</td>
                  <td>{entry.ideaId ? formatMessage(m['committee.log.ideaRef'], { ref: entry.ideaId.slice(0, 8).toUpperCase() }) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && data.total > PAGE && (
        <nav className="actions" aria-label={m['committee.log.caption']}>
          <button type="button" className="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{m['committee.queue.previous']}</button>
          <span>{formatMessage(m['committee.queue.page'], { page: offset / PAGE + 1, pages: Math.ceil(data.total / PAGE) })}</span>
          <button type="button" className="secondary" disabled={offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>{m['committee.queue.next']}</button>
        </nav>
      )}
    </>
  );
}
