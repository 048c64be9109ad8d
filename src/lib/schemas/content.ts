import { z } from 'astro/zod';
import { campaignScopes } from '../regions.ts';
import { locales } from '../../i18n/locales.ts';

export const pillars = ['prosecution', 'protection', 'coordination', 'prevention'] as const;
export const audiences = ['students', 'teachers', 'parents', 'public'] as const;
export const activityAgeBands = ['12-14', '15-17', '18+'] as const;
export const activityThemes = ['school', 'family', 'online', 'community', 'work_abroad', 'other'] as const;

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase words joined by hyphens');

/** Every fact on the site names where it comes from. */
export const sourceSchema = z.object({
  title: z.string().min(3, 'a source needs a title'),
  url: z.url('a source needs a full URL'),
  publisher: z.string().optional(),
  year: z.number().int().min(1990).max(2100).optional(),
});

/** What every translated, sourced entry shares: campaigns and classroom activities. */
export const translatedEntrySchema = z.object({
  translationKey: slug,
  locale: z.enum(locales),
  title: z.string().min(3).max(120),
  summary: z.string().min(20).max(320),
  lastReviewed: z.coerce.date(),
  sources: z.array(sourceSchema).min(1, 'cite at least one source for the facts stated'),
});

/**
 * Campaign front matter. The cover image type is injected because Astro's
 * `image()` helper only exists inside `content.config.ts`.
 */
export function campaignSchema<Image extends z.ZodType>(image: Image) {
  return translatedEntrySchema
    .extend({
      region: z.enum(campaignScopes),
      pillars: z.array(z.enum(pillars)).min(1, 'name at least one pillar'),
      startDate: z.coerce.date(),
      endDate: z.coerce.date().optional(),
      audience: z.array(z.enum(audiences)).min(1, 'name at least one audience'),
      cover: z
        .object({ src: image, alt: z.string().trim().min(5, 'cover image needs alt text') })
        .optional(),
      callToAction: z.object({ label: z.string().min(3), href: z.string().startsWith('/', 'use a site path') }),
    })
    .refine((campaign) => !campaign.endDate || campaign.endDate >= campaign.startDate, {
      message: 'endDate must not be before startDate',
      path: ['endDate'],
    });
}

export const activitySchema = translatedEntrySchema.extend({
  ageBands: z.array(z.enum(activityAgeBands)).min(1),
  durationMinutes: z.number().int().min(10).max(90),
  themes: z.array(z.enum(activityThemes)).min(1),
  materials: z.array(z.string().min(2)).min(1),
  goals: z.array(z.string().min(5)).min(1, 'state at least one learning goal'),
});

/** Long-form pages (strategy, help, privacy, about): prose that editors own, sources where facts are stated. */
export const pageSchema = translatedEntrySchema.extend({
  sources: z.array(sourceSchema),
});

export const regionSchema = z.object({
  id: slug,
  name: z.object({ sq: z.string().min(3), en: z.string().min(3) }),
  pilot: z.boolean(),
  committee: z.object({ sq: z.string().min(20), en: z.string().min(20) }).optional(),
});

export type Pillar = (typeof pillars)[number];
export type Audience = (typeof audiences)[number];
