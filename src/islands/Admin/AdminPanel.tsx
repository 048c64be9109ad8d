/**
 * The national coordinator's administration: approve or remove teachers,
 * appoint and remove committee members per region, open and close regional
 * open calls. Every action is a checked, logged database function.
 */
import { useCallback, useEffect, useId, useState, type SubmitEvent } from 'react';
import { formatMessage } from '../../lib/formatMessage.ts';
import { CommitteeGate, type CommitteeContext } from '../Moderation/CommitteeGate.tsx';
import { call } from '../../lib/supabase/committeeApi.ts';
import '../Moderation/moderation.css';
import type { AdminMessages } from './messages.ts';

interface Props {
  messages: AdminMessages;
  regionNames: Record<string, string>;
  signInPath: string;
}

interface Overview {
  teachers: Array<{ user_id: string; display_name: string; email: string | null; school: string; region: string; approved_at: string | null }>;
  members: Array<{ user_id: string; display_name: string; email: string | null; region: string }>;
  calls: Array<{ id: string; region: string; join_code: string; closes_at: string }>;
}

interface FoundUser {
  user_id: string;
  display_name: string;
  email: string | null;
}

export default function AdminPanel({ messages, regionNames, signInPath }: Props) {
  return (
    <div className="committee">
      <CommitteeGate messages={messages} signInPath={signInPath} regionNames={regionNames} need="coordinator">
        {(context) => <Admin context={context} messages={messages} regionNames={regionNames} />}
      </CommitteeGate>
    </div>
  );
}

