/**
 * One idea at a time: the original with flagged spans highlighted, the
 * flags, the student's questions, similar published ideas, and the actions
 * (publish the original with words masked, never rewritten; reject with a reason and feedback,
 * refer a child at risk). Opening it marks it read. Keyboard: A, R, E open
 * the action forms, N goes to the next idea, Esc back to the queue.
 */
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { detectPersonalData } from '../../lib/detectPersonalData.ts';
import { formatMessage } from '../../lib/formatMessage.ts';
import { MASKS_MAX, type MaskReason } from '../../lib/maskReasons.ts';
import { REFERRAL_REASON_MAX, referralActions, referralNeedsReason, type ReferralAction } from '../../lib/referralActions.ts';
import { AdoptPanel } from './AdoptPanel.tsx';
import {
  approveIdea,
  escalateIdea,
  markIdeaRead,
  rejectIdea,
  replyToQuestion,
  similarIdeas,
  type Feedback,
  type IdeaCard,
  type SimilarIdea,
} from '../../lib/supabase/committeeApi.ts';
import type { AuthClient } from '../../lib/supabase/authClient.ts';
import { errorMessage, statusLabel } from './errors.ts';
import { FeedbackFields, feedbackReady, problemsText } from './FeedbackFields.tsx';
import type { ModerationMessages } from './messages.ts';
import { MaskEditor } from './MaskEditor.tsx';
import { flaggedSpans, maskedText, maskUnits, segments, toCodePoints, unitMasks } from './spans.ts';
import { formatDateTime } from '../../lib/formatDate.ts';

interface Props {
  client: AuthClient;
  idea: IdeaCard;
  locale: 'sq' | 'en';
  messages: ModerationMessages;
  hasNext: boolean;
  /** An action finished (or another moderator got there first): reload and move on. */
  onDone: (message: string) => void;
  onNext: () => void;
  onBack: () => void;
}

