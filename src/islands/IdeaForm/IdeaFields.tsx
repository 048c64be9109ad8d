/**
 * Step 3: the idea itself. react-hook-form with the shared zod schema (the
 * one the database rules mirror); friendly notes while typing; a send that
 * never loses the idea: failures keep it on screen, a dropped connection
 * puts it in the offline queue with its idempotency key.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { detectPersonalData } from '../../lib/detectPersonalData.ts';
import { formatMessage } from '../../lib/formatMessage.ts';
import { clearIdeaDraft, loadIdeaDraft, saveIdeaDraft } from '../../lib/ideaDraft.ts';
import { enqueueIdea } from '../../lib/offlineQueue.ts';
import { randomUuid } from '../../lib/randomUuid.ts';
import { generateReceiptCode } from '../../lib/receiptCode.ts';
import { ageBands, IDEA_TEXT_MAX, ideaSchema, ideaThemes, type Idea, type IdeaInput } from '../../lib/schemas/idea.ts';
import { textLength } from '../../lib/schemas/text.ts';
import { ApiError } from '../../lib/supabase/apiError.ts';
import { submitIdea, type SubmitIdeaArgs } from '../../lib/supabase/studentApi.ts';
import { HelpPanel } from './HelpPanel.tsx';
import { useSafeguardingCheck } from './useSafeguardingCheck.ts';
import type { IdeaFormMessageKey, IdeaFormMessages } from './messages.ts';
import { failureAction, MIN_FILL_MS, toSubmitArgs } from './submission.ts';
import { ThemeIcon } from './themeIcons.tsx';

export interface Receipt {
  code: string;
  queued: boolean;
}

interface Props {
  messages: IdeaFormMessages;
  locale: 'sq' | 'en';
  sessionCode: string;
  /** The seat join_session gave this device, sent with each idea (in memory only). */
  seatToken?: string | null | undefined;
  helpPath: string;
  onSent: (receipt: Receipt) => void;
  /** "Next student": forget the draft and start again. */
  onClear: () => void;
  /** After an idea went to the offline queue, so the page can show the waiting count. */
  onQueued: () => void;
}

function freshValues(sessionCode: string, locale: 'sq' | 'en'): Partial<IdeaInput> {
  const draft = loadIdeaDraft();
  const theme = ideaThemes.find((t) => t === draft.theme);
  const ageBand = ageBands.find((a) => a === draft.ageBand);
  return {
    sessionCode,
    locale,
    text: draft.text ?? '',
    canDo: draft.canDo ?? '',
    ...(theme ? { theme } : {}),
    ...(ageBand ? { ageBand } : {}),
    idempotencyKey: randomUuid(),
    receiptCode: generateReceiptCode(),
  };
}

function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list === '' ? undefined : list;
}

/** Announce the counter only when it crosses these, not on every key. */
function remainingBucket(remaining: number): number | undefined {
  return [0, 20, 50, 100].find((limit) => remaining <= limit);
}

