/**
 * The national coordinator's administration: safeguarding flags no officer
 * read within one working day (no words), approve or remove teachers,
 * appoint and remove committee members per region, open and close regional
 * open calls. Every action is a checked, logged database function.
 */
import { useCallback, useEffect, useId, useState, type SubmitEvent } from 'react';
import { formatMessage } from '../../lib/formatMessage.ts';
import { CommitteeGate, type CommitteeContext } from '../Moderation/CommitteeGate.tsx';
import {
  adminOverview,
  appointModerator,
  approveTeacher,
  closeOpenCall,
  findUsers,
  openCall,
  removeModerator,
  removeTeacher,
  type FoundUser,
  type Overview,
} from '../../lib/supabase/adminApi.ts';
import '../Moderation/moderation.css';
import type { AdminMessages } from './messages.ts';
import { formatDateTime } from '../../lib/formatDate.ts';
import type { Locale } from '../../i18n/locales.ts';

interface Props {
  locale: Locale;
  messages: AdminMessages;
  regionNames: Record<string, string>;
  signInPath: string;
}

export default function AdminPanel({ locale, messages, regionNames, signInPath }: Props) {
  return (
    <div className="committee">
      <CommitteeGate messages={messages} signInPath={signInPath} regionNames={regionNames} need="coordinator">
        {(context) => <Admin context={context} locale={locale} messages={messages} regionNames={regionNames} />}
      </CommitteeGate>
    </div>
  );
}

function Admin({ context, locale, messages: m, regionNames }: { context: CommitteeContext; locale: Locale; messages: AdminMessages; regionNames: Record<string, string> }) {
  const id = useId();
  const [overview, setOverview] = useState<Overview>();
  const [notice, setNotice] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<FoundUser[]>();
  const [appointRegion, setAppointRegion] = useState(Object.keys(regionNames)[0] ?? 'kukes');
  const [call_, setCall] = useState({ region: Object.keys(regionNames)[0] ?? 'kukes', opens: '', closes: '', max: 500 });

  const load = useCallback(() => {
    adminOverview(context.client).then(setOverview, () => setProblem(m['committee.failed']));
  }, [context.client, m]);
  useEffect(load, [load]);

  /** Runs one action; `notice` turns its answer into what the coordinator is told. */
  const run = <T,>(action: Promise<T>, notice: (result: T) => string = () => m['committee.saved']) =>
    action.then(
      (result) => {
        setProblem(undefined);
        setNotice(notice(result));
        load();
      },
      () => setProblem(m['committee.failed']),
    );
  const client = context.client;

  const date = (iso: string) => formatDateTime(locale, iso);
  if (!overview) return <p role="status">{problem ?? m['account.loading']}</p>;
  return (
    <>
      <div aria-live="polite">{notice && <p className="callout">{notice}</p>}</div>
      {problem && <p role="alert" className="problem">{problem}</p>}

      <section aria-labelledby={`${id}-overdue`}>
        <h2 id={`${id}-overdue`}>{m['committee.admin.overdueFlags']}</h2>
        {overview.safeguardingOverdue.length === 0 ? (
          <p>{m['committee.admin.noOverdueFlags']}</p>
        ) : (
          <>
            <p>{m['committee.admin.overdueFlagsHint']}</p>
            <table>
              <thead>
                <tr>
                  <th scope="col">{m['committee.admin.colRegion']}</th>
                  <th scope="col">{m['committee.admin.colReceived']}</th>
                  <th scope="col">{m['committee.admin.colWorkingDays']}</th>
                </tr>
              </thead>
              <tbody>
                {overview.safeguardingOverdue.map((flag) => (
                  <tr key={flag.id}>
                    <td>{regionNames[flag.region] ?? flag.region}</td>
                    <td>{date(flag.createdAt)}</td>
                    <td>{flag.workingDays}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

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
              <tr key={t.userId}>
                <td>{t.displayName}</td>
                <td>{t.email}</td>
                <td>{t.school}</td>
                <td>{regionNames[t.region] ?? t.region}</td>
                <td>{t.approvedAt ? m['committee.admin.approved'] : m['committee.admin.waiting']}</td>
                <td>
                  {!t.approvedAt && (
                    <button type="button" className="primary" aria-label={`${m['committee.admin.approve']}: ${t.displayName}`} onClick={() => void run(approveTeacher(client, t.userId))}>
                      {m['committee.admin.approve']}
                    </button>
                  )}{' '}
                  <button type="button" className="secondary" aria-label={`${m['committee.admin.remove']}: ${t.displayName}`} onClick={() => void run(removeTeacher(client, t.userId))}>
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
              <tr key={member.userId}>
                <td>{regionNames[member.region] ?? member.region}</td>
                <td>{member.displayName}</td>
                <td>{member.email}</td>
                <td>
                  <button type="button" className="secondary" aria-label={`${m['committee.admin.remove']}: ${member.displayName}`} onClick={() => void run(removeModerator(client, member.userId))}>
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
            findUsers(client, query).then(setFound, () => setProblem(m['committee.failed']));
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
                <li key={user.userId}>
                  {user.displayName} ({user.email}){' '}
                  <button type="button" className="primary" onClick={() => void run(appointModerator(client, user.userId, appointRegion))}>
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
                  <td>{c.joinCode}</td>
                  <td>{date(c.closesAt)}</td>
                  <td>
                    <button type="button" className="secondary" aria-label={`${m['committee.admin.close']}: ${c.joinCode}`} onClick={() => void run(closeOpenCall(client, c.id))}>
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
            void run(
              openCall(client, {
                region: call_.region,
                opensAt: call_.opens ? new Date(call_.opens).toISOString() : new Date().toISOString(),
                closesAt: call_.closes ? new Date(call_.closes).toISOString() : null,
                maxIdeas: call_.max,
              }),
              ({ joinCode }) => formatMessage(m['committee.admin.callOpened'], { code: joinCode }),
            );
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
