/**
 * Ideas from paper: the teacher types in what a student wrote or said, with
 * the same schema and the same database function as the students' form,
 * marked transcribed. Each idea gets a receipt code made on this device;
 * the slips print one per idea, to cut and hand back.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { ApiError } from '../../lib/supabase/apiError.ts';
import type { AuthClient } from '../../lib/supabase/authClient.ts';
import { formatMessage } from '../../lib/formatMessage.ts';
import { randomUuid } from '../../lib/randomUuid.ts';
import { formatReceiptCode, generateReceiptCode } from '../../lib/receiptCode.ts';
import { ageBands, ideaSchema, ideaThemes, type Idea, type IdeaInput } from '../../lib/schemas/idea.ts';
import { Field, translate } from '../Account/Field.tsx';
import { Gate } from '../Account/Gate.tsx';
import type { MessagesOf, transcribeMessageKeys } from './messages.ts';
import { sessionCounts, submitTranscribed, type SessionCounts } from '../../lib/supabase/teacherApi.ts';
import { useSessionId } from './useSessionId.ts';
import '../Account/account.css';
import './teacher.css';

type M = MessagesOf<typeof transcribeMessageKeys>;

interface Props {
  locale: 'sq' | 'en';
  messages: M;
  signInPath: string;
  teachersPath: string;
  /** The session screen (`?id=` is added), to go back after typing in the sheets. */
  sessionPath: string;
  /** Absolute URL of the track page, printed on the slips. */
  trackPath: string;
  regionNames: Record<string, string>;
}

export default function Transcribe(props: Props) {
  return (
    <Gate messages={props.messages} signInPath={props.signInPath} need="teacher" regionNames={props.regionNames}>
      {(_roles, client) => <TranscribeForm {...props} client={client} />}
    </Gate>
  );
}

const knownErrors = ['session_closed', 'session_not_open', 'session_full', 'rate_limited', 'not_allowed'] as const;
type ProblemKey = `teacher.transcribe.error.${(typeof knownErrors)[number] | 'failed'}`;

function fresh(code: string, locale: 'sq' | 'en'): Partial<IdeaInput> {
  return { sessionCode: code, locale, text: '', canDo: '', ageBand: '', idempotencyKey: randomUuid(), receiptCode: generateReceiptCode() };
}

