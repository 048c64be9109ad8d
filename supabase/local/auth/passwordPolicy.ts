import { readFileSync } from 'node:fs';
import { AuthError } from './users.ts';

/** bcrypt reads at most 72 bytes: anything past them would be silently ignored. */
export const MAX_PASSWORD_BYTES = 72;

let common: ReadonlySet<string> | undefined;

/**
 * The shipped list of common passwords (commonPasswords.txt), lower-cased.
 * Read once, on first use: about 12 kB.
 */
export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readFileSync(new URL('./commonPasswords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
  return common;
}

/**
 * GoTrue's checkPasswordStrength with a local list instead of
 * HaveIBeenPwned: 422 `weak_password` with `weak_password.reasons`
 * (`length`, `pwned`), the messages joined as GoTrue joins them. Length is
 * counted in characters for the minimum and in UTF-8 bytes for bcrypt's
 * maximum, so `ë`×40 (80 bytes) is refused rather than cut to 36 letters.
 */
export function checkPasswordStrength(password: string | undefined, minLength: number): string {
  if (password === undefined || password === '') throw new AuthError(422, 'validation_failed', 'Signup requires a valid password');
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) {
    throw new AuthError(422, 'weak_password', `Password cannot be longer than ${MAX_PASSWORD_BYTES} bytes.`, { weak_password: { reasons: ['length'] } });
  }
  const reasons: string[] = [];
  const messages: string[] = [];
  if ([...password].length < minLength) {
    reasons.push('length');
    messages.push(`Password should be at least ${minLength} characters.`);
  }
  if (commonPasswords().has(password.toLowerCase())) {
    reasons.push('pwned');
    messages.push('Password is known to be weak and easy to guess, please choose a different one.');
  }
  if (reasons.length > 0) throw new AuthError(422, 'weak_password', messages.join(' '), { weak_password: { reasons } });
  return password;
}
