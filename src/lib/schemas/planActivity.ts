/**
 * An activity in a regional committee's action plan: what will be done, by
 * which institution, measured how, and when. Ideas adopted by the
 * committee link to these.
 */
import * as z from 'zod/mini';
import { boundedText, cleanText, optionalText, textLength } from './text.ts';

export const PLAN_TITLE_MIN = 3;
export const PLAN_TITLE_MAX = 200;
export const PLAN_DESCRIPTION_MAX = 2000;
export const INSTITUTION_OTHER_MIN = 2;
export const INSTITUTION_OTHER_MAX = 200;
export const PARTNER_MAX = 120;
export const PARTNERS_MAX = 20;
export const INDICATOR_MAX = 500;
export const TARGET_MAX = 500;
export const PROGRESS_MIN = 0;
export const PROGRESS_MAX = 100;
export const responsibleInstitutions = [
  'prefecture',
  'state_police',
  'border_migration_police',
  'state_social_service',
  'public_health',
  'education_directorate',
  'employment_office',
  'civil_society',
  'other',
] as const;
export const planActivityStatuses = ['planned', 'in_progress', 'done', 'archived'] as const;

export type ResponsibleInstitution = (typeof responsibleInstitutions)[number];
export type PlanActivityStatus = (typeof planActivityStatuses)[number];

export const planActivityMessages = {
  titleRequired: 'validation.plan.titleRequired',
  titleTooShort: 'validation.plan.titleTooShort',
  titleTooLong: 'validation.plan.titleTooLong',
  descriptionInvalid: 'validation.plan.descriptionInvalid',
  descriptionTooLong: 'validation.plan.descriptionTooLong',
  institutionRequired: 'validation.plan.institutionRequired',
  institutionOtherRequired: 'validation.plan.institutionOtherRequired',
  institutionOtherTooLong: 'validation.plan.institutionOtherTooLong',
  partnerInvalid: 'validation.plan.partnerInvalid',
  tooManyPartners: 'validation.plan.tooManyPartners',
  indicatorTooLong: 'validation.plan.indicatorTooLong',
  targetTooLong: 'validation.plan.targetTooLong',
  timelineStartInvalid: 'validation.plan.timelineStartInvalid',
  timelineEndInvalid: 'validation.plan.timelineEndInvalid',
  timelineEndBeforeStart: 'validation.plan.timelineEndBeforeStart',
  statusInvalid: 'validation.plan.statusInvalid',
  progressRange: 'validation.plan.progressRange',
} as const;

const m = planActivityMessages;

const partner = z.string({ error: m.partnerInvalid }).check(
  z.overwrite(cleanText),
  z.refine((value) => value.length > 0 && textLength(value) <= PARTNER_MAX, m.partnerInvalid),
);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isIsoDate = (value: unknown): value is string => typeof value === 'string' && ISO_DATE.test(value);

interface Timeline {
  timelineStart: string;
  timelineEnd: string;
}

/**
 * Dates are kept as `YYYY-MM-DD` strings (what `<input type="date">` gives
 * and what a Postgres `date` takes), so comparing them as strings is
 * comparing the dates.
 */
export const planActivitySchema = z
  .pipe(
    z
      .object({
        title: boundedText(PLAN_TITLE_MIN, PLAN_TITLE_MAX, {
          required: m.titleRequired,
          tooShort: m.titleTooShort,
          tooLong: m.titleTooLong,
        }),
        description: optionalText(PLAN_DESCRIPTION_MAX, { invalid: m.descriptionInvalid, tooLong: m.descriptionTooLong }),
        responsibleInstitution: z.enum(responsibleInstitutions, { error: m.institutionRequired }),
        responsibleInstitutionOther: optionalText(INSTITUTION_OTHER_MAX, {
          invalid: m.institutionOtherRequired,
          tooLong: m.institutionOtherTooLong,
        }),
        partners: z._default(
          z.array(partner, { error: m.partnerInvalid }).check(z.maxLength(PARTNERS_MAX, m.tooManyPartners)),
          [],
        ),
        indicator: optionalText(INDICATOR_MAX, { invalid: m.indicatorTooLong, tooLong: m.indicatorTooLong }),
        target: optionalText(TARGET_MAX, { invalid: m.targetTooLong, tooLong: m.targetTooLong }),
        timelineStart: z.iso.date({ error: m.timelineStartInvalid }),
        timelineEnd: z.iso.date({ error: m.timelineEndInvalid }),
        status: z._default(z.enum(planActivityStatuses, { error: m.statusInvalid }), 'planned'),
        progress: z._default(
          z.int({ error: m.progressRange }).check(z.gte(PROGRESS_MIN, m.progressRange), z.lte(PROGRESS_MAX, m.progressRange)),
          0,
        ),
      })
      .check(
        z.refine((v: Timeline) => v.timelineEnd >= v.timelineStart, {
          error: m.timelineEndBeforeStart,
          path: ['timelineEnd'],
          when: (payload) => {
            const v = payload.value as Partial<Record<keyof Timeline, unknown>>;
            return isIsoDate(v.timelineStart) && isIsoDate(v.timelineEnd);
          },
        }),
        z.refine(
          (v: { responsibleInstitution: ResponsibleInstitution; responsibleInstitutionOther?: string | undefined }) =>
            v.responsibleInstitution !== 'other' || v.responsibleInstitutionOther !== undefined,
          {
            error: m.institutionOtherRequired,
            path: ['responsibleInstitutionOther'],
            when: (payload) => (payload.value as { responsibleInstitution?: unknown }).responsibleInstitution === 'other',
          },
        ),
      ),
    // The free-text institution only means something next to "other";
    // dropping it otherwise keeps stored rows consistent.
    z.transform((v) => ({
      ...v,
      responsibleInstitutionOther: v.responsibleInstitution === 'other' ? v.responsibleInstitutionOther : undefined,
    })),
  );

export type PlanActivityInput = z.input<typeof planActivitySchema>;
export type PlanActivity = z.output<typeof planActivitySchema>;
