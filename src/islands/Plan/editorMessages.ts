/** The strings the plan editor needs; picked per locale by the page. */
import type { MessageKey } from '../../i18n/sq.ts';
import { validationMessageKeys } from '../../lib/schemas/validationMessageKeys.ts';
import { committeeGateMessageKeys } from '../Moderation/messages.ts';

const planValidationKeys = validationMessageKeys.filter((key): key is Extract<MessageKey, `validation.plan.${string}`> =>
  key.startsWith('validation.plan.'),
);

export const planEditorMessageKeys = [
  ...committeeGateMessageKeys,
  ...planValidationKeys,
  'committee.saved',
  'committee.plan.noPlan',
  'committee.plan.archived',
  'committee.plan.addActivity',
  'committee.plan.edit',
  'committee.plan.moveUp',
  'committee.plan.moveDown',
  'committee.plan.archive',
  'committee.plan.archiveObjective',
  'committee.plan.cancel',
  'committee.plan.save',
  'committee.plan.ideas',
  'committee.plan.addObjective',
  'committee.plan.objectiveCode',
  'committee.plan.objectiveTitleSq',
  'committee.plan.objectiveTitleEn',
  'committee.plan.pillar',
  'committee.plan.saveObjective',
  'committee.plan.field.title',
  'committee.plan.field.description',
  'committee.plan.field.institution',
  'committee.plan.field.institutionOther',
  'committee.plan.field.partners',
  'committee.plan.field.indicator',
  'committee.plan.field.target',
  'committee.plan.field.start',
  'committee.plan.field.end',
  'committee.plan.field.status',
  'committee.plan.field.progress',
  'committee.plan.error.code_taken',
  'committee.plan.error.invalid',
  'pillar.prosecution',
  'pillar.protection',
  'pillar.coordination',
  'pillar.prevention',
  'track.activity.status.planned',
  'track.activity.status.in_progress',
  'track.activity.status.done',
  'track.activity.status.archived',
  'track.institution.prefecture',
  'track.institution.state_police',
  'track.institution.border_migration_police',
  'track.institution.state_social_service',
  'track.institution.public_health',
  'track.institution.education_directorate',
  'track.institution.employment_office',
  'track.institution.civil_society',
  'track.institution.other',
] as const satisfies readonly MessageKey[];

export type PlanEditorMessages = Record<(typeof planEditorMessageKeys)[number], string>;
