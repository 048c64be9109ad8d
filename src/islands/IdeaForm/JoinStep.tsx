/**
 * Step 1: the 6-character code from the board or the QR link. Typing is
 * forgiving (lowercase, spaces, dashes, O for 0, I or L for 1); each reason
 * a session cannot be joined gets its own sentence.
 */
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { formatMessage } from '../../lib/formatMessage.ts';
import { isSessionCode, normalizeSessionCode } from '../../lib/sessionCode.ts';
import { ApiError } from '../../lib/supabase/apiError.ts';
import { joinSession, type JoinedSession } from '../../lib/supabase/studentApi.ts';
import type { IdeaFormMessages } from './messages.ts';
import { formatDateTime, formatTime, tiraneDay } from '../../lib/formatDate.ts';
import type { Locale } from '../../i18n/locales.ts';
import { joinFailureMessage } from './submission.ts';

interface Props {
  messages: IdeaFormMessages;
  locale: Locale;
  /** The code from `?code=` of a session link or QR code: joined straight away. */
  initialCode: string | undefined;
  onJoined: (code: string, session: JoinedSession) => void;
}

type Problem = { message: string } | undefined;

function timeOf(locale: Locale, iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  return tiraneDay(new Date()) === tiraneDay(date) ? formatTime(locale, date) : formatDateTime(locale, date);
}

export function JoinStep({ messages: m, locale, initialCode, onJoined }: Props) {
  const id = useId();
  const [code, setCode] = useState(initialCode ?? '');
  const [problem, setProblem] = useState<Problem>();
  const [checking, setChecking] = useState(false);
  const [ready, setReady] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  // Until the island is interactive the button stays disabled (no native
  // POST of a half-loaded form), and what was typed meanwhile is kept.
  useEffect(() => {
    const typed = input.current?.value ?? '';
    if (typed && !initialCode) setCode(typed);
    setReady(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function join(raw: string) {
    const normalised = normalizeSessionCode(raw);
    if (!isSessionCode(normalised)) {
      setProblem({ message: m['validation.idea.sessionCodeInvalid'] });
      input.current?.focus();
      return;
    }
    setChecking(true);
    setProblem(undefined);
    try {
      const session = await joinSession(normalised);
      switch (session.status) {
        case 'open':
          onJoined(normalised, session);
          return;
        case 'not_yet_open': {
          const time = timeOf(locale, session.opensAt);
          setProblem({ message: time ? formatMessage(m['ideaForm.join.notOpen'], { time }) : m['ideaForm.join.notOpenYet'] });
          break;
        }
        case 'closed':
          setProblem({ message: m['ideaForm.join.closed'] });
          break;
        case 'full':
          setProblem({ message: m['ideaForm.join.full'] });
          break;
        default:
          setProblem({ message: m['ideaForm.join.unknown'] });
      }
    } catch (error) {
      setProblem({ message: m[joinFailureMessage(error instanceof ApiError ? error.code : 'unknown')] });
    } finally {
      setChecking(false);
    }
    input.current?.focus();
  }

  useEffect(() => {
    if (initialCode) void join(initialCode);
    // Only the code the page was opened with joins by itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initialCode]);

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    void join(code);
  }

  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  return (
    <form className="idea-step join-step" onSubmit={onSubmit} noValidate method="post">
      <h2>{m['ideaForm.join.title']}</h2>
      <label htmlFor={`${id}-code`}>{m['ideaForm.join.codeLabel']}</label>
      <p id={hintId} className="field-hint">
        {m['ideaForm.join.codeHint']}
      </p>
      <div className="join-row">
        <input
          ref={input}
          id={`${id}-code`}
          name="code"
          className="code-input"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          maxLength={16}
          aria-describedby={problem ? `${problemId} ${hintId}` : hintId}
          aria-invalid={problem ? true : undefined}
        />
        <button type="submit" className="button-primary" disabled={!ready || checking}>
          {m['ideaForm.join.submit']}
        </button>
      </div>
      <div aria-live="polite" className="live">
        {checking && <p>{m['ideaForm.join.checking']}</p>}
      </div>
      {problem && (
        <p id={problemId} className="problem" role="alert">
          {problem.message}
        </p>
      )}
    </form>
  );
}
