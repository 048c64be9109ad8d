/** The session the student is writing for: county, school, activity, and until when it is open. */
import { formatMessage } from '../../lib/formatMessage.ts';
import type { JoinedSession } from '../../lib/supabase/studentApi.ts';
import type { IdeaFormMessages } from './messages.ts';
import { formatTime } from '../../lib/formatDate.ts';
import type { Locale } from '../../i18n/locales.ts';

interface Props {
  messages: IdeaFormMessages;
  locale: Locale;
  session: JoinedSession;
  regionNames: Record<string, string>;
  activityTitles: Record<string, string>;
  onChange: () => void;
}

export function SessionBanner({ messages: m, locale, session, regionNames, activityTitles, onChange }: Props) {
  const closes = session.closesAt ? new Date(session.closesAt) : undefined;
  // Sessions that stay open for months (regional open calls) show no closing time.
  const showClosing = closes && closes.getTime() - Date.now() < 24 * 60 * 60 * 1000;
  const activity = session.activitySlug ? (activityTitles[session.activitySlug] ?? session.activitySlug) : undefined;
  return (
    <section className="session-banner" aria-labelledby="session-title">
      <h2 id="session-title" className="session-title">
        {m['ideaForm.session.title']}
      </h2>
      <dl className="facts">
        {session.region && (
          <>
            <dt>{m['ideaForm.session.region']}</dt>
            <dd>{regionNames[session.region] ?? session.region}</dd>
          </>
        )}
        {session.kind === 'open_call' ? (
          <>
            <dt>{m['ideaForm.session.activity']}</dt>
            <dd>{m['ideaForm.session.openCall']}</dd>
          </>
        ) : (
          <>
            {session.school && (
              <>
                <dt>{m['ideaForm.session.school']}</dt>
                <dd>{session.school}</dd>
              </>
            )}
            {activity && (
              <>
                <dt>{m['ideaForm.session.activity']}</dt>
                <dd>{activity}</dd>
              </>
            )}
          </>
        )}
      </dl>
      {showClosing && (
        <p className="meta">
          {formatMessage(m['ideaForm.session.openUntil'], {
            time: formatTime(locale, closes),
          })}
        </p>
      )}
      <button type="button" className="button-link" onClick={onChange}>
        {m['ideaForm.session.change']}
      </button>
    </section>
  );
}
