/**
 * The strings each teacher island needs, picked by its page with
 * `pickMessages(locale, keys)`.
 */
import type { MessageKey } from '../../i18n/sq.ts';
import { ideaMessages } from '../../lib/schemas/idea.ts';
import { sessionMessages } from '../../lib/schemas/session.ts';
import { gateMessageKeys } from '../Account/messages.ts';

const statusKeys = ['teacher.status.scheduled', 'teacher.status.open', 'teacher.status.closed'] as const satisfies readonly MessageKey[];
const gradeKeys = ['teacher.new.gradeBand.6-9', 'teacher.new.gradeBand.10-12'] as const satisfies readonly MessageKey[];
const themeKeys = ['theme.school', 'theme.family', 'theme.online', 'theme.community', 'theme.work_abroad', 'theme.other'] as const satisfies readonly MessageKey[];

export const mySessionsMessageKeys = [
  ...gateMessageKeys,
  ...statusKeys,
  ...gradeKeys,
  ...themeKeys,
  'teacher.newSession',
  'teacher.empty',
  'teacher.sessionsTitle',
  'teacher.when',
  'teacher.counts.total',
  'teacher.counts.pending',
  'teacher.counts.approved',
  'teacher.counts.adopted',
  'teacher.counts.rejected',
  'teacher.openScreen',
  'teacher.openSheet',
  'teacher.openTranscribe',
  'teacher.published.show',
  'teacher.published.none',
  'teacher.published.note',
  'teacher.code',
  'teacher.activity',
  'teacher.noActivity',
] as const satisfies readonly MessageKey[];

export const newSessionMessageKeys = [
  ...gateMessageKeys,
  ...gradeKeys,
  ...(Object.values(sessionMessages) satisfies readonly MessageKey[]),
  'teacher.new.school',
  'teacher.new.gradeBand',
  'teacher.new.activity',
  'teacher.new.campaign',
  'teacher.new.none',
  'teacher.new.opensAt',
  'teacher.new.closesAt',
  'teacher.new.windowHint',
  'teacher.new.maxIdeas',
  'teacher.new.studentsPresent',
  'teacher.new.studentsPresentHint',
  'teacher.new.submit',
  'teacher.new.busy',
  'teacher.new.notAllowed',
  'teacher.new.failed',
] as const satisfies readonly MessageKey[];

export const sessionScreenMessageKeys = [
  ...gateMessageKeys,
  ...statusKeys,
  'teacher.screen.codeLabel',
  'teacher.screen.qrLabel',
  'teacher.screen.joinAt',
  'teacher.screen.remaining',
  'teacher.screen.opensIn',
  'teacher.screen.ended',
  'teacher.screen.count',
  'teacher.screen.countOf',
  'teacher.screen.extend',
  'teacher.screen.close',
  'teacher.screen.closeConfirm',
  'teacher.screen.extended',
  'teacher.screen.closed',
  'teacher.screen.actionFailed',
  'teacher.screen.paused',
  'teacher.screen.notFound',
  'teacher.screen.back',
  'teacher.openSheet',
  'teacher.openTranscribe',
] as const satisfies readonly MessageKey[];

export const sessionSheetMessageKeys = [
  ...gateMessageKeys,
  'teacher.screen.codeLabel',
  'teacher.screen.qrLabel',
  'teacher.screen.notFound',
  'teacher.screen.back',
  'teacher.sheet.heading',
  'teacher.sheet.step1',
  'teacher.sheet.step2',
  'teacher.sheet.step3',
  'teacher.sheet.noNames',
  'teacher.sheet.print',
  'teacher.sheet.open',
] as const satisfies readonly MessageKey[];

export const transcribeMessageKeys = [
  ...gateMessageKeys,
  'teacher.transcribe.navLabel',
  'teacher.transcribe.backToSession',
  ...themeKeys,
  ...(Object.values(ideaMessages) satisfies readonly MessageKey[]),
  'ageBand.12-14',
  'ageBand.15-17',
  'ageBand.18+',
  'teacher.code',
  'teacher.screen.notFound',
  'teacher.screen.back',
  'teacher.transcribe.text',
  'teacher.transcribe.canDo',
  'teacher.transcribe.theme',
  'teacher.transcribe.ageBand',
  'teacher.transcribe.ageBandNone',
  'teacher.transcribe.consent',
  'teacher.transcribe.consentYes',
  'teacher.transcribe.consentNo',
  'teacher.transcribe.submit',
  'teacher.transcribe.busy',
  'teacher.transcribe.sent',
  'teacher.transcribe.slipsTitle',
  'teacher.transcribe.slip',
  'teacher.transcribe.slipTrack',
  'teacher.transcribe.printSlips',
  'teacher.transcribe.error.session_closed',
  'teacher.transcribe.error.session_not_open',
  'teacher.transcribe.error.session_full',
  'teacher.transcribe.error.rate_limited',
  'teacher.transcribe.error.not_allowed',
  'teacher.transcribe.error.failed',
] as const satisfies readonly MessageKey[];

export type MessagesOf<K extends readonly MessageKey[]> = Record<K[number], string>;
