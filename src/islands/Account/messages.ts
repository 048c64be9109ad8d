/**
 * The strings each account island needs; pages pick them with
 * `pickMessages(locale, keys)` so a bundle carries one language only.
 */
import type { MessageKey } from '../../i18n/sq.ts';

export const gateMessageKeys = [
  'account.loading',
  'account.failed',
  'account.signedOutTitle',
  'account.signedOutText',
  'account.signInLink',
  'account.waiting.title',
  'account.waiting.text',
  'teacher.notTeacher',
] as const satisfies readonly MessageKey[];

const credentialKeys = [
  'account.email',
  'account.password',
  'account.passwordHint',
  'account.failed',
  'account.validation.emailInvalid',
  'account.validation.passwordRequired',
  'account.validation.passwordTooShort',
  'account.validation.passwordTooLong',
] as const satisfies readonly MessageKey[];

export const signInMessageKeys = [
  ...credentialKeys,
  'account.signIn.submit',
  'account.signIn.busy',
  'account.signIn.invalid',
  'account.signIn.rateLimited',
  'account.signIn.sharedComputer',
  'account.forgot.title',
  'account.forgot.text',
  'account.forgot.submit',
  'account.forgot.sent',
  'account.forgot.unavailable',
] as const satisfies readonly MessageKey[];

export const signUpMessageKeys = [
  ...credentialKeys,
  'account.signUp.name',
  'account.signUp.school',
  'account.signUp.region',
  'account.signUp.regionChoose',
  'account.signUp.submit',
  'account.signUp.busy',
  'account.signUp.exists',
  'account.signUp.weakPassword',
  'account.signUp.checkEmail',
  'account.signIn.rateLimited',
  'account.waiting.title',
  'account.waiting.text',
  'account.validation.nameRequired',
  'account.validation.nameTooLong',
  'account.validation.regionRequired',
  'validation.session.schoolRequired',
  'validation.session.schoolTooShort',
  'validation.session.schoolTooLong',
] as const satisfies readonly MessageKey[];

export const accountHomeMessageKeys = [
  ...gateMessageKeys,
  'account.home.signedInAs',
  'account.home.roles',
  'account.home.teacherApproved',
  'account.home.teacherWaiting',
  'account.home.moderator',
  'account.home.coordinator',
  'account.home.noRole',
  'account.home.teachersLink',
  'account.home.queueLink',
  'account.home.overviewLink',
  'account.home.passwordLink',
  'account.signOut',
  'account.signOut.busy',
  'account.signedOut',
] as const satisfies readonly MessageKey[];

export const passwordMessageKeys = [
  ...gateMessageKeys,
  ...credentialKeys,
  'account.password.current',
  'account.password.new',
  'account.password.confirm',
  'account.password.submit',
  'account.password.saved',
  'account.password.recovery',
  'account.password.wrongCurrent',
  'account.password.same',
  'account.validation.passwordsDiffer',
  'account.signUp.weakPassword',
] as const satisfies readonly MessageKey[];

export type Messages<K extends MessageKey> = Record<K, string>;
export type GateMessages = Messages<(typeof gateMessageKeys)[number]>;