function TranscribeForm({ locale, messages: m, client, teachersPath, sessionPath, trackPath }: Props & { client: AuthClient }) {
  const id = useSessionId();
  const [session, setSession] = useState<SessionCounts | null>();
  const [slips, setSlips] = useState<string[]>([]);
  const [problem, setProblem] = useState<ProblemKey>();
  const [sent, setSent] = useState(false);
  const statusRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!id) setSession(null);
    else sessionCounts(client, id).then(setSession, () => setSession(null));
  }, [client, id]);

  const {
    register,
    control,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<IdeaInput, unknown, Idea>({ resolver: zodResolver(ideaSchema), defaultValues: fresh('', locale) });
  useEffect(() => {
    if (session) reset(fresh(session.joinCode, locale));
  }, [session, locale, reset]);
  useEffect(() => {
    if (problem || sent) statusRef.current?.focus();
  }, [problem, sent, slips]);

  if (session === undefined) return <p role="status">{m['account.loading']}</p>;
  if (session === null) {
    return (
      <p className="callout" role="alert">
        {m['teacher.screen.notFound']} <a href={teachersPath}>{m['teacher.screen.back']}</a>
      </p>
    );
  }

  const onSubmit = handleSubmit(async (idea) => {
    setProblem(undefined);
    setSent(false);
    try {
      const answer = await submitTranscribed(client, {
        code: idea.sessionCode,
        text: idea.text,
        theme: idea.theme,
        canDo: idea.canDo,
        ageBand: idea.ageBand,
        locale: idea.locale,
        publishConsent: idea.publishConsent,
        idempotencyKey: idea.idempotencyKey,
        receiptCode: idea.receiptCode,
      });
      setSlips((list) => [...list, answer.receiptCode ?? idea.receiptCode]);
      setSent(true);
      reset(fresh(session.joinCode, locale));
    } catch (error) {
      const code = error instanceof ApiError ? error.code : '';
      const known = knownErrors.find((k) => k === code);
      // Anything else keeps the text (and its idempotency key) so a retry cannot make a duplicate.
      setProblem(known ? `teacher.transcribe.error.${known}` : 'teacher.transcribe.error.failed');
    }
  });

  const trackUrl = new URL(trackPath, window.location.origin);
  const trackShown = `${trackUrl.host}${trackUrl.pathname}`;
  return (
    <div className="transcribe">
      <nav className="no-print" aria-label={m['teacher.transcribe.navLabel']}>
        <a href={`${sessionPath}?id=${encodeURIComponent(id ?? '')}`}>{m['teacher.transcribe.backToSession']}</a> · <a href={teachersPath}>{m['teacher.screen.back']}</a>
      </nav>
      <p className="no-print">
        {m['teacher.code']}: <strong className="code-inline">{session.joinCode}</strong> · {session.school}
      </p>
      <form className="account-form no-print" onSubmit={onSubmit} noValidate method="post" action="#">
        {(problem || sent) && (
          <p className={problem ? 'callout error-box' : 'callout'} role={problem ? 'alert' : 'status'} tabIndex={-1} ref={statusRef}>
            {problem ? m[problem] : m['teacher.transcribe.sent']}
          </p>
        )}
        <Field id="transcribe-text" label={m['teacher.transcribe.text']} error={translate(m, errors.text?.message)}>
          {(a11y) => <textarea {...a11y} rows={5} {...register('text')} />}
        </Field>
        <fieldset className="field" aria-describedby={errors.theme ? 'transcribe-theme-error' : undefined}>
          <legend>{m['teacher.transcribe.theme']}</legend>
          <div className="choices">
            {ideaThemes.map((theme) => (
              <label key={theme}>
                <input type="radio" value={theme} aria-invalid={Boolean(errors.theme)} {...register('theme')} />
                {m[`theme.${theme}`]}
              </label>
            ))}
          </div>
          {errors.theme && (
            <p className="error" id="transcribe-theme-error" role="alert">
              {translate(m, errors.theme.message)}
            </p>
          )}
        </fieldset>
        <Field id="transcribe-cando" label={m['teacher.transcribe.canDo']} error={translate(m, errors.canDo?.message)}>
          {(a11y) => <textarea {...a11y} rows={2} {...register('canDo')} />}
        </Field>
        <fieldset className="field">
          <legend>{m['teacher.transcribe.ageBand']}</legend>
          <div className="choices">
            <label>
              <input type="radio" value="" {...register('ageBand')} />
              {m['teacher.transcribe.ageBandNone']}
            </label>
            {ageBands.map((band) => (
              <label key={band}>
                <input type="radio" value={band} {...register('ageBand')} />
                {m[`ageBand.${band}`]}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="field" aria-describedby={errors.publishConsent ? 'transcribe-consent-error' : undefined}>
          <legend>{m['teacher.transcribe.consent']}</legend>
          <Controller
            control={control}
            name="publishConsent"
            render={({ field }) => (
              <div className="choices">
                {([true, false] as const).map((answer) => (
                  <label key={String(answer)}>
                    <input
                      type="radio"
                      name={field.name}
                      ref={answer ? field.ref : undefined}
                      checked={field.value === answer}
                      onChange={() => field.onChange(answer)}
                      onBlur={field.onBlur}
                      aria-invalid={Boolean(errors.publishConsent)}
                    />
                    {m[answer ? 'teacher.transcribe.consentYes' : 'teacher.transcribe.consentNo']}
                  </label>
                ))}
              </div>
            )}
          />
          {errors.publishConsent && (
            <p className="error" id="transcribe-consent-error" role="alert">
              {translate(m, errors.publishConsent.message)}
            </p>
          )}
        </fieldset>
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? m['teacher.transcribe.busy'] : m['teacher.transcribe.submit']}
        </button>
      </form>

      {slips.length > 0 && (
        <section className="slips" aria-labelledby="slips-title">
          <h2 id="slips-title" className="no-print">
            {m['teacher.transcribe.slipsTitle']}
          </h2>
          <p className="no-print">
            <button type="button" className="button secondary" onClick={() => window.print()}>
              {m['teacher.transcribe.printSlips']}
            </button>
          </p>
          <ul className="slip-list">
            {slips.map((code) => (
              <li key={code} className="slip">
                <p className="slip-label">{m['teacher.transcribe.slip']}</p>
                <p className="slip-code">{formatReceiptCode(code)}</p>
                <p>{formatMessage(m['teacher.transcribe.slipTrack'], { url: trackShown })}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