export function IdeaFields({ messages: m, locale, sessionCode, seatToken, helpPath, onSent, onClear, onQueued }: Props) {
  const defaultValues = useMemo(() => freshValues(sessionCode, locale), [sessionCode, locale]);
  const {
    control,
    register,
    handleSubmit,
    setError,
    setValue,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<IdeaInput, unknown, Idea>({
    resolver: zodResolver(ideaSchema),
    defaultValues,
    reValidateMode: 'onChange',
  });
  const [problem, setProblem] = useState<IdeaFormMessageKey>();
  const shownAt = useRef(Date.now());
  const honeypot = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const subscription = watch((values) =>
      saveIdeaDraft({
        text: values.text ?? '',
        theme: values.theme ?? '',
        canDo: values.canDo ?? '',
        ageBand: values.ageBand ?? '',
      }),
    );
    return () => subscription.unsubscribe();
  }, [watch]);

  const text = useWatch({ control, name: 'text' }) ?? '';
  const canDo = useWatch({ control, name: 'canDo' }) ?? '';
  const length = textLength(text);
  const written = useDeferredValue(`${text}\n${canDo}`);
  const personalKinds = useMemo(() => [...new Set(detectPersonalData(written).matches.map((match) => match.kind))], [written]);
  // Both free-text fields, each on its own: a disclosure may come in "what I can do" only.
  const fields = useDeferredValue([text, canDo] as const);
  const needsHelp = useSafeguardingCheck(fields);

  const bucket = remainingBucket(IDEA_TEXT_MAX - length);
  const [nearLimit, setNearLimit] = useState('');
  useEffect(() => {
    setNearLimit(bucket === undefined ? '' : formatMessage(m['ideaForm.text.nearLimit'], { count: Math.max(IDEA_TEXT_MAX - length, 0) }));
    // Announced when the bucket changes, not on every character.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bucket]);

  const message = (key: string | undefined) => (key ? (m[key as IdeaFormMessageKey] ?? m['ideaForm.error.failed']) : undefined);

  function finish(code: string, queued: boolean) {
    clearIdeaDraft();
    onSent({ code, queued });
  }

  async function queue(args: SubmitIdeaArgs) {
    try {
      await enqueueIdea(args.p_idempotency_key, args, args.p_queued_at ? Date.parse(args.p_queued_at) : undefined);
      finish(args.p_receipt_code, true);
      onQueued();
    } catch {
      setProblem('ideaForm.error.failed');
    }
  }

  async function send(args: SubmitIdeaArgs, attempt = 0): Promise<void> {
    if (navigator.onLine === false) return queue(args);
    try {
      const result = await submitIdea(args);
      finish(result.receiptCode ?? args.p_receipt_code, false);
    } catch (error) {
      const action = failureAction(error instanceof ApiError ? error.code : 'unknown');
      switch (action.kind) {
        case 'queue':
          return queue(args);
        case 'newCode': {
          if (attempt > 2) return setProblem('ideaForm.error.failed');
          const receiptCode = generateReceiptCode();
          setValue('receiptCode', receiptCode);
          return send({ ...args, p_receipt_code: receiptCode }, attempt + 1);
        }
        case 'field':
          return setError(action.field, { type: 'server', message: action.message }, { shouldFocus: true });
        case 'form':
          return setProblem(action.message as IdeaFormMessageKey);
      }
    }
  }

  async function onValid(idea: Idea) {
    setProblem(undefined);
    if (Date.now() - shownAt.current < MIN_FILL_MS) {
      setProblem('ideaForm.tooFast');
      return;
    }
    // A filled honeypot is a script: it gets a receipt like anyone, and nothing is sent.
    if (honeypot.current?.value) return finish(idea.receiptCode, false);
    await send(toSubmitArgs(idea, new Date(), seatToken));
  }

  const textError = message(errors.text?.message);
  const themeError = message(errors.theme?.message);
  const canDoError = message(errors.canDo?.message);
  const ageError = message(errors.ageBand?.message);
  const consentError = message(errors.publishConsent?.message);

  return (
    <form className="idea-step idea-fields" onSubmit={handleSubmit(onValid)} noValidate method="post">
      <h2 tabIndex={-1}>{m['ideaForm.title']}</h2>

      <div className="field field-text">
        <label htmlFor="idea-text" className="field-label">
          {m['ideaForm.text.label']}
        </label>
        <p id="idea-text-hint" className="field-hint">
          {m['ideaForm.text.hint']}
        </p>
        <div className="prompts">
          <p>{m['ideaForm.prompts.title']}</p>
          <ul>
            <li>{m['ideaForm.prompts.jobs']}</li>
            <li>{m['ideaForm.prompts.online']}</li>
            <li>{m['ideaForm.prompts.trust']}</li>
          </ul>
          <p className="example">{m['ideaForm.prompts.example']}</p>
        </div>
        <textarea
          id="idea-text"
          rows={6}
          {...register('text')}
          aria-invalid={textError ? true : undefined}
          aria-describedby={describedBy(textError && 'idea-text-error', 'idea-text-hint', 'idea-text-counter', personalKinds.length > 0 && 'idea-personal-note')}
        />
        <p id="idea-text-counter" className={length > IDEA_TEXT_MAX ? 'counter over' : 'counter'}>
          {formatMessage(m['ideaForm.text.counter'], { count: length })}
        </p>
        <p className="visually-hidden" aria-live="polite">
          {nearLimit}
        </p>
        {textError && (
          <p id="idea-text-error" className="field-error" role="alert">
            {textError}
          </p>
        )}
        <div aria-live="polite">
          {personalKinds.length > 0 && (
            <div id="idea-personal-note" className="personal-note">
              <p>
                <strong>{m['ideaForm.personalData.title']}</strong>
              </p>
              <ul>
                {personalKinds.map((kind) => (
                  <li key={kind}>{m[`ideaForm.personalData.${kind}`]}</li>
                ))}
              </ul>
              <p>{m['ideaForm.personalData.ask']}</p>
            </div>
          )}
        </div>
      </div>

      <div aria-live="polite">{needsHelp && <HelpPanel messages={m} id="idea-help" helpPath={helpPath} whileWriting />}</div>

      <fieldset className="field" aria-describedby={themeError ? 'idea-theme-error' : undefined}>
        <legend className="field-label">{m['ideaForm.theme.legend']}</legend>
        <div className="theme-cards">
          {ideaThemes.map((theme) => (
            <label key={theme} className="choice-card theme-card">
              <input type="radio" value={theme} {...register('theme')} />
              <ThemeIcon theme={theme} />
              <span>{m[`theme.${theme}`]}</span>
            </label>
          ))}
        </div>
        {themeError && (
          <p id="idea-theme-error" className="field-error" role="alert">
            {themeError}
          </p>
        )}
      </fieldset>

      <div className="field">
        <label htmlFor="idea-can-do" className="field-label">
          {m['ideaForm.canDo.label']}
        </label>
        <p id="idea-can-do-hint" className="field-hint">
          {m['ideaForm.canDo.hint']}
        </p>
        <textarea
          id="idea-can-do"
          rows={3}
          {...register('canDo')}
          aria-invalid={canDoError ? true : undefined}
          aria-describedby={describedBy(canDoError && 'idea-can-do-error', 'idea-can-do-hint')}
        />
        {canDoError && (
          <p id="idea-can-do-error" className="field-error" role="alert">
            {canDoError}
          </p>
        )}
      </div>

      <fieldset className="field" aria-describedby={ageError ? 'idea-age-error' : undefined}>
        <legend className="field-label">{m['ideaForm.ageBand.legend']}</legend>
        <div className="choice-row">
          {ageBands.map((band) => (
            <label key={band} className="choice-card">
              <input type="radio" value={band} {...register('ageBand')} />
              <span>{m[`ageBand.${band}`]}</span>
            </label>
          ))}
          <label className="choice-card">
            <input type="radio" value="" {...register('ageBand')} />
            <span>{m['ideaForm.ageBand.none']}</span>
          </label>
        </div>
        {ageError && (
          <p id="idea-age-error" className="field-error" role="alert">
            {ageError}
          </p>
        )}
      </fieldset>

      <Controller
        control={control}
        name="publishConsent"
        render={({ field }) => (
          <fieldset className="field" aria-describedby={describedBy(consentError && 'idea-consent-error', 'idea-consent-hint')}>
            <legend className="field-label">{m['ideaForm.consent.legend']}</legend>
            <p id="idea-consent-hint" className="field-hint">
              {m['ideaForm.consent.hint']}
            </p>
            <div className="consent-choices">
              <label className="choice-card consent-card">
                <input
                  ref={field.ref}
                  type="radio"
                  name={field.name}
                  value="yes"
                  checked={field.value === true}
                  onChange={() => field.onChange(true)}
                  onBlur={field.onBlur}
                />
                <span>{m['ideaForm.consent.yes']}</span>
              </label>
              <label className="choice-card consent-card">
                <input
                  type="radio"
                  name={field.name}
                  value="no"
                  checked={field.value === false}
                  onChange={() => field.onChange(false)}
                  onBlur={field.onBlur}
                />
                <span>{m['ideaForm.consent.no']}</span>
              </label>
            </div>
            {consentError && (
              <p id="idea-consent-error" className="field-error" role="alert">
                {consentError}
              </p>
            )}
          </fieldset>
        )}
      />

      <div className="honeypot" aria-hidden="true">
        <label htmlFor="idea-website">{m['ideaForm.honeypot']}</label>
        <input id="idea-website" ref={honeypot} type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      {problem && (
        <p className="problem" role="alert">
          {m[problem]}
        </p>
      )}

      <div className="actions">
        <button type="submit" className="button-primary button-large" disabled={isSubmitting}>
          {isSubmitting ? m['ideaForm.sending'] : m['ideaForm.submit']}
        </button>
        <button
          type="button"
          className="button-link"
          onClick={() => {
            clearIdeaDraft();
            onClear();
          }}
        >
          {m['ideaForm.clear']}
        </button>
      </div>
    </form>
  );
}
