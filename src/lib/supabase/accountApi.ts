/**
 * Supabase Auth for staff accounts (sign in, sign up, password reset and
 * change, sign out), through the one API layer like every other call. Each
 * function answers an outcome code that the account islands translate; GoTrue's
 * error shapes stay in here.
 */
import { authClient, type AuthClient } from './authClient.ts';

export type SignInOutcome = 'ok' | 'invalid' | 'rate_limited' | 'failed';

/** Signs in with e-mail and password. */
export async function signIn(email: string, password: string, client: AuthClient = authClient()): Promise<SignInOutcome> {
  const { error } = await client.auth.signInWithPassword({ email, password });
  if (!error) return 'ok';
  return error.status === 429 ? 'rate_limited' : error.status === 400 ? 'invalid' : 'failed';
}

export type ResetOutcome = 'sent' | 'unavailable' | 'failed';

/**
 * Asks for a password-reset e-mail. The answer is the same whether or not the
 * address has an account; 'unavailable' when the server has no recovery
 * endpoint (the local stack).
 */
export async function requestPasswordReset(email: string, redirectTo: string): Promise<ResetOutcome> {
  const { error } = await authClient().auth.resetPasswordForEmail(email, { redirectTo });
  return !error ? 'sent' : error.status === 404 ? 'unavailable' : 'failed';
}

export interface SignUpInput {
  email: string;
  password: string;
  displayName: string;
  school: string;
  region: string;
  /** Where a confirmation e-mail leads (hosted projects that confirm addresses). */
  emailRedirectTo: string;
}

export type SignUpOutcome =
  | { ok: true; signedIn: boolean }
  | { ok: false; code: 'exists' | 'weak_password' | 'rate_limited' | 'failed' };

/** Registers a teacher or committee member; `signedIn` is false when the project waits for e-mail confirmation. */
export async function signUp(input: SignUpInput): Promise<SignUpOutcome> {
  const { data, error } = await authClient().auth.signUp({
    email: input.email,
    password: input.password,
    options: {
      data: { display_name: input.displayName, school: input.school, region: input.region },
      emailRedirectTo: input.emailRedirectTo,
    },
  });
  if (!error) return { ok: true, signedIn: data.session !== null };
  const code =
    error.code === 'user_already_exists' || error.code === 'email_exists'
      ? 'exists'
      : error.code === 'weak_password'
        ? 'weak_password'
        : error.status === 429
          ? 'rate_limited'
          : 'failed';
  return { ok: false, code };
}

/** Calls `onRecovery` when the page was opened from a password-reset link; returns the unsubscribe. */
export function onPasswordRecovery(onRecovery: () => void): () => void {
  const { data } = authClient().auth.onAuthStateChange((event) => {
    if (event === 'PASSWORD_RECOVERY') onRecovery();
  });
  return () => data.subscription.unsubscribe();
}

export type ChangePasswordOutcome = 'ok' | 'wrong_current' | 'same' | 'weak_password' | 'failed';

/**
 * Sets a new password. Outside a recovery link the current password goes
 * with it (`current_password`, which the local stack requires, as GoTrue
 * does with UPDATE_PASSWORD_REQUIRE_CURRENT_PASSWORD) and is checked by a
 * sign-in first, which also gives a fresh session for a hosted project's
 * `secure_password_change` (reauthentication for sessions over 24 h old).
 */
export async function changePassword(
  client: AuthClient,
  { email, current, password }: { email: string; current: string | undefined; password: string },
): Promise<ChangePasswordOutcome> {
  if (current !== undefined) {
    const check = await client.auth.signInWithPassword({ email, password: current });
    if (check.error) return check.error.status === 400 ? 'wrong_current' : 'failed';
  }
  const { error } = await client.auth.updateUser(current === undefined ? { password } : { password, current_password: current });
  if (!error) return 'ok';
  if (error.code === 'reauthentication_not_valid' || error.code === 'reauthentication_needed') return 'wrong_current';
  return error.code === 'same_password' ? 'same' : error.code === 'weak_password' ? 'weak_password' : 'failed';
}

/** Signs out in this browser only: the teacher may be signed in on the projector too. */
export async function signOut(): Promise<void> {
  await authClient().auth.signOut({ scope: 'local' });
}