function Admin({ context, messages: m, regionNames }: { context: CommitteeContext; messages: AdminMessages; regionNames: Record<string, string> }) {
  const id = useId();
  const [overview, setOverview] = useState<Overview>();
  const [notice, setNotice] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<FoundUser[]>();
  const [appointRegion, setAppointRegion] = useState(Object.keys(regionNames)[0] ?? 'kukes');
  const [call_, setCall] = useState({ region: Object.keys(regionNames)[0] ?? 'kukes', opens: '', closes: '', max: 500 });

  const load = useCallback(() => {
    call<Overview>(context.client, 'admin_overview').then(setOverview, () => setProblem(m['committee.failed']));
  }, [context.client, m]);
  useEffect(load, [load]);

  const run = (fn: string, args: Record<string, unknown>, message = m['committee.saved']) =>
    call<Record<string, unknown>>(context.client, fn, args).then(
      (result) => {
        setProblem(undefined);
        setNotice(fn === 'open_call' ? formatMessage(m['committee.admin.callOpened'], { code: String(result['join_code']) }) : message);
        load();
      },
      () => setProblem(m['committee.failed']),
    );

  const date = (iso: string) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Tirane' }).format(new Date(iso));
  if (!overview) return <p role="status">{problem ?? m['account.loading']}</p>;
  return (
    <>
      <div aria-live="polite">{notice && <p className="callout">{notice}</p>}</div>
      {problem && <p role="alert" className="problem">{problem}</p>}

      <section aria-labelledby={`${id}-teachers`}>
        <h2 id={`${id}-teachers`}>{m['committee.admin.teachers']}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{m['committee.admin.colName']}</th>
              <th scope="col">{m['committee.admin.colEmail']}</th>
              <th scope="col">{m['committee.admin.colSchool']}</th>
              <th scope="col">{m['committee.admin.colRegion']}</th>
              <th scope="col">{m['committee.admin.colStatus']}</th>
              <th scope="col">{m['committee.admin.colAction']}</th>
            </tr>
          </thead>
          <tbody>
            {overview.teachers.map((t) => (
              <tr key={t.user_id}>
                <td>{t.display_name}</td>
                <td>{t.email}</td>
                <td>{t.school}</td>
                <td>{regionNames[t.region] ?? t.region}</td>
                <td>{t.approved_at ? m['committee.admin.approved'] : m['committee.admin.waiting']}</td>
                <td>
                  {!t.approved_at && (
                    <button type="button" className="primary" aria-label={`${m['committee.admin.approve']}: ${t.display_name}`} onClick={() => void run('approve_teacher', { p_user_id: t.user_id })}>
                      {m['committee.admin.approve']}
                    </button>
                  )}{' '}
                  <button type="button" className="secondary" aria-label={`${m['committee.admin.remove']}: ${t.display_name}`} onClick={() => void run('remove_teacher', { p_user_id: t.user_id })}>
                    {m['committee.admin.remove']}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby={`${id}-members`}>
        <h2 id={`${id}-members`}>{m['committee.admin.members']}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{m['committee.admin.colRegion']}</th>
              <th scope="col">{m['committee.admin.colName']}</th>
              <th scope="col">{m['committee.admin.colEmail']}</th>
              <th scope="col">{m['committee.admin.colAction']}</th>
            </tr>
          </thead>
          <tbody>
            {overview.members.map((member) => (
              <tr key={member.user_id}>
                <td>{regionNames[member.region] ?? member.region}</td>
                <td>{member.display_name}</td>
                <td>{member.email}</td>
                <td>
                  <button type="button" className="secondary" aria-label={`${m['committee.admin.remove']}: ${member.display_name}`} onClick={() => void run('remove_moderator', { p_user_id: member.user_id })}>
                    {m['committee.admin.remove']}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <form
          className="panel-box"
          onSubmit={(event: SubmitEvent<HTMLFormElement>) => {
            event.preventDefault();
            call<FoundUser[]>(context.client, 'find_users', { p_query: query }).then(setFound, () => setProblem(m['committee.failed']));
          }}
        >
          <h3>{m['committee.admin.appoint']}</h3>
          <div className="row">
            <div className="field">
              <label htmlFor={`${id}-find`}>{m['committee.admin.findUser']}</label>
              <input id={`${id}-find`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-appoint-region`}>{m['committee.admin.colRegion']}</label>
              <select id={`${id}-appoint-region`} value={appointRegion} onChange={(e) => setAppointRegion(e.target.value)}>
                {Object.entries(regionNames).map(([rid, name]) => <option key={rid} value={rid}>{name}</option>)}
              </select>
            </div>
            <button type="submit" className="secondary">{m['committee.admin.search']}</button>
          </div>
          {found && (
            <ul>
              {found.map((user) => (
                <li key={user.user_id}>
                  {user.display_name} ({user.email}){' '}
                  <button type="button" className="primary" onClick={() => void run('appoint_moderator', { p_user_id: user.user_id, p_region: appointRegion })}>
                    {formatMessage(m['committee.admin.appointTo'], { region: regionNames[appointRegion] ?? appointRegion })}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </form>
      </section>

      <section aria-labelledby={`${id}-calls`}>
        <h2 id={`${id}-calls`}>{m['committee.admin.calls']}</h2>
        {overview.calls.length === 0 ? (
          <p>{m['committee.admin.noCalls']}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{m['committee.admin.colRegion']}</th>
                <th scope="col">{m['committee.admin.colCode']}</th>
                <th scope="col">{m['committee.admin.colCloses']}</th>
                <th scope="col">{m['committee.admin.colAction']}</th>
              </tr>
            </thead>
            <tbody>
              {overview.calls.map((c) => (
                <tr key={c.id}>
                  <td>{regionNames[c.region] ?? c.region}</td>
                  <td>{c.join_code}</td>
                  <td>{date(c.closes_at)}</td>
                  <td>
                    <button type="button" className="secondary" aria-label={`${m['committee.admin.close']}: ${c.join_code}`} onClick={() => void run('close_session', { p_session_id: c.id })}>
                      {m['committee.admin.close']}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <form
          className="panel-box"
          onSubmit={(event: SubmitEvent<HTMLFormElement>) => {
            event.preventDefault();
            void run('open_call', {
              p_region: call_.region,
              p_opens_at: call_.opens ? new Date(call_.opens).toISOString() : new Date().toISOString(),
              p_closes_at: call_.closes ? new Date(call_.closes).toISOString() : null,
              p_max_ideas: call_.max,
            });
          }}
        >
          <h3>{m['committee.admin.openCall']}</h3>
          <div className="row">
            <div className="field">
              <label htmlFor={`${id}-call-region`}>{m['committee.admin.colRegion']}</label>
              <select id={`${id}-call-region`} value={call_.region} onChange={(e) => setCall({ ...call_, region: e.target.value })}>
                {Object.entries(regionNames).map(([rid, name]) => <option key={rid} value={rid}>{name}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-opens`}>{m['committee.admin.opensAt']}</label>
              <input id={`${id}-opens`} type="datetime-local" value={call_.opens} onChange={(e) => setCall({ ...call_, opens: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-closes`}>{m['committee.admin.closesAt']}</label>
              <input id={`${id}-closes`} type="datetime-local" value={call_.closes} onChange={(e) => setCall({ ...call_, closes: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-max`}>{m['committee.admin.maxIdeas']}</label>
              <input id={`${id}-max`} type="number" min={1} max={10000} value={call_.max} onChange={(e) => setCall({ ...call_, max: Number(e.target.value) })} />
            </div>
            <button type="submit" className="primary">{m['committee.admin.openCall']}</button>
          </div>
        </form>
      </section>
    </>
  );
}
