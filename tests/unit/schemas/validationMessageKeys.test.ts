import { describe, expect, it } from 'vitest';
import { ideaSchema } from '../../../src/lib/schemas/idea.ts';
import { planActivitySchema } from '../../../src/lib/schemas/planActivity.ts';
import { createSessionSchema } from '../../../src/lib/schemas/session.ts';
import { validationMessageKeys } from '../../../src/lib/schemas/validationMessageKeys.ts';

describe('validationMessageKeys', () => {
  it('lists each key once, all under validation.*', () => {
    expect(new Set(validationMessageKeys).size).toBe(validationMessageKeys.length);
    for (const key of validationMessageKeys) expect(key).toMatch(/^validation\.(idea|session|plan)\.[a-zA-Z]+$/);
  });

  it('contains every message the schemas produce for bad input', () => {
    const future = new Date('2030-01-01T10:00:00Z');
    const inputs: Array<[{ safeParse: (v: unknown) => { error?: { issues: Array<{ message: string }> } } }, unknown[]]> = [
      [
        ideaSchema,
        [
          {},
          { sessionCode: 1, text: 1, theme: 1, canDo: 1, ageBand: 1, locale: 1, publishConsent: 1, idempotencyKey: 1, receiptCode: 1 },
          { text: 'x', canDo: 'x'.repeat(501) },
          { text: 'x'.repeat(1001) },
        ],
      ],
      [
        createSessionSchema(() => future),
        [
          {},
          { school: 1, gradeBand: 1, activitySlug: 1, campaignSlug: 1, opensAt: 1, closesAt: 1, maxIdeas: 0, studentsPresent: -1 },
          { school: 'x', opensAt: future, closesAt: future },
          { school: 'x'.repeat(121), opensAt: new Date('2029-12-31T00:00:00Z'), closesAt: new Date('2029-12-31T09:00:00Z') },
        ],
      ],
      [
        planActivitySchema,
        [
          {},
          { title: 1, description: 1, responsibleInstitution: 'other', partners: [''], status: 1, progress: -1 },
          { title: 'x', description: 'x'.repeat(2001), indicator: 'x'.repeat(501), target: 'x'.repeat(501) },
          { title: 'x'.repeat(201), responsibleInstitution: 'other', responsibleInstitutionOther: 'x'.repeat(201), timelineStart: '2025-02-01', timelineEnd: '2025-01-01' },
          { partners: Array(21).fill('p') },
        ],
      ],
    ];
    const produced = new Set<string>();
    for (const [schema, values] of inputs)
      for (const value of values) for (const issue of schema.safeParse(value).error?.issues ?? []) produced.add(issue.message);

    expect([...produced].filter((message) => !(validationMessageKeys as readonly string[]).includes(message))).toEqual([]);
    // Every key in the list can actually be produced, so the list has no stale entries.
    expect(validationMessageKeys.filter((key) => !produced.has(key))).toEqual([]);
  });
});
