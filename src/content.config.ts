import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { activitySchema, campaignSchema, pageSchema, regionSchema } from './lib/schemas/content.ts';

// Content lives in the top-level content/ folder, where editors work, not in src/.
const regions = defineCollection({
  loader: file('content/regions.json'),
  schema: regionSchema,
});

const campaigns = defineCollection({
  loader: glob({ pattern: '**/*.md', base: 'content/campaigns' }),
  schema: ({ image }) => campaignSchema(image()),
});

const activities = defineCollection({
  loader: glob({ pattern: '**/*.md', base: 'content/activities' }),
  schema: activitySchema,
});

const pages = defineCollection({
  loader: glob({ pattern: '**/*.md', base: 'content/pages' }),
  schema: pageSchema,
});

export const collections = { regions, campaigns, activities, pages };
