import { describe, expect, it } from 'vitest';
import {
  planActivitySchema,
  planActivityStatuses,
  responsibleInstitutions,
  type PlanActivityInput,
} from '../../../src/lib/schemas/planActivity.ts';

const valid: PlanActivityInput = {
  title: 'Takime informuese në shkollat e Kukësit',
  responsibleInstitution: 'education_directorate',
  timelineStart: '2025-03-01',
  timelineEnd: '2025-06-30',
};

function messagesFor(input: Record<string, unknown>, field: string): string[] {
  const result = planActivitySchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.filter((issue) => issue.path.join('.') === field).map((issue) => issue.message);
}

describe('planActivitySchema', () => {
  it('accepts a minimal activity and fills the defaults', () => {
    const activity = planActivitySchema.parse(valid);
    expect(activity.status).toBe('planned');
    expect(activity.progress).toBe(0);
    expect(activity.partners).toEqual([]);
    expect(activity.description).toBeUndefined();
  });

  describe('title', () => {
    it.each([
      [2, ['validation.plan.titleTooShort']],
      [3, []],
      [200, []],
      [201, ['validation.plan.titleTooLong']],
    ])('%i characters → %j', (length, expected) => {
      expect(messagesFor({ ...valid, title: 'T'.repeat(length) }, 'title')).toEqual(expected);
    });

    it('trims before measuring', () => {
      expect(messagesFor({ ...valid, title: '  ab  ' }, 'title')).toEqual(['validation.plan.titleTooShort']);
      expect(planActivitySchema.parse({ ...valid, title: '  Fushatë  ' }).title).toBe('Fushatë');
    });

    it('is required', () => {
      expect(messagesFor({ ...valid, title: undefined }, 'title')).toEqual(['validation.plan.titleRequired']);
    });
  });

  describe('description', () => {
    it.each([
      [2000, []],
      [2001, ['validation.plan.descriptionTooLong']],
    ])('%i characters → %j', (length, expected) => {
      expect(messagesFor({ ...valid, description: 'd'.repeat(length) }, 'description')).toEqual(expected);
    });

    it('turns an empty description into undefined', () => {
      expect(planActivitySchema.parse({ ...valid, description: '  ' }).description).toBeUndefined();
    });
  });

  describe('responsible institution', () => {
    it.each(responsibleInstitutions.filter((i) => i !== 'other'))('accepts %s without free text', (institution) => {
      expect(planActivitySchema.safeParse({ ...valid, responsibleInstitution: institution }).success).toBe(true);
    });

    it.each([['police'], [''], [undefined]])('rejects %j', (institution) => {
      expect(messagesFor({ ...valid, responsibleInstitution: institution }, 'responsibleInstitution')).toEqual([
        'validation.plan.institutionRequired',
      ]);
    });

    it('needs the free text when "other" is chosen', () => {
      expect(
        messagesFor({ ...valid, responsibleInstitution: 'other' }, 'responsibleInstitutionOther'),
      ).toEqual(['validation.plan.institutionOtherRequired']);
      expect(
        messagesFor({ ...valid, responsibleInstitution: 'other', responsibleInstitutionOther: '   ' }, 'responsibleInstitutionOther'),
      ).toEqual(['validation.plan.institutionOtherRequired']);
    });

    it('keeps the free text with "other"', () => {
      const activity = planActivitySchema.parse({
        ...valid,
        responsibleInstitution: 'other',
        responsibleInstitutionOther: ' Bashkia Kukës ',
      });
      expect(activity.responsibleInstitutionOther).toBe('Bashkia Kukës');
    });

    it('drops the free text when an institution from the list is chosen', () => {
      const activity = planActivitySchema.parse({ ...valid, responsibleInstitutionOther: 'Bashkia Kukës' });
      expect(activity.responsibleInstitutionOther).toBeUndefined();
    });

    it('limits the free text to 200 characters', () => {
      expect(
        messagesFor(
          { ...valid, responsibleInstitution: 'other', responsibleInstitutionOther: 'x'.repeat(201) },
          'responsibleInstitutionOther',
        ),
      ).toEqual(['validation.plan.institutionOtherTooLong']);
    });
  });

  describe('partners', () => {
    it('trims each partner', () => {
      expect(planActivitySchema.parse({ ...valid, partners: [' Policia e Shtetit ', 'OJF Tjetër Vizion'] }).partners).toEqual([
        'Policia e Shtetit',
        'OJF Tjetër Vizion',
      ]);
    });

    it('rejects an empty partner', () => {
      expect(messagesFor({ ...valid, partners: ['Policia', '  '] }, 'partners.1')).toEqual(['validation.plan.partnerInvalid']);
    });

    it('rejects more than 20 partners', () => {
      const partners = Array.from({ length: 21 }, (_, i) => `Partner ${i}`);
      expect(messagesFor({ ...valid, partners }, 'partners')).toEqual(['validation.plan.tooManyPartners']);
    });

    it('rejects a string instead of a list', () => {
      expect(messagesFor({ ...valid, partners: 'Policia' }, 'partners')).toEqual(['validation.plan.partnerInvalid']);
    });
  });

  describe('indicator and target', () => {
    it('keeps them trimmed', () => {
      const activity = planActivitySchema.parse({ ...valid, indicator: ' Nxënës të informuar ', target: ' 500 ' });
      expect(activity.indicator).toBe('Nxënës të informuar');
      expect(activity.target).toBe('500');
    });

    it('limits them to 500 characters', () => {
      expect(messagesFor({ ...valid, indicator: 'i'.repeat(501) }, 'indicator')).toEqual(['validation.plan.indicatorTooLong']);
      expect(messagesFor({ ...valid, target: 't'.repeat(501) }, 'target')).toEqual(['validation.plan.targetTooLong']);
    });
  });

  describe('timeline', () => {
    it('accepts an activity of one day', () => {
      expect(messagesFor({ ...valid, timelineStart: '2025-05-01', timelineEnd: '2025-05-01' }, 'timelineEnd')).toEqual([]);
    });

    it('rejects an end before the start', () => {
      expect(messagesFor({ ...valid, timelineStart: '2025-05-02', timelineEnd: '2025-05-01' }, 'timelineEnd')).toEqual([
        'validation.plan.timelineEndBeforeStart',
      ]);
    });

    it('compares across years', () => {
      expect(messagesFor({ ...valid, timelineStart: '2025-12-01', timelineEnd: '2026-01-15' }, 'timelineEnd')).toEqual([]);
    });

    it.each([['2025-02-30'], ['01/03/2025'], [''], [undefined]])('rejects the start %j', (timelineStart) => {
      expect(messagesFor({ ...valid, timelineStart }, 'timelineStart')).toEqual(['validation.plan.timelineStartInvalid']);
    });

    it('rejects an invalid end without comparing', () => {
      expect(messagesFor({ ...valid, timelineEnd: '2025-13-01' }, 'timelineEnd')).toEqual(['validation.plan.timelineEndInvalid']);
    });
  });

  describe('status and progress', () => {
    it.each(planActivityStatuses)('accepts the status %s', (status) => {
      expect(planActivitySchema.parse({ ...valid, status }).status).toBe(status);
    });

    it('rejects an unknown status', () => {
      expect(messagesFor({ ...valid, status: 'cancelled' }, 'status')).toEqual(['validation.plan.statusInvalid']);
    });

    it.each([
      [-1, ['validation.plan.progressRange']],
      [0, []],
      [100, []],
      [101, ['validation.plan.progressRange']],
      [50.5, ['validation.plan.progressRange']],
      ['50', ['validation.plan.progressRange']],
    ])('progress %j → %j', (progress, expected) => {
      expect(messagesFor({ ...valid, progress }, 'progress')).toEqual(expected);
    });
  });
});
