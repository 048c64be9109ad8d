import { describe, expect, it } from 'vitest';
import {
  MAX_IDEAS_DEFAULT,
  SESSION_WINDOW_MAX_HOURS,
  createSessionSchema,
  gradeBands,
  sessionSchema,
  type SessionInput,
} from '../../../src/lib/schemas/session.ts';

const NOW = new Date('2025-03-10T09:00:00Z');
const schema = createSessionSchema(() => NOW);
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

const valid: SessionInput = {
  school: 'Shkolla 9-vjeçare "Hasan Prishtina"',
  gradeBand: '6-9',
  opensAt: NOW,
  closesAt: minutes(60),
};

function messagesFor(input: Record<string, unknown>, field: string): string[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.filter((issue) => issue.path.join('.') === field).map((issue) => issue.message);
}

describe('sessionSchema', () => {
  it('accepts the form defaults: now → +60 minutes', () => {
    const session = schema.parse(valid);
    expect(session.maxIdeas).toBe(MAX_IDEAS_DEFAULT);
    expect(session.studentsPresent).toBeUndefined();
    expect(session.activitySlug).toBeUndefined();
  });

  describe('school', () => {
    it.each([
      [1, ['validation.session.schoolTooShort']],
      [2, []],
      [120, []],
      [121, ['validation.session.schoolTooLong']],
    ])('%i characters → %j', (length, expected) => {
      expect(messagesFor({ ...valid, school: 'S'.repeat(length) }, 'school')).toEqual(expected);
    });

    it('trims the name', () => {
      expect(schema.parse({ ...valid, school: '  Shkolla Kukës  ' }).school).toBe('Shkolla Kukës');
      expect(messagesFor({ ...valid, school: '   A   ' }, 'school')).toEqual(['validation.session.schoolTooShort']);
    });

    it('is required', () => {
      expect(messagesFor({ ...valid, school: undefined }, 'school')).toEqual(['validation.session.schoolRequired']);
    });
  });

  describe('gradeBand', () => {
    it.each(gradeBands)('accepts %s', (gradeBand) => {
      expect(messagesFor({ ...valid, gradeBand }, 'gradeBand')).toEqual([]);
    });

    it.each([['1-5'], ['12-14'], [''], [undefined]])('rejects %j', (gradeBand) => {
      expect(messagesFor({ ...valid, gradeBand }, 'gradeBand')).toEqual(['validation.session.gradeBandRequired']);
    });
  });

  describe('activity and campaign', () => {
    it('accepts collection slugs', () => {
      const session = schema.parse({ ...valid, activitySlug: 'oferta-pune-e-rreme', campaignSlug: 'jave-2025' });
      expect(session.activitySlug).toBe('oferta-pune-e-rreme');
      expect(session.campaignSlug).toBe('jave-2025');
    });

    it.each([[''], [null], [undefined]])('treats %j as no activity', (activitySlug) => {
      expect(schema.parse({ ...valid, activitySlug }).activitySlug).toBeUndefined();
    });

    it.each([['Oferta Pune'], ['../etc'], ['-start'], ['a'.repeat(101)]])('rejects the activity %j', (activitySlug) => {
      expect(messagesFor({ ...valid, activitySlug }, 'activitySlug')).toEqual(['validation.session.activityInvalid']);
    });

    it('rejects a campaign that is not a slug', () => {
      expect(messagesFor({ ...valid, campaignSlug: 'Java 2025' }, 'campaignSlug')).toEqual([
        'validation.session.campaignInvalid',
      ]);
    });
  });

  describe('time window', () => {
    it('accepts exactly 8 hours', () => {
      expect(messagesFor({ ...valid, closesAt: minutes(SESSION_WINDOW_MAX_HOURS * 60) }, 'closesAt')).toEqual([]);
    });

    it('rejects 8 hours and one minute', () => {
      expect(messagesFor({ ...valid, closesAt: minutes(SESSION_WINDOW_MAX_HOURS * 60 + 1) }, 'closesAt')).toEqual([
        'validation.session.windowTooLong',
      ]);
    });

    it('rejects closing before opening', () => {
      expect(messagesFor({ ...valid, opensAt: minutes(60), closesAt: minutes(30) }, 'closesAt')).toEqual([
        'validation.session.closesBeforeOpens',
      ]);
    });

    it('rejects closing at the moment it opens', () => {
      expect(messagesFor({ ...valid, opensAt: minutes(30), closesAt: minutes(30) }, 'closesAt')).toEqual([
        'validation.session.closesBeforeOpens',
      ]);
    });

    it('rejects a window that has already ended', () => {
      expect(messagesFor({ ...valid, opensAt: minutes(-120), closesAt: minutes(-60) }, 'closesAt')).toEqual([
        'validation.session.closesInPast',
      ]);
    });

    it('rejects a window ending exactly now', () => {
      expect(messagesFor({ ...valid, opensAt: minutes(-60), closesAt: NOW }, 'closesAt')).toEqual([
        'validation.session.closesInPast',
      ]);
    });

    it('accepts a window that opened a few minutes ago (the form took a while)', () => {
      expect(messagesFor({ ...valid, opensAt: minutes(-5), closesAt: minutes(55) }, 'closesAt')).toEqual([]);
    });

    it('accepts a session scheduled for tomorrow', () => {
      expect(messagesFor({ ...valid, opensAt: minutes(24 * 60), closesAt: minutes(25 * 60) }, 'closesAt')).toEqual([]);
    });

    it('checks the window even when another field is invalid', () => {
      expect(messagesFor({ ...valid, school: '', closesAt: minutes(-1) }, 'closesAt')).toEqual([
        'validation.session.closesBeforeOpens',
        'validation.session.closesInPast',
      ]);
    });

    it('reads the clock at every check, not when the schema is made', () => {
      let now = NOW;
      const moving = createSessionSchema(() => now);
      expect(moving.safeParse(valid).success).toBe(true);
      now = minutes(61);
      expect(moving.safeParse(valid).success).toBe(false);
    });

    it('uses the real clock by default', () => {
      const soon = new Date(Date.now() + 60_000);
      expect(sessionSchema.safeParse({ ...valid, opensAt: new Date(), closesAt: soon }).success).toBe(true);
      expect(sessionSchema.safeParse({ ...valid, opensAt: NOW, closesAt: minutes(60) }).success).toBe(false);
    });

    it('accepts date strings as a datetime input gives them', () => {
      const session = schema.parse({ ...valid, opensAt: '2025-03-10T09:00:00Z', closesAt: '2025-03-10T10:00:00Z' });
      expect(session.opensAt).toEqual(NOW);
      expect(session.closesAt).toEqual(minutes(60));
    });

    it.each([[''], ['not a date'], [null], [undefined]])('rejects the opening time %j', (opensAt) => {
      expect(messagesFor({ ...valid, opensAt }, 'opensAt')).toEqual(['validation.session.opensAtInvalid']);
    });

    it('rejects an invalid closing time without window errors', () => {
      expect(messagesFor({ ...valid, closesAt: 'tomorrow' }, 'closesAt')).toEqual([
        'validation.session.closesAtInvalid',
      ]);
    });
  });

  describe('maxIdeas', () => {
    it.each([
      [0, ['validation.session.maxIdeasRange']],
      [1, []],
      [200, []],
      [201, ['validation.session.maxIdeasRange']],
      [10.5, ['validation.session.maxIdeasRange']],
      [Number.NaN, ['validation.session.maxIdeasRange']],
      ['40', ['validation.session.maxIdeasRange']],
    ])('%j → %j', (maxIdeas, expected) => {
      expect(messagesFor({ ...valid, maxIdeas }, 'maxIdeas')).toEqual(expected);
    });

    it('defaults to 40', () => {
      expect(schema.parse(valid).maxIdeas).toBe(40);
    });
  });

  describe('studentsPresent', () => {
    it.each([
      [-1, ['validation.session.studentsPresentRange']],
      [0, []],
      [100, []],
      [101, ['validation.session.studentsPresentRange']],
      [12.5, ['validation.session.studentsPresentRange']],
      ['12', ['validation.session.studentsPresentRange']],
    ])('%j → %j', (studentsPresent, expected) => {
      expect(messagesFor({ ...valid, studentsPresent }, 'studentsPresent')).toEqual(expected);
    });

    it.each([[Number.NaN], [''], [null], [undefined]])('treats an emptied field (%j) as not given', (studentsPresent) => {
      expect(schema.parse({ ...valid, studentsPresent }).studentsPresent).toBeUndefined();
    });

    it('keeps a count', () => {
      expect(schema.parse({ ...valid, studentsPresent: 24 }).studentsPresent).toBe(24);
    });
  });
});
