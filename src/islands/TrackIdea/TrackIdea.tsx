/**
 * Follow an idea by its receipt code. The code is typed into a form and
 * travels only in the POST body of the RPC (never in a URL, so it stays out
 * of history, logs and referrers); it is kept in memory while the result is
 * on screen and dropped with "Done".
 */
import { useEffect, useRef, useState, type RefObject, type SubmitEvent } from 'react';
import { formatMessage } from '../../lib/formatMessage.ts';
import { isReceiptCode, normalizeReceiptCode } from '../../lib/receiptCode.ts';
import { ApiError } from '../../lib/supabase/apiError.ts';
import { askAboutIdea, ideaStatus, withdrawIdea, type IdeaStatus } from '../../lib/supabase/studentApi.ts';
import { activityTimeline } from './activityTimeline.ts';
import type { TrackIdeaMessageKey, TrackIdeaMessages } from './messages.ts';
import { statusWords } from './statusWords.ts';
import { HelpPanel } from '../IdeaForm/HelpPanel.tsx';
import '../IdeaForm/ideaForm.css';
import { formatDate } from '../../lib/formatDate.ts';

interface Props {
  locale: 'sq' | 'en';
  messages: TrackIdeaMessages;
  /** The help page of this locale, for the help panel. */
  helpPath: string;
}

function errorKey(error: unknown): TrackIdeaMessageKey {
  if (!(error instanceof ApiError)) return 'track.failed';
  if (error.code === 'rate_limited') return 'track.rateLimited';
  if (error.code === 'offline') return 'track.offline';
  if (error.code === 'too_many_questions') return 'track.ask.tooMany';
  if (error.code === 'invalid_question') return 'track.ask.invalid';
  return 'track.failed';
}

const QUESTION_MIN = 5;
const QUESTION_MAX = 500;

export default function TrackIdea({ locale, messages: m, helpPath }: Props) {
  const [code, setCode] = useState('');
  const [checking, setChecking] = useState(false);
  const [problem, setProblem] = useState<TrackIdeaMessageKey>();
  const [result, setResult] = useState<{ code: string; idea: IdeaStatus }>();
  const [notice, setNotice] = useState<TrackIdeaMessageKey>();
  const [ready, setReady] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  // Disabled until interactive (no native POST of a half-loaded form); keep what was typed meanwhile.
  useEffect(() => {
    const typed = input.current?.value ?? '';
    if (typed) setCode(typed);
    setReady(true);
  }, []);

  const date = (iso: string | null) => (iso ? formatDate(locale, iso, 'tirane') : undefined);

  async function look(normalised: string, focusResult: boolean) {
    setChecking(true);
    setProblem(undefined);
    try {
      const idea = await ideaStatus(normalised);
      if (idea.status === 'unknown') {
        setResult(undefined);
        setProblem('track.notFound');
        input.current?.focus();
      } else {
        setResult({ code: normalised, idea });
        if (focusResult) requestAnimationFrame(() => resultHeading.current?.focus());
      }
    } catch (error) {
      setProblem(errorKey(error));
      input.current?.focus();
    } finally {
      setChecking(false);
    }
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(undefined);
    const normalised = normalizeReceiptCode(code);
    if (!isReceiptCode(normalised)) {
      setProblem('validation.idea.receiptCodeInvalid');
      input.current?.focus();
      return;
    }
    void look(normalised, true);
  }

  function close(message?: TrackIdeaMessageKey) {
    setResult(undefined);
    setCode('');
    setProblem(undefined);
    setNotice(message);
    requestAnimationFrame(() => input.current?.focus());
  }

  return (
    <div className="track-idea idea-form">
      <form className="idea-step" onSubmit={onSubmit} noValidate method="post">
        <label htmlFor="track-code" className="field-label">
          {m['track.codeLabel']}
        </label>
        <p id="track-code-hint" className="field-hint">
          {m['track.codeHint']}
        </p>
        <div className="join-row">
          <input
            ref={input}
            id="track-code"
            name="receipt"
            className="code-input receipt-input"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            maxLength={24}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'track-problem track-code-hint' : 'track-code-hint'}
          />
          <button type="submit" className="button-primary" disabled={!ready || checking}>
            {m['track.submit']}
          </button>
        </div>
        <div aria-live="polite">{checking && <p>{m['track.checking']}</p>}</div>
        {problem && (
          <p id="track-problem" className="problem" role="alert">
            {m[problem]}
          </p>
        )}
        <div role="status">{notice && <p className="queued-note">{m[notice]}</p>}</div>
      </form>

      {result && (
        <IdeaResult
          key={result.code}
          locale={locale}
          m={m}
          code={result.code}
          idea={result.idea}
          date={date}
          headingRef={resultHeading}
          helpPath={helpPath}
          onChanged={() => look(result.code, false)}
          onClose={close}
        />
      )}
    </div>
  );
}