type Mode = 'approve' | 'reject' | 'escalate';
const reasons = ['off_topic', 'duplicate', 'personal_data', 'inappropriate', 'other'] as const;

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function IdeaReview({ client, idea, locale, messages: m, hasNext, onDone, onNext, onBack }: Props) {
  const id = useId();
  // Null when only the region's safeguarding officer may read it, or retention removed it.
  const original = idea.text ?? '';
  const spans = flaggedSpans(original, idea.flagDetails);
  const [mode, setMode] = useState<Mode>();
  const units = maskUnits(original, spans);
  // Which units are hidden, and why; detected personal data starts hidden.
  const [hidden, setHidden] = useState(
    () => new Map<number, MaskReason>(units.flatMap((unit, index) => (unit.detected ? [[index, 'personal_data'] as const] : []))),
  );
  const [feedback, setFeedback] = useState<Feedback>({ sq: '', en: '' });
  const [reason, setReason] = useState<(typeof reasons)[number]>('off_topic');
  const [action, setAction] = useState<ReferralAction>('child_protection_unit');
  const [actionReason, setActionReason] = useState('');
  const [tried, setTried] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [similar, setSimilar] = useState<SimilarIdea[]>();
  const heading = useRef<HTMLHeadingElement>(null);
  const firstField = useRef<HTMLElement | null>(null);

  useEffect(() => {
    heading.current?.focus();
    if (!idea.readAt) {
      markIdeaRead(client, idea.id)
        .then(() => setNotice(m['committee.review.markedRead']))
        .catch((error: unknown) => setProblem(errorMessage(error, m)));
    }
    similarIdeas(client, idea.id).then(setSimilar).catch(() => setSimilar([]));
  }, [client, idea.id, idea.readAt, m]);

  useEffect(() => {
    if (mode) firstField.current?.focus();
  }, [mode]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
      const key = event.key.toLowerCase();
      const pending = idea.status === 'pending' && !idea.originalHidden;
      if (key === 'a' && pending) setMode('approve');
      else if (key === 'r' && pending) setMode('reject');
      else if (key === 'e' && pending) setMode('escalate');
      else if (key === 'n' && hasNext) onNext();
      else if (key === 'escape') onBack();
      else return;
      event.preventDefault();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [idea.status, idea.originalHidden, hasNext, onNext, onBack]);

  async function act(run: () => Promise<unknown>, status: string) {
    setBusy(true);
    setProblem(undefined);
    try {
      await run();
      onDone(formatMessage(m['committee.review.done'], { status: statusLabel(status, m) }));
    } catch (error) {
      const message = errorMessage(error, m);
      // Someone else decided first: say who, and move on as after our own action.
      if (error instanceof Error && error.message === 'already_moderated') onDone(message);
      else setProblem(message);
    } finally {
      setBusy(false);
    }
  }

  const masks = unitMasks(original, units, hidden);
  const stillPersonal = detectPersonalData(maskedText(original, masks, idea.locale)).found;
  const maskProblem = stillPersonal
    ? m['committee.approve.stillPersonal']
    : masks.length > MASKS_MAX ? formatMessage(m['committee.approve.tooManyMasks'], { max: MASKS_MAX }) : undefined;

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (mode === 'approve') {
      if (maskProblem) return setProblem(maskProblem);
      const texts = [feedback.sq, feedback.en].filter((text) => text.trim() !== '');
      if (texts.some((text) => problemsText(text, m).length > 0)) return;
      void act(() => approveIdea(client, idea.id, toCodePoints(original, masks), feedback), 'approved');
    } else if (mode === 'reject') {
      if (!feedbackReady(feedback)) return;
      void act(() => rejectIdea(client, idea.id, reason, feedback), 'rejected');
    } else if (mode === 'escalate') {
      if (referralNeedsReason(action) && actionReason.trim() === '') return setProblem(m['committee.escalate.reasonRequired']);
      void act(() => escalateIdea(client, idea.id, action, actionReason), 'escalated');
    }
  }

  const date = (iso: string) => formatDateTime(locale, iso);

  return (
    <article aria-labelledby={`${id}-title`} className="review">
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {m['committee.review.title']}: {date(idea.createdAt)} · {statusLabel(idea.status, m)}
      </h2>
      <div className="actions">
        <button type="button" className="secondary" onClick={onBack}>
          {m['committee.review.back']}
        </button>
        {hasNext && (
          <button type="button" className="secondary" onClick={onNext}>
            {m['committee.review.next']}
          </button>
        )}
      </div>
      <section aria-label={m['committee.keys.title']}>
        <ul className="keys">
          {idea.status === 'pending' && !idea.originalHidden && (
            <>
              <li><kbd>A</kbd> {m['committee.keys.approve'].replace(/^A: /, '')}</li>
              <li><kbd>R</kbd> {m['committee.keys.reject'].replace(/^R: /, '')}</li>
              <li><kbd>E</kbd> {m['committee.keys.escalate'].replace(/^E: /, '')}</li>
            </>
          )}
          {hasNext && <li><kbd>N</kbd> {m['committee.keys.next'].replace(/^N: /, '')}</li>}
          <li><kbd>Esc</kbd> {m['committee.keys.back'].replace(/^Esc: /, '')}</li>
        </ul>
      </section>
      <div aria-live="polite">{notice && <p>{notice}</p>}</div>

      <section aria-labelledby={`${id}-flags`}>
        <h3 id={`${id}-flags`}>{m['committee.review.flagsTitle']}</h3>
        {idea.safeguardingFlag && <p><span className="flag flag-safeguarding">{m['committee.flag.safeguarding']}</span> {m['committee.review.flagSafeguarding']}</p>}
        {(idea.personalDataFlag || spans.some((s) => s.group === 'personal')) && (
          <p><span className="flag flag-personal">{m['committee.flag.personal_data']}</span> {m['committee.review.flagPersonal']}</p>
        )}
        {!idea.safeguardingFlag && !idea.personalDataFlag && spans.length === 0 && <p>{m['committee.review.noFlags']}</p>}
      </section>

      <h3>{m['committee.review.original']}</h3>
      {idea.text === null ? (
        <p className="callout">{m[idea.originalPurged ? 'committee.review.originalPurged' : 'committee.review.originalHidden']}</p>
      ) : (
      <p className="original user-text" lang={idea.locale} dir="auto">
        {segments(original, spans).map((piece, n) =>
          piece.span ? (
            <mark key={n} className={piece.span.group === 'personal' ? 'span-personal' : 'span-safeguarding'}>
              {piece.text}
            </mark>
          ) : (
            <span key={n}>{piece.text}</span>
          ),
        )}
      </p>
      )}
      {idea.canDo && (
        <p>
          <strong>{m['committee.review.canDo']}:</strong> <span lang={idea.locale} dir="auto" className="user-text">{idea.canDo}</span>
        </p>
      )}
      <p>
        {formatMessage(m['committee.review.meta'], { theme: m[`theme.${idea.theme}` as const], age: idea.ageBand ?? '–', locale: idea.locale })}
      </p>
      {!idea.publishConsent && <p className="callout">{m['committee.review.noConsent']}</p>}

      {idea.status === 'pending' && !idea.originalHidden && (
        <>
          <div className="actions" role="group" aria-label={m['committee.review.title']}>
            <button type="button" className="primary" aria-expanded={mode === 'approve'} onClick={() => setMode('approve')}>
              {m['committee.approve.title']}
            </button>
            <button type="button" className="secondary" aria-expanded={mode === 'reject'} onClick={() => setMode('reject')}>
              {m['committee.reject.title']}
            </button>
            <button type="button" className="danger" aria-expanded={mode === 'escalate'} onClick={() => setMode('escalate')}>
              {m['committee.escalate.title']}
            </button>
          </div>
          {mode && (
            <form className="panel-box" onSubmit={submit} noValidate aria-label={m[`committee.${mode}.title` as const]}>
              {mode === 'approve' && (
                <>
                  <MaskEditor
                    text={original}
                    locale={idea.locale}
                    units={units}
                    hidden={hidden}
                    onChange={setHidden}
                    messages={m}
                    focusRef={(el) => { firstField.current = el; }}
                    problem={maskProblem}
                  />
                  <FeedbackFields id={`${id}-fb`} value={feedback} onChange={setFeedback} messages={m} showRequired={false} />
                </>
              )}
              {mode === 'reject' && (
                <>
                  <div className="field">
                    <label htmlFor={`${id}-reason`}>{m['committee.reject.reason']}</label>
                    <select
                      id={`${id}-reason`}
                      ref={(el) => { firstField.current = el; }}
                      value={reason}
                      onChange={(event) => setReason(event.target.value as (typeof reasons)[number])}
                    >
                      {reasons.map((r) => (
                        <option key={r} value={r}>{m[`committee.reject.reason.${r}` as const]}</option>
                      ))}
                    </select>
                  </div>
                  <FeedbackFields id={`${id}-fb`} value={feedback} onChange={setFeedback} messages={m} showRequired={tried} />
                </>
              )}
              {mode === 'escalate' && (
                <>
                  <p className="callout">{m['committee.escalate.procedure']}</p>
                  <p>{m['committee.escalate.helplines']}</p>
                  <fieldset className="field">
                    <legend>{m['committee.escalate.action']}</legend>
                    {referralActions.map((a, n) => (
                      <label key={a} className="choice">
                        <input
                          type="radio"
                          name={`${id}-action`}
                          value={a}
                          checked={action === a}
                          ref={n === 0 ? (el) => { firstField.current = el; } : undefined}
                          onChange={() => setAction(a)}
                        />{' '}
                        {m[`committee.escalate.action.${a}` as const]}
                      </label>
                    ))}
                  </fieldset>
                  <div className="field">
                    <label htmlFor={`${id}-action-reason`}>{m['committee.escalate.reason']}</label>
                    <p className="hint" id={`${id}-action-reason-hint`}>{m['committee.escalate.reasonHint']}</p>
                    <textarea
                      id={`${id}-action-reason`}
                      rows={2}
                      maxLength={REFERRAL_REASON_MAX}
                      value={actionReason}
                      required={referralNeedsReason(action)}
                      aria-describedby={`${id}-action-reason-hint`}
                      aria-invalid={tried && referralNeedsReason(action) && actionReason.trim() === ''}
                      onChange={(event) => setActionReason(event.target.value)}
                    />
                  </div>
                </>
              )}
              {problem && <p role="alert" className="problem">{problem}</p>}
              <button type="submit" className={mode === 'escalate' ? 'danger' : 'primary'} disabled={busy}>
                {m[`committee.${mode}.submit` as const]}
              </button>
            </form>
          )}
        </>
      )}
      {!mode && problem && <p role="alert" className="problem">{problem}</p>}

      {(idea.status === 'approved' || idea.status === 'adopted') && (
        <AdoptPanel client={client} idea={idea} messages={m} onDone={onDone} />
      )}

      <Questions client={client} idea={idea} messages={m} onAnswered={() => setNotice(m['committee.saved'])} />

      <section aria-labelledby={`${id}-similar`}>
        <h3 id={`${id}-similar`}>{m['committee.similar.title']}</h3>
        {similar === undefined ? null : similar.length === 0 ? (
          <p>{m['committee.similar.none']}</p>
        ) : (
          <ul>
            {similar.map((s) => (
              <li key={s.id}>
                {s.publicText} <small>({statusLabel(s.status, m)})</small>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

function Questions({ client, idea, messages: m, onAnswered }: { client: AuthClient; idea: IdeaCard; messages: ModerationMessages; onAnswered: () => void }) {
  const id = useId();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [done, setDone] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Record<string, string>>({});
  return (
    <section aria-labelledby={`${id}-q`}>
      <h3 id={`${id}-q`}>{m['committee.questions.title']}</h3>
      {idea.questions.length === 0 && <p>{m['committee.questions.none']}</p>}
      <ul>
        {idea.questions.map((q) => {
          const answer = q.answer ?? done[q.id];
          const draft = answers[q.id] ?? '';
          const issues = problemsText(draft, m);
          return (
            <li key={q.id}>
              {q.text === null ? <p>{m['committee.questions.hidden']}</p> : <p lang={idea.locale} dir="auto" className="user-text">{q.text}</p>}
              {answer ? (
                <p>{formatMessage(m['committee.questions.answered'], { answer })}</p>
              ) : (
                <form
                  noValidate
                  onSubmit={(event) => {
                    event.preventDefault();
                    if (draft.trim() === '' || issues.length > 0) return;
                    replyToQuestion(client, q.id, draft)
                      .then(() => {
                        setDone({ ...done, [q.id]: draft });
                        onAnswered();
                      })
                      .catch((error: unknown) => setProblem({ ...problem, [q.id]: errorMessage(error, m) }));
                  }}
                >
                  <label htmlFor={`${id}-${q.id}`}>{m['committee.questions.answer']}</label>
                  <textarea id={`${id}-${q.id}`} rows={2} maxLength={1000} value={draft} onChange={(event) => setAnswers({ ...answers, [q.id]: event.target.value })} />
                  {issues.map((issue) => <p key={issue} className="problem">{issue}</p>)}
                  {problem[q.id] && <p role="alert" className="problem">{problem[q.id]}</p>}
                  <button type="submit" className="secondary">{m['committee.questions.submit']}</button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
