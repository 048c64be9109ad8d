/**
 * Teacher sign-up: name, school and region go in the user metadata that the
 * database's new-user trigger turns into a profile and a teacher
 * application. The account then waits for a coordinator's approval.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { formatMessage } from '../../lib/formatMessage.ts';
import { signUp } from '../../lib/supabase/accountApi.ts';
import { createSignUpSchema, type SignUp as SignUpValues, type SignUpInput } from './accountSchemas.ts';
import { Field, translate } from './Field.tsx';
import type { Messages, signUpMessageKeys } from './messages.ts';
import './account.css';

interface Props {
  messages: Messages<(typeof signUpMessageKeys)[number]>;
  /** Region ids with their names in the page's language, pilot regions first. */
  regions: ReadonlyArray<{ id: string; name: string }>;
  /** Where the confirmation e-mail of hosted Supabase sends the teacher. */
  signInPath: string;
}

type Outcome = { kind: 'waiting'; school: string; region: string } | { kind: 'checkEmail' };
type Problem = 'account.signUp.exists' | 'account.signUp.weakPassword' | 'account.signIn.rateLimited' | 'account.failed';

export default function SignUp({ messages: m, regions, signInPath }: Props) {
  const schema = useMemo(() => createSignUpSchema(regions.map((r) => r.id) as [string, ...string[]]), [regions]);
  const [ready, setReady] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [outcome, setOutcome] = useState<Outcome>();
  const outcomeRef = useRef<HTMLHeadingElement>(null);
  const problemRef = useRef<HTMLParagraphElement>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignUpInput, unknown, SignUpValues>({
    resolver: zodResolver(schema),
    defaultValues: { displayName: '', email: '', password: '', school: '', region: '' },
  });

  useEffect(() => setReady(true), []);
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);
  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);

  const onSubmit = handleSubmit(async (values) => {
    setProblem(undefined);
    const result = await signUp({
      email: values.email,
      password: values.password,
      displayName: values.displayName,
      school: values.school,
      region: values.region,
      emailRedirectTo: new URL(signInPath, window.location.origin).href,
    });
    if (!result.ok) {
      setProblem(
        result.code === 'exists'
          ? 'account.signUp.exists'
          : result.code === 'weak_password'
            ? 'account.signUp.weakPassword'
            : result.code === 'rate_limited'
              ? 'account.signIn.rateLimited'
              : 'account.failed',
      );
      return;
    }
    // Hosted projects that confirm e-mail addresses answer without a session.
    setOutcome(result.signedIn ? { kind: 'waiting', school: values.school, region: values.region } : { kind: 'checkEmail' });
  });

  if (outcome) {
    const regionName = outcome.kind === 'waiting' ? (regions.find((r) => r.id === outcome.region)?.name ?? outcome.region) : '';
    return (
      <section className="panel" aria-labelledby="signup-done">
        <h2 id="signup-done" tabIndex={-1} ref={outcomeRef}>
          {m['account.waiting.title']}
        </h2>
        <p>
          {outcome.kind === 'waiting'
            ? formatMessage(m['account.waiting.text'], { school: outcome.school, region: regionName })
            : m['account.signUp.checkEmail']}
        </p>
      </section>
    );
  }

  return (
    <form className="account-form" onSubmit={onSubmit} noValidate method="post" action="#">
      {problem && (
        <p className="callout error-box" role="alert" tabIndex={-1} ref={problemRef}>
          {m[problem]}
        </p>
      )}
      <Field id="signup-name" label={m['account.signUp.name']} error={translate(m, errors.displayName?.message)}>
        {(a11y) => <input {...a11y} autoComplete="name" {...register('displayName')} />}
      </Field>
      <Field id="signup-email" label={m['account.email']} error={translate(m, errors.email?.message)}>
        {(a11y) => <input {...a11y} type="email" autoComplete="email" inputMode="email" {...register('email')} />}
      </Field>
      <Field id="signup-password" label={m['account.password']} hint={m['account.passwordHint']} error={translate(m, errors.password?.message)}>
        {(a11y) => <input {...a11y} type="password" autoComplete="new-password" {...register('password')} />}
      </Field>
      <Field id="signup-school" label={m['account.signUp.school']} error={translate(m, errors.school?.message)}>
        {(a11y) => <input {...a11y} autoComplete="organization" {...register('school')} />}
      </Field>
      <Field id="signup-region" label={m['account.signUp.region']} error={translate(m, errors.region?.message)}>
        {(a11y) => (
          <select {...a11y} {...register('region')}>
            <option value="">{m['account.signUp.regionChoose']}</option>
            {regions.map((region) => (
              <option key={region.id} value={region.id}>
                {region.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="button" disabled={!ready || isSubmitting}>
        {isSubmitting ? m['account.signUp.busy'] : m['account.signUp.submit']}
      </button>
    </form>
  );
}
