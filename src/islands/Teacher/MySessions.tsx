/**
 * "My sessions": every session of the teacher with its status and counts by
 * moderation status, and, on demand, the texts the committee published from
 * it, to discuss in class. Pending originals are never shown: the view the
 * page reads does not contain them.
 */
import { useEffect, useState } from 'react';
import type { SupabaseClient } from '@supabase/supabase-js';
import { formatMessage } from '../../lib/formatMessage.ts';
import { Gate } from '../Account/Gate.tsx';
import { formatSessionDate, formatSessionTime } from './formatTime.ts';
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

function SessionList({ locale, messages: m, client, newSessionPath, screenPath, sheetPath, transcribePath, activityTitles }: Props & { client: SupabaseClient }) {
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
          const query = `?id=${encodeURIComponent(session.session_id)}`;
          const grade = session.grade_band === '6-9' || session.grade_band === '10-12' ? m[`teacher.new.gradeBand.${session.grade_band}`] : '';
          return (
            <li key={session.session_id} className="session-card">
              <h3>
                {session.school} · {grade} <span className={`status status-${status}`}>{m[`teacher.status.${status}`]}</span>
              </h3>
              <p className="meta">
                {formatMessage(m['teacher.when'], {
                  date: formatSessionDate(locale, session.opens_at),
                  from: formatSessionTime(locale, session.opens_at),
                  to: formatSessionTime(locale, session.closed_at ?? session.closes_at),
                })}
              </p>
              <dl className="facts">
                <dt>{m['teacher.code']}</dt>
                <dd className="code-inline">{session.join_code}</dd>
                <dt>{m['teacher.activity']}</dt>
                <dd>{session.activity_slug ? (activityTitles[session.activity_slug] ?? session.activity_slug) : m['teacher.noActivity']}</dd>
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
                <Published messages={m} client={client} sessionId={session.session_id} />
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

function Published({ messages: m, client, sessionId }: { messages: M; client: SupabaseClient; sessionId: string }) {
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
            <span className="theme-tag">{m[`theme.${idea.theme}` as keyof M] ?? idea.theme}</span> {idea.public_text}
          </li>
        ))}
      </ul>
    </details>
  );
}
