/**
 * A new password: signed-in users confirm the current one first (a shared
 * computer left signed in must not let a passer-by take the account); a
 * user who arrives from a hosted reset link (PASSWORD_RECOVERY) does not
 * have one to give.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { AuthClient } from '../../lib/supabase/authClient.ts';
import type { Roles } from '../../lib/auth/requireRole.ts';
import { changePassword, onPasswordRecovery } from '../../lib/supabase/accountApi.ts';
import { newPasswordSchema, type NewPasswordInput } from './accountSchemas.ts';
import { Field, translate } from './Field.tsx';
import { Gate } from './Gate.tsx';
import type { Messages, passwordMessageKeys } from './messages.ts';
import './account.css';

type M = Messages<(typeof passwordMessageKeys)[number]>;

interface Props {
  messages: M;
  signInPath: string;
  regionNames: Record<string, string>;
}

export default function ChangePassword({ messages, signInPath, regionNames }: Props) {
  const [recovery, setRecovery] = useState(false);
  useEffect(() => {
    const unsubscribe = onPasswordRecovery(() => setRecovery(true));
    if (/type=recovery/.test(window.location.hash)) setRecovery(true);
    return unsubscribe;
  }, []);
  return (
    <Gate messages={messages} signInPath={signInPath} need="any" regionNames={regionNames}>
      {(roles, client) => <PasswordForm messages={messages} roles={roles} client={client} recovery={recovery} />}
    </Gate>
  );
}

type Problem = 'account.password.wrongCurrent' | 'account.password.same' | 'account.signUp.weakPassword' | 'account.failed';

function PasswordForm({ messages: m, roles, client, recovery }: { messages: M; roles: Roles; client: AuthClient; recovery: boolean }) {
  const [problem, setProblem] = useState<Problem>();
  const [saved, setSaved] = useState(false);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<NewPasswordInput>({ resolver: zodResolver(newPasswordSchema), defaultValues: { current: '', password: '', confirm: '' } });

  useEffect(() => {
    if (problem || saved) statusRef.current?.focus();
  }, [problem, saved]);

  const onSubmit = handleSubmit(async (values) => {
    setProblem(undefined);
    setSaved(false);
    if (!recovery && !values.current) {
      setError('current', { message: 'account.validation.passwordRequired' }, { shouldFocus: true });
      return;
    }
    const outcome = await changePassword(client, { email: roles.email, current: recovery ? undefined : values.current, password: values.password });
    if (outcome !== 'ok') {
      setProblem(
        outcome === 'wrong_current'
          ? 'account.password.wrongCurrent'
          : outcome === 'same'
            ? 'account.password.same'
            : outcome === 'weak_password'
              ? 'account.signUp.weakPassword'
              : 'account.failed',
      );
      return;
    }
    reset();
    setSaved(true);
  });

  return (
    <form className="account-form" onSubmit={onSubmit} noValidate method="post" action="#">
      {recovery && <p>{m['account.password.recovery']}</p>}
      {(problem || saved) && (
        <p className={problem ? 'callout error-box' : 'callout'} role={problem ? 'alert' : 'status'} tabIndex={-1} ref={statusRef}>
          {problem ? m[problem] : m['account.password.saved']}
        </p>
      )}
      {!recovery && (
        <Field id="password-current" label={m['account.password.current']} error={translate(m, errors.current?.message)}>
          {(a11y) => <input {...a11y} type="password" autoComplete="current-password" {...register('current')} />}
        </Field>
      )}
      <Field id="password-new" label={m['account.password.new']} hint={m['account.passwordHint']} error={translate(m, errors.password?.message)}>
        {(a11y) => <input {...a11y} type="password" autoComplete="new-password" {...register('password')} />}
      </Field>
      <Field id="password-confirm" label={m['account.password.confirm']} error={translate(m, errors.confirm?.message)}>
        {(a11y) => <input {...a11y} type="password" autoComplete="new-password" {...register('confirm')} />}
      </Field>
      <button type="submit" className="button" disabled={isSubmitting}>
        {m['account.password.submit']}
      </button>
    </form>
  );
}
