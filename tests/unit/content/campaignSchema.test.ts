import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { activitySchema, campaignSchema, pageSchema, regionSchema } from '../../../src/lib/schemas/content.ts';

// Astro's image() helper only exists inside content.config.ts; a string stands in for it here.
const schema = campaignSchema(z.string());

const valid = {
  translationKey: 'kukes-job-offers',
  locale: 'sq',
  title: 'Oferta pune jashtë?',
  summary: 'Si ta dallosh një ofertë pune të rreme para se të nisesh.',
  region: 'kukes',
  pillars: ['prevention'],
  startDate: '2026-03-01',
  audience: ['students'],
  callToAction: { label: 'Ndaj idenë', href: '/sq/ideas/' },
  lastReviewed: '2026-11-20',
  sources: [{ title: 'GRETA report on Albania', url: 'https://rm.coe.int/greta' }],
};

function issuesOf(input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('campaign front matter', () => {
  it('accepts a complete campaign', () => {
    expect(issuesOf(valid)).toEqual([]);
  });

  it('rejects a cover image without alt text', () => {
    expect(issuesOf({ ...valid, cover: { src: 'cover.jpg', alt: ' ' } })).toContain('cover.alt: cover image needs alt text');
  });

  it('rejects an unknown region', () => {
    expect(issuesOf({ ...valid, region: 'atlantis' }).some((issue) => issue.startsWith('region:'))).toBe(true);
  });

  it('accepts national campaigns', () => {
    expect(issuesOf({ ...valid, region: 'national' })).toEqual([]);
  });

  it('rejects a campaign without sources', () => {
    expect(issuesOf({ ...valid, sources: [] })).toContain('sources: cite at least one source for the facts stated');
  });

  it('rejects a source without a full URL', () => {
    expect(issuesOf({ ...valid, sources: [{ title: 'Somewhere', url: 'rm.coe.int' }] })).toContain(
      'sources.0.url: a source needs a full URL',
    );
  });

  it('rejects an unknown pillar and an empty pillar list', () => {
    expect(issuesOf({ ...valid, pillars: ['marketing'] }).length).toBeGreaterThan(0);
    expect(issuesOf({ ...valid, pillars: [] })).toContain('pillars: name at least one pillar');
  });

  it('rejects an end date before the start date', () => {
    expect(issuesOf({ ...valid, endDate: '2026-01-01' })).toContain('endDate: endDate must not be before startDate');
  });

  it('rejects a call to action leaving the site', () => {
    expect(issuesOf({ ...valid, callToAction: { label: 'Go', href: 'https://example.com' } })).toContain(
      'callToAction.href: use a site path',
    );
  });

  it('rejects a locale other than sq and en', () => {
    expect(issuesOf({ ...valid, locale: 'it' }).some((issue) => issue.startsWith('locale:'))).toBe(true);
  });
});

describe('activity, page and region front matter', () => {
  const activity = {
    ...valid,
    ageBands: ['12-14'],
    durationMinutes: 30,
    themes: ['online'],
    materials: ['paper'],
    goals: ['Recognise a fake job offer'],
  };

  it('accepts a complete activity and rejects one without learning goals', () => {
    expect(activitySchema.safeParse(activity).success).toBe(true);
    const result = activitySchema.safeParse({ ...activity, goals: [] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('state at least one learning goal');
  });

  it('rejects an activity longer than a lesson', () => {
    expect(activitySchema.safeParse({ ...activity, durationMinutes: 120 }).success).toBe(false);
  });

  it('lets privacy-like pages have no sources', () => {
    const { region: _r, pillars: _p, startDate: _s, audience: _a, callToAction: _c, ...page } = valid;
    expect(pageSchema.safeParse({ ...page, sources: [] }).success).toBe(true);
  });

  it('requires both names of a region', () => {
    expect(regionSchema.safeParse({ id: 'kukes', name: { sq: 'Kukës' }, pilot: true }).success).toBe(false);
  });
});
