/**
 * Sign-in, sign-up and new-password forms. Limits follow Supabase Auth
 * (passwords of at least 10 characters, config.toml's minimum, and at most
 * 72 UTF-8 bytes, bcrypt's limit) and the profile trigger (name ≤ 80,
 * school 2..120 as in the session schema). The list of common passwords is
 * checked by the server only (422 weak_password), so the island does not
 * carry it.
 */
import * as z from 'zod/mini';
import { SCHOOL_MAX, SCHOOL_MIN } from '../../lib/schemas/session.ts';
import { boundedText } from '../../lib/schemas/text.ts';

export const PASSWORD_MIN = 10;
/** In UTF-8 bytes, as bcrypt counts: `ë` takes two. */
export const PASSWORD_MAX = 72;

const utf8 = new TextEncoder();
export const NAME_MAX = 80;

const email = z.string().check(z.trim(), z.email('account.validation.emailInvalid'));
const password = z
  .string({ error: 'account.validation.passwordRequired' })
  .check(
    z.minLength(1, 'account.validation.passwordRequired'),
    z.minLength(PASSWORD_MIN, 'account.validation.passwordTooShort'),
    z.refine((value) => utf8.encode(value).length <= PASSWORD_MAX, 'account.validation.passwordTooLong'),
  );

export const signInSchema = z.object({
  email,
  // Any non-empty password: an old one shorter than today's minimum still signs in.
  password: z.string().check(z.minLength(1, 'account.validation.passwordRequired')),
});

/**
 * The sign-up schema for the regions the page lists (passed in, so the
 * island does not bundle content/regions.json).
 */
export function createSignUpSchema(regionIds: readonly [string, ...string[]]) {
  return z.object({
    displayName: boundedText(1, NAME_MAX, {
      required: 'account.validation.nameRequired',
      tooShort: 'account.validation.nameRequired',
      tooLong: 'account.validation.nameTooLong',
    }),
    email,
    password,
    school: boundedText(SCHOOL_MIN, SCHOOL_MAX, {
      required: 'validation.session.schoolRequired',
      tooShort: 'validation.session.schoolTooShort',
      tooLong: 'validation.session.schoolTooLong',
    }),
    region: z.enum(regionIds, { error: 'account.validation.regionRequired' }),
  });
}

export const newPasswordSchema = z
  .object({ current: z.optional(z.string()), password, confirm: z.string() })
  .check(
    z.refine((v) => v.password === v.confirm, { error: 'account.validation.passwordsDiffer', path: ['confirm'] }),
  );

export type SignInInput = z.input<typeof signInSchema>;
export type SignUpInput = z.input<ReturnType<typeof createSignUpSchema>>;
export type SignUp = z.output<ReturnType<typeof createSignUpSchema>>;
export type NewPasswordInput = z.input<typeof newPasswordSchema>;
