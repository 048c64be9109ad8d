/** The strings of the export, log and administration islands; picked per locale by the pages. */
import type { MessageKey } from '../../i18n/sq.ts';
import { logActions } from '../../lib/logActions.ts';
import { committeeGateMessageKeys } from '../Moderation/messages.ts';

export const exportMessageKeys = [
  ...committeeGateMessageKeys,
  'committee.export.scope',
  'committee.export.allRegions',
  'committee.export.csv',
  'committee.export.json',
  'committee.export.progress',
  'committee.export.ready',
] as const satisfies readonly MessageKey[];

export const logMessageKeys = [
  ...committeeGateMessageKeys,
  'committee.log.action',
  'committee.log.from',
  'committee.log.to',
  'committee.log.when',
  'committee.log.who',
  'committee.log.what',
  'committee.log.idea',
  'committee.log.details',
  'committee.log.system',
  'committee.log.caption',
  'committee.log.empty',
  'committee.log.sentence',
  'committee.log.ideaRef',
  ...logActions.map((action) => `committee.log.did.${action}` as const),
  'committee.filters.any',
  'committee.filters.apply',
  'committee.queue.previous',
  'committee.queue.next',
  'committee.queue.page',
] as const satisfies readonly MessageKey[];

export const adminMessageKeys = [
  ...committeeGateMessageKeys,
  'committee.saved',
  'committee.admin.teachers',
  'committee.admin.waiting',
  'committee.admin.approved',
  'committee.admin.approve',
  'committee.admin.remove',
  'committee.admin.members',
  'committee.admin.appoint',
  'committee.admin.findUser',
  'committee.admin.search',
  'committee.admin.appointTo',
  'committee.admin.calls',
  'committee.admin.noCalls',
  'committee.admin.close',
  'committee.admin.openCall',
  'committee.admin.opensAt',
  'committee.admin.closesAt',
  'committee.admin.maxIdeas',
  'committee.admin.callOpened',
  'committee.admin.colName',
  'committee.admin.colEmail',
  'committee.admin.colSchool',
  'committee.admin.colRegion',
  'committee.admin.colStatus',
  'committee.admin.colAction',
  'committee.admin.colCode',
  'committee.admin.colCloses',
  'committee.admin.overdueFlags',
  'committee.admin.overdueFlagsHint',
  'committee.admin.noOverdueFlags',
  'committee.admin.colReceived',
  'committee.admin.colWorkingDays',
] as const satisfies readonly MessageKey[];

export type ExportMessages = Record<(typeof exportMessageKeys)[number], string>;
export type LogMessages = Record<(typeof logMessageKeys)[number], string>;
export type AdminMessages = Record<(typeof adminMessageKeys)[number], string>;