interface ResultProps {
  locale: 'sq' | 'en';
  m: TrackIdeaMessages;
  code: string;
  idea: IdeaStatus;
  date: (iso: string | null) => string | undefined;
  headingRef: RefObject<HTMLHeadingElement | null>;
  helpPath: string;
  onChanged: () => Promise<void>;
  onClose: (message?: TrackIdeaMessageKey) => void;
}

function IdeaResult({ locale, m, code, idea, date, headingRef, helpPath, onChanged, onClose }: ResultProps) {
  const words = statusWords(idea);
  const sent = date(idea.submittedAt);
  const read = date(idea.readAt ?? idea.moderatedAt);
  const adopted = date(idea.adoptedAt);
  const feedback = idea.feedback[locale] ?? idea.feedback[locale === 'sq' ? 'en' : 'sq'];
  return (
    <section className="idea-step track-result" aria-labelledby="track-result-title">
      <h2 id="track-result-title" ref={headingRef} tabIndex={-1}>
        {m['track.resultTitle']}
      </h2>
      <p className="track-status">
        <strong>{m[words.status]}</strong>
      </p>
      {words.reason && <p>{m[words.reason]}</p>}
      <ul className="track-dates">
        {sent && <li>{formatMessage(m['track.sentOn'], { date: sent })}</li>}
        {read && idea.status !== 'received' && <li>{formatMessage(m['track.readOn'], { date: read })}</li>}
        {adopted && <li>{formatMessage(m['track.adoptedOn'], { date: adopted })}</li>}
      </ul>
      {idea.publicText && (
        <>
          <h3>{m['track.yourText']}</h3>
          <blockquote className="track-text user-text" dir="auto">{idea.publicText}</blockquote>
        </>
      )}
      {feedback && (
        <>
          <h3>{m['track.feedbackTitle']}</h3>
          <blockquote className="track-text">{feedback}</blockquote>
        </>
      )}
      {idea.activities.length > 0 && (
        <>
          <h3>{m['track.activitiesTitle']}</h3>
          <ul className="track-activities">
            {idea.activities.map((activity, index) => {
              const when = activityTimeline(
                locale,
                { from: m['track.activity.from'], until: m['track.activity.until'] },
                activity.timelineStart,
                activity.timelineEnd,
              );
              return (
                <li key={`${activity.title}-${index}`} className="card">
                  <p>
                    <strong>{activity.title}</strong>
                  </p>
                  <dl className="facts">
                    <dt>{m['track.activity.institution']}</dt>
                    <dd>{m[`track.institution.${activity.responsibleInstitution}` as TrackIdeaMessageKey] ?? activity.responsibleInstitution}</dd>
                    {when && (
                      <>
                        <dt>{m['track.activity.timeline']}</dt>
                        <dd>{when}</dd>
                      </>
                    )}
                    <dt id={`activity-progress-${index}`}>{m['track.activity.progress']}</dt>
                    <dd>
                      {m[`track.activity.status.${activity.status}` as TrackIdeaMessageKey] ?? activity.status} · {activity.progress}%{' '}
                      <progress max={100} value={activity.progress} aria-labelledby={`activity-progress-${index}`} />
                    </dd>
                  </dl>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {idea.questions.length > 0 && (
        <>
          <h3>{m['track.questionsTitle']}</h3>
          <ul className="track-questions">
            {idea.questions.map((question) => (
              <li key={question.askedAt}>
                <p dir="auto" className="user-text">{question.text}</p>
                <p className="meta">
                  {question.answer ? (
                    <>
                      <strong>{m['track.answer']}:</strong> {question.answer}
                    </>
                  ) : (
                    m['track.questionWaiting']
                  )}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      <AskQuestion m={m} code={code} helpPath={helpPath} onAsked={onChanged} />
      <Withdraw m={m} code={code} onWithdrawn={() => onClose('track.withdraw.done')} />
      <p>
        <button type="button" className="button-secondary" onClick={() => onClose()}>
          {m['track.close']}
        </button>
      </p>
    </section>
  );
}

function AskQuestion({ m, code, helpPath, onAsked }: { m: TrackIdeaMessages; code: string; helpPath: string; onAsked: () => Promise<void> }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<TrackIdeaMessageKey>();
  const [sent, setSent] = useState(false);
  const [needsHelp, setNeedsHelp] = useState(false);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);

  async function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setSent(false);
    const length = [...text.trim()].length;
    if (length < QUESTION_MIN || length > QUESTION_MAX) {
      setProblem('track.ask.invalid');
      field.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const answer = await askAboutIdea(code, text.trim());
      setText('');
      setSent(true);
      setNeedsHelp(answer.safeguarding);
      await onAsked();
    } catch (error) {
      setProblem(errorKey(error));
      field.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="track-ask" onSubmit={onSubmit} noValidate method="post">
      <h3>{m['track.ask.title']}</h3>
      <label htmlFor="track-question" className="field-label">
        {m['track.ask.label']}
      </label>
      <p id="track-question-hint" className="field-hint">
        {m['track.ask.hint']}
      </p>
      <textarea
        ref={field}
        id="track-question"
        rows={3}
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? 'track-question-problem track-question-hint' : 'track-question-hint'}
      />
      {problem && (
        <p id="track-question-problem" className="field-error" role="alert">
          {m[problem]}
        </p>
      )}
      <div role="status">{sent && <p className="queued-note">{m['track.ask.sent']}</p>}</div>
      <div aria-live="polite">{needsHelp && <HelpPanel messages={m} id="track-help" helpPath={helpPath} />}</div>
      <button type="submit" className="button-primary" disabled={busy}>
        {m['track.ask.submit']}
      </button>
    </form>
  );
}

function Withdraw({ m, code, onWithdrawn }: { m: TrackIdeaMessages; code: string; onWithdrawn: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<TrackIdeaMessageKey>();
  const [busy, setBusy] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);

  async function withdraw() {
    setBusy(true);
    setProblem(undefined);
    try {
      await withdrawIdea(code);
      onWithdrawn();
    } catch (error) {
      setProblem(errorKey(error));
    } finally {
      setBusy(false);
    }
  }

  if (!confirming) {
    return (
      <p className="track-withdraw">
        <button ref={opener} type="button" className="button-secondary" onClick={() => setConfirming(true)}>
          {m['track.withdraw.button']}
        </button>
      </p>
    );
  }
  return (
    <div className="track-withdraw confirm">
      <p ref={question} tabIndex={-1}>
        <strong>{m['track.withdraw.confirm']}</strong>
      </p>
      {/* The page never says an idea was referred; this says what withdrawing does if it was. */}
      <p>{m['track.withdraw.referred']}</p>
      {problem && (
        <p className="problem" role="alert">
          {m[problem]}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button-primary" onClick={() => void withdraw()} disabled={busy}>
          {m['track.withdraw.yes']}
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            setConfirming(false);
            requestAnimationFrame(() => opener.current?.focus());
          }}
        >
          {m['track.withdraw.no']}
        </button>
      </div>
    </div>
  );
}
