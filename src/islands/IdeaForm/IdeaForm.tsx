/**
 * The students' island: join a class session, read the short intro once,
 * write and send the idea, leave with a receipt code. Everything about the
 * idea is in memory or in this tab's sessionStorage until it is sent, and
 * only while the form is open (src/lib/ideaDraft.ts); ideas sent without a
 * connection wait in IndexedDB until they are delivered.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatMessage } from '../../lib/formatMessage.ts';
import { clearIdeaDraft, leavesPage } from '../../lib/ideaDraft.ts';
import { joinSession, type JoinedSession } from '../../lib/supabase/studentApi.ts';
import { IdeaFields, type Receipt } from './IdeaFields.tsx';
import { IntroReminder, IntroStep } from './IntroStep.tsx';
import { JoinStep } from './JoinStep.tsx';
import type { IdeaFormMessages } from './messages.ts';
import { ReceiptView } from './ReceiptView.tsx';
import { RefusedIdeas } from './RefusedIdeas.tsx';
import { SessionBanner } from './SessionBanner.tsx';
import { introSeen, loadJoinedSession, markIntroSeen, saveJoinedSession } from './tabMemory.ts';
import { useOfflineDelivery } from './useOfflineDelivery.ts';
import './ideaForm.css';

export interface IdeaFormProps {
  locale: 'sq' | 'en';
  messages: IdeaFormMessages;
  regionNames: Record<string, string>;
  activityTitles: Record<string, string>;
  trackPath: string;
  helpPath: string;
}

type Step =
  | { name: 'join'; initialCode: string | undefined }
  | { name: 'intro' }
  | { name: 'form' }
  | { name: 'receipt'; receipt: Receipt };

export default function IdeaForm({ locale, messages: m, regionNames, activityTitles, trackPath, helpPath }: IdeaFormProps) {
  // The server renders the join step; the tab's memory is read after hydration.
  const [step, setStep] = useState<Step>({ name: 'join', initialCode: undefined });
  const [joined, setJoined] = useState<{ code: string; session: JoinedSession }>();
  const [formKey, setFormKey] = useState(0);
  const [seenIntro, setSeenIntro] = useState(false);
  const offline = useOfflineDelivery();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const fromLink = new URLSearchParams(window.location.search).get('code') ?? undefined;
    const remembered = loadJoinedSession();
    setSeenIntro(introSeen());
    if (remembered && (!fromLink || fromLink === remembered.code)) {
      setJoined(remembered);
      setStep(introSeen() ? { name: 'form' } : { name: 'intro' });
      // The tab keeps no seat token (it would outlive the ideas it is for):
      // after a reload the device takes a fresh seat while the session is open.
      joinSession(remembered.code)
        .then((session) => {
          if (session.status === 'open' && session.seatToken) {
            setJoined((current) => (current?.code === remembered.code ? { ...current, session: { ...current.session, seatToken: session.seatToken } } : current));
          }
        })
        .catch(() => undefined);
    } else {
      setStep({ name: 'join', initialCode: fromLink });
    }
  }, []);

  useEffect(() => {
    // Following a link away ends the draft; coming back any other way than a
    // reload starts empty (loadIdeaDraft), and a page the back button brings
    // back from the browser's cache is wiped like "Next student".
    const onClick = (event: MouseEvent) => {
      if (leavesPage(event, new URL(window.location.href))) clearIdeaDraft();
    };
    const onPageShow = (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      clearIdeaDraft();
      setFormKey((key) => key + 1);
      // Nor does the last receipt code stay on screen for whoever comes back.
      setStep((current) => (current.name === 'receipt' ? { name: 'form' } : current));
    };
    document.addEventListener('click', onClick);
    window.addEventListener('pageshow', onPageShow);
    return () => {
      document.removeEventListener('click', onClick);
      window.removeEventListener('pageshow', onPageShow);
    };
  }, []);

  const onJoined = useCallback((code: string, session: JoinedSession) => {
    const value = { code, session };
    saveJoinedSession(value);
    setJoined(value);
    setStep(introSeen() ? { name: 'form' } : { name: 'intro' });
  }, []);

  function leaveSession() {
    saveJoinedSession(undefined);
    clearIdeaDraft();
    setJoined(undefined);
    setStep({ name: 'join', initialCode: undefined });
  }

  function startWriting() {
    markIntroSeen();
    setSeenIntro(true);
    setStep({ name: 'form' });
  }

  function nextStudent() {
    clearIdeaDraft();
    setFormKey((key) => key + 1);
    setStep({ name: 'form' });
    // The new form's heading, so keyboard and screen reader users start at the top.
    requestAnimationFrame(() => root.current?.querySelector<HTMLElement>('.idea-fields h2')?.focus());
  }

  const waiting =
    offline.pending === 0
      ? undefined
      : offline.pending === 1
        ? m['ideaForm.queue.waitingOne']
        : formatMessage(m['ideaForm.queue.waitingMany'], { count: offline.pending });

  return (
    <div className="idea-form" ref={root}>
      <div className="queue-status" role="status">
        {waiting && <p>{waiting}</p>}
        {!waiting && offline.delivered && <p>{m['ideaForm.queue.delivered']}</p>}
        {offline.refused.length > 0 && <p>{m['ideaForm.refused.announce']}</p>}
      </div>
      <RefusedIdeas messages={m} ideas={offline.refused} onForget={(key) => void offline.forget(key)} />

      {joined && step.name !== 'join' && (
        <SessionBanner
          messages={m}
          locale={locale}
          session={joined.session}
          regionNames={regionNames}
          activityTitles={activityTitles}
          onChange={leaveSession}
        />
      )}

      {step.name === 'join' && <JoinStep messages={m} locale={locale} initialCode={step.initialCode} onJoined={onJoined} />}
      {step.name === 'intro' && <IntroStep messages={m} onStart={startWriting} />}
      {step.name === 'form' && joined && (
        <>
          {seenIntro && <IntroReminder messages={m} />}
          <IdeaFields
            key={formKey}
            messages={m}
            locale={locale}
            sessionCode={joined.code}
            seatToken={joined.session.seatToken}
            helpPath={helpPath}
            onSent={(receipt) => setStep({ name: 'receipt', receipt })}
            onClear={nextStudent}
            onQueued={() => void offline.refresh()}
          />
        </>
      )}
      {step.name === 'receipt' && (
        <ReceiptView messages={m} receipt={step.receipt} trackPath={trackPath} helpPath={helpPath} onAnother={nextStudent} />
      )}
    </div>
  );
}
