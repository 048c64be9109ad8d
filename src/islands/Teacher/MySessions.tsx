/**
 * "My sessions": every session of the teacher with its status and counts by
 * moderation status, and, on demand, the texts the committee published from
 * it, to discuss in class. Pending originals are never shown: the view the
 * page reads does not contain them.
 */
import { useEffect, useState } from 'react';
import type { AuthClient } from '../../lib/supabase/authClient.ts';
import { formatMessage } from '../../lib/formatMessage.ts';
import { Gate } from '../Account/Gate.tsx';
import { formatDate, formatTime } from '../../lib/formatDate.ts';
import type { MessagesOf, mySessionsMessageKeys } from './messages.ts';
import { sessionStatus } from './sessionWindow.ts';
import { listSessions, publishedIdeas, type PublishedIdea, type SessionCounts } from '../../lib/supabase/teacherApi.ts';
import '../Account/account.css';
import './teacher.css';

type M = MessagesOf<typeof mySessionsMessageKeys>;

interface Props {
  locale: 'sq' | 'en';
  messages: M;
  signInPath: string;
  newSessionPath: string;
  screenPath: string;
  sheetPath: string;
  transcribePath: string;
  regionNames: Record<string, string>;
  activityTitles: Record<string, string>;
}

export default function MySessions(props: Props) {
  return (
    <Gate messages={props.messages} signInPath={props.signInPath} need="teacher" regionNames={props.regionNames}>
      {(_roles, client) => <SessionList {...props} client={client} />}
    </Gate>
  );
}

function SessionList({ locale, messages: m, client, newSessionPath, screenPath, sheetPath, transcribePath, activityTitles }: Props & { client: AuthClient }) {
  const [sessions, setSessions] = useState<SessionCounts[]>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    listSessions(client).then(setSessions, () => setFailed(true));
  }, [client]);

  const now = new Date();
  return (
    <div className="teacher-sessions">
      <p>
        <a className="button" href={newSessionPath}>
          {m['teacher.newSession']}
        </a>
      </p>
      <h2>{m['teacher.sessionsTitle']}</h2>
      {failed && (
        <p role="alert" className="callout">
          {m['account.failed']}
        </p>
      )}
      {!sessions && !failed && <p role="status">{m['account.loading']}</p>}
      {sessions?.length === 0 && <p>{m['teacher.empty']}</p>}
      <ul className="session-list">
        {sessions?.map((session) => {
          const status = sessionStatus(session, now);
          const query = `?id=${encodeURIComponent(session.sessionId)}`;
          const grade = session.gradeBand === '6-9' || session.gradeBand === '10-12' ? m[`teacher.new.gradeBand.${session.gradeBand}`] : '';
          return (
            <li key={session.sessionId} className="session-card">
              <h3>
                {session.school} · {grade} <span className={`status status-${status}`}>{m[`teacher.status.${status}`]}</span>
              </h3>
              <p className="meta">
                {formatMessage(m['teacher.when'], {
                  date: formatDate(locale, session.opensAt, 'device'),
                  from: formatTime(locale, session.opensAt, 'device'),
                  to: formatTime(locale, session.closedAt ?? session.closesAt, 'device'),
                })}
              </p>
              <dl className="facts">
                <dt>{m['teacher.code']}</dt>
                <dd className="code-inline">{session.joinCode}</dd>
                <dt>{m['teacher.activity']}</dt>
                <dd>{session.activitySlug ? (activityTitles[session.activitySlug] ?? session.activitySlug) : m['teacher.noActivity']}</dd>
              </dl>
              <dl className="counts">
                {(['total', 'pending', 'approved', 'adopted', 'rejected'] as const).map((key) => (
                  <div key={key}>
                    <dt>{m[`teacher.counts.${key}`]}</dt>
                    <dd>{session[key]}</dd>
                  </div>
                ))}
              </dl>
              <ul className="session-links">
                {status !== 'closed' && (
                  <li>
                    <a href={`${screenPath}${query}`}>{m['teacher.openScreen']}</a>
                  </li>
                )}
                <li>
                  <a href={`${sheetPath}${query}`}>{m['teacher.openSheet']}</a>
                </li>
                {status === 'open' && (
                  <li>
                    <a href={`${transcribePath}${query}`}>{m['teacher.openTranscribe']}</a>
                  </li>
                )}
              </ul>
              {session.approved + session.adopted > 0 ? (
                <Published messages={m} client={client} sessionId={session.sessionId} />
              ) : (
                session.total > 0 && <p className="meta">{m['teacher.published.none']}</p>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function Published({ messages: m, client, sessionId }: { messages: M; client: AuthClient; sessionId: string }) {
  const [ideas, setIdeas] = useState<PublishedIdea[]>();
  const [failed, setFailed] = useState(false);
  function load(open: boolean) {
    if (open && !ideas) publishedIdeas(client, sessionId).then(setIdeas, () => setFailed(true));
  }
  return (
    <details className="published" onToggle={(event) => load(event.currentTarget.open)}>
      <summary>{m['teacher.published.show']}</summary>
      <p className="meta">{m['teacher.published.note']}</p>
      {failed && <p role="alert">{m['account.failed']}</p>}
      {ideas?.length === 0 && <p>{m['teacher.published.none']}</p>}
      <ul>
        {ideas?.map((idea) => (
          <li key={idea.id}>
            <span className="theme-tag">{m[`theme.${idea.theme}` as keyof M] ?? idea.theme}</span> {idea.publicText}
          </li>
        ))}
      </ul>
    </details>
  );
}
