/**
 * Sign in with e-mail and password, then back to `?next=` (a path of this
 * site only). The forgotten-password request is here too: hosted Supabase
 * e-mails a link; the local stack has no mailer and answers 404, which the
 * page explains instead of pretending a mail is on its way.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useForm } from 'react-hook-form';
import { homeFor, type Home } from '../../lib/auth/homeFor.ts';
import { safeNext } from '../../lib/auth/safeNext.ts';
import { authClient } from '../../lib/supabase/authClient.ts';
import { fetchRoles } from '../../lib/supabase/rolesApi.ts';
import { requestPasswordReset, signIn } from '../../lib/supabase/accountApi.ts';
import { signInSchema, type SignInInput } from './accountSchemas.ts';
import { Field, translate } from './Field.tsx';
import type { Messages } from './messages.ts';
import type { signInMessageKeys } from './messages.ts';
import './account.css';

interface Props {
  messages: Messages<(typeof signInMessageKeys)[number]>;
  /** Where to go when `?next=` is not a path of this site. */
  fallbackPath: string;
  /** Each role's home, where sign-in leads when there is no `?next=`. */
  homePaths: Record<Home, string>;
  /** The page a reset link opens (absolute path), to set the new password. */
  passwordPath: string;
}

type Problem = 'account.signIn.invalid' | 'account.signIn.rateLimited' | 'account.failed';

export default function SignIn({ messages: m, fallbackPath, homePaths, passwordPath }: Props) {
  const [ready, setReady] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const {
    register,
    handleSubmit,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: '', password: '' } });
  const problemRef = useRef<HTMLParagraphElement>(null);

  // The form only works once hydrated: before that a click would post the password in the URL.
  useEffect(() => setReady(true), []);
  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);

  const onSubmit = handleSubmit(async (values) => {
    setProblem(undefined);
    const outcome = await signIn(values.email, values.password);
    if (outcome === 'ok') {
      const next = new URLSearchParams(window.location.search).get('next');
      // A first-time moderator or teacher should not land on a page with only "sign out".
      const home = next === null ? homePaths[homeFor(await fetchRoles(authClient()).catch(() => null))] : fallbackPath;
      window.location.assign(safeNext(next, home));
      return;
    }
    setProblem(outcome === 'rate_limited' ? 'account.signIn.rateLimited' : outcome === 'invalid' ? 'account.signIn.invalid' : 'account.failed');
  });

  return (
    <div className="account-form">
      <form onSubmit={onSubmit} noValidate method="post" action="#">
        {problem && (
          <p className="callout error-box" role="alert" tabIndex={-1} ref={problemRef}>
            {m[problem]}
          </p>
        )}
        <Field id="signin-email" label={m['account.email']} error={translate(m, errors.email?.message)}>
          {(a11y) => <input {...a11y} type="email" autoComplete="username" inputMode="email" {...register('email')} />}
        </Field>
        <Field id="signin-password" label={m['account.password']} error={translate(m, errors.password?.message)}>
          {(a11y) => <input {...a11y} type="password" autoComplete="current-password" {...register('password')} />}
        </Field>
        <button type="submit" className="button" disabled={!ready || isSubmitting}>
          {isSubmitting ? m['account.signIn.busy'] : m['account.signIn.submit']}
        </button>
        <p className="hint">{m['account.signIn.sharedComputer']}</p>
      </form>
      <ForgotPassword messages={m} passwordPath={passwordPath} initialEmail={() => getValues('email')} ready={ready} />
    </div>
  );
}

function ForgotPassword({
  messages: m,
  passwordPath,
  initialEmail,
  ready,
}: {
  messages: Props['messages'];
  passwordPath: string;
  initialEmail: () => string;
  ready: boolean;
}) {
  const [answer, setAnswer] = useState<'account.forgot.sent' | 'account.forgot.unavailable' | 'account.failed' | 'account.validation.emailInvalid'>();
  const [busy, setBusy] = useState(false);
  // Uncontrolled on purpose: an address typed before the island hydrated
  // (slow school networks) stays in the field and is the one sent.
  const emailRef = useRef<HTMLInputElement>(null);

  async function send(event: SubmitEvent) {
    event.preventDefault();
    const address = (emailRef.current?.value ?? '').trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
      setAnswer('account.validation.emailInvalid');
      return;
    }
    setBusy(true);
    const outcome = await requestPasswordReset(address, new URL(passwordPath, window.location.origin).href);
    setBusy(false);
    setAnswer(outcome === 'sent' ? 'account.forgot.sent' : outcome === 'unavailable' ? 'account.forgot.unavailable' : 'account.failed');
  }

  function prefill(details: HTMLDetailsElement) {
    const input = emailRef.current;
    if (details.open && input && !input.value) input.value = initialEmail();
  }

  return (
    <details className="forgot" onToggle={(event) => prefill(event.currentTarget)}>
      <summary>{m['account.forgot.title']}</summary>
      <form onSubmit={send} noValidate method="post" action="#">
        <p>{m['account.forgot.text']}</p>
        <div className="field">
          <label htmlFor="forgot-email">{m['account.email']}</label>
          <input id="forgot-email" name="email" type="email" autoComplete="email" ref={emailRef} />
        </div>
        <button type="submit" className="button secondary" disabled={!ready || busy}>
          {m['account.forgot.submit']}
        </button>
        <div role="status" className="forgot-answer">
          {answer && <p>{m[answer]}</p>}
        </div>
      </form>
    </details>
  );
}
