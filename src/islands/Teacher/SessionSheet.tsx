/**
 * The printable sheet of a session: code, QR code, the three steps for
 * students. The "Need help?" box of the page header prints with it.
 */
import { useEffect, useState } from 'react';
import type { AuthClient } from '../../lib/supabase/authClient.ts';
import { formatMessage } from '../../lib/formatMessage.ts';
import { joinUrl } from '../../lib/sessionCode.ts';
import { Gate } from '../Account/Gate.tsx';
import { formatDate, formatTime } from '../../lib/formatDate.ts';
import type { MessagesOf, sessionSheetMessageKeys } from './messages.ts';
import { QrCode } from './QrCode.tsx';
import { sessionCounts, type SessionCounts } from '../../lib/supabase/teacherApi.ts';
import { useSessionId } from './useSessionId.ts';
import '../Account/account.css';
import './teacher.css';

type M = MessagesOf<typeof sessionSheetMessageKeys>;

interface Props {
  locale: 'sq' | 'en';
  messages: M;
  signInPath: string;
  teachersPath: string;
  regionNames: Record<string, string>;
}

export default function SessionSheet(props: Props) {
  return (
    <Gate messages={props.messages} signInPath={props.signInPath} need="teacher" regionNames={props.regionNames}>
      {(_roles, client) => <Sheet {...props} client={client} />}
    </Gate>
  );
}

function Sheet({ locale, messages: m, client, teachersPath }: Props & { client: AuthClient }) {
  const id = useSessionId();
  const [session, setSession] = useState<SessionCounts | null>();
  useEffect(() => {
    if (!id) setSession(null);
    else sessionCounts(client, id).then(setSession, () => setSession(null));
  }, [client, id]);

  if (session === undefined) return <p role="status">{m['account.loading']}</p>;
  if (session === null) {
    return (
      <p className="callout" role="alert">
        {m['teacher.screen.notFound']} <a href={teachersPath}>{m['teacher.screen.back']}</a>
      </p>
    );
  }
  const url = joinUrl(window.location.origin, locale, session.joinCode);
  const bareUrl = new URL(url);
  const joinPage = `${bareUrl.host}${bareUrl.pathname}`;
  return (
    <div className="session-sheet">
      <p className="no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          {m['teacher.sheet.print']}
        </button>{' '}
        <a href={teachersPath}>{m['teacher.screen.back']}</a>
      </p>
      <h2>{m['teacher.sheet.heading']}</h2>
      <p className="meta">
        {session.school} ·{' '}
        {formatMessage(m['teacher.sheet.open'], {
          from: `${formatDate(locale, session.opensAt, 'device')} ${formatTime(locale, session.opensAt, 'device')}`,
          to: formatTime(locale, session.closesAt, 'device'),
        })}
      </p>
      <div className="sheet-main">
        <div>
          <p className="screen-label" id="sheet-code-label">
            {m['teacher.screen.codeLabel']}
          </p>
          <p className="sheet-code" aria-labelledby="sheet-code-label">
            {session.joinCode}
          </p>
        </div>
        <QrCode className="qr sheet-qr" value={url} label={formatMessage(m['teacher.screen.qrLabel'], { code: session.joinCode })} />
      </div>
      <ol className="steps">
        <li>{formatMessage(m['teacher.sheet.step1'], { url: joinPage })}</li>
        <li>{formatMessage(m['teacher.sheet.step2'], { code: session.joinCode })}</li>
        <li>{m['teacher.sheet.step3']}</li>
      </ol>
      <p className="callout">{m['teacher.sheet.noNames']}</p>
    </div>
  );
}
