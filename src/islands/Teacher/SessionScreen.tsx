/**
 * The projector screen: the code in very large type, a QR code that opens
 * the join page with the code filled in, the countdown, and the number of
 * ideas sent, refreshed every 5 seconds while the tab is visible. The
 * teacher can extend by 15 minutes or close at once.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuthClient } from '../../lib/supabase/authClient.ts';
import { formatMessage } from '../../lib/formatMessage.ts';
import { joinUrl } from '../../lib/sessionCode.ts';
import { Gate } from '../Account/Gate.tsx';
import { formatTime } from '../../lib/formatDate.ts';
import type { MessagesOf, sessionScreenMessageKeys } from './messages.ts';
import { QrCode } from './QrCode.tsx';
import { EXTEND_MINUTES, formatCountdown, sessionStatus } from './sessionWindow.ts';
import { closeSession, extendSession, sessionCounts, type SessionCounts } from '../../lib/supabase/teacherApi.ts';
import { usePolling } from './usePolling.ts';
import { useSessionId } from './useSessionId.ts';
import '../Account/account.css';
import './teacher.css';

type M = MessagesOf<typeof sessionScreenMessageKeys>;

export const POLL_MS = 5_000;

interface Props {
  locale: 'sq' | 'en';
  messages: M;
  signInPath: string;
  teachersPath: string;
  sheetPath: string;
  transcribePath: string;
  regionNames: Record<string, string>;
}

export default function SessionScreen(props: Props) {
  return (
    <Gate messages={props.messages} signInPath={props.signInPath} need="teacher" regionNames={props.regionNames}>
      {(_roles, client) => <Screen {...props} client={client} />}
    </Gate>
  );
}

function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function Screen({ locale, messages: m, client, teachersPath, sheetPath, transcribePath }: Props & { client: AuthClient }) {
  const id = useSessionId();
  const [session, setSession] = useState<SessionCounts | null>();
  const [notice, setNotice] = useState<{ text: string; alert: boolean }>();
  const [busy, setBusy] = useState(false);
  const now = useNow();
  const noticeRef = useRef<HTMLParagraphElement>(null);

  const refresh = useCallback(() => {
    if (!id) return;
    // A failed poll keeps the last figures on screen; the next one may succeed.
    sessionCounts(client, id).then(setSession, () => undefined);
  }, [client, id]);
  useEffect(() => (id ? refresh() : setSession(null)), [id, refresh]);

  const status = session ? sessionStatus(session, now) : undefined;
  const { paused } = usePolling(refresh, POLL_MS, status !== undefined && status !== 'closed');

  if (session === undefined) return <p role="status">{m['account.loading']}</p>;
  if (session === null) {
    return (
      <div>
        <p className="callout" role="alert">
          {m['teacher.screen.notFound']}
        </p>
        <p>
          <a href={teachersPath}>{m['teacher.screen.back']}</a>
        </p>
      </div>
    );
  }

  const url = joinUrl(window.location.origin, locale, session.joinCode);
  const shownUrl = url.replace(/^https?:\/\//, '');
  const query = `?id=${encodeURIComponent(session.sessionId)}`;

  async function act(action: 'extend' | 'close') {
    if (!session) return;
    if (action === 'close' && !window.confirm(m['teacher.screen.closeConfirm'])) return;
    setBusy(true);
    try {
      if (action === 'extend') {
        const { closesAt } = await extendSession(client, session.sessionId, EXTEND_MINUTES);
        setSession({ ...session, closesAt });
        setNotice({ text: formatMessage(m['teacher.screen.extended'], { time: formatTime(locale, closesAt, 'device') }), alert: false });
      } else {
        const { closedAt } = await closeSession(client, session.sessionId);
        setSession({ ...session, closedAt });
        setNotice({ text: m['teacher.screen.closed'], alert: false });
      }
    } catch {
      setNotice({ text: m['teacher.screen.actionFailed'], alert: true });
    } finally {
      setBusy(false);
      requestAnimationFrame(() => noticeRef.current?.focus());
    }
  }

  const closesAt = Date.parse(session.closedAt ?? session.closesAt);
  return (
    <div className="session-screen">
      <div className="screen-main">
        <div className="screen-code">
          <h2 className="screen-label" id="code-label">
            {m['teacher.screen.codeLabel']}
          </h2>
          <p className="big-code" aria-labelledby="code-label" data-testid="join-code">
            {session.joinCode}
          </p>
          <p className="join-url">{formatMessage(m['teacher.screen.joinAt'], { url: shownUrl })}</p>
        </div>
        <QrCode className="qr" value={url} label={formatMessage(m['teacher.screen.qrLabel'], { code: session.joinCode })} />
      </div>

      <div className="screen-figures">
        <div>
          <h2 className="screen-label">{status === 'scheduled' ? m['teacher.screen.opensIn'] : m['teacher.screen.remaining']}</h2>
          {/* Not a live region: a screen reader would read it every second. */}
          <p className="big-figure" data-testid="countdown">
            {status === 'closed'
              ? m['teacher.screen.ended']
              : formatCountdown((status === 'scheduled' ? Date.parse(session.opensAt) : closesAt) - now.getTime())}
          </p>
        </div>
        <div>
          <h2 className="screen-label">{m['teacher.screen.count']}</h2>
          <p className="big-figure" role="status" data-testid="idea-count">
            {formatMessage(m['teacher.screen.countOf'], { count: session.total, max: session.maxIdeas })}
          </p>
        </div>
      </div>

      <p className="status-line">
        <span className={`status status-${status}`}>{status ? m[`teacher.status.${status}`] : ''}</span>
        {paused && <span className="meta"> {m['teacher.screen.paused']}</span>}
      </p>

      <p className={notice?.alert ? 'callout error-box' : 'callout'} role={notice?.alert ? 'alert' : 'status'} tabIndex={-1} ref={noticeRef} hidden={!notice}>
        {notice?.text}
      </p>

      {status !== 'closed' && (
        <div className="screen-actions">
          <button type="button" className="button" onClick={() => void act('extend')} disabled={busy}>
            {m['teacher.screen.extend']}
          </button>
          <button type="button" className="button secondary" onClick={() => void act('close')} disabled={busy}>
            {m['teacher.screen.close']}
          </button>
        </div>
      )}
      <ul className="session-links">
        <li>
          <a href={`${sheetPath}${query}`}>{m['teacher.openSheet']}</a>
        </li>
        {status === 'open' && (
          <li>
            <a href={`${transcribePath}${query}`}>{m['teacher.openTranscribe']}</a>
          </li>
        )}
        <li>
          <a href={teachersPath}>{m['teacher.screen.back']}</a>
        </li>
      </ul>
    </div>
  );
}
